package org.karl.engine.train;

/** Learning rate at a step: linear warmup, then half-cosine to 0 (§4.6, nanoGPT's get_lr). */
public final class LrSchedule {

	private LrSchedule() {}

	/**
	 * @param step 0-based step about to run
	 * @param total total steps of the run
	 */
	public static float at(final long step, final long total, final float peak,
		final float warmupFraction)
	{
		final long warmup = (long) Math.floor(warmupFraction * total);
		// 1) linear warmup from peak/warmup to peak
		if (step < warmup) return peak * (step + 1) / warmup;
		// 2) past the end: the floor
		if (step >= total) return 0f;
		// 3) half-cosine from peak down to 0
		final double progress = (double) (step - warmup) / Math.max(1, total - warmup);
		return (float) (peak * 0.5 * (1 + Math.cos(Math.PI * progress)));
	}
}
