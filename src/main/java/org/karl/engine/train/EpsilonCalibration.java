package org.karl.engine.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ε-bin calibration check of docs/algorithm.md §4.8. Collects the measured phase-1 errors ε0
 * per budget T over the first steps, reports the histogram of bin(ε0) per T, and decides whether
 * the bins have collapsed: more than half of all ε0 in three or fewer bins, or the typical bin at
 * the smallest budget equal to the one at T_max. Then the bins are replaced by quantiles of the
 * observed ε0 (ascending, rounding up kept), with one bin below the 1st percentile for phase 1.
 */
public final class EpsilonCalibration {

	/** The outcome of {@link #check()}. */
	public record Decision(boolean collapsed, String reason, float[] bins) {}

	private final float[] bins;
	private final int budgetStep;
	private final int maxTokens;
	private final List<List<Float>> byBudget = new ArrayList<>();

	public EpsilonCalibration(final float[] bins, final int budgetStep, final int budgetCount,
		final int maxTokens)
	{
		this.bins = bins.clone();
		this.budgetStep = budgetStep;
		this.maxTokens = maxTokens;
		for (int i = 0; i < budgetCount; i++) byBudget.add(new ArrayList<>());
	}

	/**
	 * Index of the smallest bin >= ε, or the last bin (the graph's rule, docs/algorithm.md §3.4).
	 */
	public static int binOf(final float[] bins, final float eps) {
		int count = 0;
		for (final float b : bins) if (b < eps) count++;
		return Math.min(count, bins.length - 1);
	}

	public void add(final int budget, final float[] eps0) {
		final int i = budget / budgetStep - 1;
		if (budget % budgetStep != 0 || i < 0 || i >= byBudget.size()) throw new IllegalArgumentException("budget " + budget +
			" is not one of the phase-1 budgets " + budgetStep + ".." + budgetStep * byBudget.size());
		for (final float e : eps0) byBudget.get(i).add(e);
	}

	public int samples() {
		return byBudget.stream().mapToInt(List::size).sum();
	}

	/** Counts of bin(ε0) per phase-1 budget, [budgetCount][nBins]. */
	public int[][] histogramByBudget() {
		final int[][] h = new int[byBudget.size()][bins.length];
		for (int i = 0; i < byBudget.size(); i++)
			for (final float e : byBudget.get(i)) h[i][binOf(bins, e)]++;
		return h;
	}

	/** The histogram as log lines "T=2: [..]", one per budget that has samples. */
	public String report() {
		final StringBuilder sb = new StringBuilder("bin(eps0) histogram per budget T over bins " +
			Arrays.toString(bins) + "\n");
		final int[][] h = histogramByBudget();
		for (int i = 0; i < h.length; i++)
			if (!byBudget.get(i).isEmpty()) sb.append("  T=").append((i + 1) * budgetStep).append(": ")
				.append(Arrays.toString(h[i])).append('\n');
		return sb.toString();
	}

	public Decision check() {
		final int total = samples();
		if (total == 0) return new Decision(false, "no eps0 samples collected", bins.clone());
		final int[] all = new int[bins.length];
		for (final int[] row : histogramByBudget()) for (int b = 0; b < row.length; b++) all[b] += row[b];
		final int[] sorted = all.clone();
		Arrays.sort(sorted);
		final int top3 = sorted[sorted.length - 1] + sorted[sorted.length - 2] + sorted[sorted.length - 3];
		final int low = medianBin(0), high = medianBin(maxTokens / budgetStep - 1);
		String reason = null;
		if (2 * top3 > total) reason = top3 + " of " + total + " eps0 fall into three bins";
		else if (low >= 0 && low == high) reason = "T=" + budgetStep + " and T=" + maxTokens +
			" both land in bin " + bins[low];
		if (reason == null) return new Decision(false, "bins spread: top three hold " + top3 + " of " +
			total, bins.clone());
		return new Decision(true, reason, quantileBins());
	}

	/** n ascending bins: one below the 1st percentile, then quantiles of ε0 at (i - 0.5)/(n - 1). */
	public float[] quantileBins() {
		final float[] e = all();
		Arrays.sort(e);
		final int n = bins.length;
		final float[] q = new float[n];
		q[0] = Math.max(1e-4f, 0.5f * quantile(e, 0.01));
		for (int i = 1; i < n; i++) q[i] = quantile(e, (i - 0.5) / (n - 1));
		for (int i = 1; i < n; i++) // strictly ascending, as binning needs
			if (!(q[i] > q[i - 1])) q[i] = Math.nextUp(q[i - 1] * 1.01f);
		for (int i = 0; i < n; i++) q[i] = Math.min(q[i], 1f);
		return q;
	}

	private int medianBin(final int budgetIndex) {
		if (budgetIndex < 0 || budgetIndex >= byBudget.size() || byBudget.get(budgetIndex).isEmpty())
			return -1;
		final float[] e = toArray(byBudget.get(budgetIndex));
		Arrays.sort(e);
		return binOf(bins, quantile(e, 0.5));
	}

	private float[] all() {
		final List<Float> a = new ArrayList<>();
		byBudget.forEach(a::addAll);
		return toArray(a);
	}

	private static float quantile(final float[] sorted, final double p) {
		final double pos = p * (sorted.length - 1);
		final int lo = (int) Math.floor(pos), hi = Math.min(lo + 1, sorted.length - 1);
		return (float) (sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]));
	}

	private static float[] toArray(final List<Float> l) {
		final float[] a = new float[l.size()];
		for (int i = 0; i < a.length; i++) a[i] = l.get(i);
		return a;
	}
}
