package org.karl.image;

import net.imglib2.Interval;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessible;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Copies the tiles of a 2D float plane into a row-major batch {@code [count, tileSize, tileSize]},
 * the layout {@link org.karl.engine.api.Tokenizer} takes. Padded edge tiles are filled by mirror
 * reflection ({@link Views#extendMirrorSingle}): the edge pixel is not repeated.
 * <p>
 * The plane is read through views: only the batch is allocated, never a padded copy of the plane.
 * Tile {@code (tx, ty)} of the grid is read at {@code min(plane) + (tx, ty) * tileSize}.
 */
public final class Tiler {

	private Tiler() {}

	/** The grid of {@code tileSize} tiles covering {@code plane}. */
	public static TileGrid grid(final RandomAccessibleInterval<FloatType> plane,
		final int tileSize)
	{
		check2D(plane);
		return new TileGrid(Math.toIntExact(plane.dimension(0)), Math.toIntExact(plane.dimension(1)),
			tileSize);
	}

	/** All tiles of {@code grid}, row-major: {@code [grid.count(), tileSize, tileSize]}. */
	public static float[] extract(final RandomAccessibleInterval<FloatType> plane,
		final TileGrid grid)
	{
		final float[] dst = new float[Math.multiplyExact(grid.count(), grid.tileSize() * grid
			.tileSize())];
		extract(plane, grid, 0, grid.count(), dst);
		return dst;
	}

	/**
	 * Tiles {@code from .. from+count-1} of {@code grid} (row-major indices) into {@code dst},
	 * back to back from index 0; lets callers process a large plane in bounded chunks.
	 */
	public static void extract(final RandomAccessibleInterval<FloatType> plane,
		final TileGrid grid, final int from, final int count, final float[] dst)
	{
		check2D(plane);
		if (plane.dimension(0) != grid.width() || plane.dimension(1) != grid.height())
			throw new IllegalArgumentException("Tiler: plane is " + plane.dimension(0) + "x" + plane
				.dimension(1) + " but the grid is for " + grid.width() + "x" + grid.height());
		final int p = grid.tileSize() * grid.tileSize();
		if (from < 0 || count < 0 || from + count > grid.count() || (long) count * p > dst.length)
			throw new IllegalArgumentException("Tiler: tiles [" + from + "," + (from + count) +
				") of " + grid.count() + " do not fit a destination of " + dst.length + " floats");
		// NB: zeroMin so that the grid, which starts at (0,0), applies to planes with any offset.
		final RandomAccessible<FloatType> extended = Views.extendMirrorSingle(Views.zeroMin(
			plane));
		int o = 0;
		for (int i = from; i < from + count; i++) {
			final Interval tile = grid.interval(i);
			final RandomAccess<FloatType> ra = Views.interval(extended, tile).randomAccess(tile);
			// NB: absolute positions only. In ImgLib2 7.1.2 the mirror extension of a size-1
			// dimension goes wrong on relative moves (cursor fwd), e.g. for a 1-pixel-wide plane.
			for (long y = tile.min(1); y <= tile.max(1); y++) {
				ra.setPosition(y, 1);
				for (long x = tile.min(0); x <= tile.max(0); x++) {
					ra.setPosition(x, 0);
					dst[o++] = ra.get().get();
				}
			}
		}
	}

	private static void check2D(final RandomAccessibleInterval<?> plane) {
		if (plane.numDimensions() != 2) throw new IllegalArgumentException(
			"Tiler: expected a 2D plane, got " + plane.numDimensions() +
				" dimensions; take a plane with Views.hyperSlice first");
	}
}
