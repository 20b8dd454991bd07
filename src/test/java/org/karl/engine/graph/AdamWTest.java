package org.karl.engine.graph;

import static org.junit.Assert.*;

import java.util.List;

import org.junit.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** Three AdamW steps in the graph against the same three steps in plain Java (as TF's AdamTest). */
public class AdamWTest {

	@Test
	public void threeStepsMatchPlainJavaWithDecayOnMatricesAndGlobalClipping() {
		final float lr = 0.01f, b1 = 0.9f, b2 = 0.95f, wd = 0.1f, clip = 1.0f;
		final float[] g1 = { 0.5f, -1.0f, 2.0f, 0.25f }, g2 = { 1.5f, -0.5f, 0.1f };
		try (Graph g = new Graph(); Session s = new Session(g)) {
			final Ops tf = Ops.create(g);
			final Layers l = new Layers(tf, 1, 4);
			final Variable<TFloat32> w = l.weight("w", Layers.Init.ONES, 2, 2);
			final Variable<TFloat32> b = l.weight("b", Layers.Init.ONES, 3);
			final Variable<TInt64> step = l.counter("step");
			final List<Operand<TFloat32>> grads = List.of(tf.reshape(tf.constant(g1), tf.constant(
				new int[] { 2, 2 })), tf.constant(g2));
			final AdamW.Update u = AdamW.apply(l, "opt", List.of(w, b), grads, tf.constant(lr), step,
				new AdamW.Hyper(b1, b2, AdamW.Hyper.EPSILON, wd, clip));
			final var inc = tf.withControlDependencies(u.ops()).assignAdd(step, tf.constant(1L));
			s.initialize();
			// plain Java
			final float[] pw = { 1, 1, 1, 1 }, pb = { 1, 1, 1 };
			final float[] mw = new float[4], vw = new float[4], mb = new float[3], vb = new float[3];
			double norm = 0;
			for (final float x : g1) norm += x * x;
			for (final float x : g2) norm += x * x;
			final float scale = (float) (clip / Math.max(Math.sqrt(norm), clip));
			for (int t = 1; t <= 3; t++) {
				s.runner().addTarget(inc).run();
				adamw(pw, mw, vw, g1, scale, t, lr, b1, b2, wd);
				adamw(pb, mb, vb, g2, scale, t, lr, b1, b2, 0f); // rank 1: no decay
			}
			final GraphFixtureLite f = new GraphFixtureLite(s);
			assertArrayEquals(pw, f.floats(w), 1e-6f);
			assertArrayEquals(pb, f.floats(b), 1e-6f);
			assertEquals(Math.sqrt(norm), f.floats(u.gradNorm())[0], 1e-5);
		}
	}

	private static void adamw(final float[] p, final float[] m, final float[] v, final float[] g,
		final float scale, final int t, final float lr, final float b1, final float b2, final float wd)
	{
		for (int i = 0; i < p.length; i++) {
			final float gi = g[i] * scale;
			m[i] = b1 * m[i] + (1 - b1) * gi;
			v[i] = b2 * v[i] + (1 - b2) * gi * gi;
			final double mhat = m[i] / (1 - Math.pow(b1, t)), vhat = v[i] / (1 - Math.pow(b2, t));
			p[i] = (float) (p[i] - lr * wd * p[i] - lr * mhat / (Math.sqrt(vhat) + 1e-8));
		}
	}

	/** Reads float tensors from a session. */
	private record GraphFixtureLite(Session s) {
		float[] floats(final Operand<TFloat32> x) {
			try (var r = s.runner().fetch(x).run()) {
				final TFloat32 t = (TFloat32) r.get(0);
				final float[] out = new float[(int) t.shape().size()];
				t.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(out, false, false));
				return out;
			}
		}
	}
}
