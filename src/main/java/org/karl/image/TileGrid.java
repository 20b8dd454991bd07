package org.karl.image;

import net.imglib2.FinalInterval;
import net.imglib2.Interval;

/**
 * A grid of square, non-overlapping tiles covering a {@code width x height} plane, starting at
 * (0,0). It exists so that the tiling maths (counts, intervals, edge flags) lives in one tested
 * place.
 * <p>
 * {@code tilesX = ceil(width / tileSize)}, {@code tilesY = ceil(height / tileSize)}; tile
 * {@code (tx, ty)} covers {@code [tx*tileSize, (tx+1)*tileSize-1] x [ty*tileSize, (ty+1)*tileSize-1]},
 * which extends past the plane for the last column or row when the size is not a multiple of the
 * tile: such a tile is <em>padded</em>. Tiles are numbered row-major: {@code i = ty * tilesX + tx}.
 *
 * @param width plane width in pixels, at least 1
 * @param height plane height in pixels, at least 1
 * @param tileSize tile edge in pixels, at least 1
 */
public record TileGrid(int width, int height, int tileSize) {

	public TileGrid {
		if (width < 1 || height < 1 || tileSize < 1) throw new IllegalArgumentException(
			"TileGrid: image " + width + "x" + height + " with tile " + tileSize +
				"; all sizes must be at least 1");
	}

	/** Number of tile columns, {@code ceil(width / tileSize)}. */
	public int tilesX() {
		return (width + tileSize - 1) / tileSize;
	}

	/** Number of tile rows, {@code ceil(height / tileSize)}. */
	public int tilesY() {
		return (height + tileSize - 1) / tileSize;
	}

	/** Number of tiles, {@code tilesX * tilesY}. */
	public int count() {
		return tilesX() * tilesY();
	}

	/** Row-major index of tile (tx, ty). */
	public int index(final int tx, final int ty) {
		check(tx, ty);
		return ty * tilesX() + tx;
	}

	/** Column of the tile with row-major index {@code i}. */
	public int tileX(final int i) {
		checkIndex(i);
		return i % tilesX();
	}

	/** Row of the tile with row-major index {@code i}. */
	public int tileY(final int i) {
		checkIndex(i);
		return i / tilesX();
	}

	/** Pixel interval of tile (tx, ty); always {@code tileSize x tileSize}, even when padded. */
	public Interval interval(final int tx, final int ty) {
		check(tx, ty);
		final long x0 = (long) tx * tileSize;
		final long y0 = (long) ty * tileSize;
		return new FinalInterval(new long[] { x0, y0 }, new long[] { x0 + tileSize - 1, y0 +
			tileSize - 1 });
	}

	/** Pixel interval of the tile with row-major index {@code i}. */
	public Interval interval(final int i) {
		return interval(tileX(i), tileY(i));
	}

	/** True when tile (tx, ty) extends past the right or bottom edge of the plane. */
	public boolean isPadded(final int tx, final int ty) {
		check(tx, ty);
		return (long) (tx + 1) * tileSize > width || (long) (ty + 1) * tileSize > height;
	}

	// -- Helpers --

	private void check(final int tx, final int ty) {
		if (tx < 0 || ty < 0 || tx >= tilesX() || ty >= tilesY())
			throw new IndexOutOfBoundsException("TileGrid: tile (" + tx + "," + ty +
				") is outside the " + tilesX() + "x" + tilesY() + " grid");
	}

	private void checkIndex(final int i) {
		if (i < 0 || i >= count()) throw new IndexOutOfBoundsException("TileGrid: tile index " +
			i + " is outside [0," + count() + ")");
	}
}
