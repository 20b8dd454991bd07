package org.karl.ops;

import ij.ImagePlus;

import java.util.List;
import java.util.concurrent.CancellationException;

import org.karl.engine.api.Progress;
import org.karl.engine.api.TokenizeResult;
import org.karl.engine.api.Tokenizer;
import org.karl.image.PlaneTokenizer;
import org.karl.image.TileGrid;
import org.karl.image.Tiler;
import org.karl.image.ij.Plane;
import org.karl.image.ij.PlaneReader;

/**
 * KARL Tokenize: per plane and per tile, the 1D token ids, the kept mask and the kept count,
 * as one table row per tile; the kept counts per plane also become image properties of the
 * input ({@value #PROP_TOKENS}, comma-separated in stack order), its pixels are never touched.
 */
public final class TokenizeOp {

	/** Image property: total kept tokens of each plane, comma-separated, stack order. */
	public static final String PROP_TOKENS = "karl.tokens";

	/** Image property: the ε the counts were made at. */
	public static final String PROP_EPSILON = "karl.epsilon";

	/** The table's columns; token_ids and keep_mask are space-separated, T_max values each. */
	public static final String[] COLUMNS = { "image", "c", "z", "t", "tile_x", "tile_y", "padded",
		"tokens", "token_ids", "keep_mask" };

	/** The rows and notes for the log. */
	public record Output(Table table, int[] planeTokens, List<String> notes) {}

	private TokenizeOp() {}

	/** @param budget tokens per tile in [1, T_max], or 0 for T_max */
	public static Output run(final ImagePlus imp, final Tokenizer t, final float epsilon,
		final int budget, final Progress progress)
	{
		Inputs.checkImage(imp, t.tileSize());
		final int b = Inputs.budget(t, epsilon, budget), tmax = t.maxTokens();
		final TileGrid grid = new TileGrid(imp.getWidth(), imp.getHeight(), t.tileSize());
		final Table rows = new Table(COLUMNS);
		final PlaneReader reader = new PlaneReader(imp);
		final int n = imp.getStackSize(), px = t.tileSize() * t.tileSize();
		final int[] perPlane = new int[n];
		for (int i = 1; i <= n; i++) {
			progress.status(imp.getTitle() + ": plane " + i + "/" + n);
			final Plane p = reader.read(i);
			for (int from = 0; from < grid.count(); from += PlaneTokenizer.CHUNK_TILES) {
				if (progress.isCanceled()) throw new CancellationException("canceled at plane " + i);
				final int m = Math.min(PlaneTokenizer.CHUNK_TILES, grid.count() - from);
				final float[] tiles = new float[m * px]; // [m, tile, tile]
				Tiler.extract(p.img(), grid, from, m, tiles);
				final TokenizeResult r = t.tokenize(tiles, m, epsilon, b, progress.sub((i - 1.0) / n,
					(double) i / n));
				for (int k = 0; k < m; k++) {
					final int tx = grid.tileX(from + k), ty = grid.tileY(from + k);
					rows.add(imp.getTitle(), p.channel(), p.slice(), p.frame(), tx, ty, grid.isPadded(tx,
						ty), r.counts()[k], join(r.tokens(), k * tmax, tmax), join(r.keep(), k * tmax, tmax));
					perPlane[i - 1] += r.counts()[k];
				}
			}
		}
		final StringBuilder prop = new StringBuilder();
		for (final int c : perPlane) prop.append(prop.length() == 0 ? "" : ",").append(c);
		imp.setProp(PROP_TOKENS, prop.toString());
		imp.setProp(PROP_EPSILON, Float.toString(epsilon));
		return new Output(rows, perPlane, Inputs.notes(imp, reader));
	}

	private static String join(final int[] a, final int from, final int n) {
		final StringBuilder s = new StringBuilder();
		for (int j = 0; j < n; j++) s.append(j == 0 ? "" : " ").append(a[from + j]);
		return s.toString();
	}
}
