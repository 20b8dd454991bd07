package org.karl.engine.train;

import static org.karl.engine.graph.GraphNames.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.karl.engine.api.Progress;
import org.karl.engine.api.TileSet;
import org.karl.engine.config.ModelConfig;
import org.karl.engine.config.TrainConfig;
import org.karl.engine.runtime.ModelSession;
import org.karl.engine.runtime.Tensors;
import org.tensorflow.Result;
import org.tensorflow.Tensor;

/**
 * Trains the base VQ-VAE (docs/algorithm.md §5) through the {@code base_train_step} signature: L1 +
 * VQ with Adam. Keeps the codebook alive: at {@code codeInitStep} every code is set to a random
 * encoder output, and afterwards a code unused for {@code deadCodeSteps} steps is restarted from a
 * random current encoder output (the feasibility probe's codebook collapsed to one code without
 * this).
 */
public final class BaseTrainer {

	private BaseTrainer() {}

	/** Runs until the base step counter reaches {@code tc.baseSteps()}; returns the final L1. */
	public static float train(final ModelSession m, final TileSet data, final TrainConfig tc,
		final Path out, final TrainListener listener, final Progress progress) throws IOException
	{
		final ModelConfig c = m.card().model();
		checkData(data, c);
		final int k = c.baseCodes(), dz = c.dz(), px = c.tileSize() * c.tileSize();
		long step = m.baseStep();
		final boolean usesCodes = !c.latentTarget();
		final long[] lastUsed = new long[k];
		java.util.Arrays.fill(lastUsed, step);
		final long[] window = new long[k];
		final float[] batch = new float[tc.baseBatch() * px];
		float l1 = Float.NaN;
		long t0 = System.nanoTime(), since = step;
		String message = "";
		while (step < tc.baseSteps()) {
			if (progress.isCanceled()) {
				m.export(out);
				throw new TrainingCanceled("base training canceled at step " + step + "; saved " + out);
			}
			data.gather(BatchSampler.indices(tc.seed() + 1, step, tc.baseBatch(), data.n()), batch);
			// NB: constant: a half-cosine to 0 measured worse (held-out L1 0.0514 vs 0.0434 at 3000
			// steps, K 256): codes restarted late never settle at a small rate
			final float rate = tc.baseLr();
			final float loss, vq;
			final int[] codes;
			final float[] latents, codebook;
			try (Tensor img = Tensors.floats(batch, 0, tc.baseBatch(), c.tileSize(), c.tileSize(), 1);
				Tensor lr = Tensors.scalar(rate);
				Result r = m.call(BASE_TRAIN_STEP, Map.of(IMAGES, img, LEARNING_RATE, lr)))
			{
				loss = Tensors.scalarFloat(r, LOSS);
				l1 = Tensors.scalarFloat(r, L1);
				vq = Tensors.scalarFloat(r, VQ);
				codes = Tensors.ints(r, CODES);
				latents = Tensors.floats(r, LATENTS);
				codebook = Tensors.floats(r, CODEBOOK);
				step = Tensors.scalarLong(r, STEP);
			}
			for (final int code : codes) {
				lastUsed[code] = step;
				window[code]++;
			}
			final SplittableRandom rnd = new SplittableRandom(tc.seed() * 31 + step);
			// NB: the latent variant's base has no codebook in use: nothing to initialise or restart
			if (usesCodes && step == tc.codeInitStep()) {
				for (int j = 0; j < k; j++) copyRow(latents, rnd.nextInt(latents.length / dz), codebook, j, dz);
				setCodebook(m, codebook, k, dz);
				java.util.Arrays.fill(lastUsed, step);
				message = "codebook initialised from encoder outputs";
			}
			else if (usesCodes && step > tc.codeInitStep() && step % tc.deadCodeSteps() == 0) {
				int dead = 0;
				for (int j = 0; j < k; j++) if (step - lastUsed[j] >= tc.deadCodeSteps()) {
					copyRow(latents, rnd.nextInt(latents.length / dz), codebook, j, dz);
					lastUsed[j] = step;
					dead++;
				}
				if (dead > 0) {
					setCodebook(m, codebook, k, dz);
					message = "restarted " + dead + " dead codes";
				}
			}
			if (step % tc.logEvery() == 0 || step == tc.baseSteps()) {
				final Map<String, Float> terms = new LinkedHashMap<>();
				terms.put("l1", l1);
				terms.put("vq", vq);
				final double sps = (System.nanoTime() - t0) / 1e9 / Math.max(1, step - since);
				listener.onEvent(new TrainEvent("base", step, tc.baseSteps(), loss, terms,
					usesCodes ? (float) perplexity(window) : Float.NaN, new int[0], rate, sps, message));
				java.util.Arrays.fill(window, 0);
				message = "";
				t0 = System.nanoTime();
				since = step;
			}
			if (tc.checkpointEvery() > 0 && step % tc.checkpointEvery() == 0) m.export(out);
			progress.fraction((double) step / tc.baseSteps());
		}
		m.export(out);
		return l1;
	}

	/** exp(entropy) of the code-use histogram: the effective number of codes in use. */
	public static double perplexity(final long[] counts) {
		long total = 0;
		for (final long n : counts) total += n;
		if (total == 0) return 0;
		double h = 0;
		for (final long n : counts) if (n > 0) {
			final double p = (double) n / total;
			h -= p * Math.log(p);
		}
		return Math.exp(h);
	}

	static void checkData(final TileSet data, final ModelConfig c) {
		if (data.n() == 0) throw new IllegalArgumentException(
			"no training tiles: the data set is empty; give a folder with images");
		if (data.tileSize() != c.tileSize()) throw new IllegalArgumentException("training tiles are " +
			data.tileSize() + " px but the model takes " + c.tileSize() + " px tiles");
	}

	private static void copyRow(final float[] src, final int row, final float[] dst, final int to,
		final int dz)
	{
		System.arraycopy(src, row * dz, dst, to * dz, dz);
	}

	private static void setCodebook(final ModelSession m, final float[] codebook, final int k,
		final int dz)
	{
		try (Tensor cb = Tensors.floats(codebook, 0, k, dz);
			Result r = m.call(BASE_SET_CODEBOOK, Map.of(CODEBOOK, cb)))
		{
			// the assign's output is the new codebook; nothing to read
		}
	}

	/** Mean L1 of the base VQ-VAE's own reconstruction (nearest codes) over {@code tiles}. */
	public static double heldOutL1(final ModelSession m, final TileSet tiles) {
		final int px = tiles.tilePixels(), side = tiles.tileSize(), batch = 256;
		double sum = 0;
		for (int from = 0; from < tiles.n(); from += batch) {
			final int k = Math.min(batch, tiles.n() - from);
			try (Tensor img = Tensors.floats(tiles.pixels(), from * px, k, side, side, 1);
				Result r = m.call(BASE_RECONSTRUCT, Map.of(IMAGES, img)))
			{
				for (final float v : Tensors.floats(r, L1)) sum += v;
			}
		}
		return sum / tiles.n();
	}
}
