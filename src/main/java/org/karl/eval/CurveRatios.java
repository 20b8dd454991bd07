package org.karl.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * How much a fixed-budget curve still falls when the budget doubles: L1(T)/L1(T/2)
 * for T = T_max, T_max/2, ... while T/2 ≥ {@value #SMALLEST} and both budgets are in the table.
 * A count can only be graded where these stay well below 1. The smallest budget (2, a blank
 * tile's count) is left out: the question is whether tokens past the first few still help.
 */
final class CurveRatios {

	/** The smallest budget a ratio starts from. */
	static final int SMALLEST = 4;

	private CurveRatios() {}

	/** Ratios of {@code l1} (one per budget, ascending budgets), smallest budgets first. */
	static List<EvalResult.CurveRatio> of(final int[] budgets, final double[] l1) {
		final List<EvalResult.CurveRatio> out = new ArrayList<>();
		for (int to = budgets.length - 1; to >= 0 && budgets[to] % 2 == 0; ) {
			final int from = indexOf(budgets, budgets[to] / 2);
			if (from < 0 || budgets[from] < SMALLEST) break;
			out.add(0, new EvalResult.CurveRatio(budgets[from], budgets[to], l1[to] / l1[from]));
			to = from;
		}
		return out;
	}

	private static int indexOf(final int[] v, final int x) {
		for (int i = 0; i < v.length; i++)
			if (v[i] == x) return i;
		return -1;
	}
}
