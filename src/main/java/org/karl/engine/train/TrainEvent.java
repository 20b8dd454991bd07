package org.karl.engine.train;

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

	/** The fixed-key log line scripts parse: {@code phase step loss ... s/step}. */
	public String logLine() {
		final StringBuilder sb = new StringBuilder();
		sb.append(phase).append(" step ").append(step).append('/').append(total);
		sb.append(String.format(" loss %.4f", loss));
		terms.forEach((k, v) -> sb.append(String.format(" %s %.4f", k, v)));
		sb.append(String.format(phase.equals("base") ? " perplexity %.1f" : " mean_tokens %.2f",
			keptMean));
		sb.append(String.format(" lr %.2e s/step %.3f", learningRate, secondsPerStep));
		if (eps0Histogram.length > 0) sb.append(" eps0_bins ").append(java.util.Arrays.toString(
			eps0Histogram).replace(" ", ""));
		if (!message.isEmpty()) sb.append(" | ").append(message);
		return sb.toString();
	}
}
