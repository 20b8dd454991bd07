package org.karl.engine.train;

import java.util.SplittableRandom;

/**
 * Which tiles form the batch of a step: a pure function of (seed, step), so a run resumed from a
 * checkpoint sees exactly the batches an uninterrupted run would have seen.
 */
public final class BatchSampler {

	private BatchSampler() {}

	public static int[] indices(final long seed, final long step, final int batch, final int n) {
		if (n < 1) throw new IllegalArgumentException("no training tiles: the data set is empty");
		final SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
		final int[] idx = new int[batch];
		for (int i = 0; i < batch; i++) idx[i] = r.nextInt(n);
		return idx;
	}
}
