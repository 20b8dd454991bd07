package org.karl.fiji.ij1;

import static org.junit.Assert.*;

import ij.gui.Plot;

import org.junit.Test;
import org.karl.ops.TrainOp;

/** The loss plot of KARL Train, drawn from the curve that training in ops collects. */
public class LossPlotTest {

	private static TrainOp.Points points(final double... stepLoss) {
		final double[] s = new double[stepLoss.length / 2], l = new double[s.length];
		for (int i = 0; i < s.length; i++) {
			s[i] = stepLoss[2 * i];
			l[i] = stepLoss[2 * i + 1];
		}
		return new TrainOp.Points(s, l);
	}

	@Test
	public void bothPhasesAreDrawnWithTheirPointsAndLabels() {
		final Plot p = LossPlot.of(new TrainOp.Curve("m KARL training", points(1, 0.5, 2, 0.25),
			points(1, 1, 2, 0.5, 3, 0.3)));
		assertEquals("m KARL training", p.getTitle());
		final float[][] base = p.getDataObjectArrays(0), karl = p.getDataObjectArrays(1);
		assertArrayEquals(new float[] { 1, 2 }, base[0], 0);
		assertArrayEquals(new float[] { 0.5f, 0.25f }, base[1], 0);
		assertArrayEquals(new float[] { 1, 2, 3 }, karl[0], 0);
		assertArrayEquals(new float[] { 1, 0.5f, 0.3f }, karl[1], 0);
		assertEquals(LossPlot.BASE_LABEL, p.getPlotObjectLabel(0));
		assertEquals(LossPlot.KARL_LABEL, p.getPlotObjectLabel(1));
	}

	@Test
	public void aPhaseThatWasNotTrainedIsLeftOut() {
		final Plot p = LossPlot.of(new TrainOp.Curve("t", points(), points(5, 0.1, 6, 0.09)));
		assertEquals(1, p.getDataObjectDesignations().length);
		assertEquals(LossPlot.KARL_LABEL, p.getPlotObjectLabel(0));
		assertArrayEquals(new float[] { 5, 6 }, p.getDataObjectArrays(0)[0], 0);
	}
}
