package org.karl.engine.api;

/**
 * Output of the single pass (1 encoder + 1 decoder run) at a requested error.
 *
 * @param n number of tiles
 * @param tileSize tile edge in pixels
 * @param images reconstructions, row-major [n, tileSize, tileSize], values in [0,1] units
 * @param counts kept tokens per tile, [n]
 * @param l1 mean absolute error per tile against the input, [n]
 */
public record ReconstructResult(int n, int tileSize, float[] images, int[] counts, float[] l1) {

	/** Whether a tile's reconstruction error meets ε: the one rule of every door's met/unmet. */
	public static boolean meets(final float l1, final float epsilon) {
		return l1 <= epsilon;
	}

	/**
	 * Tiles that missed ε.
	 *
	 * @param missed tiles with L1 > ε
	 * @param atBudget those of them that kept the whole budget: ε is out of reach for them
	 */
	public record Unmet(int missed, int atBudget) {

		public Unmet plus(final Unmet o) {
			return new Unmet(missed + o.missed, atBudget + o.atBudget);
		}

		/** One line for a log, or "" when every one of {@code tiles} met ε. */
		public String note(final int tiles, final float epsilon) {
			if (missed == 0) return "";
			return missed + " of " + tiles + " tiles did not reach epsilon " + epsilon + " (" + atBudget +
				" of them kept every token: epsilon is out of reach there; a larger epsilon or a model " +
				"trained on such images helps)";
		}
	}

	/** The tiles of this result that missed ε at {@code budget}. */
	public Unmet unmet(final float epsilon, final int budget) {
		int miss = 0, full = 0;
		for (int i = 0; i < n; i++)
			if (!meets(l1[i], epsilon)) {
				miss++;
				if (counts[i] >= budget) full++;
			}
		return new Unmet(miss, full);
	}
}
