package org.karl.image;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

import net.imglib2.img.array.ArrayImgs;

import org.junit.Test;
import org.karl.engine.api.Progress;
import org.karl.testing.FakeTokenizer;

public class PlaneTokenizerTest {

	private final FakeTokenizer fake = new FakeTokenizer(4, 8, 0.01f, 0.05f, 0.2f);

	/** A 10x6 plane: left half constant, right half noise. */
	private static float[] halfNoise() {
		final Random r = new Random(1);
		final float[] px = new float[10 * 6];
		for (int y = 0; y < 6; y++)
			for (int x = 0; x < 10; x++)
				px[y * 10 + x] = x < 4 ? 0.5f : r.nextFloat();
		return px;
	}

	@Test
	public void countsComeFromTheTokenizerInGridOrder() {
		final float[] px = halfNoise();
		final PlaneTokens t = PlaneTokenizer.tokenize(fake, ArrayImgs.floats(px, 10, 6), 0.05f, 8,
			false, Progress.NONE);
		assertEquals(new TileGrid(10, 6, 4), t.grid());
		final float[] tiles = Tiler.extract(ArrayImgs.floats(px, 10, 6), t.grid());
		for (int i = 0; i < 6; i++)
			assertEquals(FakeTokenizer.count(tiles, i * 16, 4, 0.05f, 8), t.counts()[i]);
		assertEquals(1, t.counts()[0]);
		assertTrue(t.counts()[1] > 1);
		assertNull(t.l1());
	}

	@Test
	public void reconstructAlsoGivesL1() {
		final PlaneTokens t = PlaneTokenizer.tokenize(fake, ArrayImgs.floats(halfNoise(), 10, 6),
			0.05f, 8, true, Progress.NONE);
		assertEquals(6, t.l1().length);
		assertEquals(0, t.l1()[0], 1e-6);
		assertTrue(t.l1()[1] > 0.1);
	}

	@Test
	public void largePlanesAreSentInChunks() {
		final int side = 4 * 70; // 4900 tiles of 4x4
		final PlaneTokens t = PlaneTokenizer.tokenize(fake, ArrayImgs.floats(side, side), 0.05f, 8,
			false, Progress.NONE);
		assertEquals(4900, t.counts().length);
		assertEquals(List.of(PlaneTokenizer.CHUNK_TILES, 4900 - PlaneTokenizer.CHUNK_TILES),
			fake.calls);
	}

	@Test
	public void epsilonOutsideTheModelsBinsIsRejectedWithTheRange() {
		for (final float eps : new float[] { 0, -0.1f, 0.21f, Float.NaN })
			try {
				fake.checkRequest(eps, 8);
				fail("accepted epsilon " + eps);
			}
			catch (final IllegalArgumentException e) {
				assertTrue(e.getMessage(), e.getMessage().contains("(0, 0.2]"));
			}
		fake.checkRequest(0.2f, 8);
		fake.checkRequest(0.001f, 1);
	}

	@Test
	public void budgetOutsideOneToMaxTokensIsRejectedWithTheRange() {
		for (final int budget : new int[] { 0, -1, 9 })
			try {
				fake.checkRequest(0.05f, budget);
				fail("accepted budget " + budget);
			}
			catch (final IllegalArgumentException e) {
				assertTrue(e.getMessage(), e.getMessage().contains("[1, 8]"));
			}
	}

	@Test(expected = CancellationException.class)
	public void cancelStopsBetweenChunks() {
		final Progress cancelled = new Progress() {

			@Override
			public void status(final String message) {}

			@Override
			public void fraction(final double done) {}

			@Override
			public boolean isCanceled() {
				return true;
			}
		};
		PlaneTokenizer.tokenize(fake, ArrayImgs.floats(8, 8), 0.05f, 8, false, cancelled);
	}

	@Test
	public void budgetIsPassedThrough() {
		final PlaneTokens t = PlaneTokenizer.tokenize(fake, ArrayImgs.floats(halfNoise(), 10, 6),
			0.001f, 3, false, Progress.NONE);
		assertArrayEquals(new int[] { 1, 3, 3, 1, 3, 3 }, t.counts());
	}
}
