package org.karl.engine.train;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * One progress report of a training run, for a CLI line, a Fiji progress bar, a log or a plot.
 *
 * @param phase "base" (VQ-VAE) or "karl"
 * @param step steps done so far (the model's counter)
 * @param total step at which the run stops
 * @param loss total loss of the last step
 * @param terms named loss terms of the last step (p1_ce, ..., or l1/vq for the base)
 * @param keptMean mean kept tokens in phase 2 (karl) or codebook perplexity (base)
 * @param eps0Histogram counts of bin(ε0) since the last event (karl), else empty
 * @param learningRate learning rate of the last step
 * @param secondsPerStep mean wall time per step since the last event
 * @param message a notable event (calibration, code restarts, checkpoint), or ""
 */
public record TrainEvent(String phase, long step, long total, float loss, Map<String, Float> terms,
	float keptMean, int[] eps0Histogram, float learningRate, double secondsPerStep, String message)
{

	/**
	 * The progress line every door prints:
	 * {@code karl step N/M, loss L, tokens kept K (mean per tile), lr X, ETA T} (the base:
	 * {@code base step N/M, loss L, codes in use P, lr X, ETA T}), then {@code | message} if any.
	 */
	public String logLine() {
		final StringBuilder sb = new StringBuilder();
		sb.append(phase).append(" step ").append(step).append('/').append(total);
		sb.append(String.format(Locale.ROOT, ", loss %.4f", loss));
		if (phase.equals("base")) {
			// NaN: a base without codes (the latent variant)
			if (!Float.isNaN(keptMean)) sb.append(String.format(Locale.ROOT, ", codes in use %.1f", keptMean));
		}
		else sb.append(String.format(Locale.ROOT, ", tokens kept %.2f (mean per tile)", keptMean));
		sb.append(String.format(Locale.ROOT, ", lr %.2e, ETA %s", learningRate, eta(secondsPerStep *
			Math.max(0, total - step))));
		if (!message.isEmpty()) sb.append(" | ").append(message);
		return sb.toString();
	}

	/**
	 * The internal numbers for debugging a run, with fixed keys: the loss terms (p1_ce, ...,
	 * target_tokens; l1, vq for the base), mean_tokens or perplexity, s/step and the ε0-bin
	 * histogram since the last event.
	 */
	public String detailLine() {
		final StringBuilder sb = new StringBuilder("  ").append(phase).append(" details step ").append(step);
		terms.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s %.4f", k, v)));
		sb.append(String.format(Locale.ROOT, phase.equals("base") ? " perplexity %.1f" : " mean_tokens %.2f",
			keptMean));
		sb.append(String.format(Locale.ROOT, " lr %.2e s/step %.3f", learningRate, secondsPerStep));
		if (eps0Histogram.length > 0) sb.append(" eps0_bins ").append(Arrays.toString(eps0Histogram)
			.replace(" ", ""));
		return sb.toString();
	}

	/** Remaining time as {@code 45 s}, {@code 3 min 05 s} or {@code 1 h 02 min}. */
	static String eta(final double seconds) {
		if (!(seconds >= 0) || Double.isInfinite(seconds)) return "?";
		final long s = Math.round(seconds);
		if (s < 60) return s + " s";
		if (s < 3600) return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
		return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
	}
}
