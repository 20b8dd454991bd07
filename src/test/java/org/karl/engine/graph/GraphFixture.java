package org.karl.engine.graph;

import org.karl.engine.config.ModelConfig;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** A small graph with Layers, base and KARL blocks of the test config, for block-level tests. */
final class GraphFixture implements AutoCloseable {

	final Graph graph = new Graph();
	final Ops tf = Ops.create(graph);
	final ModelConfig config;
	final Layers layers;
	final BaseTokenizerGraph base;
	final KarlGraph karl;
	private Session session;

	GraphFixture() {
		this(ModelConfig.test());
	}

	GraphFixture(final ModelConfig config) {
		this.config = config;
		this.layers = new Layers(tf, 3, config.width());
		this.base = new BaseTokenizerGraph(layers, config);
		this.karl = new KarlGraph(layers, config, base);
	}

	Session session() {
		if (session == null) {
			session = new Session(graph);
			session.initialize();
		}
		return session;
	}

	float[] floats(final Operand<TFloat32> x) {
		try (Result r = session().runner().fetch(x).run()) {
			final TFloat32 t = (TFloat32) r.get(0);
			final float[] out = new float[(int) t.shape().size()];
			t.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(out, false, false));
			return out;
		}
	}

	int[] ints(final Operand<TInt32> x) {
		try (Result r = session().runner().fetch(x).run()) {
			final TInt32 t = (TInt32) r.get(0);
			final int[] out = new int[(int) t.shape().size()];
			t.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(out, false, false));
			return out;
		}
	}

	@Override
	public void close() {
		if (session != null) session.close();
		graph.close();
	}
}
