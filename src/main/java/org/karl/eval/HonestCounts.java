package org.karl.eval;

import java.util.ArrayList;
import java.util.List;

import org.karl.engine.train.EpsilonCalibration;

/**
 * Does the count mean something? At one ε, from the single pass and the ALIT-style
 * table of the same model: agreement with the search oracle on the tiles some budget can reach,
 * adherence there, how often an unreachable ε is said (k̂ = T_max and L1 above ε), and what the
 * paper's halting targets could at best learn from this model's own fixed-budget curves.
 *
 * <p>The paper's optimum: phase 2 conditions an image on bin(ε0(T)) for phase-1 budgets T and
 * trains token i to halt iff i ≥ T, so p_halt(i | image, bin) tends to P(T ≤ i | image, bin) and
 * the count to the smallest i with P(T ≤ i) > threshold: a high percentile of the budgets whose
 * error falls in ε's bin ("consistent" budgets), undefined when none does. Errors at phase-1
 * budgets above T_max are taken as the error at T_max (the model cannot decode more; this is the
 * floor the paper's targets see there).
 *
 * @param reachable fraction of tiles whose ALIT-style search meets ε within T_max
 * @param spearman ρ(k̂, T*) on reachable tiles
 * @param meanDiff mean k̂ − mean T* on reachable tiles
 * @param meanAbs mean |k̂ − T*| on reachable tiles
 * @param adherence fraction of reachable tiles with L1 ≤ ε + slack
 * @param unreachableSaid fraction of all tiles with k̂ = T_max and L1 > ε + slack (the count says
 *          "ε not met": every door marks them)
 * @param paperDefined fraction of tiles with at least one consistent phase-1 budget
 * @param paperOptimum mean of the paper targets' optimum count on those tiles
 * @param paperTStar mean T* on the same tiles
 * @param paperSpearman ρ(paper optimum, T*) on the same tiles
 * @param paperAtTmax fraction of those tiles whose paper optimum is T_max (never halts)
 */
public record HonestCounts(double reachable, double spearman, double meanDiff, double meanAbs,
	double adherence, double unreachableSaid, double paperDefined, double paperOptimum,
	double paperTStar, double paperSpearman, double paperAtTmax)
{

	/**
	 * @param counts k̂ per tile
	 * @param l1 single-pass L1 per tile
	 * @param alit the ALIT-style table (budgets ascending, L1 per budget and tile)
	 * @param phase1 the model's phase-1 budgets (e.g. 2, 4, ..., 46)
	 * @param bins the model's ε bins
	 * @param threshold the halting threshold (0.75)
	 */
	public static HonestCounts of(final double eps, final int[] counts, final float[] l1,
		final SearchBaselines.Table alit, final int[] phase1, final float[] bins, final int tmax,
		final double threshold)
	{
		final int n = counts.length;
		final List<Integer> k = new ArrayList<>(), t = new ArrayList<>();
		int adhere = 0, said = 0;
		for (int i = 0; i < n; i++) {
			final boolean met = l1[i] <= eps + EvalResult.ADHERENCE_SLACK;
			if (counts[i] == tmax && !met) said++;
			final int b = alit.firstMeeting(i, eps);
			if (b < 0) continue;
			k.add(counts[i]);
			t.add(alit.budgets()[b]);
			if (met) adhere++;
		}
		final int[] kr = ints(k), tr = ints(t);
		final double diff = Evaluation.mean(Evaluation.toDouble(kr)) - Evaluation.mean(Evaluation
			.toDouble(tr));
		final int bin = binOf(bins, eps);
		final List<Integer> opt = new ArrayList<>(), star = new ArrayList<>();
		int atTmax = 0;
		for (int i = 0; i < n; i++) {
			final int o = paperOptimum(alit, i, phase1, bins, bin, tmax, threshold);
			if (o < 0) continue;
			opt.add(o);
			final int b = alit.firstMeeting(i, eps);
			star.add(b < 0 ? tmax : alit.budgets()[b]);
			if (o == tmax) atTmax++;
		}
		final int[] or = ints(opt), sr = ints(star);
		return new HonestCounts((double) kr.length / n, kr.length > 1 ? Spearman.rho(kr, tr) : Double.NaN,
			diff, kr.length == 0 ? Double.NaN : Evaluation.meanAbsDiff(kr, tr), kr.length == 0 ? Double.NaN
				: (double) adhere / kr.length, (double) said / n, (double) or.length / n, Evaluation.mean(
					Evaluation.toDouble(or)), Evaluation.mean(Evaluation.toDouble(sr)), or.length > 1
						? Spearman.rho(or, sr) : Double.NaN, or.length == 0 ? Double.NaN : (double) atTmax /
							or.length);
	}

	/**
	 * The count the paper's targets converge to for tile {@code i} conditioned on {@code bin}, or
	 * -1 when no phase-1 budget's error falls in that bin.
	 */
	static int paperOptimum(final SearchBaselines.Table alit, final int i, final int[] phase1,
		final float[] bins, final int bin, final int tmax, final double threshold)
	{
		final List<Integer> consistent = new ArrayList<>();
		for (final int budget : phase1)
			if (binOf(bins, errorAt(alit, i, budget)) == bin) consistent.add(budget);
		if (consistent.isEmpty()) return -1;
		// token j (0-based) is dropped when P(T <= j) > threshold; the count is the first such j
		for (int j = 0; j < tmax; j++) {
			int le = 0;
			for (final int b : consistent) if (b <= j) le++;
			if ((double) le / consistent.size() > threshold) return j;
		}
		return tmax;
	}

	/** L1 of tile i at a budget: the table's value, the T_max value past it. */
	static double errorAt(final SearchBaselines.Table alit, final int i, final int budget) {
		final int[] b = alit.budgets();
		for (int k = 0; k < b.length; k++) if (b[k] >= budget) return alit.l1()[k][i];
		return alit.l1()[b.length - 1][i];
	}

	/** The graph's binning (round up, in float), as the trainer's ε0 histogram uses it. */
	static int binOf(final float[] bins, final double v) {
		return EpsilonCalibration.binOf(bins, (float) v);
	}

	private static int[] ints(final List<Integer> v) {
		return v.stream().mapToInt(Integer::intValue).toArray();
	}
}
