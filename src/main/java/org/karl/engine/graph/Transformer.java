package org.karl.engine.graph;

import java.util.List;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.OneHot;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Pre-LN transformer blocks (docs/algorithm.md §3.8) with an optional per-image additive attention
 * bias, and the symmetric halting mask of docs/algorithm.md §3.9: one mask per image, broadcast
 * over the heads (the authors' code expands it so that, in a batch of several images, a head of one
 * image gets another image's mask; docs/algorithm.md §8.7).
 */
public final class Transformer {

	/** Added to forbidden attention scores; -1e9, not -inf, so no NaN can appear. */
	static final float MASKED = -1e9f;

	private final Layers l;
	private final Ops tf;
	private final int width;
	private final int heads;
	private final int mlpRatio;

	public Transformer(final Layers layers, final int width, final int heads, final int mlpRatio) {
		this.l = layers;
		this.tf = layers.tf;
		this.width = width;
		this.heads = heads;
		this.mlpRatio = mlpRatio;
	}

	/** x = x + attn(ln1(x)); x = x + mlp(ln2(x)). bias is [B, 1, L, L] or null. */
	public Operand<TFloat32> block(final String p, Operand<TFloat32> x, final Operand<TFloat32> bias) {
		x = tf.math.add(x, attention(p + ".attn", l.layerNorm(p + ".ln1", x, width), bias));
		x = tf.math.add(x, mlp(p + ".mlp", l.layerNorm(p + ".ln2", x, width)));
		return x;
	}

	/** Multi-head self-attention with a packed QKV projection (torch nn.MultiheadAttention). */
	public Operand<TFloat32> attention(final String p, final Operand<TFloat32> x,
		final Operand<TFloat32> bias)
	{
		final int dh = width / heads;
		final Operand<TInt32> b = l.size(x, 0);
		final Operand<TInt32> len = l.size(x, 1);
		final Operand<TFloat32> qkv = l.dense(p + ".qkv", x, width, 3 * width, Layers.Init.XAVIER); // [B,L,3W]
		final Operand<TFloat32> split = tf.linalg.transpose(
			tf.reshape(qkv, l.dims(b, len, l.vec(3, heads, dh))), // [B,L,3,H,dh]
			l.vec(2, 0, 3, 1, 4)); // [3,B,H,L,dh]
		final List<Operand<TFloat32>> parts = tf.unstack(split, 3L).output().stream()
			.map(o -> (Operand<TFloat32>) o).toList();
		final Operand<TFloat32> q = parts.get(0), k = parts.get(1), v = parts.get(2); // [B,H,L,dh]
		Operand<TFloat32> scores = tf.math.mul(
			tf.train.batchMatMul(q, k, TFloat32.class, BatchMatMul.adjY(true)), // [B,H,L,L]
			tf.constant((float) (1 / Math.sqrt(dh))));
		if (bias != null) scores = tf.math.add(scores, bias);
		final Operand<TFloat32> weights = tf.nn.softmax(scores);
		final Operand<TFloat32> ctx = tf.train.batchMatMul(weights, v, TFloat32.class); // [B,H,L,dh]
		final Operand<TFloat32> merged = tf.reshape(tf.linalg.transpose(ctx, l.vec(0, 2, 1, 3)), // [B,L,H,dh]
			l.dims(b, len, l.c(width))); // [B,L,W]
		return l.dense(p + ".out", merged, width, width);
	}

	/** Linear(W, r W) -> GELU -> Linear(r W, W). */
	public Operand<TFloat32> mlp(final String p, final Operand<TFloat32> x) {
		final Operand<TFloat32> hidden = l.gelu(l.dense(p + ".fc1", x, width, mlpRatio * width));
		return l.dense(p + ".fc2", hidden, mlpRatio * width, width);
	}

	/**
	 * Additive attention bias [B, 1, L, L] from a per-position "dropped" flag m [B, L] (1 = halted):
	 * M[a,b] = m[a] OR m[b], except M[a,a] = 0, so a halted token is never attended to and attends
	 * only to itself, and no softmax row is ever fully masked.
	 */
	public Operand<TFloat32> haltingBias(final Operand<TFloat32> m) {
		final Operand<TFloat32> row = tf.expandDims(m, l.c(2)); // [B,L,1]
		final Operand<TFloat32> col = tf.expandDims(m, l.c(1)); // [B,1,L]
		final Operand<TFloat32> or = tf.math.sub(tf.math.add(row, col), tf.math.mul(row, col)); // [B,L,L]
		final Operand<TInt32> len = l.size(m, 1);
		final Operand<TFloat32> eye = tf.oneHot(tf.range(l.c(0), len, l.c(1)), len, tf.constant(1f),
			tf.constant(0f), OneHot.axis(-1L)); // [L,L]
		final Operand<TFloat32> forbidden = tf.math.mul(or, tf.math.sub(tf.constant(1f), eye));
		return tf.expandDims(tf.math.mul(forbidden, tf.constant(MASKED)), l.c(1)); // [B,1,L,L]
	}
}
