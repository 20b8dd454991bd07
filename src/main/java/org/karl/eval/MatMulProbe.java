package org.karl.eval;

import java.util.Random;

import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Measures the float32 MatMul throughput TensorFlow reaches on this machine: the compute limit
 * the model's achieved FLOP/s is compared with. A plain graph multiplies two fed {@code n x n}
 * matrices (2n³ FLOPs) and fetches only the sum of the product.
 */
public final class MatMulProbe {

	private MatMulProbe() {}

	/**
	 * FLOP/s of an {@code n x n} MatMul, best of the runs made in at least {@code seconds}
	 * (and at least 3 runs) after two warm-up runs.
	 */
	public static double flopsPerSecond(final int n, final double seconds) {
		final float[] a = new float[n * n], b = new float[n * n];
		final Random r = new Random(1);
		for (int i = 0; i < a.length; i++) {
			a[i] = r.nextFloat() - 0.5f;
			b[i] = r.nextFloat() - 0.5f;
		}
		try (Graph g = new Graph(); Session s = new Session(g);
			TFloat32 ta = TFloat32.tensorOf(Shape.of(n, n), DataBuffers.of(a, true, false));
			TFloat32 tb = TFloat32.tensorOf(Shape.of(n, n), DataBuffers.of(b, true, false)))
		{
			final Ops tf = Ops.create(g);
			// NB: fed placeholders, not constants, so that graph optimisation cannot fold the product.
			final Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(n,
				n)));
			final Placeholder<TFloat32> y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(n,
				n)));
			final Operand<TFloat32> sum = tf.sum(tf.linalg.matMul(x, y), tf.constant(new int[] { 0,
				1 })); // [n,n] -> []
			for (int i = 0; i < 2; i++) run(s, x, y, ta, tb, sum);
			double best = Double.MAX_VALUE, total = 0;
			int runs = 0;
			while (total < seconds || runs < 3) {
				final long t0 = System.nanoTime();
				run(s, x, y, ta, tb, sum);
				final double dt = (System.nanoTime() - t0) / 1e9;
				best = Math.min(best, dt);
				total += dt;
				runs++;
			}
			return 2.0 * n * n * n / best;
		}
	}

	private static void run(final Session s, final Placeholder<TFloat32> x,
		final Placeholder<TFloat32> y, final TFloat32 ta, final TFloat32 tb,
		final Operand<TFloat32> sum)
	{
		try (Result r = s.runner().feed(x, ta).feed(y, tb).fetch(sum).run()) {
			if (r.size() != 1) throw new IllegalStateException("MatMulProbe: expected 1 output");
		}
	}
}
