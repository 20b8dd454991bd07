package org.karl.image;

import static org.junit.Assert.assertArrayEquals;

import java.util.Random;

import org.junit.Test;

import net.imglib2.img.array.ArrayImgs;

public class StitcherTest {

	@Test
	public void stitchingExtractedTilesGivesThePlaneBackForAnySize() {
		final Random r = new Random(4);
		for (final int[] wh : new int[][] { { 32, 32 }, { 70, 33 }, { 1, 1 }, { 5, 100 }, { 64, 96 } }) {
			final float[] px = new float[wh[0] * wh[1]];
			for (int i = 0; i < px.length; i++) px[i] = r.nextFloat();
			final TileGrid g = new TileGrid(wh[0], wh[1], 32);
			final float[] tiles = Tiler.extract(ArrayImgs.floats(px, wh[0], wh[1]), g);
			assertArrayEquals(wh[0] + "x" + wh[1], px, Stitcher.stitch(g, tiles), 0f);
		}
	}
}
