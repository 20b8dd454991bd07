package org.karl.engine.train;

import static org.karl.engine.graph.GraphNames.*;

import java.util.Map;
import java.util.SplittableRandom;

import org.karl.engine.config.ModelConfig;
import org.karl.engine.config.TrainConfig;
import org.karl.engine.graph.ModelGraph;
import org.karl.engine.runtime.ModelSession;
import org.karl.engine.runtime.Tensors;
import org.tensorflow.Result;
import org.tensorflow.Tensor;

/**
 * Keeps the 1D-token codebook alive, as {@link BaseTrainer} does for the base one. NB: with
 * TN(0.02) init at width 64 the encoder output barely depends on the image at first, so every
 * image picks the same nearest code and VQ collapses (measured: identical tokens for all images,
 * and a tiny model could not overfit 8 images in 3000 steps, while continuous latents could).
 * So KARL trains with continuous l2-normalised latents until {@code latentCodeInitStep}, then sets
 * every code to a random encoder output and switches VQ on; afterwards a code whose decayed use
 * count fell below one use in {@code deadCodeSteps} steps restarts from a random encoder output.
 * All choices are keyed on (seed, step) and the use counts live in the graph, so resuming from a
 * SavedModel replays them exactly.
 */
final class LatentCodes {

	private LatentCodes() {}

	/** Acts after the train step that brought the counter to {@code step}; returns a log note. */
	static String maintain(final ModelSession m, final TrainConfig tc, final long step,
		final float[] latents, final float[] usage)
	{
		final ModelConfig c = m.card().model();
		final int k = c.latentCodes(), d = c.latentDim(), rows = latents.length / d;
		final SplittableRandom rnd = new SplittableRandom(tc.seed() * 131 + step);
		if (step == tc.latentCodeInitStep()) {
			final float[] book = new float[k * d];
			for (int j = 0; j < k; j++) System.arraycopy(latents, rnd.nextInt(rows) * d, book, j * d, d);
			set(m, book, k, d);
			return "1D-token codebook set from encoder outputs; VQ on";
		}
		if (step <= tc.latentCodeInitStep() || step % tc.deadCodeSteps() != 0) return "";
		// one use, then deadCodeSteps of decay (1% slack for float rounding): below that, unused
		final double alive = 1.01 * Math.pow(ModelGraph.USAGE_DECAY, tc.deadCodeSteps());
		final float[] book = codebook(m, k, d);
		int dead = 0;
		for (int j = 0; j < k; j++) if (usage[j] <= alive) {
			System.arraycopy(latents, rnd.nextInt(rows) * d, book, j * d, d);
			dead++;
		}
		if (dead == 0) return "";
		set(m, book, k, d);
		return "restarted " + dead + " dead 1D-token codes";
	}

	private static float[] codebook(final ModelSession m, final int k, final int d) {
		try (Result r = m.call(STATE, Map.of())) {
			return Tensors.floats(r, LATENT_CODEBOOK);
		}
	}

	private static void set(final ModelSession m, final float[] book, final int k, final int d) {
		try (Tensor t = Tensors.floats(book, 0, k, d);
			Result r = m.call(SET_LATENT_CODEBOOK, Map.of(CODEBOOK, t)))
		{
			// VQ is on from here; use counts restart at one
		}
	}
}
