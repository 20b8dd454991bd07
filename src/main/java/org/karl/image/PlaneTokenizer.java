package org.karl.image;

import java.util.concurrent.CancellationException;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

import org.karl.engine.api.Progress;
import org.karl.engine.api.ReconstructResult;
import org.karl.engine.api.TokenizeResult;
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
	 * Token counts (and, when {@code reconstruct}, per-tile L1 of the single pass) of every tile
	 * of {@code plane}, after {@link Tokenizer#checkRequest}.
	 *
	 * @throws CancellationException when {@code progress} is cancelled (checked between chunks)
	 */
	public static PlaneTokens tokenize(final Tokenizer tokenizer,
		final RandomAccessibleInterval<FloatType> plane, final float epsilon, final int budget,
		final boolean reconstruct, final Progress progress)
	{
		return tokenize(tokenizer, plane, epsilon, budget, reconstruct, false, progress);
	}

	/**
	 * As above; with {@code ids}, also the token ids and kept flags of every tile (with
	 * {@code reconstruct} too, the encoder then runs twice: the reconstruct signature returns no
	 * ids through {@link Tokenizer}).
	 */
	public static PlaneTokens tokenize(final Tokenizer tokenizer,
		final RandomAccessibleInterval<FloatType> plane, final float epsilon, final int budget,
		final boolean reconstruct, final boolean ids, final Progress progress)
	{
		tokenizer.checkRequest(epsilon, budget);
		final TileGrid grid = Tiler.grid(plane, tokenizer.tileSize());
		final int n = grid.count(), p = grid.tileSize() * grid.tileSize();
		final int[] counts = new int[n];
		final float[] l1 = reconstruct ? new float[n] : null;
		final int tmax = tokenizer.maxTokens();
		final int[] tokens = ids ? new int[n * tmax] : null, keep = ids ? new int[n * tmax] : null;
		for (int from = 0; from < n; from += CHUNK_TILES) {
			if (progress.isCanceled()) throw new CancellationException("cancelled after " + from +
				" of " + n + " tiles");
			final int m = Math.min(CHUNK_TILES, n - from);
			final float[] tiles = new float[m * p]; // [m, tile, tile]
			Tiler.extract(plane, grid, from, m, tiles);
			final Progress sub = progress.sub((double) from / n, (double) (from + m) / n);
			if (ids || !reconstruct) {
				final TokenizeResult r = tokenizer.tokenize(tiles, m, epsilon, budget, sub);
				System.arraycopy(r.counts(), 0, counts, from, m);
				if (ids) {
					System.arraycopy(r.tokens(), 0, tokens, from * tmax, m * tmax);
					System.arraycopy(r.keep(), 0, keep, from * tmax, m * tmax);
				}
			}
			if (reconstruct) {
				final ReconstructResult r = tokenizer.reconstruct(tiles, m, epsilon, budget, sub);
				System.arraycopy(r.counts(), 0, counts, from, m);
				System.arraycopy(r.l1(), 0, l1, from, m);
			}
			progress.fraction((double) (from + m) / n);
		}
		return new PlaneTokens(grid, counts, l1, tokens, keep);
	}
}
