package org.karl.eval;

import static org.junit.Assert.*;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.Test;
import org.karl.engine.api.TileSet;
import org.karl.image.SyntheticTiles;

/** JPEG at a bit budget: scan sizes, the quality sweep, the flat-tile fallback, the curve. */
public class JpegAnchorTest {

	private static final int SIDE = 32, PX = SIDE * SIDE;

	@Test
	public void theScanIsPartOfTheFileAndGrowsWithQuality() {
		final byte[] gray = Compression.toBytes(noise(1, 0.5f), 0, PX);
		try (JpegAnchor a = new JpegAnchor(SIDE, false)) {
			int last = 0;
			for (final float q : new float[] { 0.05f, 0.5f, 0.95f }) {
				final byte[] jpeg = a.encode(gray, q);
				final int scan = JpegScan.bytes(jpeg);
				assertTrue(scan + " of " + jpeg.length, scan > 0 && scan < jpeg.length);
				// NB: headers and tables take hundreds of bytes; the scan is what the pixels cost
				assertTrue(jpeg.length - scan + " header bytes", jpeg.length - scan > 100);
				assertTrue("quality " + q + ": " + scan + " > " + last, scan > last);
				last = scan;
			}
		}
	}

	@Test
	public void aRealScanRunsFromItsHeaderToEoiStuffingIncluded() {
		final byte[] gray = Compression.toBytes(noise(5, 1), 0, PX);
		try (JpegAnchor a = new JpegAnchor(SIDE, false)) {
			final byte[] jpeg = a.encode(gray, 1);
			// NB: in the scan FF is followed by 00 only, so the last FF DA is the SOS marker
			int sos = -1, stuffed = 0;
			for (int i = 0; i + 1 < jpeg.length; i++)
				if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) sos = i;
			for (int i = sos; i + 1 < jpeg.length; i++)
				if ((jpeg[i] & 0xFF) == 0xFF && jpeg[i + 1] == 0) stuffed++;
			assertTrue("noise at quality 1 codes some FF bytes", stuffed > 0);
			final int scanStart = sos + 2 + ((jpeg[sos + 2] & 0xFF) << 8 | jpeg[sos + 3] & 0xFF);
			assertEquals(jpeg.length - 2 - scanStart, JpegScan.bytes(jpeg));
		}
	}

	@Test
	public void aFlatTileFitsTinyBudgets() {
		final float[] flat = new float[PX];
		Arrays.fill(flat, 0.3f);
		final EvalResult.JpegCurve c = curve(new TileSet(1, SIDE, flat), new int[] { 2, 16 }, 512,
			false);
		// 18 bits: below any 32x32 JPEG scan (16 blocks of DC + end of block), the flat tile does
		assertEquals(1, c.noQualityFits()[0], 0);
		assertEquals(1, c.flatUsed()[0], 0);
		assertTrue(c.l1()[0] + "", c.l1()[0] <= 0.5 / 255 + 1e-6);
		// 144 bits: JPEG of a flat tile fits and is as good
		assertEquals(0, c.noQualityFits()[1], 0);
		assertTrue(c.l1()[1] + "", c.l1()[1] <= 0.5 / 255 + 1e-6);
		assertArrayEquals(new double[] { 18, 144 }, c.bits(), 1e-9);
		assertEquals(0.1f / c.l1()[1], c.karlOverJpeg()[1], 1e-9);
	}

	@Test
	public void noiseAtTinyBudgetsFallsBackToItsMeanGrey() {
		final float[] x = noise(2, 0.4f);
		double mean = 0;
		for (final float v : x) mean += v;
		final double grey = Math.round(mean / PX * 255) / 255.0;
		double l1 = 0;
		for (final float v : x) l1 += Math.abs(v - grey);
		final EvalResult.JpegCurve c = curve(new TileSet(1, SIDE, x), new int[] { 2 }, 512, false);
		assertEquals(1, c.noQualityFits()[0], 0);
		assertEquals(l1 / PX, c.l1()[0], 1e-6);
	}

	@Test
	public void higherBudgetsNeverGiveHigherL1() {
		final TileSet tiles = SyntheticTiles.mixed(3, 24);
		final int[] budgets = SearchBaselines.budgets(32);
		final EvalResult.JpegCurve c = curve(tiles, budgets, 512, false), f = curve(tiles, budgets,
			512, true);
		for (int i = 1; i < budgets.length; i++) {
			assertTrue("T " + budgets[i] + ": " + Arrays.toString(c.l1()), c.l1()[i] <= c.l1()[i - 1]);
			assertTrue("T " + budgets[i] + ": " + Arrays.toString(f.l1()), f.l1()[i] <= f.l1()[i - 1]);
		}
		// tables fitted to the tile (not counted) code the same quality in fewer bits
		for (int i = 0; i < budgets.length; i++)
			assertTrue("T " + budgets[i], f.l1()[i] <= c.l1()[i] && f.noQualityFits()[i] <= c
				.noQualityFits()[i]);
		assertTrue(Arrays.toString(f.l1()), f.l1()[3] < c.l1()[3]);
		// JPEG fits most tiles at T_max (not noise: about 1000 bits at the coarsest quality) and
		// does better than the flat fallback
		assertEquals(1, c.noQualityFits()[0], 0);
		assertTrue(Arrays.toString(c.noQualityFits()), c.noQualityFits()[budgets.length - 1] < 0.5);
		assertTrue(Arrays.toString(c.l1()), c.l1()[budgets.length - 1] < 0.7 * c.l1()[0]);
	}

	@Test
	public void errorIsAgainstTheFloatTileNotItsEightBitVersion() {
		final float[] x = noise(4, 0.2f);
		for (int i = 0; i < PX; i++) x[i] = (Math.round(x[i] * 255) + 0.5f) / 255; // off the grid
		final EvalResult.JpegCurve c = curve(new TileSet(1, SIDE, x), new int[] { 10_000 }, 1 << 9,
			false);
		// quality 1.0 restores the 8-bit pixels within about a level; the half level always stays
		assertTrue(c.l1()[0] + "", c.l1()[0] >= 0.5 / 255 - 1e-6 && c.l1()[0] < 2.0 / 255);
	}

	@Test
	public void stoppingTheSweepEarlyChangesNoChoice() {
		final TileSet tiles = SyntheticTiles.mixed(5, 12);
		final double most = 32 * 9;
		for (final boolean fitted : new boolean[] { false, true })
			try (JpegAnchor a = new JpegAnchor(SIDE, fitted)) {
				for (int i = 0; i < tiles.n(); i++) {
					final JpegAnchor.Sweep early = a.sweep(tiles.pixels(), i * PX, most), all = a.sweep(tiles
						.pixels(), i * PX, Double.POSITIVE_INFINITY);
					assertEquals(JpegAnchor.QUALITIES.length, Arrays.stream(all.bits()).filter(
						b -> b < Integer.MAX_VALUE).count());
					for (int t = 2; t <= 32; t += 2)
						assertEquals("tile " + i + ", T " + t, all.at(9 * t), early.at(9 * t));
				}
			}
	}

	@Test
	public void partsAverageTheirOwnTiles() {
		final float[] flat = new float[PX];
		Arrays.fill(flat, 0.5f);
		final TileSet two = TileSet.concat(new TileSet(1, SIDE, flat), new TileSet(1, SIDE, noise(6,
			1)));
		final float[][] karl = { { 0.01f, 0.3f } };
		final EvalResult.JpegCurve c = JpegAnchor.curve(two, new int[] { 0, 1 }, List.of("flat",
			"noise"), new int[] { 32 }, 512, karl, false);
		final EvalResult.PartCurve f = c.parts().get("flat"), n = c.parts().get("noise");
		assertEquals(0.01f, f.karlL1()[0], 0);
		assertEquals(0.3f, n.karlL1()[0], 0);
		assertTrue(f.jpegL1()[0] + " < " + n.jpegL1()[0], f.jpegL1()[0] < 0.01 && n.jpegL1()[0] > 0.1);
		assertEquals((f.jpegL1()[0] + n.jpegL1()[0]) / 2, c.l1()[0], 1e-12);
		assertEquals("standard", c.huffman());
	}

	/** The curve of one part, KARL at L1 0.1 at every budget. */
	private static EvalResult.JpegCurve curve(final TileSet tiles, final int[] budgets,
		final int codebook, final boolean fitted)
	{
		final float[][] karl = new float[budgets.length][tiles.n()];
		for (final float[] k : karl) Arrays.fill(k, 0.1f);
		return JpegAnchor.curve(tiles, new int[tiles.n()], List.of("all"), budgets, codebook, karl,
			fitted);
	}

	/** A tile of uniform noise of amplitude {@code a} around 0.5. */
	private static float[] noise(final long seed, final float a) {
		final Random r = new Random(seed);
		final float[] x = new float[PX];
		for (int i = 0; i < PX; i++) x[i] = 0.5f + a * (r.nextFloat() - 0.5f);
		return x;
	}
}
