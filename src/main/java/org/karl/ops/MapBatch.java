package org.karl.ops;

import static org.karl.Keys.KEY_MODEL;
import static org.karl.Keys.KEY_OUTPUT;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.karl.engine.api.Progress;
import org.karl.engine.api.Tokenizer;
import org.karl.image.ij.Luts;
import org.karl.image.ij.Normalization;

/**
 * The batch of complexity maps behind {@code karl map} and the Spark job: one {@link #plan}
 * (inputs expanded, output names, the checks that need no model, the model folder) and one
 * {@link #step} per input (skipped when its outputs are finished, else mapped; a failure is
 * that input's record, never the batch's). The doors only read their command line, load the
 * model the way that suits them, and print.
 */
public final class MapBatch {

	/**
	 * How every input is mapped: ε, budget (0: T_max), look-up table, normalisation, verified
	 * counts. Serializable, since the Spark job sends it to its tasks.
	 */
	public record Settings(float epsilon, int budget, String lut, Normalization normalize,
		boolean verify) implements Serializable
	{

		private static final long serialVersionUID = 1L;

		public Settings {
			if (normalize == null) normalize = Normalization.DEFAULT;
		}
	}

	/**
	 * What to map, as a door read it.
	 *
	 * @param inputs image files and folders, as given
	 * @param output the folder of {@code NAME_map.tif} and {@code NAME_tokens.csv}
	 * @param model the model folder as given ({@code ""}: the default model)
	 * @param shard which part of the inputs this run maps, as given ({@code "1/1"}: all)
	 * @param merged the merged table this run writes at the end, or null for none
	 */
	public record Request(List<Path> inputs, Path output, String model, Settings settings,
		String shard, Path merged)
	{

		public Request {
			inputs = List.copyOf(inputs);
			if (model == null) model = "";
			if (shard == null) shard = Shards.Shard.ALL.toString();
		}
	}

	/**
	 * A checked batch: the inputs this run maps with their output names (in input order; names
	 * as over the whole run), how many inputs the whole run has, and the model folder (null when
	 * this run has no input, so no model is needed).
	 */
	public record Plan(Request request, Map<Path, String> names, int total, Path modelDir) {

		/** The folder the outputs go to. */
		public Path output() {
			return request.output();
		}

		public Settings settings() {
			return request.settings();
		}

		/** Refuses a model that cannot map at this ε and budget, once, before any file is read. */
		public void check(final Tokenizer model) {
			Inputs.budget(model, settings().epsilon(), settings().budget());
		}
	}

	/** The model of a step, asked for only when the input is really mapped. */
	public interface ModelSource {

		Tokenizer get() throws IOException;
	}

	/** What a step did with its input. */
	public enum Status {
		MAPPED, SKIPPED, FAILED
	}

	/**
	 * What one step did: {@code result} for a mapped input, {@code redo} the damage of earlier
	 * outputs that were mapped again (or null), {@code failure} the one-line reason of a failed
	 * input (or null).
	 */
	public record Step(Status status, MapFiles.Result result, String redo, String failure) {}

	private MapBatch() {}

	/**
	 * Checks {@code r} before any model is loaded or any file is read, so that a typo fails at
	 * once: the look-up table, the inputs (folders expanded, earlier maps and other files
	 * skipped, each said in {@code notes}), the output names, the output folder, the merged
	 * table, the model folder. A shard without inputs is not an error: {@code notes} says so and
	 * the plan has no inputs and no model.
	 */
	public static Plan plan(final Request r, final Consumer<String> notes) throws IOException {
		Luts.get(r.settings().lut());
		final InputFiles.Listing in = InputFiles.expand(r.inputs(), MapFiles::isOutput);
		// NB: names over the whole list, then the shard's part: every shard names as the whole run
		final Map<Path, String> names = Outputs.names(in.files());
		final Map<Path, String> mine = Shards.plan(in.files(), Shards.Shard.parse(r.shard()));
		MapFiles.checkOutputs(r.output(), names, in.files(), "--" + KEY_OUTPUT);
		if (r.merged() != null) checkMerged(r.output(), names, in.files(), r.merged());
		Outputs.checkWritableFolder(r.output(), "--" + KEY_OUTPUT);
		in.skipped().forEach(s -> notes.accept("skipped " + s));
		if (mine.isEmpty()) {
			notes.accept(Shards.emptyNote(r.shard(), in.files().size()));
			return new Plan(r, mine, in.files().size(), null);
		}
		return new Plan(r, mine, in.files().size(), ModelLocator.existing(r.model(), null, "--" +
			KEY_MODEL));
	}

	/**
	 * Maps {@code file} (read from {@code file}, shown as {@code given}) into {@code output} as
	 * {@code name}; with {@code skipDone}, an input whose outputs are finished
	 * ({@link FinishedMaps}) is skipped without asking for the model, and one whose outputs are
	 * damaged is mapped again ({@link Step#redo}). Any failure, the model's load included,
	 * becomes the step's one-line reason in the door's words ({@code advice}).
	 */
	public static Step step(final Path file, final String given, final Path output,
		final String name, final Settings s, final ModelSource model, final boolean skipDone,
		final Failures.Advice advice, final Progress progress)
	{
		String redo = null;
		try {
			if (skipDone) {
				final FinishedMaps.Status done = FinishedMaps.check(output, name);
				if (done.done()) return new Step(Status.SKIPPED, null, null, null);
				redo = done.damage();
			}
			final MapFiles.Result res = MapFiles.map(file, given, output, name, model.get(), s
				.epsilon(), s.budget(), s.normalize(), s.lut(), s.verify(), progress);
			return new Step(Status.MAPPED, res, redo, null);
		}
		catch (final Exception | OutOfMemoryError e) {
			return new Step(Status.FAILED, null, redo, Failures.describe(e, advice));
		}
	}

	/**
	 * Sweeps {@code file} at every ε of {@code eps} into {@code output} as {@code name}
	 * ({@link SweepFiles}); a failure becomes the step's one-line reason, as in {@link #step}.
	 */
	public static Step sweepStep(final Path file, final String given, final Path output,
		final String name, final Settings s, final float[] eps, final ModelSource model,
		final Failures.Advice advice, final Progress progress)
	{
		try {
			return new Step(Status.MAPPED, SweepFiles.sweep(file, given, output, name, model.get(), eps, s
				.budget(), s.normalize(), s.lut(), s.verify(), progress), null, null);
		}
		catch (final Exception | OutOfMemoryError e) {
			return new Step(Status.FAILED, null, null, Failures.describe(e, advice));
		}
	}

	/** The closing line of a batch where {@code failed} of {@code total} inputs failed. */
	public static String failedLine(final int failed, final int total) {
		return failed + " of " + total + " inputs failed (above); the others were mapped";
	}

	/** The merged table must not be an input's table, an input, or unwritable. */
	private static void checkMerged(final Path output, final Map<Path, String> names,
		final List<Path> files, final Path merged) throws IOException
	{
		final Path m = merged.toAbsolutePath().normalize();
		for (final Path f : files) {
			if (MapFiles.csv(output, names.get(f)).toAbsolutePath().normalize().equals(m))
				throw new IllegalArgumentException("input " + f + " has the table " + merged +
					", the merged table's name; give --merged another file");
		}
		Outputs.refuseInputs(merged, files, "--merged");
		Outputs.checkWritableFile(merged, "--merged");
	}
}
