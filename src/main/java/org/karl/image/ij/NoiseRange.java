package org.karl.image.ij;

import ij.process.ImageProcessor;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.karl.Keys;

/**
 * Tells when percentile scaling stretched mostly camera noise to 0..1, so that a map would read
 * noise as complexity: a sparse field (a few puncta on a dark background) has its 99.8th
 * percentile inside the noise band, and every tile then looks busy. The noise σ of a plane is
 * estimated robustly from neighbour differences (the median absolute deviation of the
 * horizontal differences, times 1.4826 for a Gaussian, divided by √2 because a difference of two
 * noisy pixels has √2 times their σ), so edges and a few bright spots do not inflate it. A plane
 * is flagged when its scaled range (the raw values read as 0 and 1) spans fewer than
 * {@value #MIN_SIGMAS} noise σ: pure Gaussian noise at the default percentiles (1 and 99.8)
 * spans about 5.2 σ, so 8 leaves room for a little signal but not for structure that stands out.
 */
public final class NoiseRange {

	/** Fewest noise σ a scaled range must span not to be reported. */
	public static final double MIN_SIGMAS = 8;

	/** Most neighbour differences sampled per plane. */
	static final int SAMPLES = 1 << 18;

	/**
	 * One flagged plane.
	 *
	 * @param plane 1-based stack index
	 * @param lo raw value read as 0
	 * @param hi raw value read as 1
	 * @param sigma robust noise σ of the plane, in raw units
	 */
	public record Finding(int plane, double lo, double hi, double sigma) {

		/** How many noise σ the scaled range spans. */
		public double sigmas() {
			return (hi - lo) / sigma;
		}
	}

	private NoiseRange() {}

	/**
	 * The finding for plane {@code index} read with bounds {@code b}, or null when its range
	 * spans at least {@value #MIN_SIGMAS} noise σ (or the plane has no measurable noise).
	 */
	public static Finding check(final ImageProcessor ip, final int index, final double[] b) {
		final double s = sigma(ip);
		if (!(s > 0) || !(b[1] > b[0])) return null;
		return (b[1] - b[0]) < MIN_SIGMAS * s ? new Finding(index, b[0], b[1], s) : null;
	}

	/**
	 * The robust noise σ of {@code ip} in raw units: MAD of horizontal neighbour differences
	 * × 1.4826 / √2, from an even sample of at most {@value #SAMPLES} differences; 0 for a plane
	 * narrower than 2 pixels. Non-finite pixels are left out.
	 */
	public static double sigma(final ImageProcessor ip) {
		final int w = ip.getWidth(), h = ip.getHeight();
		if (w < 2) return 0;
		final long pairs = (long) (w - 1) * h;
		final long stride = Math.max(1, pairs / SAMPLES);
		final double[] d = new double[(int) Math.min(pairs, SAMPLES + 1L)];
		int n = 0;
		for (long k = 0; k < pairs && n < d.length; k += stride) {
			final int y = (int) (k / (w - 1)), x = (int) (k % (w - 1));
			final double v = Normalization.raw(ip, y * w + x + 1) - Normalization.raw(ip, y * w + x);
			if (Double.isFinite(v)) d[n++] = v;
		}
		if (n == 0) return 0;
		final double[] s = Arrays.copyOf(d, n);
		final double med = median(s);
		for (int i = 0; i < n; i++) s[i] = Math.abs(s[i] - med);
		return 1.4826 * median(s) / Math.sqrt(2);
	}

	/**
	 * One line for the log: which planes of {@code title} (of {@code planes}) are flagged, the
	 * first one's numbers, and what to do; null when {@code found} is empty.
	 */
	public static String line(final String title, final List<Finding> found, final int planes) {
		if (found.isEmpty()) return null;
		final Finding f = found.get(0);
		final String which = found.size() == 1 ? "plane " + f.plane() + " of '" + title + "'" : found
			.size() + " of " + planes + " planes of '" + title + "' (first: plane " + f.plane() + ")";
		return String.format(Locale.ROOT, "%s: the scaled range %s..%s spans only %.1f noise σ " +
			"(σ≈%s), so the map will read noise as complexity; use %s=range with %s and %s that cover " +
			"the signal, or a higher %s (e.g. 99.99)", which, num(f.lo()), num(f.hi()), f.sigmas(), num(f
				.sigma()), Keys.KEY_NORMALIZE, Keys.KEY_RANGE_MIN, Keys.KEY_RANGE_MAX,
			Keys.KEY_PERCENTILE_HIGH);
	}

	private static double median(final double[] v) {
		Arrays.sort(v);
		final int m = v.length / 2;
		return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
	}

	/** Short form: integers as such, else 3 significant digits. */
	static String num(final double v) {
		if (v == Math.rint(v) && Math.abs(v) < 1e9) return Long.toString((long) v);
		return String.format(Locale.ROOT, "%.3g", v).replaceAll("\\.?0+(e|$)", "$1");
	}
}
