package org.karl.engine.train;

import static org.junit.Assert.*;

import org.junit.Test;
import org.karl.engine.config.ModelConfig;

public class EpsilonCalibrationTest {

	private static final float[] BINS = ModelConfig.PAPER_BINS;

	@Test
	public void binningRoundsUpAndClampsToTheLastBin() {
		assertEquals(0.005f, BINS[EpsilonCalibration.binOf(BINS, 0f)], 0f);
		assertEquals(0.05f, BINS[EpsilonCalibration.binOf(BINS, 0.05f)], 0f);
		assertEquals(0.06f, BINS[EpsilonCalibration.binOf(BINS, 0.051f)], 0f);
		assertEquals(0.38f, BINS[EpsilonCalibration.binOf(BINS, 1.0f)], 0f);
	}

	@Test
	public void errorsSpreadOverManyBinsAreKept() {
		final EpsilonCalibration c = new EpsilonCalibration(BINS, 2, 23, 32);
		for (int t = 2; t <= 46; t += 2) {
			final float[] e = new float[39];
			for (int i = 0; i < 19; i++) e[i] = BINS[i] - 0.001f; // one per bin
			for (int i = 19; i < 39; i++) e[i] = BINS[18 - t / 4] - 0.001f; // more tokens, less error
			c.add(t, e);
		}
		assertFalse(c.check().reason(), c.check().collapsed());
	}

	@Test
	public void errorsInThreeBinsAreReSpacedToAscendingQuantiles() {
		final EpsilonCalibration c = new EpsilonCalibration(BINS, 2, 23, 32);
		for (int t = 2; t <= 46; t += 2) {
			final float[] e = new float[100];
			for (int i = 0; i < e.length; i++) e[i] = 0.011f + 0.018f * i / e.length * (50f / (t + 4));
			c.add(t, e);
		}
		final EpsilonCalibration.Decision d = c.check();
		assertTrue(d.collapsed());
		assertEquals(BINS.length, d.bins().length);
		for (int i = 1; i < d.bins().length; i++)
			assertTrue("ascending at " + i, d.bins()[i] > d.bins()[i - 1]);
		assertTrue("a bin below the 1st percentile", d.bins()[0] < 0.011f);
		assertTrue("top quantile inside the data", d.bins()[18] <= 0.011f + 0.018f * 50f / 6);
	}

	@Test
	public void sameBinForSmallestAndLargestBudgetCountsAsCollapsed() {
		final EpsilonCalibration c = new EpsilonCalibration(BINS, 2, 23, 32);
		final float[] spread = new float[19];
		for (int i = 0; i < 19; i++) spread[i] = BINS[i] - 0.001f;
		for (int t = 4; t <= 46; t += 2) if (t != 32) c.add(t, spread);
		c.add(2, new float[] { 0.045f, 0.046f, 0.047f });
		c.add(32, new float[] { 0.044f, 0.046f, 0.048f });
		final EpsilonCalibration.Decision d = c.check();
		assertTrue(d.reason(), d.collapsed());
		assertTrue(d.reason(), d.reason().contains("T=2 and T=32"));
	}

	@Test(expected = IllegalArgumentException.class)
	public void aBudgetOutsideTheScheduleIsRejected() {
		new EpsilonCalibration(BINS, 2, 23, 32).add(3, new float[] { 0.1f });
	}
}
