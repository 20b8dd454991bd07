package org.karl.ops;

import static org.junit.Assert.*;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import net.imglib2.img.array.ArrayImgs;

import org.junit.Test;
import org.karl.engine.api.BudgetLadder;
import org.karl.engine.api.Progress;
import org.karl.image.PlaneTokenizer;
import org.karl.testing.FakeTokenizer;

/**
 * The climb of {@link VerifiedCounts} against a scripted {@link FakeTokenizer} whose every tile
 * has a known L1 at every prefix length, so the expected verified count is computed
 * independently from the definition: k̂ when it meets ε, else the smallest ladder rung above k̂
 * that does, else the budget with met false.
 */
public class VerifiedCountsTest {

	private static final float EPS = 0.05f;
	private static final int TMAX = 32, TILE = 4, PX = TILE * TILE;

	private static final float[] BINS = { 0.01f, 0.05f, 0.2f };

	/** The scripted fake: tile i predicted predicted[i] tokens, L1 err[i][k] at k tokens. */
	private static FakeTokenizer scripted(final int[] predicted, final float[][] err) {
		return FakeTokenizer.scripted(TILE, TMAX, BINS, predicted, err);
	}

	private static float[] flat(final int n) {
		final float[] t = new float[n * PX];
		Arrays.fill(t, 0.5f);
		return t;
	}

	/** err[k] = above ε for k < need, below from need on. */
	private static float[] needs(final int need) {
		final float[] e = new float[TMAX + 1];
		for (int k = 0; k <= TMAX; k++) e[k] = k < need ? 0.2f : 0.01f;
		return e;
	}

	/** The definition, by brute force over the ladder. */
	private static int expected(final float[] err, final int predicted, final int budget) {
		if (err[predicted] <= EPS) return predicted;
		for (final int r : BudgetLadder.rungs(budget))
			if (r > predicted && err[r] <= EPS) return r;
		return budget;
	}

	@Test
	public void eachTileGetsTheSmallestRungAboveItsPredictionThatMeetsEpsilon() {
		final float[] dip = needs(99); // NB: meets at 4 only: the climb stops at the first rung that meets
		dip[4] = 0.02f;
		final float[][] err = { needs(2), needs(5), needs(4), needs(99), needs(0), dip, needs(99),
			needs(30) };
		final int[] predicted = { 2, 2, 3, 2, 0, 2, 32, 5 };
		final FakeTokenizer s = scripted(predicted, err);
		final VerifiedCounts.Tiles v = VerifiedCounts.verify(s, flat(8), 8, EPS, TMAX, Progress.NONE);
		assertArrayEquals(predicted, v.predicted());
		assertArrayEquals(new int[] { 2, 6, 4, 32, 0, 4, 32, 32 }, v.counts());
		assertArrayEquals(new boolean[] { true, true, true, false, true, true, false, true }, v.met());
		assertEquals("predicted 0 meets ε with no token at all", 0.01f, err[4][0], 0);
		for (int i = 0; i < 8; i++) {
			assertEquals("tile " + i, err[i][v.counts()[i]], v.l1()[i], 1e-6);
			int kept = 0;
			for (int j = 0; j < TMAX; j++) kept += v.keep()[i * TMAX + j];
			assertEquals("prefix of the verified count", v.counts()[i], kept);
			if (v.counts()[i] > 0) assertEquals("slot k-1 kept", 1, v.keep()[i * TMAX + v.counts()[i] - 1]);
			assertEquals(0.5f + err[i][v.counts()[i]], v.images()[i * PX], 1e-6);
		}
	}

	@Test
	public void predictedZeroThatMissesClimbsFromTwo() {
		final FakeTokenizer s = scripted(new int[] { 0 }, new float[][] { needs(2) });
		final VerifiedCounts.Tiles v = VerifiedCounts.verify(s, flat(1), 1, EPS, TMAX, Progress.NONE);
		assertEquals(2, v.counts()[0]);
		assertTrue(v.met()[0]);
	}

	@Test
	public void anOffLadderBudgetIsTheLastRungAndUnreachableTilesEndThere() {
		final FakeTokenizer s = scripted(new int[] { 3, 3 }, new float[][] { needs(99), needs(17) });
		final VerifiedCounts.Tiles v = VerifiedCounts.verify(s, flat(2), 2, EPS, 20, Progress.NONE);
		assertArrayEquals(new int[] { 20, 20 }, v.counts());
		assertArrayEquals(new boolean[] { false, true }, v.met());
		// rungs 3 (k̂), 4, 6, 8, 12, 16, 20: seven decodes of both tiles
		assertEquals(List.of(2, 2, 2, 2, 2, 2, 2), s.decodes);
	}

	@Test
	public void decodesAreBatchedOverTilesAndOnlyTilesShortOfEpsilonClimb() {
		final float[][] err = new float[6][];
		final int[] predicted = new int[6];
		for (int i = 0; i < 6; i++) {
			err[i] = needs(i < 3 ? 2 : i == 3 ? 4 : i == 4 ? 8 : 99);
			predicted[i] = 2;
		}
		final FakeTokenizer s = scripted(predicted, err);
		VerifiedCounts.verify(s, flat(6), 6, EPS, 8, Progress.NONE);
		// all at k̂ = 2; three at 4; two at 6; two at 8 (one meets, one at the budget)
		assertEquals(List.of(6, 3, 2, 2), s.decodes);
	}

	/** Random error curves, monotone or not, random predictions and budgets: the definition. */
	@Test
	public void verifiedIsNeverBelowPredictedAndFollowsTheDefinitionOnRandomCurves() {
		final Random r = new Random(17);
		for (int trial = 0; trial < 200; trial++) {
			final int n = 1 + r.nextInt(12), budget = 1 + r.nextInt(TMAX);
			final int[] predicted = new int[n];
			final float[][] err = new float[n][TMAX + 1];
			for (int i = 0; i < n; i++) {
				predicted[i] = r.nextInt(budget + 1);
				final boolean monotone = r.nextBoolean();
				float e = 0.02f + r.nextFloat() * 0.2f;
				for (int k = 0; k <= TMAX; k++) {
					err[i][k] = monotone ? e : r.nextFloat() * 0.1f;
					e *= 0.8f + r.nextFloat() * 0.2f;
				}
			}
			final FakeTokenizer s = scripted(predicted, err);
			final VerifiedCounts.Tiles v = VerifiedCounts.verify(s, flat(n), n, EPS, budget,
				Progress.NONE);
			for (int i = 0; i < n; i++) {
				final String what = "trial " + trial + " tile " + i + " budget " + budget;
				assertTrue(what, v.counts()[i] >= v.predicted()[i]);
				assertTrue(what, v.counts()[i] <= budget);
				assertEquals(what, expected(err[i], predicted[i], budget), v.counts()[i]);
				assertEquals(what, err[i][v.counts()[i]] <= EPS, v.met()[i]);
				if (!v.met()[i]) assertEquals(what + ": unmet only at the budget", budget, v.counts()[i]);
				if (err[i][predicted[i]] <= EPS) assertEquals(what + ": keeps k̂", predicted[i], v
					.counts()[i]);
			}
		}
	}

	@Test
	public void aPlaneIsVerifiedInChunksAndOnlyTheSelectedTiles() {
		final int tx = 3, ty = 2; // 6 tiles of 4x4 in a 12x8 plane
		final float[][] err = new float[6][];
		for (int i = 0; i < 6; i++) err[i] = needs(3);
		// NB: chunk-local ids: each chunk's tokenize numbers its tiles from 0
		final FakeTokenizer s = scripted(new int[] { 2, 2, 2, 2, 2, 2 }, err);
		final float[] px = new float[tx * TILE * ty * TILE];
		Arrays.fill(px, 0.5f);
		final boolean[] sel = { true, false, true, false, false, true };
		final VerifiedCounts.PlaneResult p = VerifiedCounts.plane(s, ArrayImgs.floats(px, tx * TILE, ty *
			TILE), EPS, TMAX, true, sel, Progress.NONE);
		assertArrayEquals(new int[] { 4, -1, 4, -1, -1, 4 }, p.tokens().counts());
		assertArrayEquals(new int[] { 2, -1, 2, -1, -1, 2 }, p.predicted());
		assertEquals(PlaneTokenizer.NOT_SELECTED, p.tokens().counts()[1]);
		assertTrue(Float.isNaN(p.tokens().l1()[1]));
		assertEquals(4, Arrays.stream(Arrays.copyOfRange(p.tokens().keep(), 5 * TMAX, 6 * TMAX)).sum());
		assertEquals(List.of(3, 3), s.decodes);
	}

	@Test
	public void aBadRequestIsRefusedBeforeAnyWork() {
		final FakeTokenizer s = scripted(new int[] { 1 }, new float[][] { needs(1) });
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> VerifiedCounts.verify(s, flat(1), 1, 0.5f, TMAX, Progress.NONE));
		assertTrue(e.getMessage(), e.getMessage().startsWith("epsilon = 0.5 is outside (0, 0.2]"));
		assertEquals(List.of(), s.decodes);
	}
}
