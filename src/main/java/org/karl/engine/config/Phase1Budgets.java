package org.karl.engine.config;

/**
 * The range of phase-1 budgets T a training run samples from, written "MIN..MAX" (both included):
 * T is drawn uniformly over the multiples of the model's budget step in that range. The default
 * (no range) is every budget the latent-query table holds, 2..46 for S: about a third of its
 * samples keep all T_max = 32 tokens. A narrower range moves phase 1's decodes toward the budgets
 * it names (docs/engine.md, "What flattens the curve").
 *
 * @param min smallest budget (>= 1)
 * @param max largest budget (>= min)
 */
public record Phase1Budgets(int min, int max) {

	public Phase1Budgets {
		if (min < 1 || max < min) throw new IllegalArgumentException("phase-1 budgets " + min + ".." +
			max + ": use MIN..MAX with 1 <= MIN <= MAX, e.g. 16..46");
	}

	/** Parses "MIN..MAX"; one clear message when malformed. */
	public static Phase1Budgets parse(final String range) {
		final String[] p = range.trim().split("\\.\\.", -1);
		if (p.length != 2) throw new IllegalArgumentException("phase-1 budgets '" + range +
			"': use MIN..MAX, e.g. 16..46");
		try {
			return new Phase1Budgets(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("phase-1 budgets '" + range +
				"': MIN and MAX must be whole numbers, e.g. 16..46");
		}
	}

	/** The range of {@code t} on model {@code c}: its own, or the whole table when {@code t} has none. */
	public static Phase1Budgets of(final TrainConfig t, final ModelConfig c) {
		return t.phase1Budgets() == null ? new Phase1Budgets(c.budgetStep(), c.tableTokens())
			: parse(t.phase1Budgets());
	}

	/**
	 * The indices k (T = k · step) sampled on model {@code c}: the multiples of the budget step in
	 * [min, max], clipped to the table. Throws when the range holds none.
	 *
	 * @return {first k, count}
	 */
	public int[] steps(final ModelConfig c) {
		final int step = c.budgetStep();
		final int first = Math.max(1, (min + step - 1) / step);
		final int last = Math.min(c.budgetCount(), max / step);
		if (last < first) throw new IllegalArgumentException("phase-1 budgets " + min + ".." + max +
			" hold no multiple of the model's budget step " + step + " up to " + c.tableTokens() +
			"; choose a range inside " + step + ".." + c.tableTokens());
		return new int[] { first, last - first + 1 };
	}

	@Override
	public String toString() {
		return min + ".." + max;
	}
}
