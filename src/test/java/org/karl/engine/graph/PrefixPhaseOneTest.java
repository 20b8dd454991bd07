package org.karl.engine.graph;

import static org.junit.Assert.*;

import java.util.Random;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.karl.engine.config.ModelConfig;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Phase 1 on prefixes: its error ε0 at budget T is the error of the first T tokens of the T_max
 * encoding (what inference decodes when it keeps T tokens), not of an encoding with T queries.
 */
public class PrefixPhaseOneTest {

	@Test
	public void epsilonZeroIsTheErrorOfTheFirstTTokensOfTheTmaxEncoding() {
		try (GraphFixture g = fixture()) {
			final int tmax = g.config.maxTokens(), b = 3;
			final Operand<TFloat32> images = images(g, b);
			final KarlGraph.Tokens2d t2d = g.karl.tokens2d(images);
			final Operand<TInt32> bins = g.tf.constant(new int[] { 0, 4, 9 });
			final Operand<TFloat32> vqOn = g.tf.constant(1f);
			final Objective objective = new Objective(g.layers, g.config, g.karl);
			final KarlGraph.Forward full = g.karl.forward(t2d, bins, g.tf.constant(tmax), vqOn,
				KarlGraph.Keep.ALL);
			widen(g);
			final float[] first2 = g.floats(objective.phase1Prefix(images, t2d, bins, g.tf.constant(2), vqOn)
				.eps0());
			final float[] all = g.floats(objective.phase1Prefix(images, t2d, bins, g.tf.constant(tmax),
				vqOn).eps0());
			assertNotEquals("the budget matters", first2[0], all[0], 1e-6f);
			for (final int t : new int[] { 2, 4, tmax, tmax + 4 }) {
				final Objective.Phase1 p1 = objective.phase1Prefix(images, t2d, bins, g.tf.constant(t), vqOn);
				final float[] expected = g.floats(g.karl.prefixErrors(images, full.latents()
					.straightThrough(), new int[] { Math.min(t, tmax) }));
				assertArrayEquals("T=" + t, expected, g.floats(p1.eps0()), 1e-6f);
				// the halting BCE keeps the first min(T, T_max) tokens active, as the paper's phase 1
				final float[] logits = g.floats(full.haltLogits()); // [B,Tmax]
				double sum = 0;
				int n = 0;
				for (int i = 0; i < b; i++) for (int j = 0; j < Math.min(t, tmax); j++) {
					sum += Math.log1p(Math.exp(logits[i * tmax + j]));
					n++;
				}
				assertEquals("halt T=" + t, sum / n, g.floats(p1.halt())[0], 1e-5);
			}
		}
	}

	@Test
	public void thePapersPhaseOneAtTheSameBudgetDecodesAnotherEncoding() {
		try (GraphFixture g = fixture()) {
			final Operand<TFloat32> images = images(g, 3);
			final KarlGraph.Tokens2d t2d = g.karl.tokens2d(images);
			final Operand<TInt32> bins = g.tf.constant(new int[] { 0, 4, 9 });
			final Objective objective = new Objective(g.layers, g.config, g.karl);
			final Operand<TInt32> t = g.tf.constant(4);
			// NB: continuous latents; an untrained codebook gives every token the same nearest code,
			// and then the kept tokens are alike in both modes
			final Operand<TFloat32> vqOff = g.tf.constant(0f);
			g.karl.forward(t2d, bins, g.tf.constant(4), vqOff, KarlGraph.Keep.ALL); // creates the variables
			widen(g);
			final float[] prefix = g.floats(objective.phase1Prefix(images, t2d, bins, t, vqOff).eps0());
			final float[] queries = g.floats(objective.phase1(images, t2d, bins, t, vqOff).eps0());
			double diff = 0;
			for (int i = 0; i < prefix.length; i++) diff += Math.abs(prefix[i] - queries[i]);
			assertTrue("the two phase-1 modes decode different tokens (diff " + diff + ")", diff > 1e-5);
		}
	}

	/**
	 * The latent variant: its image depends on the tokens from the first step (an untrained codes
	 * variant decodes every head to the same image, and any two decodes would agree).
	 */
	private static GraphFixture fixture() {
		return new GraphFixture(ModelConfig.test().withDecoderTarget(ModelConfig.LATENT));
	}

	/**
	 * Every KARL matrix redrawn at scale 0.3: at the init scale (0.02) the tokens move the decoded
	 * image by less than float resolution, and any two decodes would agree.
	 */
	private static void widen(final GraphFixture g) {
		final List<Op> assigns = new ArrayList<>();
		long seed = 1;
		for (final Variable<TFloat32> v : g.layers.variables(Layers.Group.KARL)) {
			if (v.shape().numDimensions() < 2) continue;
			assigns.add(g.tf.assign(v, g.tf.math.mul(g.tf.random.statelessRandomNormal(g.tf.constant(v
				.shape().asArray()), g.tf.constant(new long[] { seed++, 0 })), g.tf.constant(0.3f))));
		}
		final Session.Runner run = g.session().runner();
		assigns.forEach(run::addTarget);
		run.run();
	}

	private static Operand<TFloat32> images(final GraphFixture g, final int b) {
		final Random r = new Random(7);
		final float[] px = new float[b * 32 * 32];
		for (int i = 0; i < px.length; i++) px[i] = r.nextFloat();
		return g.tf.reshape(g.tf.constant(px), g.tf.constant(new int[] { b, 32, 32, 1 }));
	}
}
