package org.karl.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.karl.engine.api.Progress;
import org.karl.engine.api.ReconstructResult;
import org.karl.engine.api.TokenizeResult;
import org.karl.engine.api.Tokenizer;

/**
 * A Tokenizer without a model, for tests. By default a tile's count is {@code min(budget, 1 +
 * round(5 * roughness / epsilon))}, roughness being the mean |horizontal difference|, so blank
 * tiles need 1 token and noise (roughness 1/3) many; the reconstruction is the tile's mean and l1
 * its mean absolute deviation; decode gives zeros.
 * <p>
 * A {@link #scripted} fake instead knows every tile's L1 at every prefix length, for tests of
 * verification: tile {@code i} (numbered from 0 in each call) is predicted {@code predicted[i]}
 * tokens, its token ids are all {@code i}, and decoding its first k tokens gives
 * {@code 0.5 + err[i][k]}, so a tile of constant 0.5 has L1 {@code err[i][k]} at k. Its keep
 * mask is deliberately not a prefix (the last slots of the budget), and its decode refuses
 * anything but prefix masks; it has no single pass ({@link #reconstruct} fails).
 * <p>
 * Records the size of every call.
 */
public final class FakeTokenizer implements Tokenizer {

	private final int tileSize, maxTokens;
	private final float[] bins;
	private final int[] predicted; // NB: null unless scripted
	private final float[][] err;

	/** Number of tiles passed to each tokenize or reconstruct call, in order. */
	public final List<Integer> calls = new ArrayList<>();

	/** Number of tiles passed to each decode call, in order. */
	public final List<Integer> decodes = new ArrayList<>();

	public boolean closed;

	public FakeTokenizer(final int tileSize, final int maxTokens, final float... bins) {
		this(tileSize, maxTokens, bins, null, null);
	}

	private FakeTokenizer(final int tileSize, final int maxTokens, final float[] bins,
		final int[] predicted, final float[][] err)
	{
		this.tileSize = tileSize;
		this.maxTokens = maxTokens;
		this.bins = bins;
		this.predicted = predicted;
		this.err = err;
	}

	/**
	 * The scripted fake: {@code predicted[i]} is tile i's count, {@code err[i][k]} its L1 at the
	 * first k tokens (k in [0, maxTokens]).
	 */
	public static FakeTokenizer scripted(final int tileSize, final int maxTokens, final float[] bins,
		final int[] predicted, final float[][] err)
	{
		return new FakeTokenizer(tileSize, maxTokens, bins, predicted, err);
	}

	/** The count this fake gives one tile. */
	public static int count(final float[] tiles, final int offset, final int tileSize,
		final float epsilon, final int budget)
	{
		double sum = 0;
		for (int y = 0; y < tileSize; y++)
			for (int x = 1; x < tileSize; x++) {
				final int o = offset + y * tileSize + x;
				sum += Math.abs(tiles[o] - tiles[o - 1]);
			}
		final double rough = sum / (tileSize * (tileSize - 1));
		return (int) Math.min(budget, 1 + Math.round(5 * rough / epsilon));
	}

	@Override
	public int tileSize() {
		return tileSize;
	}

	@Override
	public int maxTokens() {
		return maxTokens;
	}

	@Override
	public float[] epsilonBins() {
		return bins.clone();
	}

	@Override
	public TokenizeResult tokenize(final float[] tiles, final int n, final float epsilon,
		final int budget, final Progress progress)
	{
		calls.add(n);
		final int p = tileSize * tileSize;
		if (tiles.length != n * p) throw new IllegalArgumentException("fake: " + tiles.length +
			" floats for " + n + " tiles");
		final int[] counts = new int[n];
		final int[] tokens = new int[n * maxTokens], keep = new int[n * maxTokens];
		for (int i = 0; i < n; i++) {
			if (predicted != null) {
				counts[i] = Math.min(budget, predicted[i]);
				for (int j = 0; j < maxTokens; j++) tokens[i * maxTokens + j] = j < budget ? i : -1;
				// NB: keep the last counts[i] slots of the budget: a count, but not a prefix
				for (int j = budget - counts[i]; j < budget; j++) keep[i * maxTokens + j] = 1;
				continue;
			}
			counts[i] = count(tiles, i * p, tileSize, epsilon, budget);
			for (int j = 0; j < maxTokens; j++) {
				keep[i * maxTokens + j] = j < counts[i] ? 1 : 0;
				tokens[i * maxTokens + j] = j < budget ? j : -1;
			}
		}
		return new TokenizeResult(n, maxTokens, tokens, keep, counts, new float[n * maxTokens]);
	}

	@Override
	public float[] decode(final int[] tokens, final int[] keep, final int n,
		final Progress progress)
	{
		decodes.add(n);
		final int px = tileSize * tileSize;
		final float[] out = new float[n * px];
		if (predicted == null) return out;
		final int t = maxTokens;
		for (int k = 0; k < n; k++) {
			int kept = 0;
			while (kept < t && keep[k * t + kept] == 1) kept++;
			for (int j = kept; j < t; j++) if (keep[k * t + j] != 0) throw new AssertionError(
				"not a prefix mask: " + Arrays.toString(Arrays.copyOfRange(keep, k * t, (k + 1) * t)));
			for (int j = 0; j < kept; j++) if (tokens[k * t + j] < 0) throw new AssertionError(
				"kept slot " + j + " past the budget");
			final int tile = tokens[k * t]; // NB: slot 0 is within every budget
			Arrays.fill(out, k * px, (k + 1) * px, 0.5f + err[tile][kept]);
		}
		return out;
	}

	@Override
	public ReconstructResult reconstruct(final float[] tiles, final int n, final float epsilon,
		final int budget, final Progress progress)
	{
		if (predicted != null) throw new AssertionError("a scripted fake has no single pass: " +
			"verification decodes; it does not run the single pass twice");
		final TokenizeResult t = tokenize(tiles, n, epsilon, budget, progress);
		final int p = tileSize * tileSize;
		final float[] images = new float[tiles.length];
		final float[] l1 = new float[n];
		for (int i = 0; i < n; i++) {
			double mean = 0, dev = 0;
			for (int j = 0; j < p; j++)
				mean += tiles[i * p + j];
			mean /= p;
			for (int j = 0; j < p; j++) {
				images[i * p + j] = (float) mean;
				dev += Math.abs(tiles[i * p + j] - mean);
			}
			l1[i] = (float) (dev / p);
		}
		return new ReconstructResult(n, tileSize, images, t.counts(), l1);
	}

	@Override
	public void close() {
		closed = true;
	}
}
