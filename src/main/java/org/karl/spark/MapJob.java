package org.karl.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.karl.cli.MapJobOptions;
import org.karl.engine.api.Progress;
import org.karl.image.ij.Normalization;
import org.karl.ops.Failures;
import org.karl.ops.MapBatch;
import org.karl.ops.MapFiles;
import org.karl.ops.Models;
import org.karl.ops.Shards;

/**
 * {@code karl map} on Apache Spark: the driver expands the inputs and names the outputs as
 * {@code karl map} does, one task maps one image (stacks plane by plane) with the model loaded
 * once per executor JVM ({@link Models.Policy#JVM}), and the driver writes the merged table at the end. The files are those
 * of {@code karl map}, byte for byte ({@link MapFiles}). Inputs whose two outputs exist are
 * skipped, so a re-run finishes what a failed one left. A bad input fails only its own record:
 * all are reported on the driver, and the exit code is 1.
 * <p>
 * Input and output folders must be on a file system every executor sees at the same path (NFS,
 * Lustre, GPFS; not HDFS or S3). See docs/scale-out.md.
 */
public final class MapJob {

	/** Exit codes, as {@code karl}'s. */
	public static final int EXIT_OK = 0, EXIT_FAILURE = 1, EXIT_USAGE = 2;

	/** What to map, as given on the command line; {@code verify} as {@code karl map --verify}. */
	public record Request(List<String> inputs, String output, String model, float epsilon,
		int budget, String lut, String merged, Normalization normalize, boolean verify)
	{

		public Request {
			inputs = List.copyOf(inputs);
			if (normalize == null) normalize = Normalization.DEFAULT;
		}

		/** Without verification. */
		public Request(final List<String> inputs, final String output, final String model,
			final float epsilon, final int budget, final String lut, final String merged,
			final Normalization normalize)
		{
			this(inputs, output, model, epsilon, budget, lut, merged, normalize, false);
		}

		/**
		 * The batch of {@code karl map} ({@link MapBatch.Request}) this asks for: every input, the
		 * output folder and the merged table as absolute paths, which every executor sees alike.
		 */
		public MapBatch.Request batch() {
			final Path out = Path.of(output).toAbsolutePath().normalize();
			return new MapBatch.Request(inputs.stream().map(Path::of).toList(), out, model,
				new MapBatch.Settings(epsilon, budget, lut, normalize, verify), null, merged == null ? out
					.resolve(Shards.MERGED) : Path.of(merged).toAbsolutePath().normalize());
		}

		/** With the default normalisation (per-plane percentiles). */
		public Request(final List<String> inputs, final String output, final String model,
			final float epsilon, final int budget, final String lut, final String merged)
		{
			this(inputs, output, model, epsilon, budget, lut, merged, Normalization.DEFAULT);
		}
	}

	/** One image for one task: the path to read, as given, and its output name. */
	record Item(String path, String given, String name) implements Serializable {}

	/**
	 * What one task did with one image: status "mapped", "skipped" (done before) or "failed";
	 * {@code summary}: the verification line ("" without verify).
	 */
	public record Outcome(String input, String name, String status, long tiles, String message,
		long modelLoadNanos, long nanos, String executor, String summary) implements Serializable
	{

		public boolean failed() {
			return "failed".equals(status);
		}
	}

	/** The job's outcomes in input order, the merged table and the driver's wall time. */
	public record Report(List<Outcome> outcomes, Path merged, long nanos) {

		public List<Outcome> failed() {
			return outcomes.stream().filter(Outcome::failed).toList();
		}

		public long tiles() {
			return outcomes.stream().filter(o -> "mapped".equals(o.status())).mapToLong(Outcome::tiles)
				.sum();
		}
	}

	private MapJob() {}

	public static void main(final String[] args) {
		final int code = run(args, System.out, System.err);
		if (code != EXIT_OK) System.exit(code);
	}

	/** Parses {@code args}, runs the job in a Spark context of its own, prints, exits with a code. */
	public static int run(final String[] args, final PrintStream out, final PrintStream err) {
		final Args parsed;
		try {
			parsed = parse(args);
		}
		catch (final IllegalArgumentException | IOException e) {
			err.println("karl spark: " + describe(e));
			return EXIT_USAGE;
		}
		if (parsed == null) {
			out.print(MapJobOptions.usage());
			return EXIT_OK;
		}
		final Request r = parsed.request();
		final String master = parsed.master();
		final SparkConf conf = new SparkConf().setAppName("karl map");
		// NB: spark-submit sets the master; a plain `java` run gets every local core.
		if (master != null) conf.setMaster(master);
		else conf.setIfMissing("spark.master", "local[*]");
		try (JavaSparkContext sc = new JavaSparkContext(conf)) {
			final Report rep = run(sc, r, out, err);
			return rep.failed().isEmpty() ? EXIT_OK : EXIT_FAILURE;
		}
		catch (final Exception | OutOfMemoryError e) {
			err.println("karl spark: " + describe(e));
			return EXIT_FAILURE;
		}
	}

	/** The command line: what to map, and the Spark master when given. */
	record Args(Request request, String master) {}

	/**
	 * Parses the command line with {@code karl map}'s options ({@link MapJobOptions}, the CLI's
	 * parser) and reads the --list file; null for --help. Usage errors are
	 * IllegalArgumentExceptions saying what to do.
	 */
	static Args parse(final String[] args) throws IOException {
		final MapJobOptions.Parsed p = MapJobOptions.parse(args);
		if (p == null) return null;
		final List<String> inputs = new ArrayList<>(p.inputs());
		if (p.list() != null) inputs.addAll(readList(Path.of(p.list())));
		if (inputs.isEmpty()) throw new IllegalArgumentException(
			"no image file or folder given; give paths or --list FILE");
		return new Args(new Request(inputs, p.output(), p.model(), p.epsilon(), p.budget(), p.lut(), p
			.merged(), p.normalize(), p.verify()), p.master());
	}

	/**
	 * Maps {@code r} with {@code sc}: checks on the driver first ({@link MapBatch#plan}: inputs,
	 * outputs, model, ε), one task per image ({@link MapBatch#step}), then the merged table of the
	 * images mapped now or before.
	 */
	public static Report run(final JavaSparkContext sc, final Request r, final PrintStream out,
		final PrintStream err) throws IOException
	{
		final long t0 = System.nanoTime();
		final MapBatch.Plan plan = MapBatch.plan(r.batch(), n -> err.println("karl spark: note: " + n));
		final Path output = plan.output(), merged = plan.request().merged();
		final Path modelDir = plan.modelDir().toAbsolutePath().normalize();
		// NB: a bad model or ε fails once, here; in local mode this is the executors' model too.
		plan.check(Models.load(modelDir, Models.Policy.JVM).model());

		final List<Item> items = new ArrayList<>();
		plan.names().forEach((f, name) -> items.add(new Item(f.toAbsolutePath().normalize().toString(),
			f.toString(), name)));
		final List<Outcome> outcomes = sc.parallelize(items, Math.max(1, items.size())).map(
			new MapTask(output.toString(), modelDir.toString(), plan.settings())).collect();

		final List<Path> tables = new ArrayList<>();
		for (final Outcome o : outcomes) {
			switch (o.status()) {
				case "mapped" -> {
					out.println(o.input() + ": " + o.tiles() + " tiles -> " + MapFiles.map(output, o.name()));
					if (!o.summary().isEmpty()) out.println(o.summary());
				}
				case "skipped" -> out.println(o.input() + ": done before, skipped");
				default -> err.println("karl spark: " + o.input() + ": " + o.message());
			}
			if (!o.failed()) tables.add(MapFiles.csv(output, o.name()));
			if ("mapped".equals(o.status()) && !o.message().isEmpty()) err.println("karl spark: note: " +
				o.message());
		}
		Shards.merge(tables, merged);
		out.println("merged " + tables.size() + " tables -> " + merged);
		final Report rep = new Report(outcomes, merged, System.nanoTime() - t0);
		if (!rep.failed().isEmpty()) err.println("karl spark: " + MapBatch.failedLine(rep.failed()
			.size(), outcomes.size()) + "; run again to retry them");
		return rep;
	}

	/** One image, on an executor ({@link MapBatch#step}). Failures become the image's record. */
	static final class MapTask implements Function<Item, Outcome> {

		private static final long serialVersionUID = 1L;

		private final String output, model;
		private final MapBatch.Settings settings;

		MapTask(final String output, final String model, final MapBatch.Settings settings) {
			this.output = output;
			this.model = model;
			this.settings = settings;
		}

		@Override
		public Outcome call(final Item it) {
			final long t0 = System.nanoTime();
			final String executor = org.apache.spark.SparkEnv.get() == null ? "" : org.apache.spark.SparkEnv
				.get().executorId();
			final long[] load = { 0 };
			final MapBatch.Step s = MapBatch.step(Path.of(it.path()), it.given(), Path.of(output), it
				.name(), settings, () -> {
					final Models.Loaded m = Models.load(Path.of(model), Models.Policy.JVM);
					load[0] = m.takeLoadNanos();
					return m.model();
				}, true, Failures.SPARK, Progress.NONE);
			final long nanos = System.nanoTime() - t0;
			return switch (s.status()) {
				case SKIPPED -> new Outcome(it.given(), it.name(), "skipped", 0, "", 0, nanos, executor, "");
				case FAILED -> new Outcome(it.given(), it.name(), "failed", 0, s.failure(), load[0], nanos,
					executor, "");
				case MAPPED -> {
					final List<String> notes = new ArrayList<>(s.result().notes());
					// NB: a damaged output is mapped again, and the note says why
					if (s.redo() != null) notes.add(0, s.redo() + "; mapped again");
					yield new Outcome(it.given(), it.name(), "mapped", s.result().tiles(), String.join("; ",
						notes), load[0], nanos, executor, s.result().summary());
				}
			};
		}
	}

	/** One line: what was wrong and, when known, what to do (as every door says it). */
	static String describe(final Throwable e) {
		return Failures.describe(e, Failures.SPARK);
	}

	private static List<String> readList(final Path list) throws IOException {
		if (!Files.isRegularFile(list)) throw new IllegalArgumentException("--list " + list +
			" does not exist; give a text file with one path a line");
		final List<String> out = new ArrayList<>();
		for (final String l : Files.readAllLines(list, StandardCharsets.UTF_8)) {
			final String s = l.strip();
			if (!s.isEmpty() && !s.startsWith("#")) out.add(s);
		}
		return out;
	}
}
