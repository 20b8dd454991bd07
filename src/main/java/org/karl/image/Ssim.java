package org.karl.image;

/**
 * The structural similarity index (SSIM, Wang et al. 2004) of two single-channel images, with the
 * usual evaluation settings: an 11x11 Gaussian window of σ 1.5, K1 0.01, K2 0.03, biased (not
 * sample) local variances, averaged over the positions where the window lies wholly inside the
 * image. It exists so that evaluation reports SSIM without Python; the settings match torchmetrics
 * {@code structural_similarity_index_measure} and scikit-image {@code structural_similarity(...,
 * gaussian_weights=True, sigma=1.5, use_sample_covariance=False)}, which both crop the border
 * after padding.
 * <p>
 * Per window position: {@code SSIM = (2 μx μy + C1)(2 σxy + C2) / ((μx² + μy² + C1)(σx² + σy²
 * + C2))} with {@code C1 = (K1 L)²}, {@code C2 = (K2 L)²} and L the data range.
 */
public final class Ssim {

	/** Window edge in pixels. */
	public static final int WINDOW = 11;

	/** Standard deviation of the Gaussian window, in pixels. */
	public static final double SIGMA = 1.5;

	/** Stabiliser constants of the luminance and contrast terms, relative to the data range. */
	public static final double K1 = 0.01, K2 = 0.03;

	private static final double[] KERNEL = gaussian(WINDOW, SIGMA);

	private Ssim() {}

	/** The normalised 1D Gaussian window (sums to 1); the 2D window is its outer product. */
	public static double[] gaussian(final int size, final double sigma) {
		final double[] g = new double[size];
		double sum = 0;
		for (int i = 0; i < size; i++) {
			final double d = i - (size - 1) / 2.0;
			g[i] = Math.exp(-d * d / (2 * sigma * sigma));
			sum += g[i];
		}
		for (int i = 0; i < size; i++) g[i] /= sum;
		return g;
	}

	/**
	 * Mean SSIM of the {@code w x h} images stored row-major at {@code a[aOff ..]} and
	 * {@code b[bOff ..]}, for values of range {@code dataRange} (1 for [0,1] images).
	 *
	 * @throws IllegalArgumentException when an image is smaller than the window
	 */
	public static double of(final float[] a, final int aOff, final float[] b, final int bOff,
		final int w, final int h, final double dataRange)
	{
		if (w < WINDOW || h < WINDOW) throw new IllegalArgumentException("Ssim: image " + w + "x" +
			h + " is smaller than the " + WINDOW + "x" + WINDOW + " window");
		final int n = w * h;
		final double[] x = new double[n], y = new double[n], xx = new double[n], yy = new double[n],
			xy = new double[n];
		for (int i = 0; i < n; i++) {
			x[i] = a[aOff + i];
			y[i] = b[bOff + i];
			xx[i] = x[i] * x[i];
			yy[i] = y[i] * y[i];
			xy[i] = x[i] * y[i];
		}
		final int vw = w - WINDOW + 1, vh = h - WINDOW + 1;
		final double[] mx = blur(x, w, h), my = blur(y, w, h), exx = blur(xx, w, h), eyy = blur(yy,
			w, h), exy = blur(xy, w, h); // each [vh, vw]
		final double c1 = K1 * dataRange * K1 * dataRange, c2 = K2 * dataRange * K2 * dataRange;
		double sum = 0;
		for (int i = 0; i < vw * vh; i++) {
			final double vx = exx[i] - mx[i] * mx[i], vy = eyy[i] - my[i] * my[i];
			final double cxy = exy[i] - mx[i] * my[i];
			sum += (2 * mx[i] * my[i] + c1) * (2 * cxy + c2) / ((mx[i] * mx[i] + my[i] * my[i] + c1) *
				(vx + vy + c2));
		}
		return sum / (vw * vh);
	}

	/** Mean SSIM of two square {@code size x size} images with data range 1. */
	public static double of(final float[] a, final int aOff, final float[] b, final int bOff,
		final int size)
	{
		return of(a, aOff, b, bOff, size, size, 1);
	}

	/** Separable Gaussian filter of a [h, w] image, valid positions only: [h-10, w-10]. */
	private static double[] blur(final double[] img, final int w, final int h) {
		final int vw = w - WINDOW + 1, vh = h - WINDOW + 1;
		final double[] rows = new double[h * vw]; // [h, vw]
		for (int y = 0; y < h; y++)
			for (int x = 0; x < vw; x++) {
				double s = 0;
				for (int k = 0; k < WINDOW; k++) s += KERNEL[k] * img[y * w + x + k];
				rows[y * vw + x] = s;
			}
		final double[] out = new double[vh * vw]; // [vh, vw]
		for (int y = 0; y < vh; y++)
			for (int x = 0; x < vw; x++) {
				double s = 0;
				for (int k = 0; k < WINDOW; k++) s += KERNEL[k] * rows[(y + k) * vw + x];
				out[y * vw + x] = s;
			}
		return out;
	}
}
