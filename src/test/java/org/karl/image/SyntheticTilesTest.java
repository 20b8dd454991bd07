package org.karl.image;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Test;
import org.karl.engine.api.TileSet;

public class SyntheticTilesTest {

	private static final int P = SyntheticTiles.TILE * SyntheticTiles.TILE;

	@Test
	public void sameSeedGivesSameTilesAndAnotherSeedOthers() {
		assertArrayEquals(SyntheticTiles.mixed(7, 20).pixels(), SyntheticTiles.mixed(7, 20)
			.pixels(), 0);
		assertFalse(Arrays.equals(SyntheticTiles.mixed(7, 20).pixels(), SyntheticTiles.mixed(8, 20)
			.pixels()));
	}

	@Test
	public void everyGeneratorStaysInUnitRangeWithTheRequestedShape() {
		for (final TileSet s : List.of(SyntheticTiles.blank(1, 5), SyntheticTiles.smooth(1, 5),
			SyntheticTiles.shapes(1, 5, 16), SyntheticTiles.noise(1, 5), SyntheticTiles.mixed(1, 50)))
		{
			assertEquals(32, s.tileSize());
			for (final float v : s.pixels())
				assertTrue("value " + v, v >= 0 && v <= 1);
		}
	}

	@Test
	public void blankTilesAreConstantAtRandomLevels() {
		final TileSet s = SyntheticTiles.blank(3, 10);
		final Set<Float> levels = new HashSet<>();
		for (int i = 0; i < s.n(); i++) {
			assertEquals(1, distinct(s, i));
			levels.add(s.pixels()[i * P]);
		}
		assertTrue(levels.size() > 5);
	}

	@Test
	public void smoothTilesChangeLittleBetweenNeighbours() {
		final TileSet s = SyntheticTiles.smooth(4, 20);
		for (int i = 0; i < s.n(); i++) {
			assertTrue(distinct(s, i) > 1);
			for (int y = 0; y < 32; y++)
				for (int x = 1; x < 32; x++) {
					final int o = i * P + y * 32 + x;
					assertTrue(Math.abs(s.pixels()[o] - s.pixels()[o - 1]) < 0.1f);
				}
		}
	}

	@Test
	public void shapesTilesHaveAtMostKPlusOneGreyLevels() {
		for (final int k : new int[] { 1, 4, 16 }) {
			final TileSet s = SyntheticTiles.shapes(5, 20, k);
			for (int i = 0; i < s.n(); i++) {
				final int d = distinct(s, i);
				assertTrue("k=" + k + " tile " + i + " has " + d + " levels", d >= 2 && d <= k + 1);
			}
		}
	}

	@Test
	public void noiseTilesAreRough() {
		final TileSet s = SyntheticTiles.noise(6, 3);
		for (int i = 0; i < s.n(); i++) {
			assertTrue(distinct(s, i) > P / 2);
			assertTrue(roughness(s, i) > 0.25);
		}
	}

	@Test
	public void mixedContainsEveryKind() {
		final TileSet s = SyntheticTiles.mixed(9, 200);
		int blank = 0, rough = 0;
		for (int i = 0; i < s.n(); i++) {
			final int d = distinct(s, i);
			if (d == 1) blank++;
			if (roughness(s, i) > 0.2) rough++;
		}
		assertTrue(blank > 20 && blank < 80);
		assertTrue(rough > 20 && rough < 80);
	}

	@Test
	public void probeHasLabelledGroupsInOrder() {
		final Map<String, TileSet> probe = SyntheticTiles.probe(11, 4);
		assertEquals(List.of("blank", "smooth", "shapes_1", "shapes_2", "shapes_4", "shapes_8",
			"shapes_16", "noise"), List.copyOf(probe.keySet()));
		for (final TileSet s : probe.values())
			assertEquals(4, s.n());
		assertArrayEquals(probe.get("noise").pixels(), SyntheticTiles.probe(11, 4).get("noise")
			.pixels(), 0);
	}

	/** Mean absolute difference between horizontal neighbours (1/3 for uniform noise). */
	private static double roughness(final TileSet s, final int i) {
		double sum = 0;
		for (int y = 0; y < 32; y++)
			for (int x = 1; x < 32; x++)
				sum += Math.abs(s.pixels()[i * P + y * 32 + x] - s.pixels()[i * P + y * 32 + x - 1]);
		return sum / (32 * 31);
	}

	@Test
	public void noisyFlatTilesSpanTheirNoiseRangeAroundOneLevel() {
		final TileSet s = SyntheticTiles.noisyFlat(9, 400);
		assertArrayEquals(s.pixels(), SyntheticTiles.noisyFlat(9, 400).pixels(), 0);
		double minSd = 1, maxSd = 0;
		for (int i = 0; i < s.n(); i++) {
			double sum = 0, sq = 0;
			for (int j = 0; j < P; j++) {
				final float v = s.pixels()[i * P + j];
				assertTrue(v >= 0 && v <= 1);
				sum += v;
				sq += v * v;
			}
			final double mean = sum / P, sd = Math.sqrt(Math.max(0, sq / P - mean * mean));
			minSd = Math.min(minSd, sd);
			maxSd = Math.max(maxSd, sd);
			assertTrue("tile " + i + ": mean " + mean, mean > 0.0 && mean < 1.0);
		}
		// σ is drawn in [0.01, 0.3]; clipping at 0 and 1 shrinks the largest a little
		assertTrue("smallest σ " + minSd, minSd < 0.03);
		assertTrue("largest σ " + maxSd, maxSd > 0.22 && maxSd < 0.32);
	}

	private static int distinct(final TileSet s, final int i) {
		final Set<Float> values = new HashSet<>();
		for (int j = 0; j < P; j++)
			values.add(s.pixels()[i * P + j]);
		return values.size();
	}
}
