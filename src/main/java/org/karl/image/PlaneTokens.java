package org.karl.image;

/**
 * Token counts of every tile of one plane: the plane's complexity map at one ε.
 *
 * @param grid the tiles, numbered row-major
 * @param counts kept tokens per tile, [grid.count()]
 * @param l1 mean absolute reconstruction error per tile, [grid.count()]; null when only
 *          tokenized (encoder only)
 * @param tokens token ids, [grid.count() * tmax] (tile-major); null unless asked for
 * @param keep kept flags (1 kept, 0 dropped), like {@code tokens}; null unless asked for
 */
public record PlaneTokens(TileGrid grid, int[] counts, float[] l1, int[] tokens, int[] keep) {

	public PlaneTokens {
		if (counts.length != grid.count() || (l1 != null && l1.length != grid.count()))
			throw new IllegalArgumentException("PlaneTokens: " + grid.count() + " tiles but " +
				counts.length + " counts and " + (l1 == null ? "no" : l1.length) + " l1 values");
		if ((tokens == null) != (keep == null) || (tokens != null && (tokens.length != keep.length ||
			tokens.length % Math.max(1, grid.count()) != 0))) throw new IllegalArgumentException(
				"PlaneTokens: token ids and kept flags must both be given, for every tile");
	}

	/** Counts (and l1) without token ids. */
	public PlaneTokens(final TileGrid grid, final int[] counts, final float[] l1) {
		this(grid, counts, l1, null, null);
	}

	/** Token ids per tile: {@code tokens.length / grid.count()}, the model's T_max. */
	public int tmax() {
		return tokens == null || grid.count() == 0 ? 0 : tokens.length / grid.count();
	}
}
