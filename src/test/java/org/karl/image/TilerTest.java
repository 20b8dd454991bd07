package org.karl.image;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.junit.Test;

public class TilerTest {

	/** A w x h plane with value x + 100 y. */
	private static ArrayImg<FloatType, FloatArray> ramp(final int w, final int h) {
		final float[] px = new float[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				px[y * w + x] = x + 100 * y;
		return ArrayImgs.floats(px, w, h);
	}

	@Test
	public void exactTileIsCopiedRowMajor() {
		final float[] tiles = Tiler.extract(ramp(4, 4), new TileGrid(4, 4, 4));
		assertEquals(16, tiles.length);
		assertEquals(3, tiles[3], 0);
		assertEquals(100, tiles[4], 0);
		assertEquals(303, tiles[15], 0);
	}

	@Test
	public void tilesAreOrderedRowMajorTyOuterTxInner() {
		final float[] tiles = Tiler.extract(ramp(4, 4), new TileGrid(4, 4, 2));
		// tile i starts at its top-left pixel: (0,0), (2,0), (0,2), (2,2)
		assertEquals(0, tiles[0], 0);
		assertEquals(2, tiles[4], 0);
		assertEquals(200, tiles[8], 0);
		assertEquals(202, tiles[12], 0);
	}

	@Test
	public void edgeTilesArePaddedByMirrorReflection() {
		// 3x2 plane in a 4x4 tile: x=3 mirrors to x=1, y=2 to y=0, y=3 to y=1 (edge not repeated)
		final float[] t = Tiler.extract(ramp(3, 2), new TileGrid(3, 2, 4));
		final float[] expected = {
			0, 1, 2, 1,
			100, 101, 102, 101,
			0, 1, 2, 1,
			100, 101, 102, 101 };
		assertArrayEquals(expected, t, 0);
	}

	@Test
	public void onePixelWideImageIsRepeated() {
		final float[] t = Tiler.extract(ramp(1, 2), new TileGrid(1, 2, 2));
		assertArrayEquals(new float[] { 0, 0, 100, 100 }, t, 0);
	}

	@Test
	public void onePixelImageFillsTheTile() {
		final float[] t = Tiler.extract(ArrayImgs.floats(new float[] { 7 }, 1, 1), new TileGrid(1,
			1, 3));
		assertArrayEquals(new float[] { 7, 7, 7, 7, 7, 7, 7, 7, 7 }, t, 0);
	}

	@Test
	public void planeWithOffsetIsTiledFromItsMin() {
		final float[] t = Tiler.extract(Views.translate(ramp(2, 2), 10, 20), new TileGrid(2, 2, 2));
		assertArrayEquals(new float[] { 0, 1, 100, 101 }, t, 0);
	}

	@Test
	public void rangeExtractsASubsetIntoTheGivenArray() {
		final float[] dst = new float[2 * 4];
		Tiler.extract(ramp(4, 4), new TileGrid(4, 4, 2), 2, 2, dst);
		assertEquals(200, dst[0], 0);
		assertEquals(202, dst[4], 0);
	}

	@Test
	public void userPixelsAreNotModified() {
		final ArrayImg<FloatType, FloatArray> img = ramp(3, 3);
		final float[] before = img.update(null).getCurrentStorageArray().clone();
		Tiler.extract(img, new TileGrid(3, 3, 4));
		assertArrayEquals(before, img.update(null).getCurrentStorageArray(), 0);
	}

	@Test
	public void gridOfAnotherSizeIsRejected() {
		try {
			Tiler.extract(ramp(4, 4), new TileGrid(5, 4, 2));
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("4x4"));
		}
	}
}
