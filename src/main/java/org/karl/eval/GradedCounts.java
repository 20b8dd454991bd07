package org.karl.eval;

/**
 * Is the count graded or binary? At one ε, over the non-blank tiles (more than one
 * 8-bit grey level, {@link Compression#isBlank}): the share whose count lies strictly between the
 * smallest budget and T_max, and the share held by the single most common count. A complexity
 * map needs many tiles in between, and no count holding most of them.
 *
 * @param nonBlank number of non-blank tiles
 * @param floor the smallest budget (the count of a blank tile)
 * @param graded fraction of non-blank tiles with floor < k̂ < T_max
 * @param commonest the most common k̂ among them (the smaller on a tie)
 * @param commonestShare the fraction of non-blank tiles with that k̂
 */
public record GradedCounts(int nonBlank, int floor, double graded, int commonest,
	double commonestShare)
{

	/**
	 * @param counts k̂ per tile
	 * @param blank per tile, whether it is blank (left out)
	 */
	public static GradedCounts of(final int[] counts, final boolean[] blank, final int floor,
		final int tmax)
	{
		final int[] hist = new int[tmax + 1];
		int n = 0, graded = 0;
		for (int i = 0; i < counts.length; i++) {
			if (blank[i]) continue;
			n++;
			hist[counts[i]]++;
			if (counts[i] > floor && counts[i] < tmax) graded++;
		}
		int top = 0;
		for (int k = 1; k <= tmax; k++)
			if (hist[k] > hist[top]) top = k;
		return n == 0 ? new GradedCounts(0, floor, Double.NaN, -1, Double.NaN) : new GradedCounts(n,
			floor, (double) graded / n, top, (double) hist[top] / n);
	}
}
