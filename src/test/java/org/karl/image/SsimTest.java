package org.karl.image;

import static org.junit.Assert.*;

import org.junit.Test;

/** SSIM against a hand-computed value and an independent scipy computation. */
public class SsimTest {

	private static float[] constant(final float v) {
		final float[] a = new float[32 * 32];
		java.util.Arrays.fill(a, v);
		return a;
	}

	/** x = ((7i + 3j) mod 11) / 10 and y = 0.8 x + 0.1 ((i + j) mod 2), i the row. */
	static float[][] pattern() {
		final float[] x = new float[32 * 32], y = new float[32 * 32];
		for (int i = 0; i < 32; i++)
			for (int j = 0; j < 32; j++) {
				x[i * 32 + j] = (float) (((i * 7 + j * 3) % 11) / 10.0);
				y[i * 32 + j] = (float) (0.8 * x[i * 32 + j] + 0.1 * ((i + j) % 2));
			}
		return new float[][] { x, y };
	}

	@Test
	public void constantImagesGiveTheLuminanceTermByHand() {
		// σ terms are (0 + C2) / (0 + C2) = 1, so SSIM = (2·0.5·0.25 + 1e-4) / (0.25 + 0.0625 + 1e-4)
		final double expected = (2 * 0.5 * 0.25 + 1e-4) / (0.25 + 0.0625 + 1e-4); // 0.80006398
		assertEquals(expected, Ssim.of(constant(0.5f), 0, constant(0.25f), 0, 32), 1e-12);
	}

	@Test
	public void identicalImagesGiveOne() {
		final float[] x = pattern()[0];
		assertEquals(1, Ssim.of(x, 0, x, 0, 32), 1e-12);
	}

	@Test
	public void matchesScipyGaussianFilterReference() {
		// NB: scipy.ndimage.gaussian_filter(sigma=1.5, truncate=3.5, mode='reflect') on each
		// moment, the SSIM map cropped by 5 pixels and averaged (skimage's procedure), computed on
		// the float32 values of pattern(): 0.9558141211101333.
		final float[][] p = pattern();
		assertEquals(0.9558141211101333, Ssim.of(p[0], 0, p[1], 0, 32), 1e-9);
	}

	@Test
	public void offsetsSelectTheTile() {
		final float[][] p = pattern();
		final float[] both = new float[2 * 32 * 32];
		System.arraycopy(p[1], 0, both, 32 * 32, 32 * 32);
		assertEquals(Ssim.of(p[0], 0, p[1], 0, 32), Ssim.of(p[0], 0, both, 32 * 32, 32), 0);
	}

	@Test
	public void gaussianWindowIsNormalisedAndSymmetric() {
		final double[] g = Ssim.gaussian(11, 1.5);
		double s = 0;
		for (final double v : g) s += v;
		assertEquals(1, s, 1e-12);
		assertEquals(g[0], g[10], 0);
		assertEquals(Math.exp(-25 / 4.5) / Math.exp(0), g[0] / g[5], 1e-12);
	}

	@Test(expected = IllegalArgumentException.class)
	public void imagesSmallerThanTheWindowAreRejected() {
		Ssim.of(new float[100], 0, new float[100], 0, 10, 10, 1);
	}
}
