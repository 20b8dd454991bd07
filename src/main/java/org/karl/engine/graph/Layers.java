package org.karl.engine.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Owns the {@link Ops}, the seed and the variable registry; builds the small blocks (dense, layer
 * norm, GELU, convolution) that the base tokenizer and KARL graphs are made of. Each variable is
 * created once under a flat dot name ({@code enc.b0.attn.qkv.kernel}) and looked up by name after,
 * so training and inference paths share weights. Initialisers are stateless random ops seeded from
 * (seed, variable name), so two builds of the same config give the same weights.
 */
public final class Layers {

	/** How a variable is initialised. */
	public enum Init {
		/** truncated normal, std 0.02 (every Linear of KARL, docs/algorithm.md §3.1) */
		TRUNC_NORMAL,
		/** W^-0.5 * N(0,1) (embeddings, positional tables, queries, mask token) */
		EMBEDDING,
		/** Xavier uniform (packed attention in-projection, as torch MultiheadAttention) */
		XAVIER,
		/** U(-1/sqrt(fan_in), 1/sqrt(fan_in)) (torch's default for the base VQ-VAE convs) */
		FAN_IN_UNIFORM,
		/** U(-1/K, 1/K) over the first dimension K (codebooks) */
		CODEBOOK,
		ZEROS, ONES
	}

	/**
	 * Which optimiser a variable belongs to, by its name: the base tokenizer's variables are named
	 * {@code base.*}, every other one is KARL's. A name says it once, so no builder has to switch a
	 * current group on and off around the layers it creates.
	 */
	public enum Group {
		BASE, KARL;

		static Group of(final String name) {
			return name.startsWith("base.") ? BASE : KARL;
		}
	}

	public final Ops tf;
	private final long seed;
	private final int width;
	private final Map<String, Variable<TFloat32>> vars = new LinkedHashMap<>();

	public Layers(final Ops tf, final long seed, final int width) {
		this.tf = tf;
		this.seed = seed;
		this.width = width;
	}

	/** Trainable variables of a group, in creation order. */
	public List<Variable<TFloat32>> variables(final Group g) {
		final List<Variable<TFloat32>> out = new ArrayList<>();
		vars.forEach((name, v) -> {
			if (Group.of(name) == g) out.add(v);
		});
		return out;
	}

	/** All trainable variables by name. */
	public Map<String, Variable<TFloat32>> all() {
		return vars;
	}

	/**
	 * The variable {@code name} of {@code shape}, created with {@code init} on first use; a later
	 * use with another shape is a programming error and fails here, not as a wrong broadcast.
	 */
	public Variable<TFloat32> weight(final String name, final Init init, final long... shape) {
		final Variable<TFloat32> existing = vars.get(name);
		if (existing != null) {
			final Shape had = existing.shape();
			if (!had.equals(Shape.of(shape))) throw new IllegalStateException("variable " + name +
				" exists with shape " + had + ", asked for " + Shape.of(shape));
			return existing;
		}
		final Variable<TFloat32> v = tf.withName(name).variable(initValue(name, init, shape));
		vars.put(name, v);
		return v;
	}

	/** Registers a variable created elsewhere (e.g. with a constant initial value). */
	void register(final String name, final Variable<TFloat32> v) {
		vars.put(name, v);
	}

	/** A non-trainable float state variable with a constant initial value. */
	public Variable<TFloat32> state(final String name, final float[] value) {
		return tf.withName(name).variable(tf.withInitScope().constant(value));
	}

	/** A non-trainable int64 counter starting at 0. */
	public Variable<TInt64> counter(final String name) {
		return tf.withName(name).variable(tf.withInitScope().constant(0L));
	}

	private Operand<TFloat32> initValue(final String name, final Init init, final long[] shape) {
		final Ops i = tf.withInitScope();
		final Operand<TInt64> dims = i.constant(shape);
		final Operand<TInt64> key = i.constant(new long[] { seed, fnv(name) });
		final long fanIn = shape.length == 4 ? shape[0] * shape[1] * shape[2] : shape[0];
		final long fanOut = shape.length == 4 ? shape[0] * shape[1] * shape[3] : shape[shape.length - 1];
		return switch (init) {
			case TRUNC_NORMAL -> i.math.mul(i.random.statelessTruncatedNormal(dims, key), i.constant(0.02f));
			case EMBEDDING -> i.math.mul(i.random.statelessRandomNormal(dims, key),
				i.constant((float) Math.pow(width, -0.5)));
			case XAVIER -> uniform(i, dims, key, (float) Math.sqrt(6.0 / (fanIn + fanOut)));
			case FAN_IN_UNIFORM -> uniform(i, dims, key, (float) (1 / Math.sqrt(fanIn)));
			case CODEBOOK -> uniform(i, dims, key, 1f / shape[0]);
			case ZEROS -> i.fill(dims, i.constant(0f));
			case ONES -> i.fill(dims, i.constant(1f));
		};
	}

	private static Operand<TFloat32> uniform(final Ops i, final Operand<TInt64> dims,
		final Operand<TInt64> key, final float a)
	{
		final Operand<TFloat32> u = i.random.statelessRandomUniform(dims, key);
		return i.math.mul(i.math.sub(u, i.constant(0.5f)), i.constant(2 * a));
	}

	/** 64-bit FNV-1a of a variable name: the per-variable half of its init seed. */
	static long fnv(final String s) {
		long h = 0xcbf29ce484222325L;
		for (int k = 0; k < s.length(); k++) {
			h ^= s.charAt(k);
			h *= 0x100000001b3L;
		}
		return h & Long.MAX_VALUE;
	}

	// -- Blocks --

	/** x [..., in] -> x W + b [..., out]; MatMul on a [-1, in] reshape. */
	public Operand<TFloat32> dense(final String name, final Operand<TFloat32> x, final int in,
		final int out)
	{
		return dense(name, x, in, out, Init.TRUNC_NORMAL);
	}

	public Operand<TFloat32> dense(final String name, final Operand<TFloat32> x, final int in,
		final int out, final Init init)
	{
		final Variable<TFloat32> w = weight(name + ".kernel", init, in, out);
		final Variable<TFloat32> b = weight(name + ".bias", Init.ZEROS, out);
		final int rank = x.shape().numDimensions();
		final Operand<TFloat32> flat = tf.reshape(x, tf.constant(new int[] { -1, in })); // [M, in]
		final Operand<TFloat32> y = tf.math.add(tf.linalg.matMul(flat, w), b); // [M, out]
		if (rank == 2) return y;
		final Operand<TInt32> lead = tf.slice(tf.shape(x), tf.constant(new int[] { 0 }),
			tf.constant(new int[] { rank - 1 }));
		return tf.reshape(y, tf.concat(List.of(lead, tf.constant(new int[] { out })), tf.constant(0)));
	}

	/** LayerNorm over the last axis, eps 1e-5, biased variance (torch default). */
	public Operand<TFloat32> layerNorm(final String name, final Operand<TFloat32> x, final int dim) {
		final Variable<TFloat32> gamma = weight(name + ".gamma", Init.ONES, dim);
		final Variable<TFloat32> beta = weight(name + ".beta", Init.ZEROS, dim);
		final Operand<TInt32> last = tf.constant(-1);
		final Operand<TFloat32> mean = tf.math.mean(x, last, Mean.keepDims(true));
		final Operand<TFloat32> var = tf.math.mean(tf.math.squaredDifference(x, mean), last,
			Mean.keepDims(true));
		final Operand<TFloat32> norm = tf.math.mul(tf.math.sub(x, mean),
			tf.math.rsqrt(tf.math.add(var, tf.constant(1e-5f))));
		return tf.math.add(tf.math.mul(norm, gamma), beta);
	}

	/** Exact GELU: 0.5 x (1 + erf(x / sqrt 2)). */
	public Operand<TFloat32> gelu(final Operand<TFloat32> x) {
		final Operand<TFloat32> erf = tf.math.erf(tf.math.mul(x, tf.constant((float) (1 / Math.sqrt(2)))));
		return tf.math.mul(tf.math.mul(x, tf.constant(0.5f)), tf.math.add(erf, tf.constant(1f)));
	}

	/** 2D convolution, NHWC, SAME padding (symmetric for every kernel/stride used here). */
	public Operand<TFloat32> conv2d(final String name, final Operand<TFloat32> x, final int k,
		final int stride, final int cin, final int cout)
	{
		final Variable<TFloat32> w = weight(name + ".kernel", Init.FAN_IN_UNIFORM, k, k, cin, cout);
		final Variable<TFloat32> b = weight(name + ".bias", Init.ZEROS, cout);
		final Operand<TFloat32> y = tf.nn.conv2d(x, w, List.of(1L, (long) stride, (long) stride, 1L),
			"SAME");
		return tf.math.add(y, b);
	}

	/** Nearest-neighbour upsampling by 2, NHWC. */
	public Operand<TFloat32> upsample2(final Operand<TFloat32> x, final int size) {
		return tf.image.resizeNearestNeighbor(x, tf.constant(new int[] { 2 * size, 2 * size }));
	}

	/** Rows of x [R, C] l2-normalised: x / max(|x|, 1e-12), as torch's F.normalize. */
	public Operand<TFloat32> l2Normalize(final Operand<TFloat32> x) {
		final Operand<TFloat32> sq = tf.sum(tf.math.square(x), tf.constant(-1),
			org.tensorflow.op.core.Sum.keepDims(true));
		return tf.math.mul(x, tf.math.rsqrt(tf.math.maximum(sq, tf.constant(1e-24f))));
	}

	/** A shape vector from int32 scalars and/or vectors, e.g. dims(b, const(64), const(16)). */
	@SafeVarargs
	public final Operand<TInt32> dims(final Operand<TInt32>... parts) {
		final List<Operand<TInt32>> vec = new ArrayList<>();
		for (final Operand<TInt32> p : parts)
			vec.add(p.shape().numDimensions() == 0 ? tf.reshape(p, tf.constant(new int[] { 1 })) : p);
		return tf.concat(vec, tf.constant(0));
	}

	/** Size of axis {@code axis} of x as an int32 scalar. */
	public Operand<TInt32> size(final Operand<?> x, final int axis) {
		return tf.reshape(tf.slice(tf.shape(x), tf.constant(new int[] { axis }), tf.constant(new int[] { 1 })),
			tf.constant(new int[0]));
	}

	/** An int32 scalar constant. */
	public Operand<TInt32> c(final int v) {
		return tf.constant(v);
	}

	/** An int32 vector constant. */
	public Operand<TInt32> vec(final int... v) {
		return tf.constant(v);
	}

	/**
	 * Rows {@code ids} [M] of {@code table} [K, D] as OneHot + MatMul. NB: GatherV2 whose indices come
	 * from ArgMin crashes TF 2.18's C++ gradient builder (SIGSEGV in Node::output_type); the
	 * OneHot form has a gradient in every TF version (docs/algorithm.md §7).
	 */
	public Operand<TFloat32> lookup(final Operand<TFloat32> table, final Operand<TInt32> ids,
		final int k)
	{
		return tf.linalg.matMul(tf.oneHot(ids, tf.constant(k), tf.constant(1f), tf.constant(0f)), table);
	}

	/** x [M, K] times y^T where y [N, K] -> [M, N]. */
	public Operand<TFloat32> matMulT(final Operand<TFloat32> x, final Operand<TFloat32> y) {
		return tf.linalg.matMul(x, y, MatMul.transposeB(true));
	}
}
