package org.karl.engine.train;

import static org.junit.Assert.*;

import org.junit.Test;
import org.karl.engine.config.TrainConfig;

public class ScheduleTest {

	@Test
	public void learningRateWarmsUpLinearlyThenFollowsAHalfCosineToZero() {
		assertEquals(1e-4f, LrSchedule.at(0, 100, 1e-3f, 0.1f), 1e-9f);
		assertEquals(1e-3f, LrSchedule.at(9, 100, 1e-3f, 0.1f), 1e-9f);
		assertEquals(1e-3f, LrSchedule.at(10, 100, 1e-3f, 0.1f), 1e-9f);
		assertEquals(0.5e-3f, LrSchedule.at(55, 100, 1e-3f, 0.1f), 1e-9f);
		assertEquals(0f, LrSchedule.at(100, 100, 1e-3f, 0.1f), 0f);
		for (int s = 11; s < 100; s++)
			assertTrue("decreasing at " + s, LrSchedule.at(s, 100, 1e-3f, 0.1f) < LrSchedule.at(s - 1,
				100, 1e-3f, 0.1f));
	}

	@Test
	public void aRunsOwnScheduleWarmsUpThenDecaysToItsFloorAndIsAFunctionOfTheStepsItAdds() {
		final TrainConfig tc = TrainConfig.defaults().withSteps(10200).withLrSchedule(new TrainConfig.LrRun(
			10000, 3e-4f, 0.05f, 0.1f));
		final TrainConfig same = TrainConfig.defaults().withSteps(200).withLrSchedule(new TrainConfig.LrRun(
			0, 3e-4f, 0.05f, 0.1f));
		for (int s = 0; s <= 210; s++)
			assertEquals("step " + s, LrSchedule.at(same, s), LrSchedule.at(tc, 10000 + s), 0f);
		assertEquals(3e-5f, LrSchedule.at(tc, 10000), 1e-10f);
		assertEquals(3e-4f, LrSchedule.at(tc, 10009), 1e-10f);
		assertEquals(0.5f * (3e-4f + 3e-5f), LrSchedule.at(tc, 10009 + 96), 1e-10f);
		assertEquals(3e-5f, LrSchedule.at(tc, 10200), 1e-11f);
		assertTrue(LrSchedule.describe(tc), LrSchedule.describe(tc).contains("10000 -> 10200"));
		// a very short run still warms up over one step and ends at its floor
		assertEquals(1e-4f, LrSchedule.at(0, 1, 1e-4f, 0.05f, 1e-5f), 0f);
		assertEquals(1e-5f, LrSchedule.at(1, 1, 1e-4f, 0.05f, 1e-5f), 0f);
	}

	@Test
	public void progressLinesAreReadableAndTheDetailLineKeepsTheInternalNumbers() {
		final java.util.Map<String, Float> terms = new java.util.LinkedHashMap<>();
		terms.put("p1_ce", 2.5f);
		terms.put("target_tokens", 7.25f);
		final TrainEvent e = new TrainEvent("karl", 10050, 10200, 4.4366f, terms, 10.81f, new int[] { 1, 2 },
			9.1e-4f, 0.98, "");
		assertEquals("karl step 10050/10200, loss 4.4366, tokens kept 10.81 (mean per tile), lr 9.10e-04, " +
			"ETA 2 min 27 s", e.logLine());
		assertEquals("  karl details step 10050 p1_ce 2.5000 target_tokens 7.2500 mean_tokens 10.81 " +
			"lr 9.10e-04 s/step 0.980 eps0_bins [1,2]", e.detailLine());
		assertEquals("45 s", TrainEvent.eta(45));
		assertEquals("1 h 02 min", TrainEvent.eta(3725));
	}

	@Test
	public void batchesArePureFunctionsOfSeedAndStep() {
		assertArrayEquals(BatchSampler.indices(42, 7, 16, 1000), BatchSampler.indices(42, 7, 16, 1000));
		assertFalse(java.util.Arrays.equals(BatchSampler.indices(42, 7, 16, 1000), BatchSampler.indices(
			42, 8, 16, 1000)));
		for (final int i : BatchSampler.indices(1, 3, 500, 10)) assertTrue(i >= 0 && i < 10);
	}

	@Test
	public void perplexityIsTheEffectiveNumberOfCodes() {
		assertEquals(4.0, BaseTrainer.perplexity(new long[] { 5, 5, 5, 5, 0, 0 }), 1e-9);
		assertEquals(1.0, BaseTrainer.perplexity(new long[] { 0, 9, 0 }), 1e-9);
	}
}
