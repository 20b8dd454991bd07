package org.karl.engine.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * KARL's losses (§4.5) as stateless functions of (Ops, operands). Ops without a C++ gradient in
 * TF 2.18 are avoided: SparseSoftmaxCrossEntropyWithLogits is replaced by OneHot + the dense
 * SoftmaxCrossEntropyWithLogits (identical gradient); ArgMin only feeds index inputs.
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

	/** BCE with logits, target 0 for every token: mean softplus(x) (phase 1, §4.1). */
	public static Operand<TFloat32> haltAllActive(final Ops tf, final Operand<TFloat32> logits) {
		return tf.math.mean(tf.reshape(tf.math.softplus(logits), tf.constant(new int[] { -1 })),
			tf.constant(0));
	}

	/**
	 * Phase-2 halting BCE (§4.1): tokens [0, T) are active (target 0), tokens [T, Tmax) halt
	 * (target 1); each group is averaged on its own and the two means are summed, so both get equal
	 * weight. When T >= Tmax only the active group exists.
	 *
	 * @param logits halting logits [B, Tmax]
	 * @param budget phase-1 budget T (int32 scalar)
	 */
	public static Operand<TFloat32> haltSplit(final Ops tf, final Operand<TFloat32> logits,
		final Operand<TInt32> budget, final int tmax)
	{
		final Operand<TFloat32> active = haltTargets(tf, budget, tmax, false); // [Tmax]
		final Operand<TFloat32> halt = tf.math.sub(tf.constant(1f), active);
		final Operand<TFloat32> rows = tf.dtypes.cast(
			tf.reshape(tf.slice(tf.shape(logits), tf.constant(new int[] { 0 }), tf.constant(new int[] { 1 })),
				tf.constant(new int[0])), TFloat32.class); // B
		final Operand<TFloat32> bceZero = tf.math.softplus(logits); // -log(1 - sigmoid x)
		final Operand<TFloat32> bceOne = tf.math.softplus(tf.math.neg(logits)); // -log sigmoid x
		return tf.math.add(groupMean(tf, bceZero, active, rows), groupMean(tf, bceOne, halt, rows));
	}

	/** 1 for halted positions i >= T (or, if {@code active}, 1 for i < T), as floats [Tmax]. */
	public static Operand<TFloat32> haltTargets(final Ops tf, final Operand<TInt32> budget,
		final int tmax, final boolean halted)
	{
		final Operand<TInt32> idx = tf.range(tf.constant(0), tf.constant(tmax), tf.constant(1));
		return tf.dtypes.cast(halted ? tf.math.greaterEqual(idx, budget) : tf.math.less(idx, budget),
			TFloat32.class);
	}

	private static Operand<TFloat32> groupMean(final Ops tf, final Operand<TFloat32> perToken,
		final Operand<TFloat32> member, final Operand<TFloat32> rows)
	{
		final Operand<TFloat32> total = tf.sum(tf.math.mul(perToken, member), tf.constant(new int[] { 0, 1 }));
		final Operand<TFloat32> count = tf.math.mul(tf.sum(member, tf.constant(0)), rows);
		return tf.math.div(total, tf.math.maximum(count, tf.constant(1f)));
	}
}
