package org.karl.eval.ij;

import static org.junit.Assert.*;

import org.junit.Test;
import org.junit.experimental.categories.Category;
import org.karl.engine.runtime.TestModels;
import org.karl.testing.Slow;

/** The streaming figure runs a real child karl map and reads its heap and RSS. */
@Category(Slow.class) // a child karl map
public class StreamingBenchTest {

	@Test
	public void aSmallStackIsMappedWithinTheHeapLimitAndMeasured() throws Exception {
		final StreamingBench.Result r = StreamingBench.run(TestModels.model(), 4, 256, 64, 600);
		assertEquals(4 * 8 * 8, r.tiles());
		assertTrue(r.toString(), r.peakHeapMiB() > 0 && r.peakHeapMiB() <= 64);
		assertTrue(r.toString(), r.peakRssMiB() > 0);
		assertTrue(r.toString(), r.tilesPerSecond() > 0);
	}
}
