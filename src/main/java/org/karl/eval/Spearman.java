package org.karl.eval;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Spearman's rank correlation ρ: the Pearson correlation of the ranks, tied values sharing their
 * mean rank (the definition of scipy.stats.spearmanr). It measures whether token counts order
 * images as another complexity measure does, whatever the scale of either.
 */
public final class Spearman {

	private Spearman() {}

	/** ρ(x, y); NaN when either has fewer than 2 distinct values (the ranks have no spread). */
	public static double rho(final double[] x, final double[] y) {
		if (x.length != y.length) throw new IllegalArgumentException("Spearman: " + x.length +
			" x values but " + y.length + " y values");
		return pearson(ranks(x), ranks(y));
	}

	/** ρ of two integer samples. */
	public static double rho(final int[] x, final int[] y) {
		return rho(toDouble(x), toDouble(y));
	}

	/** ρ of an integer and a real sample. */
	public static double rho(final int[] x, final double[] y) {
		return rho(toDouble(x), y);
	}

	/** 1-based ranks of {@code v}; ties get the mean of the ranks they span. */
	public static double[] ranks(final double[] v) {
		final Integer[] order = new Integer[v.length];
		for (int i = 0; i < v.length; i++) order[i] = i;
		Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
		final double[] r = new double[v.length];
		for (int i = 0; i < v.length;) {
			int j = i;
			while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) j++;
			final double mean = (i + j) / 2.0 + 1; // ranks i+1 .. j+1
			for (int k = i; k <= j; k++) r[order[k]] = mean;
			i = j + 1;
		}
		return r;
	}

	/** Pearson's r; NaN when either sample is constant. */
	public static double pearson(final double[] x, final double[] y) {
		final int n = x.length;
		double mx = 0, my = 0;
		for (int i = 0; i < n; i++) {
			mx += x[i];
			my += y[i];
		}
		mx /= n;
		my /= n;
		double sxy = 0, sxx = 0, syy = 0;
		for (int i = 0; i < n; i++) {
			sxy += (x[i] - mx) * (y[i] - my);
			sxx += (x[i] - mx) * (x[i] - mx);
			syy += (y[i] - my) * (y[i] - my);
		}
		return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
	}

	static double[] toDouble(final int[] v) {
		final double[] d = new double[v.length];
		for (int i = 0; i < v.length; i++) d[i] = v[i];
		return d;
	}
}
