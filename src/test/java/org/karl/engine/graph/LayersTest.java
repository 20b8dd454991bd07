package org.karl.engine.graph;

import static org.junit.Assert.*;

import java.util.List;

import org.junit.Test;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Variables are declared with their shape, and their optimiser follows from their name. */
public class LayersTest {

	@Test
	public void aVariableAskedForAgainWithAnotherShapeFails() {
		try (Graph g = new Graph()) {
			final Layers l = new Layers(Ops.create(g), 1, 8);
			final Variable<TFloat32> w = l.weight("enc.w", Layers.Init.ZEROS, 2, 3);
			assertSame(w, l.weight("enc.w", Layers.Init.ZEROS, 2, 3));
			final IllegalStateException e = assertThrows(IllegalStateException.class, () -> l.weight(
				"enc.w", Layers.Init.ZEROS, 3, 2));
			assertTrue(e.getMessage(), e.getMessage().contains("enc.w") && e.getMessage().contains(
				"[2, 3]") && e.getMessage().contains("[3, 2]"));
		}
	}

	@Test
	public void baseVariablesAreTheBaseGroupByTheirNameInCreationOrder() {
		try (Graph g = new Graph()) {
			final Layers l = new Layers(Ops.create(g), 1, 8);
			final Variable<TFloat32> a = l.weight("enc.a", Layers.Init.ZEROS, 1);
			final Variable<TFloat32> b = l.weight("base.enc.b", Layers.Init.ZEROS, 1);
			final Variable<TFloat32> c = l.weight("dec.c", Layers.Init.ZEROS, 1);
			final Variable<TFloat32> d = l.weight("base.dec.d", Layers.Init.ZEROS, 1);
			assertEquals(List.of(b, d), l.variables(Layers.Group.BASE));
			assertEquals(List.of(a, c), l.variables(Layers.Group.KARL));
		}
	}
}
