package org.karl.engine.graph;

import static org.junit.Assert.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

import org.junit.Test;
import org.junit.experimental.categories.Category;
import org.karl.engine.config.ModelConfig;
import org.karl.engine.config.TrainConfig;
import org.karl.engine.runtime.Tensors;
import org.karl.testing.Slow;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.types.TFloat32;

/**
 * Checks the TF 2.18 C++ gradient of every differentiable op type the KARL graph uses against
 * central finite differences, one small graph per op; and that the real training graph contains
 * no op type that is neither checked here nor known to need no gradient.
 */
@Category(Slow.class) // finite differences over every op type of the training graph
public class GradientCheckTest {

	/** Op type -> f(tf, x) for x of shape [2, 3, 4] with entries in [0.3, 1.3] * sign. */
	private static final Map<String, BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>>> CHECKED =
		new LinkedHashMap<>();
	static {
		CHECKED.put("Abs", (tf, x) -> tf.math.abs(x));
		CHECKED.put("Add", (tf, x) -> tf.math.add(x, tf.math.square(x)));
		CHECKED.put("BatchMatMulV3", (tf, x) -> tf.train.batchMatMul(x, x, TFloat32.class,
			BatchMatMul.adjY(true)));
		CHECKED.put("ConcatV2", (tf, x) -> tf.concat(List.of(x, tf.math.square(x)), tf.constant(1)));
		CHECKED.put("Conv2D", (tf, x) -> tf.nn.conv2d(tf.reshape(x, tf.constant(new int[] { 1, 2, 3, 4 })),
			tf.constant(filter(2, 2, 4, 3)), List.of(1L, 1L, 1L, 1L), "SAME"));
		CHECKED.put("Conv2D/stride2", (tf, x) -> tf.nn.conv2d(tf.reshape(x, tf.constant(new int[] { 1, 2, 6, 2 })),
			tf.constant(filter(4, 4, 2, 3)), List.of(1L, 2L, 2L, 1L), "SAME"));
		CHECKED.put("Div", (tf, x) -> tf.math.div(x, tf.math.add(tf.math.square(x), tf.constant(1f))));
		CHECKED.put("Erf", (tf, x) -> tf.math.erf(x));
		CHECKED.put("Exp", (tf, x) -> tf.math.exp(x));
		CHECKED.put("ExpandDims", (tf, x) -> tf.math.square(tf.expandDims(x, tf.constant(1))));
		CHECKED.put("GatherV2", (tf, x) -> tf.gather(x, tf.constant(new int[] { 2, 0, 2 }), tf.constant(1)));
		CHECKED.put("MatMul", (tf, x) -> tf.linalg.matMul(tf.reshape(x, tf.constant(new int[] { 6, 4 })),
			tf.constant(filter(1, 1, 4, 5)[0][0])));
		CHECKED.put("MatMul/transposeB", (tf, x) -> {
			final Operand<TFloat32> m = tf.reshape(x, tf.constant(new int[] { 6, 4 }));
			return tf.linalg.matMul(m, m, MatMul.transposeB(true));
		});
		CHECKED.put("Maximum", (tf, x) -> tf.math.maximum(x, tf.constant(0.1f)));
		CHECKED.put("Mean", (tf, x) -> tf.math.mean(tf.math.square(x), tf.constant(new int[] { 1, 2 })));
		CHECKED.put("Mul", (tf, x) -> tf.math.mul(x, x));
		CHECKED.put("Neg", (tf, x) -> tf.math.neg(tf.math.square(x)));
		CHECKED.put("Pad", (tf, x) -> tf.math.square(tf.pad(x, tf.constant(new int[][] { { 0, 0 }, { 1, 2 },
			{ 0, 1 } }), tf.constant(0f))));
		CHECKED.put("Relu", (tf, x) -> tf.nn.relu(x));
		CHECKED.put("Reshape", (tf, x) -> tf.math.square(tf.reshape(x, tf.constant(new int[] { 4, 6 }))));
		CHECKED.put("ResizeNearestNeighbor", (tf, x) -> tf.image.resizeNearestNeighbor(
			tf.reshape(x, tf.constant(new int[] { 1, 2, 3, 4 })), tf.constant(new int[] { 4, 6 })));
		CHECKED.put("Rsqrt", (tf, x) -> tf.math.rsqrt(tf.math.add(tf.math.square(x), tf.constant(0.5f))));
		CHECKED.put("Sigmoid", (tf, x) -> tf.math.sigmoid(x));
		CHECKED.put("Slice", (tf, x) -> tf.math.square(tf.slice(x, tf.constant(new int[] { 0, 1, 0 }),
			tf.constant(new int[] { -1, 2, -1 }))));
		CHECKED.put("Softmax", (tf, x) -> tf.nn.softmax(x));
		CHECKED.put("SoftmaxCrossEntropyWithLogits", (tf, x) -> tf.nn.softmaxCrossEntropyWithLogits(
			tf.reshape(x, tf.constant(new int[] { 6, 4 })), tf.oneHot(tf.constant(new int[] { 0, 3, 1, 1, 2, 0 }),
				tf.constant(4), tf.constant(1f), tf.constant(0f))).loss());
		CHECKED.put("Softplus", (tf, x) -> tf.math.softplus(x));
		CHECKED.put("Sqrt", (tf, x) -> tf.math.sqrt(tf.math.add(tf.math.square(x), tf.constant(0.5f))));
		CHECKED.put("Square", (tf, x) -> tf.math.square(x));
		CHECKED.put("SquaredDifference", (tf, x) -> tf.math.squaredDifference(x, tf.constant(0.2f)));
		CHECKED.put("Squeeze", (tf, x) -> tf.math.square(tf.squeeze(tf.expandDims(x, tf.constant(0)))));
		CHECKED.put("Sub", (tf, x) -> tf.math.sub(tf.constant(1f), tf.math.square(x)));
		CHECKED.put("Sum", (tf, x) -> tf.sum(tf.math.square(x), tf.constant(new int[] { 0, 2 })));
		CHECKED.put("Tanh", (tf, x) -> tf.math.tanh(x));
		CHECKED.put("Tile", (tf, x) -> tf.math.square(tf.tile(x, tf.constant(new int[] { 1, 2, 1 }))));
		CHECKED.put("Transpose", (tf, x) -> tf.math.square(tf.linalg.transpose(x, tf.constant(new int[] { 2, 0, 1 }))));
		CHECKED.put("Unpack", (tf, x) -> tf.math.square((Operand<TFloat32>) tf.unstack(x, 3L,
			org.tensorflow.op.core.Unstack.axis(1L)).output().get(1)));
		CHECKED.put("OneHot+MatMul (VQ lookup)", (tf, x) -> tf.linalg.matMul(tf.oneHot(
			tf.constant(new int[] { 2, 0, 5 }), tf.constant(6), tf.constant(1f), tf.constant(0f)),
			tf.reshape(x, tf.constant(new int[] { 6, 4 }))));
	}

	/** Op types that are not differentiated through (integer paths, state, sampling, shape maths)
	 *  or that only the gradient builder itself creates. */
	private static final Set<String> NO_GRADIENT_NEEDED = Set.of("ArgMin", "Assign", "AssignAdd",
		"BroadcastGradientArgs", "Cast", "ConcatOffset", "Const", "Conv2DBackpropFilter",
		"Conv2DBackpropInput", "Cumsum", "DynamicStitch", "Fill", "Floor", "Gather", "Greater",
		"GreaterEqual", "Identity", "InvertPermutation", "Less", "LessEqual", "LogSoftmax", "Min", "Minimum", "Mod",
		"OneHot", "OnesLike", "Pack", "PadV2", "Placeholder", "Pow", "Prod", "Range", "Rank",
		"ReluGrad", "ResizeNearestNeighborGrad", "RsqrtGrad", "Select", "SelectV2", "Shape", "ShapeN",
		"Sign", "Size", "SoftplusGrad", "StatelessRandomNormal", "StatelessRandomUniform",
		"StatelessTruncatedNormal", "StopGradient", "TanhGrad", "UnsortedSegmentSum", "VariableV2",
		"ZerosLike", "AddN", "NoOp");

	@Test
	public void everyOpTypeOfTheTrainingGraphIsCheckedOrNeedsNoGradient() {
		final Set<String> checked = new TreeSet<>();
		CHECKED.keySet().forEach(k -> checked.add(k.split("[/ +]")[0]));
		checked.add("OneHot");
		final Set<String> unknown = new TreeSet<>();
		try (Graph g = new Graph()) {
			ModelGraph.build(g, ModelConfig.test(), TrainConfig.defaults());
			g.operations().forEachRemaining(op -> {
				if (!checked.contains(op.type()) && !NO_GRADIENT_NEEDED.contains(op.type()))
					unknown.add(op.type());
			});
		}
		assertTrue("op types without a gradient check: " + unknown, unknown.isEmpty());
	}

	@Test
	public void symbolicGradientsMatchFiniteDifferences() {
		final StringBuilder failures = new StringBuilder();
		CHECKED.forEach((name, f) -> {
			final String err = check(f);
			if (err != null) failures.append(name).append(": ").append(err).append('\n');
		});
		assertEquals("", failures.toString());
	}

	private static String check(final BiFunction<Ops, Operand<TFloat32>, Operand<TFloat32>> f) {
		final Random r = new Random(11);
		final float[] x0 = new float[24], w = new float[512];
		for (int i = 0; i < x0.length; i++)
			x0[i] = (float) ((0.3 + r.nextDouble()) * (r.nextBoolean() ? 1 : -1));
		try (Graph g = new Graph(); Session s = new Session(g)) {
			final Ops tf = Ops.create(g);
			final Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2, 3, 4)));
			final Operand<TFloat32> out = f.apply(tf, x);
			final int n = (int) out.shape().size();
			for (int i = 0; i < n; i++) w[i] = (float) r.nextGaussian();
			final Operand<TFloat32> y = tf.sum(tf.math.mul(tf.reshape(out, tf.constant(new int[] { -1 })),
				tf.constant(java.util.Arrays.copyOf(w, n))), tf.constant(0));
			final Output<TFloat32> dy = tf.gradients(y, List.of(x)).dy(0);
			final float[] analytic;
			try (Tensor xt = Tensors.floats(x0, 0, 2, 3, 4);
				Result res = s.runner().feed(x, xt).fetch(dy).run())
			{
				analytic = new float[24];
				((TFloat32) res.get(0)).copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(analytic, false, false));
			}
			final float h = 1e-2f;
			for (int i = 0; i < 24; i++) {
				final float[] xp = x0.clone(), xm = x0.clone();
				xp[i] += h;
				xm[i] -= h;
				final double numeric = (eval(s, x, y, xp) - eval(s, x, y, xm)) / (2 * h);
				if (Math.abs(numeric - analytic[i]) > 2e-2 + 2e-2 * Math.abs(numeric))
					return "d/dx[" + i + "] analytic " + analytic[i] + " vs numeric " + numeric;
			}
		}
		return null;
	}

	private static double eval(final Session s, final Placeholder<TFloat32> x, final Operand<TFloat32> y,
		final float[] v)
	{
		try (Tensor xt = Tensors.floats(v, 0, 2, 3, 4); Result res = s.runner().feed(x, xt).fetch(y).run()) {
			return ((TFloat32) res.get(0)).getFloat();
		}
	}

	private static float[][][][] filter(final int kh, final int kw, final int cin, final int cout) {
		final Random r = new Random(kh * 100 + cout);
		final float[][][][] f = new float[kh][kw][cin][cout];
		for (final float[][][] a : f) for (final float[][] b : a) for (final float[] c : b)
			for (int i = 0; i < c.length; i++) c[i] = (float) r.nextGaussian();
		return f;
	}
}
