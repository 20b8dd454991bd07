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
		return tokenize(tokenizer, plane, epsilon, budget, reconstruct, ids, null, progress);
	}

	/**
	 * As above, for the tiles {@code selected} (row-major over the plane's grid; null: all) only:
	 * the others are not computed and have count {@value #NOT_SELECTED} (l1 NaN, ids -1).
	 */
	public static PlaneTokens tokenize(final Tokenizer tokenizer,
		final RandomAccessibleInterval<FloatType> plane, final float epsilon, final int budget,
		final boolean reconstruct, final boolean ids, final boolean[] selected,
		final Progress progress)
	{
		tokenizer.checkRequest(epsilon, budget);
		final TileGrid grid = Tiler.grid(plane, tokenizer.tileSize());
		final int n = grid.count();
		final int[] counts = new int[n];
		final float[] l1 = reconstruct ? new float[n] : null;
		final int tmax = tokenizer.maxTokens();
		final int[] tokens = ids ? new int[n * tmax] : null, keep = ids ? new int[n * tmax] : null;
		if (selected != null) {
			java.util.Arrays.fill(counts, NOT_SELECTED);
			if (l1 != null) java.util.Arrays.fill(l1, Float.NaN);
			if (ids) java.util.Arrays.fill(tokens, -1);
		}
		forEachChunk(tokenizer, plane, selected, progress, (tiles, m, idx, sub) -> {
			if (ids || !reconstruct) {
				final TokenizeResult r = tokenizer.tokenize(tiles, m, epsilon, budget, sub);
				for (int k = 0; k < m; k++) {
					final int t = idx[k];
					counts[t] = r.counts()[k];
					if (ids) {
						System.arraycopy(r.tokens(), k * tmax, tokens, t * tmax, tmax);
						System.arraycopy(r.keep(), k * tmax, keep, t * tmax, tmax);
					}
				}
			}
			if (reconstruct) {
				final ReconstructResult r = tokenizer.reconstruct(tiles, m, epsilon, budget, sub);
				for (int k = 0; k < m; k++) {
					counts[idx[k]] = r.counts()[k];
					l1[idx[k]] = r.l1()[k];
				}
			}
		});
		return new PlaneTokens(grid, counts, l1, tokens, keep);
	}

	/** What {@link #forEachChunk} does with one chunk of a plane's tiles. */
	public interface Chunk {

		/**
		 * @param tiles {@code m} tiles, {@code [m, tileSize, tileSize]}
		 * @param idx the grid index of each of them, {@code [m]}
		 * @param progress this chunk's share of the plane's progress
		 */
		void run(float[] tiles, int m, int[] idx, Progress progress);
	}

	/**
	 * Hands the tiles {@code selected} (null: all) of {@code plane} to {@code body} in chunks of
	 * at most {@value #CHUNK_TILES}, in grid order; the one tiling loop of every plane operation.
	 *
	 * @return the plane's grid
	 * @throws CancellationException when {@code progress} is cancelled (checked between chunks)
	 */
	public static TileGrid forEachChunk(final Tokenizer tokenizer,
		final RandomAccessibleInterval<FloatType> plane, final boolean[] selected,
		final Progress progress, final Chunk body)
	{
		final TileGrid grid = Tiler.grid(plane, tokenizer.tileSize());
		final int n = grid.count(), p = grid.tileSize() * grid.tileSize();
		if (selected != null && selected.length != n) throw new IllegalArgumentException(
			"PlaneTokenizer: selection of " + selected.length + " tiles for a grid of " + n);
		final int[] idx = selection(selected, n);
		final int todo = idx.length;
		for (int from = 0; from < todo; from += CHUNK_TILES) {
			if (progress.isCanceled()) throw new CancellationException("cancelled after " + from +
				" of " + todo + " tiles");
			final int m = Math.min(CHUNK_TILES, todo - from);
			final float[] tiles = new float[m * p]; // [m, tile, tile]
			if (selected == null) Tiler.extract(plane, grid, from, m, tiles);
			else {
				final float[] one = new float[p];
				for (int k = 0; k < m; k++) {
					Tiler.extract(plane, grid, idx[from + k], 1, one);
					System.arraycopy(one, 0, tiles, k * p, p);
				}
			}
			body.run(tiles, m, java.util.Arrays.copyOfRange(idx, from, from + m), progress.sub(
				(double) from / todo, (double) (from + m) / todo));
			progress.fraction((double) (from + m) / todo);
		}
		return grid;
	}

	/** Count of a tile outside the selection. */
	public static final int NOT_SELECTED = -1;

	private static int[] selection(final boolean[] selected, final int n) {
		if (selected == null) {
			final int[] all = new int[n];
			for (int i = 0; i < n; i++) all[i] = i;
			return all;
		}
		int c = 0;
		for (final boolean b : selected) if (b) c++;
		final int[] idx = new int[c];
		for (int i = 0, k = 0; i < n; i++) if (selected[i]) idx[k++] = i;
		return idx;
	}
}
