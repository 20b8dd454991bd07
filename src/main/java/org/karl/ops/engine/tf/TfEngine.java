package org.karl.ops.engine.tf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.karl.engine.api.Progress;
import org.karl.engine.api.Tokenizer;
import org.karl.engine.runtime.Devices;
import org.karl.engine.runtime.KarlModel;
import org.karl.engine.runtime.ModelGuard;
import org.karl.engine.train.BaseTrainer;
import org.karl.engine.train.KarlTrainer;
import org.karl.ops.engine.Engine;
import org.karl.ops.engine.TrainLog;
import org.karl.ops.engine.TrainOutcome;
import org.karl.ops.engine.TrainRequest;

/**
 * The {@link Engine} on TensorFlow Java: {@link KarlModel} for inference, {@link BaseTrainer}
 * and {@link KarlTrainer} for training. This is the only Fiji class that touches the engine's
 * runtime and trainers; {@code Engines} may load it through a child-first class loader.
 */
public final class TfEngine implements Engine {

	private final String mode;

	/** @param mode how this class was loaded, for {@link #name()} ("direct" or "isolated: DIR") */
	public TfEngine(final String mode) {
		this.mode = mode;
	}

	@Override
	public String name() {
		return "TensorFlow Java engine (" + mode + ")";
	}

	@Override
	public Tokenizer load(final Path dir) throws IOException {
		return KarlModel.load(dir);
	}

	@Override
	public String describe(final Tokenizer model) {
		if (model instanceof KarlModel k) return k.describe();
		return "(not a TensorFlow KARL model: " + model.getClass().getName() + ")\n";
	}

	@Override
	public List<String> checkGraphs(final Path dir) {
		final List<String> broken = new ArrayList<>();
		check(dir, "the full model (karl train, KARL Train... and resume load it)", broken);
		// NB: "serving" is GraphNames.SERVING_DIR, which ops may not import (engine.graph)
		final Path serving = dir.resolve("serving");
		if (Files.exists(serving)) check(serving, "its serving/ export (maps and tokens load it)",
			broken);
		return broken;
	}

	/** As the loader checks a graph folder before TensorFlow sees it (ModelSession.load). */
	private static void check(final Path graph, final String what, final List<String> broken) {
		try {
			if (!Files.isRegularFile(graph.resolve("saved_model.pb"))) throw new IOException(graph +
				" has no saved_model.pb; copy the model folder again");
			ModelGuard.check(graph);
			if (!Files.isRegularFile(graph.resolve("variables").resolve("variables.index")))
				throw new IOException(graph + " has no variables/ folder (the weights); copy the whole " +
					"model folder, variables/ included");
		}
		catch (final IOException | RuntimeException e) {
			broken.add(what + " is broken: " + e.getMessage());
		}
	}

	@Override
	public String versions() {
		return "TensorFlow " + org.tensorflow.TensorFlow.version() + " (" + jarOf(
			org.tensorflow.TensorFlow.class) + "), protobuf " + jarOf(com.google.protobuf.Message.class) +
			", javacpp " + jarOf(org.bytedeco.javacpp.Pointer.class) + ", device " + Devices.describe();
	}

	@Override
	public void warmUp() {
		try (org.tensorflow.Graph g = new org.tensorflow.Graph(); org.tensorflow.Session s =
			new org.tensorflow.Session(g); org.tensorflow.Result r = s.runner().fetch(
				org.tensorflow.op.Ops.create(g).constant(0f)).run())
		{
			// NB: nothing to read: the run is what starts the native logging
		}
	}

	@Override
	public TrainOutcome train(final TrainRequest r, final TrainLog log, final Progress progress)
		throws IOException
	{
		return TfTraining.train(r, log, progress);
	}

	private static String jarOf(final Class<?> c) {
		try {
			final Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
			return p.getFileName().toString();
		}
		catch (final Exception | LinkageError e) {
			return "(unknown)";
		}
	}
}
