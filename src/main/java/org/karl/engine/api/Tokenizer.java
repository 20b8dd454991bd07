package org.karl.engine.api;

/**
 * The engine's one door for callers that run a trained KARL model (Fiji commands, CLI, evaluation).
 * Tiles are single-channel, {@code tileSize x tileSize}, row-major, values in [0,1] (fixed scaling).
 * Any number of tiles may be passed: the implementation batches them. Implementations are
 * thread-safe.
 */
public interface Tokenizer extends AutoCloseable {

	/** Tile edge in pixels (32 for the default model). */
	int tileSize();

	/** Maximum number of 1D tokens per tile (T_max). */
	int maxTokens();

	/** The ascending ε bins the model was trained with; valid ε lie in (0, last bin]. */
	float[] epsilonBins();

	/**
	 * Checks that {@code epsilon} lies in (0, last ε bin] and {@code budget} in [1, T_max]; the one
	 * request check of the engine, the CLI and the Fiji commands.
	 *
	 * @throws IllegalArgumentException naming the value and the allowed range
	 */
	default void checkRequest(final float epsilon, final int budget) {
		final float[] bins = epsilonBins();
		if (bins.length == 0) throw new IllegalArgumentException(
			"the model lists no epsilon bins, so it cannot tokenize at a target error; " +
				"use a model trained with epsilon bins");
		final float last = bins[bins.length - 1];
		if (!(epsilon > 0 && epsilon <= last)) throw new IllegalArgumentException("epsilon = " +
			epsilon + " is outside (0, " + last + "], the range this model was trained for; " +
			"choose epsilon in that range");
		if (budget < 1 || budget > maxTokens()) throw new IllegalArgumentException("budget = " +
			budget + " is outside [1, " + maxTokens() + "], this model's tokens per tile; " +
			"choose budget in that range");
	}

	/** Encoder only: token ids, kept mask and kept count per tile at error {@code epsilon}. */
	TokenizeResult tokenize(float[] tiles, int n, float epsilon, int budget, Progress progress);

	/** Decoder only: images from token ids and kept masks as returned by {@link #tokenize}. */
	float[] decode(int[] tokens, int[] keep, int n, Progress progress);

	/** The single pass: reconstructions, kept counts and per-tile L1. */
	ReconstructResult reconstruct(float[] tiles, int n, float epsilon, int budget, Progress progress);

	@Override
	void close();
}
