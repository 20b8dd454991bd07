package org.karl.image;

import static org.junit.Assert.*;

import org.junit.Test;

/** L1, MSE and PSNR against hand-computed values. */
public class ImageMetricsTest {

	private final float[] a = { 0, 0.5f, 1, 0.25f };
	private final float[] b = { 0.1f, 0.5f, 0.8f, 0.25f };

	@Test
	public void l1AndMseByHand() {
		assertEquals((0.1 + 0 + 0.2 + 0) / 4, ImageMetrics.l1(a, 0, b, 0, 4), 1e-7);
		assertEquals((0.01 + 0 + 0.04 + 0) / 4, ImageMetrics.mse(a, 0, b, 0, 4), 1e-7);
		assertEquals(0.1, ImageMetrics.l1(a, 2, b, 2, 2), 1e-7); // offsets
	}

	@Test
	public void psnrByHand() {
		assertEquals(20, ImageMetrics.psnr(0.01, 1), 1e-12); // 10 log10(1 / 0.01)
		assertEquals(40, ImageMetrics.psnr(1e-4, 1), 1e-12);
		assertEquals(10 * Math.log10(4 / 0.01), ImageMetrics.psnr(0.01, 2), 1e-12);
	}

	@Test
	public void perfectReconstructionIsCapped() {
		assertEquals(ImageMetrics.PSNR_MAX, ImageMetrics.psnr(0, 1), 0);
		assertEquals(ImageMetrics.PSNR_MAX, ImageMetrics.psnr(1e-14, 1), 0);
	}
}
