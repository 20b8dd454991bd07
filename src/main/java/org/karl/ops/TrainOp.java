package org.karl.ops;

import ij.ImagePlus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.karl.Keys;
import org.karl.engine.api.Progress;
import org.karl.engine.config.ModelCard;
import org.karl.engine.config.ModelConfig;
import org.karl.image.ij.Normalization;
import org.karl.ops.engine.Engine;
import org.karl.ops.engine.TrainLog;
import org.karl.ops.engine.TrainOutcome;
import org.karl.ops.engine.TrainRequest;

/**
 * Training, for every door (karl train-base, karl train, KARL Train...): checks the request
 * (output writable and not someone else's folder; a model in the output is only continued with
 * resume, never replaced), runs the engine's one training entry point, and collects the loss
 * curve (drawn by the Fiji doors, not here).
 * {@code steps} always means the steps this run adds; with resume and 0 steps, an interrupted
 * run is finished.
 */
public final class TrainOp {

	/** How the run ended, and the loss curve. */
	public record Output(TrainOutcome outcome, Curve curve) {}

	/**
	 * The loss against the step of each phase a run trained, as the engine reported it.
	 *
	 * @param title a title for the curve: the output folder's name and "KARL training"
	 * @param base the base tokenizer's points; none when this run trained no base
	 * @param karl KARL training's points; none when this run trained no KARL phase
	 */
	public record Curve(String title, Points base, Points karl) {}

	/** Points of one phase, in the order reported: {@code steps[i]} had loss {@code losses[i]}. */
	public record Points(double[] steps, double[] losses) {

		/** Number of points. */
		public int size() {
			return steps.length;
		}

		static Points of(final List<double[]> pts) {
			final double[] x = new double[pts.size()], y = new double[pts.size()];
			for (int i = 0; i < x.length; i++) {
				x[i] = pts.get(i)[0];
				y[i] = pts.get(i)[1];
			}
			return new Points(x, y);
		}
	}

	private TrainOp() {}

	/** Tile size of the model that a run with these options will train. */
	public static int tileSize(final Path start, final Path output, final boolean resume,
		final String preset) throws IOException
	{
		if (resume) return ModelCard.read(output).model().tileSize();
		if (start != null) return ModelCard.read(start).model().tileSize();
		return ModelConfig.preset(preset).tileSize();
	}

	/**
	 * Refuses what would fail late or destroy data; call before reading the training data.
	 *
	 * @param outputKey how the door names the output ("--output", "output=")
	 */
	public static void check(final TrainRequest.Phase phase, final Path start, final Path output,
		final boolean resume, final int steps, final String outputKey, final String resumeKey,
		final String modelKey) throws IOException
	{
		if (steps < 0 || (steps == 0 && !resume)) throw new IllegalArgumentException("steps=" + steps +
			" must be at least 1 (0 only with " + resumeKey + ", to finish an interrupted run); give " +
			"the number of training steps to add");
		if (output == null) throw new IllegalArgumentException("no output folder; give " + outputKey +
			" for the trained model");
		OutputRule.folder(output, outputKey); // NB: a file, device or pipe is refused
		final boolean model = ModelLocator.isModel(output);
		if (resume && start != null) throw new IllegalArgumentException(resumeKey + " continues the " +
			"model in " + outputKey + " " + output + "; leave out " + modelKey + ", or drop " +
			resumeKey + " to start from " + start + " in a new folder");
		if (resume && !model) throw new IllegalArgumentException(resumeKey + ": " + output + " holds " +
			"no KARL model to continue; drop " + resumeKey + " to train a new one there");
		if (!resume && model) throw new IllegalArgumentException(outputKey + " " + output + " already " +
			"holds a KARL model, which would be replaced; add " + resumeKey + " to continue it, or " +
			"choose a new folder");
		if (!resume && Files.isDirectory(output) && !isEmpty(output)) throw new IllegalArgumentException(
			outputKey + " " + output + " exists and is not empty; choose a new or empty folder (it " +
				"would be replaced)");
		if (start != null && !ModelLocator.isModel(start)) throw new IllegalArgumentException(
			modelKey + " " + start + " is not a KARL model folder (saved_model.pb + karl.json); fix " +
				"the path");
		if (phase == TrainRequest.Phase.KARL && start == null && !resume) throw new IllegalArgumentException(
			"KARL training needs a trained base tokenizer; run karl train-base first and pass its " +
				"folder with " + modelKey);
		Outputs.checkWritableFolder(output, outputKey);
	}

	/** Trains and returns the outcome with the loss-vs-step curve. */
	public static Output run(final Engine engine, final TrainRequest r, final TrainLog log,
		final Progress progress) throws IOException
	{
		final List<double[]> base = new ArrayList<>(), karl = new ArrayList<>();
		final TrainLog both = new TrainLog() {

			@Override
			public void line(final String text) {
				log.line(text);
			}

			@Override
			public void point(final String phase, final long step, final float loss) {
				(phase.equals("base") ? base : karl).add(new double[] { step, loss });
				log.point(phase, step, loss);
			}
		};
		// NB: a link to a folder is followed (OutputRule): the model goes where it points, the link stays
		final TrainOutcome o = engine.train(r.withOutput(OutputRule.folder(r.output(), "output")), both,
			progress);
		Models.clear(); // NB: the output folder may be a cached model
		return new Output(o, new Curve(r.output().getFileName() + " KARL training", Points.of(base),
			Points.of(karl)));
	}

	/**
	 * The model KARL Train starts from, for {@code model=} as both ImageJ doors read it: empty is
	 * the default model (fine-tuned), as in every KARL command; {@value Keys#MODEL_NEW} is a new
	 * model (null); with {@code resume}, the output's own model (null), and a folder given as well
	 * is refused by {@link #check}.
	 */
	public static Path startModel(final String model, final boolean resume, final Path imagejDir)
		throws IOException
	{
		final String m = model == null ? "" : model.trim();
		if (m.equals(Keys.MODEL_NEW) || (resume && m.isEmpty())) return null;
		return resume ? Path.of(m) : ModelLocator.resolve(m, imagejDir);
	}

	/**
	 * KARL Train... (both ImageJ doors): a new model (base, then KARL) without {@code start}, a
	 * fine-tune of {@code start}, or {@code resume} of {@code output}, on every tile of the
	 * image files in {@code images} or, when blank, of {@code current}, read with {@code norm}.
	 */
	public static Output runOnImages(final Engine engine, final ImagePlus current,
		final String images, final Path start, final Path output, final boolean resume,
		final int steps, final String preset, final long seed, final Normalization norm,
		final String command, final TrainLog log, final Progress progress) throws IOException
	{
		final TrainRequest.Phase phase = start == null && !resume ? TrainRequest.Phase.BOTH
			: TrainRequest.Phase.KARL;
		check(phase, start, output, resume, steps, "output=", "resume", "model=");
		final int tile = tileSize(start, output, resume, preset);
		final TrainData data = images == null || images.isBlank() ? TrainData.of(current, tile, norm)
			: TrainData.ofImages(Path.of(images.trim()), tile, norm);
		if (!data.skipped().isEmpty()) log.line("skipped " + data.skipped());
		log.line(data.note() + ", " + steps + " steps, output " + output);
		return run(engine, TrainRequest.builder().phase(phase).data(data.tiles()).dataNote(data.note())
			.normalization(data.normalization()).start(start).output(output).resume(resume).steps(steps)
			.preset(preset).seed(seed).command(command).build(), log, progress);
	}

	private static boolean isEmpty(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.findAny().isEmpty();
		}
	}
}
