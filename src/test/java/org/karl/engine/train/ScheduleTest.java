package org.karl.engine.train;

import static org.junit.Assert.*;

import org.junit.Test;

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
