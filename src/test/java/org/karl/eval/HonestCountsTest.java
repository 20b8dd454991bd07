package org.karl.eval;

import static org.junit.Assert.*;

import org.junit.Test;
import org.karl.engine.config.ModelConfig;

/** The paper-optimum measurement and the reachable-tile agreement of {@link HonestCounts}. */
public class HonestCountsTest {

	static final float[] BINS = ModelConfig.PAPER_BINS;
	static final int[] PHASE1 = new int[23]; // 2, 4, ..., 46
	static {
		for (int i = 0; i < PHASE1.length; i++) PHASE1[i] = 2 * (i + 1);
	}

	/** ALIT-style table over 2..32 of the given per-tile curves l1[tile][budget index]. */
	static SearchBaselines.Table table(final float[]... curves) {
		final int[] budgets = SearchBaselines.budgets(32);
		final float[][] l1 = new float[budgets.length][curves.length];
		for (int b = 0; b < budgets.length; b++)
			for (int i = 0; i < curves.length; i++) l1[b][i] = curves[i][b];
		return new SearchBaselines.Table(budgets, l1, new double[budgets.length]);
	}

	static float[] flat(final float v) {
		final float[] c = new float[16];
		java.util.Arrays.fill(c, v);
		return c;
	}

	@Test
	public void aTileOnItsFloorNeverHaltsUnderThePapersTargetsAndIsNeverTrainedAtOtherBins() {
		final SearchBaselines.Table t = table(flat(0.03f));
		// every phase-1 budget lands in bin 0.03: the 0.75 quantile of 2..46 is 36 > T_max
		assertEquals(32, HonestCounts.paperOptimum(t, 0, PHASE1, BINS, HonestCounts.binOf(BINS, 0.03),
			32, 0.75));
		// at ε 0.05 no budget produces the bin: the query never occurs in training
		assertEquals(-1, HonestCounts.paperOptimum(t, 0, PHASE1, BINS, HonestCounts.binOf(BINS, 0.05),
			32, 0.75));
	}

	@Test
	public void aFallingCurveGivesTheQuantileOfTheConsistentBudgets() {
		final float[] c = new float[16];
		for (int b = 0; b < 16; b++) c[b] = 0.30f - 0.01f * b; // T = 2 -> 0.30, ..., T = 32 -> 0.15
		c[9] = 0.2f; // T = 20
		c[10] = 0.19f; // T = 22
		c[11] = 0.18f; // T = 24: the next bin down
		final SearchBaselines.Table t = table(c);
		// bin 0.2 holds T = 20 and 22: P(T <= 20) = 1/2, P(T <= 22) = 1 > 0.75 -> 22 tokens
		assertEquals(22, HonestCounts.paperOptimum(t, 0, PHASE1, BINS, HonestCounts.binOf(BINS, 0.2),
			32, 0.75));
	}

	@Test
	public void agreementCountsOnlyReachableTilesAndUnreachableIsSaid() {
		final float[] falling = new float[16];
		for (int b = 0; b < 16; b++) falling[b] = 0.1f - 0.006f * b; // meets 0.05 at T = 20 (0.046)
		final SearchBaselines.Table t = table(falling, flat(0.25f), flat(0.01f));
		final HonestCounts h = HonestCounts.of(0.05, new int[] { 24, 32, 2 }, new float[] { 0.05f,
			0.25f, 0.01f }, t, PHASE1, BINS, 32, 0.75);
		assertEquals(2 / 3.0, h.reachable(), 1e-9);
		assertEquals(1 / 3.0, h.unreachableSaid(), 1e-9); // the noise-like tile, at T_max, missing ε
		assertEquals(((24 + 2) - (20 + 2)) / 2.0, h.meanDiff(), 1e-9);
		assertEquals(2.0, h.meanAbs(), 1e-9);
		assertEquals(1.0, h.adherence(), 1e-9);
	}
}
