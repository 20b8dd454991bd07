package org.karl.eval;

import static org.junit.Assert.*;

import org.junit.Test;

/** Graded share and the commonest count, blank tiles left out. */
public class GradedCountsTest {

	@Test
	public void countsStrictlyBetweenTheFloorAndTmaxAreGraded() {
		// counts 2 and 32 are the ends; 4, 4, 10 are graded; the blank tile (5) is left out
		final int[] k = { 2, 4, 4, 10, 32, 32, 32, 5 };
		final boolean[] blank = { false, false, false, false, false, false, false, true };
		final GradedCounts g = GradedCounts.of(k, blank, 2, 32);
		assertEquals(7, g.nonBlank());
		assertEquals(3 / 7.0, g.graded(), 1e-12);
		assertEquals(32, g.commonest());
		assertEquals(3 / 7.0, g.commonestShare(), 1e-12);
	}

	@Test
	public void aTieGoesToTheSmallerCountAndNoTileGivesNaN() {
		final GradedCounts g = GradedCounts.of(new int[] { 8, 2, 8, 2 }, new boolean[4], 2, 8);
		assertEquals(2, g.commonest());
		assertEquals(0.5, g.commonestShare(), 0);
		assertEquals(0, g.graded(), 0);
		assertTrue(Double.isNaN(GradedCounts.of(new int[] { 2 }, new boolean[] { true }, 2, 8)
			.graded()));
	}
}
