package org.karl.image;

/**
 * Per-image reconstruction errors in [0,1] units: mean absolute error (KARL's ε metric), mean
 * squared error and PSNR. Plain loops over row-major arrays, so evaluation, tests and the front
 * ends compute them the same way.
 */
public final class ImageMetrics {

	/**
	 * PSNR reported for a (numerically) perfect reconstruction, in dB. NB: a finite cap keeps
	 * means and JSON finite; 100 dB is an MSE of 1e-10, far below float32 rounding of [0,1] data.
	 */
	public static final double PSNR_MAX = 100;

	private ImageMetrics() {}

	/** Mean |a - b| over {@code len} values from {@code aOff} and {@code bOff}. */
	public static double l1(final float[] a, final int aOff, final float[] b, final int bOff,
		final int len)
	{
		double s = 0;
		for (int i = 0; i < len; i++) s += Math.abs(a[aOff + i] - b[bOff + i]);
		return s / len;
	}

	/** Mean (a - b)² over {@code len} values from {@code aOff} and {@code bOff}. */
	public static double mse(final float[] a, final int aOff, final float[] b, final int bOff,
		final int len)
	{
		double s = 0;
		for (int i = 0; i < len; i++) {
			final double d = a[aOff + i] - b[bOff + i];
			s += d * d;
		}
		return s / len;
	}

	/** {@code 10 log10(dataRange² / mse)} in dB, at most {@value #PSNR_MAX}. */
	public static double psnr(final double mse, final double dataRange) {
		if (!(mse >= 0)) throw new IllegalArgumentException("ImageMetrics: mse " + mse + " < 0");
		if (mse == 0) return PSNR_MAX;
		return Math.min(PSNR_MAX, 10 * Math.log10(dataRange * dataRange / mse));
	}
}
