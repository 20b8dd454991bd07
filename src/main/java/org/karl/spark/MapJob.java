package org.karl.spark;

import static org.karl.Keys.*;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.karl.engine.api.Progress;
import org.karl.image.ij.Luts;
import org.karl.image.ij.Normalization;
import org.karl.ops.FinishedMaps;
import org.karl.ops.InputFiles;
import org.karl.ops.Inputs;
import org.karl.ops.MapFiles;
import org.karl.ops.ModelLocator;
import org.karl.ops.Outputs;
import org.karl.ops.Shards;

/**
 * {@code karl map} on Apache Spark: the driver expands the inputs and names the outputs as
 * {@code karl map} does, one task maps one image (stacks plane by plane) with the model loaded
 * once per executor JVM, and the driver writes the merged table at the end. The files are those
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

	static final String USAGE = "usage: spark-submit [spark options] --class " + MapJob.class
		.getName() + " KARL-spark.jar\n" +
		"         [--model DIR] [--epsilon E] [--budget T] [--verify] [--lut L] [--list FILE]\n" +
		"         [--merged FILE] [--master M] [--normalize MODE ...] --output DIR [FILE_OR_FOLDER...]\n" +
		"  --model DIR    model folder on a shared file system; default: the default model\n" +
		"  --epsilon E    target error; default " + DEFAULT_EPSILON + "\n" +
		"  --budget T     most tokens per tile; default (or 0): T_max\n" +
		"  --verify       check each count by decoding and raise it until E is met, as karl map\n" +
		"                 --verify (columns l1, met, predicted; unreachable tiles outlined)\n" +
		"  --lut L        fire or viridis; default " + DEFAULT_LUT + "\n" +
		"  --list FILE    more inputs, one path a line (blank lines and # comments skipped)\n" +
		"  --output DIR   folder for NAME" + MapFiles.MAP_SUFFIX + " and NAME" + MapFiles.CSV_SUFFIX +
		", as karl map\n" +
		"  --merged FILE  the merged table; default DIR/" + Shards.MERGED + "\n" +
		"  --master M     Spark master when not set by spark-submit; default local[*]\n" +
		"  --normalize MODE  percentile (default), range or none, with --percentile_low P\n" +
		"                 --percentile_high P --normalize_scope plane|stack --range_min V\n" +
		"                 --range_max V, as karl map\n";

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
			out.print(USAGE);
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
	 * Parses the command line (the keys shared with {@code karl map} come from {@code Keys}); null
	 * for --help. Usage errors are IllegalArgumentExceptions saying what to do.
	 */
	static Args parse(final String[] args) throws IOException {
		final List<String> inputs = new ArrayList<>();
		String output = null, model = "", lut = DEFAULT_LUT, merged = null, list = null, master = null;
		float epsilon = (float) DEFAULT_EPSILON;
		int budget = DEFAULT_BUDGET;
		boolean verify = DEFAULT_VERIFY;
		String normalize = DEFAULT_NORMALIZE, scope = DEFAULT_NORMALIZE_SCOPE, min = "", max = "";
		double low = DEFAULT_PERCENTILE_LOW, high = DEFAULT_PERCENTILE_HIGH;
		for (int i = 0; i < args.length; i++) {
			final String a = args[i];
			if (a.equals("-h") || a.equals("--" + KEY_HELP)) return null;
			if (!a.startsWith("--")) {
				inputs.add(a);
				continue;
			}
			if (a.equals("--" + KEY_VERIFY)) { // NB: the one option without a value
				verify = true;
				continue;
			}
			if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value; see --help");
			final String v = args[++i];
			switch (a.substring(2)) {
				case KEY_OUTPUT -> output = v;
				case KEY_MODEL -> model = v;
				case KEY_LUT -> lut = v;
				case "merged" -> merged = v;
				case "list" -> list = v;
				case "master" -> master = v;
				case KEY_EPSILON -> epsilon = (float) number(a, v);
				case KEY_BUDGET -> budget = (int) number(a, v);
				case KEY_NORMALIZE -> normalize = v;
				case KEY_NORMALIZE_SCOPE -> scope = v;
				case KEY_PERCENTILE_LOW -> low = number(a, v);
				case KEY_PERCENTILE_HIGH -> high = number(a, v);
				case KEY_RANGE_MIN -> min = v;
				case KEY_RANGE_MAX -> max = v;
				default -> throw new IllegalArgumentException("unknown option " + a + "; see --help");
			}
		}
		if (output == null) throw new IllegalArgumentException("missing --output DIR; see --help");
		if (list != null) inputs.addAll(readList(Path.of(list)));
		if (inputs.isEmpty()) throw new IllegalArgumentException(
			"no image file or folder given; give paths or --list FILE");
		return new Args(new Request(inputs, output, model, epsilon, budget, lut, merged, Normalization
			.of(normalize, low, high, scope, min, max), verify), master);
	}

	/**
	 * Maps {@code r} with {@code sc}: checks on the driver first (inputs, outputs, model, ε), one
	 * task per image, then the merged table of the images mapped now or before.
	 */
	public static Report run(final JavaSparkContext sc, final Request r, final PrintStream out,
		final PrintStream err) throws IOException
	{
		final long t0 = System.nanoTime();
		final Path output = Path.of(r.output()).toAbsolutePath().normalize();
		final Path merged = r.merged() == null ? output.resolve(Shards.MERGED) : Path.of(r.merged())
			.toAbsolutePath().normalize();
		Luts.get(r.lut());
		final InputFiles.Listing in = InputFiles.expand(r.inputs().stream().map(Path::of).toList(),
			MapFiles::isOutput);
		final Map<Path, String> names = Shards.plan(in.files(), Shards.Shard.ALL);
		MapFiles.checkOutputs(output, names, in.files(), "--" + KEY_OUTPUT);
		for (final Path f : in.files()) {
			if (MapFiles.csv(output, names.get(f)).toAbsolutePath().normalize().equals(merged))
				throw new IllegalArgumentException("input " + f + " has the table " + merged +
					", the merged table's name; give --merged another file");
		}
		Outputs.refuseInputs(merged, in.files(), "--merged");
		Outputs.checkWritableFile(merged, "--merged");
		Outputs.checkWritableFolder(output, "--" + KEY_OUTPUT);
		in.skipped().forEach(s -> err.println("karl spark: note: skipped " + s));
		final Path modelDir = ModelLocator.existing(r.model(), null, "--" + KEY_MODEL).toAbsolutePath()
			.normalize();
		// NB: a bad model or ε fails once, here; in local mode this is the executors' model too.
		Inputs.budget(ExecutorModels.get(modelDir).model(), r.epsilon(), r.budget());

		final List<Item> items = new ArrayList<>();
		for (final Path f : in.files())
			items.add(new Item(f.toAbsolutePath().normalize().toString(), f.toString(), names.get(f)));
		final List<Outcome> outcomes = sc.parallelize(items, Math.max(1, items.size())).map(
			new MapTask(output.toString(), modelDir.toString(), r.epsilon(), r.budget(), r.lut(), r
				.normalize(), r.verify()))
			.collect();

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
		if (!rep.failed().isEmpty()) err.println("karl spark: " + rep.failed().size() + " of " +
			outcomes.size() + " inputs failed (above); the others were mapped; run again to retry them");
		return rep;
	}

	/** One image, on an executor. Failures become the image's record, never the task's. */
	static final class MapTask implements Function<Item, Outcome> {

		private static final long serialVersionUID = 1L;

		private final String output, model, lut;
		private final float epsilon;
		private final int budget;
		private final Normalization normalize;
		private final boolean verify;

		MapTask(final String output, final String model, final float epsilon, final int budget,
			final String lut, final Normalization normalize, final boolean verify)
		{
			this.verify = verify;
			this.normalize = normalize;
			this.output = output;
			this.model = model;
			this.epsilon = epsilon;
			this.budget = budget;
			this.lut = lut;
		}

		@Override
		public Outcome call(final Item it) {
			final long t0 = System.nanoTime();
			final Path out = Path.of(output);
			final String executor = org.apache.spark.SparkEnv.get() == null ? "" : org.apache.spark.SparkEnv
				.get().executorId();
			final FinishedMaps.Status done = FinishedMaps.check(out, it.name());
			if (done.done()) return new Outcome(it.given(), it.name(), "skipped", 0, "", 0, System
				.nanoTime() - t0, executor, "");
			// NB: a damaged output is mapped again, and the note says why
			final String redo = done.damage() == null ? "" : done.damage() + "; mapped again";
			long load = 0;
			try {
				final ExecutorModels.Loaded m = ExecutorModels.get(Path.of(model));
				load = m.takeLoadNanos();
				final MapFiles.Result res = MapFiles.map(Path.of(it.path()), it.given(), out, it.name(), m
					.model(), epsilon, budget, normalize, lut, verify, Progress.NONE);
				final List<String> notes = new ArrayList<>(res.notes());
				if (!redo.isEmpty()) notes.add(0, redo);
				return new Outcome(it.given(), it.name(), "mapped", res.tiles(), String.join("; ", notes),
					load, System.nanoTime() - t0, executor, res.summary());
			}
			catch (final Exception | OutOfMemoryError e) {
				return new Outcome(it.given(), it.name(), "failed", 0, describe(e), load, System.nanoTime() -
					t0, executor, "");
			}
		}
	}

	/** One line: the message, with the exception's type when the message alone says too little. */
	static String describe(final Throwable e) {
		if (e instanceof OutOfMemoryError) return "out of Java heap (" + e.getMessage() +
			"); give executors more, e.g. --executor-memory 8g";
		String m = e.getMessage();
		if (m == null || m.isBlank()) m = e.getClass().getSimpleName();
		else if (!(e instanceof IOException || e instanceof IllegalArgumentException ||
			e instanceof IllegalStateException)) m = e.getClass().getSimpleName() + ": " + m;
		return m.replaceAll("\\s*\\R\\s*", " ").trim();
	}

	private static double number(final String key, final String v) {
		try {
			return Double.parseDouble(v);
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException(key + " " + v + " is not a number; give e.g. " + key +
				" 0.05");
		}
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
