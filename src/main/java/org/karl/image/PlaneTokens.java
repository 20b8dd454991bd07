package org.karl.image;

/**
 * Token counts of every tile of one plane: the plane's complexity map at one ε.
 *
 * @param grid the tiles, numbered row-major
 * @param counts kept tokens per tile, [grid.count()]
 * @param l1 mean absolute reconstruction error per tile, [grid.count()]; null when only
 *          tokenized (encoder only)
 */
public record PlaneTokens(TileGrid grid, int[] counts, float[] l1) {

	public PlaneTokens {
		if (counts.length != grid.count() || (l1 != null && l1.length != grid.count()))
			throw new IllegalArgumentException("PlaneTokens: " + grid.count() + " tiles but " +
				counts.length + " counts and " + (l1 == null ? "no" : l1.length) + " l1 values");
	}
}
