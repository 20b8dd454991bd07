package org.karl.engine.graph;

import static org.junit.Assert.*;

import java.util.Random;

import org.junit.Test;
import org.karl.engine.train.EpsilonCalibration;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** The sanity checks of docs/algorithm.md §6.4 on the graph blocks themselves. */
public class KarlGraphTest {

	@Test
	public void binningRoundsUpToTheNextBinInGraphAndJava() {
		final float[] eps = { 0f, 0.05f, 0.051f, 1.0f, 0.08f, 0.005f };
		final float[] expected = { 0.005f, 0.05f, 0.06f, 0.38f, 0.09f, 0.005f };
		try (GraphFixture g = new GraphFixture()) {
			final float[] bins = g.config.epsilonBins();
			final int[] idx = g.ints(g.karl.epsilonBin(g.tf.constant(eps), g.tf.constant(bins)));
			for (int i = 0; i < eps.length; i++) {
				assertEquals("graph bin of " + eps[i], expected[i], bins[idx[i]], 0f);
				assertEquals("java bin of " + eps[i], expected[i],
					bins[EpsilonCalibration.binOf(bins, eps[i])], 0f);
			}
		}
	}

	@Test
	public void haltingMaskIsSymmetricWithFreeDiagonalAndPerImage() {
		try (GraphFixture g = new GraphFixture()) {
			// two images, L = 5: image 0 drops position 3, image 1 drops nothing
			final float[][] dropped = { { 0, 0, 0, 1, 0 }, { 0, 0, 0, 0, 0 } };
			final Transformer t = new Transformer(g.layers, 16, 2, 2);
			final float[] bias = g.floats(t.haltingBias(g.tf.constant(dropped))); // [2,1,5,5]
			for (int b = 0; b < 2; b++)
				for (int i = 0; i < 5; i++)
					for (int j = 0; j < 5; j++) {
						final float v = bias[b * 25 + i * 5 + j];
						assertEquals("symmetric", v, bias[b * 25 + j * 5 + i], 0f);
						final boolean forbidden = i != j && (dropped[b][i] == 1 || dropped[b][j] == 1);
						assertEquals("image " + b + " (" + i + "," + j + ")", forbidden ? Transformer.MASKED : 0f,
							v, 0f);
					}
		}
	}

	@Test
	public void decoderWithNothingHaltedEqualsUnmaskedDecoder() {
		try (GraphFixture g = new GraphFixture()) {
			final Random r = new Random(5);
			final float[][][] q = new float[3][6][g.config.latentDim()];
			for (final float[][] a : q) for (final float[] b : a) for (int i = 0; i < b.length; i++)
				b[i] = (float) r.nextGaussian();
			final Operand<TFloat32> qs = g.tf.constant(q);
			final float[] unmasked = g.floats(g.karl.decoder(qs, null));
			final float[] allKept = g.floats(g.karl.decoder(qs, g.tf.zeros(g.tf.constant(new int[] { 3, 6 }),
				TFloat32.class)));
			assertArrayEquals(unmasked, allKept, 0f);
			// and a halted token does change the output of the others
			final float[][] drop = new float[3][6];
			drop[0][2] = 1;
			final float[] oneHalted = g.floats(g.karl.decoder(qs, g.tf.constant(drop)));
			final int perImage = unmasked.length / 3;
			double diff0 = 0, diff1 = 0;
			for (int i = 0; i < perImage; i++) {
				diff0 += Math.abs(oneHalted[i] - unmasked[i]);
				diff1 += Math.abs(oneHalted[perImage + i] - unmasked[perImage + i]);
			}
			assertTrue("halting a token of image 0 changes image 0", diff0 > 1e-4);
			assertEquals("and leaves image 1 alone (per-image masks)", 0, diff1, 0);
		}
	}

	@Test
	public void haltTargetsForTenOfThirtyTwoAreTenZerosThenTwentyTwoOnes() {
		try (GraphFixture g = new GraphFixture()) {
			final float[] halted = g.floats(Losses.haltTargets(g.tf, g.tf.constant(10), 32, true));
			assertEquals(32, halted.length);
			for (int i = 0; i < 32; i++) assertEquals("position " + i, i < 10 ? 0f : 1f, halted[i], 0f);
		}
	}

	@Test
	public void splitHaltLossAveragesEachGroupOnItsOwn() {
		final float[][] logits = { { 2f, -1f, 0.5f, 3f }, { -2f, 0f, 1f, -0.5f } };
		try (GraphFixture g = new GraphFixture()) {
			final Operand<TFloat32> x = g.tf.constant(logits);
			for (final int t : new int[] { 1, 3, 4, 6 }) {
				double act = 0, halt = 0;
				int na = 0, nh = 0;
				for (final float[] row : logits) for (int i = 0; i < 4; i++) {
					if (i < t) {
						act += Math.log1p(Math.exp(row[i]));
						na++;
					}
					else {
						halt += Math.log1p(Math.exp(-row[i]));
						nh++;
					}
				}
				final double expected = act / Math.max(na, 1) + (nh == 0 ? 0 : halt / nh);
				final Operand<TInt32> budget = g.tf.constant(t);
				assertEquals("T=" + t, expected, g.floats(Losses.haltSplit(g.tf, x, budget, 4))[0], 1e-5);
			}
		}
	}
}
