package org.karl.engine.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * KARL's losses (docs/algorithm.md §4.5) as stateless functions of (Ops, operands). Ops without a
 * C++ gradient in TF 2.18 are avoided: SparseSoftmaxCrossEntropyWithLogits is replaced by OneHot +
 * the dense SoftmaxCrossEntropyWithLogits (identical gradient); ArgMin only feeds index inputs.
 */
public final class Losses {

	private Losses() {}

	/** Cross-entropy of logits [M, K] against code ids [M], mean over M. No label smoothing. */
	public static Operand<TFloat32> crossEntropy(final Ops tf, final Operand<TFloat32> logits,
		final Operand<TInt32> codes, final int k)
	{
		final Operand<TFloat32> labels = tf.oneHot(tf.reshape(codes, tf.constant(new int[] { -1 })),
			tf.constant(k), tf.constant(1f), tf.constant(0f));
		return tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, labels).loss(), tf.constant(0));
	}

	/** Mean squared error between two tensors of equal shape, over all elements. */
	public static Operand<TFloat32> mse(final Ops tf, final Operand<TFloat32> a,
		final Operand<TFloat32> b)
	{
		final Operand<TFloat32> sq = tf.math.squaredDifference(a, b);
		return tf.math.mean(tf.reshape(sq, tf.constant(new int[] { -1 })), tf.constant(0));
	}

	/**
	 * BCE with logits, target 0 for every token: mean softplus(x) (phase 1,
	 * docs/algorithm.md §4.5).
	 */
	public static Operand<TFloat32> haltAllActive(final Ops tf, final Operand<TFloat32> logits) {
		return tf.math.mean(tf.reshape(tf.math.softplus(logits), tf.constant(new int[] { -1 })),
			tf.constant(0));
	}

	/**
	 * Phase-2 halting BCE, the paper's targets (docs/algorithm.md §4.4): tokens [0, T) are active
	 * (target 0), tokens [T, Tmax) halt (target 1); each group is averaged on its own and the two
	 * means are summed, so both get equal weight. When T >= Tmax only the active group exists.
	 *
	 * @param logits halting logits [B, Tmax]
	 * @param budget phase-1 budget T (int32 scalar)
	 */
	public static Operand<TFloat32> haltSplit(final Ops tf, final Operand<TFloat32> logits,
		final Operand<TInt32> budget, final int tmax)
	{
		final Operand<TInt32> rows = tf.slice(tf.shape(logits), tf.constant(new int[] { 0 }),
			tf.constant(new int[] { 1 })); // [1] = B
		return haltSplitPerImage(tf, logits, tf.fill(rows, budget), tmax);
	}

	/**
	 * Phase-2 halting BCE with a target budget per image (minimum-budget targets): for image b,
	 * tokens [0, T*_b) are active and [T*_b, Tmax) halt; each group averaged over the whole batch,
	 * as in {@link #haltSplit}.
	 *
	 * @param logits halting logits [B, Tmax]
	 * @param targets T* per image, int32 [B]
	 */
	public static Operand<TFloat32> haltSplitPerImage(final Ops tf, final Operand<TFloat32> logits,
		final Operand<TInt32> targets, final int tmax)
	{
		final Operand<TInt32> idx = tf.range(tf.constant(0), tf.constant(tmax), tf.constant(1));
		final Operand<TFloat32> active = tf.dtypes.cast(tf.math.less(tf.expandDims(idx, tf.constant(0)),
			tf.expandDims(targets, tf.constant(1))), TFloat32.class); // [B,Tmax]
		final Operand<TFloat32> halt = tf.math.sub(tf.constant(1f), active);
		final Operand<TFloat32> bceZero = tf.math.softplus(logits);
		final Operand<TFloat32> bceOne = tf.math.softplus(tf.math.neg(logits));
		return tf.math.add(maskedMean(tf, bceZero, active), maskedMean(tf, bceOne, halt));
	}

	/**
	 * Minimum-budget targets: per image, the smallest rung whose error is at most the bound, or
	 * {@code tmax} when no rung meets it (ε unreachable: keep everything).
	 *
	 * @param errors per-rung, per-image errors [R, B] (rungs ascending)
	 * @param bound the ε bin value each image is conditioned on [B]
	 * @return T* [B], int32
	 */
	public static Operand<TInt32> minimumBudget(final Ops tf, final Operand<TFloat32> errors,
		final Operand<TFloat32> bound, final int[] rungs, final int tmax)
	{
		final float[] r = new float[rungs.length];
		for (int i = 0; i < r.length; i++) r[i] = rungs[i];
		final Operand<TFloat32> rung = tf.reshape(tf.constant(r), tf.constant(new int[] { -1, 1 })); // [R,1]
		final Operand<TFloat32> ok = tf.dtypes.cast(tf.math.lessEqual(errors,
			tf.expandDims(bound, tf.constant(0))), TFloat32.class); // [R,B]
		final Operand<TFloat32> cand = tf.math.add(tf.math.mul(ok, rung),
			tf.math.mul(tf.math.sub(tf.constant(1f), ok), tf.constant((float) tmax))); // [R,B]
		return tf.dtypes.cast(tf.min(cand, tf.constant(0)), TInt32.class);
	}

	/** 1 for halted positions i >= T (or, if {@code active}, 1 for i < T), as floats [Tmax]. */
	public static Operand<TFloat32> haltTargets(final Ops tf, final Operand<TInt32> budget,
		final int tmax, final boolean halted)
	{
		final Operand<TInt32> idx = tf.range(tf.constant(0), tf.constant(tmax), tf.constant(1));
		return tf.dtypes.cast(halted ? tf.math.greaterEqual(idx, budget) : tf.math.less(idx, budget),
			TFloat32.class);
	}

	private static Operand<TFloat32> maskedMean(final Ops tf, final Operand<TFloat32> perToken,
		final Operand<TFloat32> member)
	{
		final Operand<TFloat32> total = tf.sum(tf.math.mul(perToken, member), tf.constant(new int[] { 0, 1 }));
		final Operand<TFloat32> count = tf.sum(member, tf.constant(new int[] { 0, 1 }));
		return tf.math.div(total, tf.math.maximum(count, tf.constant(1f)));
	}

}
