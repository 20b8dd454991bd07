package org.karl.eval;

import static org.junit.Assert.*;

import java.util.List;

import org.junit.Test;

/** L1(T)/L1(T/2) down from T_max to T/2 = 4. */
public class CurveRatiosTest {

	@Test
	public void halvesFromTmaxDownToFour() {
		final int[] budgets = SearchBaselines.budgets(32);
		final double[] l1 = new double[budgets.length];
		for (int i = 0; i < l1.length; i++) l1[i] = 1.0 / budgets[i];
		final List<EvalResult.CurveRatio> r = CurveRatios.of(budgets, l1);
		assertEquals(3, r.size());
		assertEquals(new EvalResult.CurveRatio(4, 8, 0.5), r.get(0));
		assertEquals(16, r.get(1).to());
		assertEquals(32, r.get(2).to());
	}

	@Test
	public void aTableWithoutHalvesHasNoRatio() {
		assertEquals(List.of(), CurveRatios.of(new int[] { 2, 4, 6 }, new double[] { 3, 2, 1 }));
		assertEquals(1, CurveRatios.of(new int[] { 2, 4, 6, 8 }, new double[] { 4, 3, 2, 1 })
			.size());
	}
}
