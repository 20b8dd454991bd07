package org.karl.eval;

import static org.junit.Assert.*;

import java.util.List;

import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.experimental.categories.Category;
import org.karl.engine.api.Progress;
import org.karl.engine.runtime.TestModels;
import org.karl.testing.Slow;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The whole benchmark on a small plane with the test model (cold start included). */
@Category(Slow.class) // a whole karl bench, cold start in a child JVM included
public class BenchTest {

	private static BenchResult r;

	@BeforeClass
	public static void bench() throws Exception {
		r = Bench.run(TestModels.model(), new Bench.Options(128, 0, new int[] { 4, 16 }, 150, 128,
			true, 0.05f, 3), Progress.NONE);
	}

	@Test
	public void mapIsTimedAtTheFastestCandidate() {
		assertEquals(16, r.tiles());
		assertEquals(2, r.candidates().size());
		final double fastest = Math.min(r.candidates().get(0).seconds(), r.candidates().get(1)
			.seconds());
		assertEquals(r.batch() == 4 ? r.candidates().get(0).seconds() : r.candidates().get(1)
			.seconds(), fastest, 0);
		assertEquals(Bench.REPEATS, r.mapSeconds().length);
		assertEquals(r.tiles() / r.bestMapSeconds(), r.tilesPerSecond(), 1e-9);
		assertTrue(r.modelGflops() > 0 && r.matmulGflops() > 0);
		assertEquals(r.modelGflops() / r.matmulGflops(), r.ratio(), 1e-12);
	}

	@Test
	public void coldStartAndMemoryAreMeasured() {
		assertNotNull(r.coldStart());
		assertTrue(r.coldStart().load() > 0 && r.coldStart().total() >= r.coldStart().load());
		assertEquals(Bench.WARMUP_CALLS + 150, r.memory().calls());
		assertEquals(Bench.WARMUP_CALLS, r.memory().early());
		assertTrue(r.goals().get(2).goal(), r.goals().get(2).goal().contains("150 single-tile calls " +
			"after " + Bench.WARMUP_CALLS + " warm-up"));
		assertTrue(r.memory().msPerCall() > 0);
	}

	@Test
	public void goalsJudgeOnlyWhatWasMeasuredAtItsSize() {
		assertEquals(3, r.goals().size());
		assertNull("a 128² plane is not the 2048² goal", r.goals().get(0).met());
		assertNotNull(r.goals().get(1).met());
	}

	@Test
	public void jsonHasEveryField() {
		final JsonObject o = JsonParser.parseString(EvalJson.gson().toJson(r)).getAsJsonObject();
		for (final String k : List.of("device", "candidates", "batch", "mapSeconds", "flopsPerTile",
			"modelGflops", "matmulGflops", "ratio", "coldStart", "memory", "peakRssMiB", "goals"))
			assertTrue(k, o.has(k));
	}
}
