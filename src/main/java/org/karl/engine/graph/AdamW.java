package org.karl.engine.graph;

import java.util.ArrayList;
import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * AdamW update ops with global-norm clipping, built into the graph so that a SavedModel alone can
 * keep training. Decoupled decay {@code p -= lr * wd * p} on rank >= 2 parameters (nanoGPT's rule),
 * then Adam with bias correction. The learning rate is a graph input, so the schedule stays a pure
 * Java function ({@code LrSchedule}).
 */
public final class AdamW {

	/**
	 * The optimiser's constants, baked into the update ops.
	 *
	 * @param epsilon added to sqrt(v̂) in the denominator
	 * @param weightDecay decoupled decay on rank >= 2 parameters (0 = plain Adam)
	 * @param clipNorm global gradient-norm clip
	 */
	public record Hyper(float beta1, float beta2, float epsilon, float weightDecay, float clipNorm) {

		/** Adam's usual denominator ε. */
		public static final float EPSILON = 1e-8f;

		/**
		 * The base VQ-VAE's optimiser (docs/algorithm.md §5): Adam (0.9, 0.999), no decay, clip far
		 * above any norm.
		 */
		public static final Hyper BASE = new Hyper(0.9f, 0.999f, EPSILON, 0f, 1e6f);

		/**
		 * KARL's optimiser from a training config (docs/algorithm.md §4.6: (0.9, 0.95), wd 0.05,
		 * clip 3.0).
		 */
		public static Hyper of(final org.karl.engine.config.TrainConfig t) {
			return new Hyper(t.beta1(), t.beta2(), EPSILON, t.weightDecay(), t.clipNorm());
		}
	}

	/** The update ops and the pre-clip global gradient norm. */
	public record Update(List<Op> ops, Operand<TFloat32> gradNorm) {}

	private AdamW() {}

	/**
	 * @param prefix slot-name prefix ("opt" or "base_opt"); slots are {@code prefix.<var>.m/v}
	 * @param step the optimiser's step counter (read before the increment)
	 */
	public static Update apply(final Layers l, final String prefix, final List<Variable<TFloat32>> vars,
		final List<Operand<TFloat32>> grads, final Operand<TFloat32> lr, final Variable<TInt64> step,
		final Hyper h)
	{
		final float beta1 = h.beta1(), beta2 = h.beta2(), weightDecay = h.weightDecay(),
			clipNorm = h.clipNorm();
		final Ops tf = l.tf;
		// global norm: sqrt(sum |g|^2); scale = clip / max(norm, clip)
		Operand<TFloat32> sumSq = tf.constant(0f);
		for (final Operand<TFloat32> g : grads)
			sumSq = tf.math.add(sumSq, tf.sum(tf.math.square(tf.reshape(g, tf.constant(new int[] { -1 }))),
				tf.constant(0)));
		final Operand<TFloat32> norm = tf.math.sqrt(sumSq);
		final Operand<TFloat32> clip = tf.constant(clipNorm);
		final Operand<TFloat32> scale = tf.math.div(clip, tf.math.maximum(norm, clip));

		final Operand<TFloat32> t = tf.math.add(tf.dtypes.cast(step, TFloat32.class), tf.constant(1f));
		final Operand<TFloat32> bc1 = tf.math.sub(tf.constant(1f), tf.math.pow(tf.constant(beta1), t));
		final Operand<TFloat32> bc2 = tf.math.sub(tf.constant(1f), tf.math.pow(tf.constant(beta2), t));
		final List<Op> ops = new ArrayList<>();
		for (int i = 0; i < vars.size(); i++) {
			final Variable<TFloat32> p = vars.get(i);
			final String name = p.op().name();
			final Operand<TFloat32> g = tf.math.mul(grads.get(i), scale);
			final Variable<TFloat32> m = slot(tf, prefix + "." + name + ".m", p);
			final Variable<TFloat32> v = slot(tf, prefix + "." + name + ".v", p);
			final Operand<TFloat32> m1 = tf.math.add(tf.math.mul(m, tf.constant(beta1)),
				tf.math.mul(g, tf.constant(1 - beta1)));
			final Operand<TFloat32> v1 = tf.math.add(tf.math.mul(v, tf.constant(beta2)),
				tf.math.mul(tf.math.square(g), tf.constant(1 - beta2)));
			final Operand<TFloat32> adam = tf.math.div(tf.math.div(m1, bc1),
				tf.math.add(tf.math.sqrt(tf.math.div(v1, bc2)), tf.constant(h.epsilon())));
			final boolean decays = p.shape().numDimensions() >= 2 && weightDecay > 0;
			final Operand<TFloat32> decayed = decays
				? tf.math.sub(p, tf.math.mul(tf.math.mul(lr, tf.constant(weightDecay)), p)) : p;
			final Operand<TFloat32> p1 = tf.math.sub(decayed, tf.math.mul(lr, adam));
			ops.add(tf.assign(m, m1));
			ops.add(tf.assign(v, v1));
			ops.add(tf.assign(p, p1));
		}
		return new Update(ops, norm);
	}

	private static Variable<TFloat32> slot(final Ops tf, final String name, final Variable<TFloat32> p) {
		return tf.withName(name).variable(tf.withInitScope().zeros(
			tf.withInitScope().constant(p.shape()), TFloat32.class));
	}
}
