package org.karl.engine.api;

/**
 * The prefix budgets KARL is trained and verified at: 2, 4, 6, 8, 12, 16, 24, 32, continued (48,
 * 64, 96, ...) for a model with more tokens, capped at a budget, which is always the last rung.
 * The minimum-budget halting targets decode these rungs in training, and verified counts climb
 * them above a tile's predicted count: one ladder, so a verified count is in the units of the
 * model's own target.
 * <p>
 * Why rungs and not every count: each rung is one decoder run over the tiles still short of ε,
 * and these are the rungs the halting head is trained to (the minimum-budget targets of
 * docs/engine.md, "Halting targets"), so a verified count is in the units of the model's own
 * target. A bisection between rungs would save at most a few tokens per tile for up to three
 * more decoder runs, and would assume that the error falls monotonically with the count, which
 * a decoder need not do; the climb assumes nothing.
 */
public final class BudgetLadder {

	private BudgetLadder() {}

	/**
	 * The smallest rung above {@code count}, at most {@code budget}; {@code budget} itself when
	 * no rung lies between them.
	 *
	 * @throws IllegalArgumentException when {@code count} is already at or above the budget
	 */
	public static int next(final int count, final int budget) {
		if (count >= budget) throw new IllegalArgumentException("BudgetLadder: count " + count +
			" has no rung above it within budget " + budget);
		return (int) Math.min(above(count), budget);
	}

	/** The smallest rung above {@code count}: 2, then p and 1.5 p for p = 4, 8, 16, ... */
	private static long above(final int count) {
		if (count < 2) return 2;
		for (long p = 4;; p *= 2) {
			if (p > count) return p;
			if (p * 3 / 2 > count) return p * 3 / 2;
		}
	}

	/** Every rung up to {@code budget}, ascending, {@code budget} last. */
	public static int[] rungs(final int budget) {
		final java.util.List<Integer> r = new java.util.ArrayList<>();
		for (int k = 0; k < budget; k = next(k, budget)) if (k > 0) r.add(k);
		r.add(budget);
		return r.stream().mapToInt(Integer::intValue).toArray();
	}

	/**
	 * Keep mask [counts.length, tmax] whose row {@code i} keeps its first {@code counts[i]} slots: a
	 * prefix decode of each tile at its own count.
	 *
	 * @throws IllegalArgumentException when a count lies outside [0, tmax]
	 */
	public static int[] prefixMask(final int[] counts, final int tmax) {
		final int[] keep = new int[counts.length * tmax];
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] < 0 || counts[i] > tmax) throw new IllegalArgumentException(
				"BudgetLadder: prefix " + counts[i] + " of row " + i + " is outside [0, " + tmax + "]");
			java.util.Arrays.fill(keep, i * tmax, i * tmax + counts[i], 1);
		}
		return keep;
	}

	/**
	 * Keep mask [n, tmax] with the first {@code k} slots of every row set: the per-row
	 * {@link #prefixMask(int[], int)} with one count for all.
	 */
	public static int[] prefixMask(final int n, final int tmax, final int k) {
		final int[] counts = new int[n];
		java.util.Arrays.fill(counts, k);
		return prefixMask(counts, tmax);
	}
}
