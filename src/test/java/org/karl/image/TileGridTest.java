package org.karl.image;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import net.imglib2.Interval;
import net.imglib2.util.Intervals;

import org.junit.Test;

public class TileGridTest {

	@Test
	public void imageOfExactlyOneTileIsOneUnpaddedTile() {
		final TileGrid g = new TileGrid(32, 32, 32);
		assertEquals(1, g.tilesX());
		assertEquals(1, g.tilesY());
		assertEquals(1, g.count());
		assertFalse(g.isPadded(0, 0));
		assertArrayEquals(new long[] { 0, 0, 31, 31 }, bounds(g.interval(0, 0)));
	}

	@Test
	public void imageSmallerThanATileIsOnePaddedTile() {
		final TileGrid g = new TileGrid(5, 20, 32);
		assertEquals(1, g.count());
		assertTrue(g.isPadded(0, 0));
		assertArrayEquals(new long[] { 0, 0, 31, 31 }, bounds(g.interval(0, 0)));
	}

	@Test
	public void tileCountsRoundUp() {
		final TileGrid g = new TileGrid(65, 64, 32);
		assertEquals(3, g.tilesX());
		assertEquals(2, g.tilesY());
		assertEquals(6, g.count());
	}

	@Test
	public void onlyTilesPastTheEdgeArePadded() {
		final TileGrid g = new TileGrid(65, 40, 32);
		assertFalse(g.isPadded(0, 0));
		assertFalse(g.isPadded(1, 0));
		assertTrue(g.isPadded(2, 0));
		assertTrue(g.isPadded(0, 1));
		assertTrue(g.isPadded(2, 1));
	}

	@Test
	public void intervalsAreTileSizedAndExtendPastTheEdge() {
		final TileGrid g = new TileGrid(65, 40, 32);
		assertArrayEquals(new long[] { 64, 32, 95, 63 }, bounds(g.interval(2, 1)));
		assertEquals(32 * 32, Intervals.numElements(g.interval(2, 1)));
	}

	@Test
	public void linearIndexIsRowMajor() {
		final TileGrid g = new TileGrid(96, 64, 32);
		assertEquals(4, g.index(1, 1));
		assertEquals(1, g.tileX(4));
		assertEquals(1, g.tileY(4));
		assertArrayEquals(bounds(g.interval(1, 1)), bounds(g.interval(4)));
	}

	@Test
	public void rejectsNonPositiveSizesNamingTheValue() {
		try {
			new TileGrid(0, 10, 32);
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("0x10"));
		}
	}

	@Test(expected = IndexOutOfBoundsException.class)
	public void rejectsTilesOutsideTheGrid() {
		new TileGrid(64, 64, 32).interval(2, 0);
	}

	private static long[] bounds(final Interval i) {
		return new long[] { i.min(0), i.min(1), i.max(0), i.max(1) };
	}
}
