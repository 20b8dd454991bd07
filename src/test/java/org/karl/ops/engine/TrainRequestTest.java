package org.karl.ops.engine;

import static org.junit.Assert.*;

import java.nio.file.Path;

import org.junit.Test;
import org.karl.engine.api.TileSet;

/**
 * {@link TrainRequest.Builder}: nothing set is null, 0 and false (what each component's Javadoc
 * gives a meaning), every named setter sets its component and no other.
 */
public class TrainRequestTest {

	@Test
	public void aFreshBuilderSetsNothing() {
		assertEquals(new TrainRequest(null, null, null, null, null, null, null, null, false, 0, 0, null,
			null, null, null, null, 0L, null), TrainRequest.builder().build());
	}

	@Test
	public void everyNamedSetterSetsItsComponent() {
		final TileSet data = new TileSet(1, 8, new float[64]);
		final TileSet heldOut = new TileSet(2, 8, new float[128]);
		final TrainRequest r = TrainRequest.builder().phase(TrainRequest.Phase.BASE).data(data)
			.dataNote("d").normalization("n").heldOut(heldOut).heldOutNote("h").start(Path.of("s"))
			.output(Path.of("o")).resume(true).steps(3).batch(4).preset("test").haltingTargets("paper")
			.phase1Tokens("queries").phase1Budgets("16..46").peakLr(3e-3f).seed(5L).command("c").build();
		assertEquals(new TrainRequest(TrainRequest.Phase.BASE, data, "d", "n", heldOut, "h",
			Path.of("s"), Path.of("o"), true, 3, 4, "test", "paper", "queries", "16..46", 3e-3f, 5L, "c"), r);
		assertEquals(r, r.toBuilder().build());
		final TrainRequest moved = r.withOutput(Path.of("elsewhere"));
		assertEquals(Path.of("elsewhere"), moved.output());
		assertEquals(r, moved.toBuilder().output(Path.of("o")).build());
	}
}
