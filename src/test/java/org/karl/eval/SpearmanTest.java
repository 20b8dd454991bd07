package org.karl.eval;

import static org.junit.Assert.*;

import org.junit.Test;

/** Spearman's ρ against hand-computed values, with ties. */
public class SpearmanTest {

	@Test
	public void tiesShareTheirMeanRank() {
		assertArrayEquals(new double[] { 1, 2.5, 2.5, 4, 5 }, Spearman.ranks(new double[] { 1, 2, 2,
			3, 5 }), 0);
		assertArrayEquals(new double[] { 3, 1.5, 1.5 }, Spearman.ranks(new double[] { 9, 4, 4 }), 0);
	}

	@Test
	public void rhoWithTiesByHand() {
		// ranks x = 1, 2.5, 2.5, 4, 5 and y = 2, 1, 3.5, 3.5, 5 (means 3): Σdxdy = 7.25,
		// Σdx² = Σdy² = 9.5, so ρ = 7.25 / 9.5 (scipy.stats.spearmanr agrees: 0.7631578947)
		assertEquals(7.25 / 9.5, Spearman.rho(new int[] { 1, 2, 2, 3, 5 }, new int[] { 2, 1, 4, 4,
			9 }), 1e-12);
	}

	@Test
	public void monotoneMapsGivePlusOrMinusOne() {
		final double[] x = { 0.1, 5, 2, 3 };
		assertEquals(1, Spearman.rho(x, new double[] { 1, 1000, 20, 30 }), 1e-12);
		assertEquals(-1, Spearman.rho(x, new double[] { 4, -9, 1, 0 }), 1e-12);
	}

	@Test
	public void constantSampleGivesNaN() {
		assertTrue(Double.isNaN(Spearman.rho(new int[] { 3, 3, 3 }, new int[] { 1, 2, 3 })));
	}

	@Test(expected = IllegalArgumentException.class)
	public void lengthsMustMatch() {
		Spearman.rho(new double[2], new double[3]);
	}
}
