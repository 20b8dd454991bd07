package org.karl.engine.graph;

import static org.junit.Assert.*;

import org.junit.Test;
import org.karl.engine.api.BudgetLadder;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Minimum-budget halting targets: the ladder, T*(image, bin), the per-image split BCE, and that a
 * prefix-ladder decode really masks the tokens past each rung.
 */
public class MinimumTargetsTest {

	@Test
	public void ladderIsDenseAtTheBottomAndEndsAtTmax() {
		assertArrayEquals(new int[] { 2, 4, 6, 8, 12, 16, 24, 32 }, BudgetLadder.rungs(32));
		assertArrayEquals(new int[] { 2, 4, 6, 8, 12, 16 }, BudgetLadder.rungs(16));
		assertArrayEquals(new int[] { 2, 4, 6, 8 }, BudgetLadder.rungs(8));
		assertArrayEquals(new int[] { 2, 4, 6, 8, 12, 16, 24, 32, 48, 64 }, BudgetLadder.rungs(64));
	}

	@Test
	public void targetIsTheSmallestRungThatMeetsTheBoundElseTmax() {
		final int[] rungs = { 2, 4, 8 };
		// errors [R=3, B=4]: image 0 flat and low (blank), 1 falls, 2 never low enough, 3 only at 8
		final float[][] errors = { { 0.01f, 0.20f, 0.30f, 0.20f }, { 0.01f, 0.04f, 0.30f, 0.20f },
			{ 0.01f, 0.02f, 0.29f, 0.05f } };
		final float[] bound = { 0.05f, 0.05f, 0.05f, 0.05f };
		try (GraphFixture g = new GraphFixture()) {
			final int[] t = g.ints(Losses.minimumBudget(g.tf, g.tf.constant(errors), g.tf.constant(bound),
				rungs, 10));
			assertArrayEquals(new int[] { 2, 4, 10, 8 }, t);
			// a looser bound than every error gives the smallest rung; equality counts as met
			final int[] loose = g.ints(Losses.minimumBudget(g.tf, g.tf.constant(errors), g.tf.constant(
				new float[] { 0.3f, 0.3f, 0.3f, 0.05f }), rungs, 10));
			assertArrayEquals(new int[] { 2, 2, 2, 8 }, loose);
		}
	}

	@Test
	public void perImageSplitEqualsTheHandComputedGroupMeans() {
		final float[][] logits = { { 2f, -1f, 0.5f, 3f }, { -2f, 0f, 1f, -0.5f } };
		final int[] targets = { 1, 4 };
		double act = 0, halt = 0;
		int na = 0, nh = 0;
		for (int b = 0; b < 2; b++) for (int i = 0; i < 4; i++) {
			if (i < targets[b]) {
				act += Math.log1p(Math.exp(logits[b][i]));
				na++;
			}
			else {
				halt += Math.log1p(Math.exp(-logits[b][i]));
				nh++;
			}
		}
		try (GraphFixture g = new GraphFixture()) {
			final float got = g.floats(Losses.haltSplitPerImage(g.tf, g.tf.constant(logits),
				g.tf.constant(targets), 4))[0];
			assertEquals(act / na + halt / nh, got, 1e-5);
		}
	}

	@Test
	public void ladderDecodeEqualsDecodesWithTheTokensPastEachRungHalted() {
		try (GraphFixture g = new GraphFixture()) {
			final int tmax = g.config.maxTokens(), d = g.config.latentDim(), b = 2;
			final float[] q = new float[b * tmax * d];
			final java.util.Random r = new java.util.Random(5);
			for (int i = 0; i < q.length; i++) q[i] = (float) r.nextGaussian();
			final Operand<TFloat32> qs = g.tf.reshape(g.tf.constant(q), g.tf.constant(new int[] { b, tmax,
				d }));
			final float[] px = new float[b * 32 * 32];
			for (int i = 0; i < px.length; i++) px[i] = r.nextFloat();
			final Operand<TFloat32> img = g.tf.reshape(g.tf.constant(px), g.tf.constant(new int[] { b, 32,
				32, 1 }));
			final int[] rungs = { 2, tmax };
			final float[] e = g.floats(g.karl.prefixErrors(img, qs, rungs)); // [R,B]
			final float[] full = g.floats(g.karl.l1PerImage(img, g.karl.image(g.karl.decoder(qs,
				g.tf.zeros(g.tf.constant(new int[] { b, tmax }), TFloat32.class)))));
			final float[] dropped = new float[b * tmax];
			for (int i = 0; i < b; i++) for (int j = 2; j < tmax; j++) dropped[i * tmax + j] = 1f;
			final float[] two = g.floats(g.karl.l1PerImage(img, g.karl.image(g.karl.decoder(qs,
				g.tf.reshape(g.tf.constant(dropped), g.tf.constant(new int[] { b, tmax }))))));
			for (int i = 0; i < b; i++) {
				assertEquals("rung T_max, image " + i, full[i], e[b + i], 1e-5);
				assertEquals("rung 2, image " + i, two[i], e[i], 1e-5);
			}
		}
	}

}
