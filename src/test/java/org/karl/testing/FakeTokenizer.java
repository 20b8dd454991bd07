package org.karl.testing;

import java.util.ArrayList;
import java.util.List;

import org.karl.engine.api.Progress;
import org.karl.engine.api.ReconstructResult;
import org.karl.engine.api.TokenizeResult;
import org.karl.engine.api.Tokenizer;

/**
 * A Tokenizer without a model, for tests: a tile's count is {@code min(budget, 1 + round(5 *
 * roughness / epsilon))}, roughness being the mean |horizontal difference|, so blank tiles need
 * 1 token and noise (roughness 1/3) many; the reconstruction is the tile's mean and l1 its mean absolute
 * deviation. Records the size of every call.
 */
public final class FakeTokenizer implements Tokenizer {

	private final int tileSize, maxTokens;
	private final float[] bins;

	/** Number of tiles passed to each tokenize or reconstruct call, in order. */
	public final List<Integer> calls = new ArrayList<>();

	public boolean closed;

	public FakeTokenizer(final int tileSize, final int maxTokens, final float... bins) {
		this.tileSize = tileSize;
		this.maxTokens = maxTokens;
		this.bins = bins;
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
		return new float[n * tileSize * tileSize];
	}

	@Override
	public ReconstructResult reconstruct(final float[] tiles, final int n, final float epsilon,
		final int budget, final Progress progress)
	{
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
