package org.karl.ops;

import ij.gui.Plot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.karl.engine.api.Progress;
import org.karl.engine.api.TileSet;
import org.karl.engine.config.ModelCard;
import org.karl.engine.config.ModelConfig;
import org.karl.ops.engine.Engine;
import org.karl.ops.engine.TrainLog;
import org.karl.ops.engine.TrainOutcome;
import org.karl.ops.engine.TrainRequest;

/**
 * KARL Train...: checks the request (output writable and not someone else's folder, resume
 * only onto a model), runs the engine's trainer, and draws the training curve. A new model
 * trains its base VQ-VAE, then KARL; a given model is fine-tuned with its base tokenizer frozen.
 */
public final class TrainOp {

	/** How the run ended, and the loss curve. */
	public record Output(TrainOutcome outcome, Plot curve) {}

	private TrainOp() {}

	/** Tile size of the model that a run with these options will train. */
	public static int tileSize(final Path start, final Path output, final boolean resume,
		final String preset) throws IOException
	{
		if (resume) return ModelCard.read(output).model().tileSize();
		if (start != null) return ModelCard.read(start).model().tileSize();
		return ModelConfig.preset(preset).tileSize();
	}

	/** Refuses what would fail late or destroy data; call before reading the training images. */
	public static void check(final Path start, final Path output, final boolean resume,
		final int steps) throws IOException
	{
		if (steps < 1) throw new IllegalArgumentException("steps=" + steps + " must be at least 1; " +
			"give the number of training steps to run");
		if (output == null) throw new IllegalArgumentException("no output folder; give output=[dir] " +
			"for the trained model");
		final boolean model = ModelLocator.isModel(output);
		if (resume && !model) throw new IllegalArgumentException("resume: " + output + " holds no " +
			"KARL model to continue; drop resume to train a new one there");
		if (!resume && model) throw new IllegalArgumentException("output " + output + " already " +
			"holds a KARL model; add resume to continue it, or choose a new folder");
		if (!resume && Files.isDirectory(output) && !isEmpty(output)) throw new IllegalArgumentException(
			"output " + output + " exists and is not empty; choose a new or empty folder (it would " +
				"be replaced)");
		if (Files.exists(output) && !Files.isDirectory(output)) throw new IllegalArgumentException(
			"output " + output + " is a file; choose a folder");
		if (start != null && !resume && !ModelLocator.isModel(start)) throw new IllegalArgumentException(
			"model " + start + " is not a KARL model folder (saved_model.pb + karl.json); fix the " +
				"path, or leave model empty to train a new model");
		writable(output.toAbsolutePath().getParent(), output);
	}

	/** Trains and returns the outcome with a loss-vs-step plot. */
	public static Output run(final Engine engine, final TileSet data, final Path start,
		final Path output, final boolean resume, final int steps, final String preset,
		final long seed, final TrainLog log, final Progress progress) throws IOException
	{
		check(start, output, resume, steps);
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
		final TrainOutcome o = engine.train(new TrainRequest(data, resume ? null : start, output,
			resume, steps, preset, seed), both, progress);
		Models.clear(); // NB: the output folder may be a cached model
		final Plot plot = new Plot(output.getFileName() + " KARL training", "step", "loss");
		if (!base.isEmpty()) addCurve(plot, base, "#1f77b4", "base");
		if (!karl.isEmpty()) addCurve(plot, karl, "#d62728", "karl");
		plot.setLegend(null, Plot.AUTO_POSITION);
		return new Output(o, plot);
	}

	private static void addCurve(final Plot plot, final List<double[]> pts, final String color,
		final String label)
	{
		final double[] x = new double[pts.size()], y = new double[pts.size()];
		for (int i = 0; i < x.length; i++) {
			x[i] = pts.get(i)[0];
			y[i] = pts.get(i)[1];
		}
		plot.setColor(color);
		plot.add("line", x, y);
		plot.setLabel(-1, label);
	}

	private static void writable(final Path parent, final Path output) throws IOException {
		try {
			Files.createDirectories(parent);
			Files.deleteIfExists(Files.createTempFile(parent, ".karl-write-test", ".tmp"));
		}
		catch (final IOException | SecurityException e) {
			throw new IOException("output " + output + " is not writable (" + e.getMessage() + "); " +
				"choose a folder you can write to");
		}
	}

	private static boolean isEmpty(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.findAny().isEmpty();
		}
	}
}
