package org.karl.fiji.ij1;

import ij.process.ImageProcessor;
import ij.process.LUT;

import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * The colours of a complexity map drawn over its input ({@code show=overlay}), chosen so that
 * every count stays readable on any image: the lookup table is used between entries
 * {@value #LO_INDEX} and {@value #HI_INDEX} only, so the fewest tokens are a visible dark violet
 * (Fire) or purple (viridis) on a black background instead of black, and the most are yellow
 * instead of the white that would veil the image; and the opacity grows with the count, from
 * {@value #MIN_ALPHA} to {@value #MAX_ALPHA}, so the image shows through every tile (at least
 * {@value #SEE_THROUGH} of it at the top count). Tiles without a count (NaN: outside a
 * selection) are transparent.
 */
public final class MapTint {

	/** LUT entries used for the lowest and the highest count of the display range. */
	static final int LO_INDEX = 56, HI_INDEX = 208;

	/** Opacity of the lowest and the highest count. */
	static final double MIN_ALPHA = 0.4, MAX_ALPHA = 0.6;

	/** Share of the image that stays visible under the highest count: 1 − {@link #MAX_ALPHA}. */
	static final String SEE_THROUGH = "40 %";

	/**
	 * The whole ROI's opacity: per-pixel alphas are divided by it, so the drawn opacity is as
	 * above; an overlay saved with the input keeps this uniform opacity, as TIFF overlays keep
	 * no per-pixel alpha.
	 */
	static final double ROI_OPACITY = MAX_ALPHA;

	private MapTint() {}

	/** The position in [0,1] of {@code v} in {@code range} (clamped). */
	static double level(final double v, final double[] range) {
		if (!(range[1] > range[0])) return 0;
		return Math.max(0, Math.min(1, (v - range[0]) / (range[1] - range[0])));
	}

	/** The colour of level {@code t} in [0,1], opaque. */
	static Color colour(final LUT lut, final double t) {
		final int i = (int) Math.round(LO_INDEX + t * (HI_INDEX - LO_INDEX));
		return new Color(lut.getRed(i), lut.getGreen(i), lut.getBlue(i));
	}

	/** The opacity of level {@code t} in [0,1]. */
	static double alpha(final double t) {
		return MIN_ALPHA + t * (MAX_ALPHA - MIN_ALPHA);
	}

	/** {@code map} (counts at the input's size) as an ARGB image to draw at {@link #ROI_OPACITY}. */
	static BufferedImage image(final ImageProcessor map, final LUT lut, final double[] range) {
		final int w = map.getWidth(), h = map.getHeight();
		final int[] argb = new int[w * h];
		final int[] cache = new int[HI_INDEX + 1];
		for (int i = 0; i < argb.length; i++) {
			final float v = map.getf(i);
			if (Float.isNaN(v)) continue; // NB: 0 is fully transparent
			final int k = (int) Math.round(LO_INDEX + level(v, range) * (HI_INDEX - LO_INDEX));
			if (cache[k] == 0) {
				final double t = (k - LO_INDEX) / (double) (HI_INDEX - LO_INDEX);
				final Color c = colour(lut, t);
				final int a = (int) Math.round(255 * Math.min(1, alpha(t) / ROI_OPACITY));
				cache[k] = (a << 24) | (c.getRGB() & 0xffffff);
			}
			argb[i] = cache[k];
		}
		final BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
		bi.setRGB(0, 0, w, h, argb, 0, w);
		return bi;
	}
}
