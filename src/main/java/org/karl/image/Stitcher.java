package org.karl.image;

/**
 * The inverse of {@link Tiler}: places row-major tiles {@code [count, tile, tile]} back into a
 * {@code width x height} plane, dropping the mirror-padded parts of edge tiles.
 */
public final class Stitcher {

	private Stitcher() {}

	public static float[] stitch(final TileGrid grid, final float[] tiles) {
		final int t = grid.tileSize(), w = grid.width(), h = grid.height();
		if (tiles.length < (long) grid.count() * t * t) throw new IllegalArgumentException(
			"Stitcher: " + grid.count() + " tiles of " + t + "x" + t + " need " +
				(long) grid.count() * t * t + " floats, got " + tiles.length);
		final float[] plane = new float[w * h];
		for (int i = 0; i < grid.count(); i++) {
			final int x0 = grid.tileX(i) * t, y0 = grid.tileY(i) * t;
			final int cw = Math.min(t, w - x0), ch = Math.min(t, h - y0);
			for (int y = 0; y < ch; y++)
				System.arraycopy(tiles, i * t * t + y * t, plane, (y0 + y) * w + x0, cw);
		}
		return plane;
	}
}
