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

	/** Whether tile i's reconstruction meets ε (L1 ≤ ε). */
	public boolean met(final int i, final float epsilon) {
		return l1[i] <= epsilon;
	}

	/** Tiles that miss ε: [all of them, those that kept the whole budget (ε unreachable)]. */
	public int[] unmet(final float epsilon, final int budget) {
		int miss = 0, full = 0;
		for (int i = 0; i < n; i++)
			if (!met(i, epsilon)) {
				miss++;
				if (counts[i] >= budget) full++;
			}
		return new int[] { miss, full };
	}

	/** One line for a log: how many tiles missed ε, or "" when all met it. */
	public static String unmetNote(final int miss, final int full, final int tiles,
		final float epsilon)
	{
		if (miss == 0) return "";
		return miss + " of " + tiles + " tiles did not reach epsilon " + epsilon + " (" + full +
			" of them kept every token: epsilon is out of reach there; a larger epsilon or a model " +
			"trained on such images helps)";
	}
}
