package org.karl.image;

import java.util.concurrent.CancellationException;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

import org.karl.engine.api.Progress;
import org.karl.engine.api.ReconstructResult;
import org.karl.engine.api.Tokenizer;

/**
 * Runs a {@link Tokenizer} on every tile of a 2D plane: the one implementation of "tokenize an
 * image" behind the CLI and the Fiji commands. The plane is tiled at the tokenizer's tile size
 * ({@link Tiler}, mirror-padded edges) and sent in chunks of at most {@value #CHUNK_TILES}
 * tiles, so that memory stays bounded for large planes.
 */
public final class PlaneTokenizer {

	/** Most tiles per tokenizer call (16 MiB of 32x32 float tiles). */
	public static final int CHUNK_TILES = 4096;

	private PlaneTokenizer() {}

	/**
	 * Checks that {@code epsilon} lies in (0, last ε bin] and {@code budget} in [1, T_max] of
	 * {@code tokenizer}.
	 *
	 * @throws IllegalArgumentException naming the value and the allowed range
	 */
	public static void check(final Tokenizer tokenizer, final float epsilon, final int budget) {
		final float[] bins = tokenizer.epsilonBins();
		if (bins.length == 0) throw new IllegalArgumentException(
			"the model lists no epsilon bins, so it cannot tokenize at a target error; " +
				"use a model trained with epsilon bins");
		final float last = bins[bins.length - 1];
		if (!(epsilon > 0 && epsilon <= last)) throw new IllegalArgumentException("epsilon = " +
			epsilon + " is outside (0, " + last + "], the range this model was trained for; " +
			"choose epsilon in that range");
		if (budget < 1 || budget > tokenizer.maxTokens()) throw new IllegalArgumentException(
			"budget = " + budget + " is outside [1, " + tokenizer.maxTokens() +
				"], this model's tokens per tile; choose budget in that range");
	}

	/**
	 * Token counts (and, when {@code reconstruct}, per-tile L1 of the single pass) of every tile
	 * of {@code plane}, after {@link #check}.
	 *
	 * @throws CancellationException when {@code progress} is cancelled (checked between chunks)
	 */
	public static PlaneTokens tokenize(final Tokenizer tokenizer,
		final RandomAccessibleInterval<FloatType> plane, final float epsilon, final int budget,
		final boolean reconstruct, final Progress progress)
	{
		check(tokenizer, epsilon, budget);
		final TileGrid grid = Tiler.grid(plane, tokenizer.tileSize());
		final int n = grid.count(), p = grid.tileSize() * grid.tileSize();
		final int[] counts = new int[n];
		final float[] l1 = reconstruct ? new float[n] : null;
		for (int from = 0; from < n; from += CHUNK_TILES) {
			if (progress.isCanceled()) throw new CancellationException("cancelled after " + from +
				" of " + n + " tiles");
			final int m = Math.min(CHUNK_TILES, n - from);
			final float[] tiles = new float[m * p]; // [m, tile, tile]
			Tiler.extract(plane, grid, from, m, tiles);
			final Progress sub = progress.sub((double) from / n, (double) (from + m) / n);
			if (reconstruct) {
				final ReconstructResult r = tokenizer.reconstruct(tiles, m, epsilon, budget, sub);
				System.arraycopy(r.counts(), 0, counts, from, m);
				System.arraycopy(r.l1(), 0, l1, from, m);
			}
			else System.arraycopy(tokenizer.tokenize(tiles, m, epsilon, budget, sub).counts(), 0,
				counts, from, m);
			progress.fraction((double) (from + m) / n);
		}
		return new PlaneTokens(grid, counts, l1);
	}
}
