package org.karl.eval;

import org.karl.ops.VerifiedCounts;

/**
 * How far the single pass is from the verified count (what `--verify` gives users) at one ε:
 * means of both counts, the share of tiles whose single-pass count missed ε below the budget
 * (under-reported: verification had to climb), and the share where ε is out of reach even at the
 * budget (unreachable).
 *
 * @param predicted mean single-pass count
 * @param verified mean verified count
 * @param underReported fraction of tiles with verified > predicted
 * @param unreachable fraction of tiles that do not meet ε at the budget
 */
public record VerifiedShare(double predicted, double verified, double underReported,
	double unreachable)
{

	public static VerifiedShare of(final VerifiedCounts.Tiles v) {
		double p = 0, k = 0, under = 0, out = 0;
		for (int i = 0; i < v.n(); i++) {
			p += v.predicted()[i];
			k += v.counts()[i];
			if (v.counts()[i] > v.predicted()[i]) under++;
			if (!v.met()[i]) out++;
		}
		final int n = Math.max(1, v.n());
		return new VerifiedShare(p / n, k / n, under / n, out / n);
	}
}
