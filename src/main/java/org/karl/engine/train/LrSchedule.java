package org.karl.engine.train;

import java.util.Locale;

import org.karl.engine.config.TrainConfig;

/**
 * Learning rate at a step. Fresh training follows the paper's schedule (docs/algorithm.md §4.6,
 * nanoGPT's get_lr): linear warmup, then half-cosine to 0 over the run's total steps, a function of
 * the absolute step. A run that continues a trained model (a fine-tune, or a resume that adds
 * steps) has its own schedule over the steps it adds ({@link TrainConfig.LrRun}): continuing at
 * step 10,000 of a schedule that ended at 10,000 would learn at ~0 and change nothing.
 */
public final class LrSchedule {

	private LrSchedule() {}

	/**
	 * The learning rate of the step after {@code step} in a run that trains to {@code tc.steps()}:
	 * the card's own schedule when it records one, else the paper's.
	 */
	public static float at(final TrainConfig tc, final long step) {
		final TrainConfig.LrRun run = tc.lrSchedule();
		if (run == null) return at(step, tc.steps(), tc.peakLr(), tc.warmupFraction());
		return at(step - run.start(), tc.steps() - run.start(), run.peak(), run.warmupFraction(),
			run.floorFraction() * run.peak());
	}

	/**
	 * The paper's schedule.
	 *
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

	/**
	 * A run's own schedule: at least one warmup step, then a half-cosine from {@code peak} to
	 * {@code floor}, and {@code floor} past the end.
	 *
	 * @param step 0-based step of this run about to run
	 * @param total steps this run adds
	 */
	public static float at(final long step, final long total, final float peak,
		final float warmupFraction, final float floor)
	{
		final long warmup = Math.max(1, (long) Math.floor(warmupFraction * total));
		if (step < 0) return floor; // a model behind the schedule's start: not a step of this run
		if (step < warmup) return peak * (step + 1) / warmup;
		if (step >= total) return floor;
		final double progress = (double) (step - warmup) / Math.max(1, total - warmup);
		return (float) (floor + (peak - floor) * 0.5 * (1 + Math.cos(Math.PI * progress)));
	}

	/** One line for the log and the card: which schedule a run that trains to {@code tc.steps()} uses. */
	public static String describe(final TrainConfig tc) {
		final TrainConfig.LrRun run = tc.lrSchedule();
		if (run == null) return String.format(Locale.ROOT, "lr schedule: warmup %d steps to %.1e, " +
			"cosine to 0 at step %d (training from step 0)", (long) Math.floor(tc.warmupFraction() * tc
				.steps()), tc.peakLr(), tc.steps());
		final long n = tc.steps() - run.start();
		return String.format(Locale.ROOT, "lr schedule: this run's own, steps %d -> %d: warmup %d " +
			"steps to %.1e (%.2g of the training peak %.1e), cosine to %.1e", run.start(), tc.steps(),
			Math.max(1, (long) Math.floor(run.warmupFraction() * n)), run.peak(), run.peak() / tc
				.peakLr(), tc.peakLr(), run.floorFraction() * run.peak());
	}
}
