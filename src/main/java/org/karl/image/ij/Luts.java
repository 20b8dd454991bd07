package org.karl.image.ij;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.plugin.LutLoader;
import ij.process.LUT;

import org.karl.Keys;

/**
 * The lookup tables of complexity maps: ImageJ's built-in Fire, and viridis. Viridis is Fiji's
 * {@code mpl-viridis} when its {@code luts/} folder has it; plain ImageJ has none, so it is then
 * computed from a 6th-order polynomial fit of matplotlib's viridis (max error about 1/255 per
 * channel), which keeps the option working with only the jar installed.
 */
public final class Luts {

	/** The LUT names the {@code lut=} key accepts ({@link Keys#LUTS}). */
	public static final String[] NAMES = Keys.LUTS;

	// NB: polynomial coefficients c0..c6 per channel (R, G, B), fitted to matplotlib's viridis.
	private static final double[][] VIRIDIS = { //
		{ 0.2777273272234177, 0.1050930431085774, -0.3308618287255563, -4.634230498983486,
			6.228269936347081, 4.776384997670288, -5.435455855934631 },
		{ 0.005407344544966578, 1.404613529898575, 0.214847559468213, -5.799100973351585,
			14.17993336680509, -13.74514537774601, 4.645852612178535 },
		{ 0.3340998053353061, 1.384590162594685, 0.09509516302823659, -19.33244095627987,
			56.69055260068105, -65.35303263337234, 26.3124352495832 } };

	private Luts() {}

	/** The LUT called {@code name} (fire or viridis). */
	public static LUT get(final String name) {
		final String n = name == null ? Keys.LUT_FIRE : name.trim().toLowerCase();
		if (n.equals(Keys.LUT_FIRE)) return new LUT(LutLoader.getLut("fire"), 0, 255);
		if (n.equals(Keys.LUT_VIRIDIS)) {
			final java.awt.image.IndexColorModel fiji = LutLoader.getLut("mpl-viridis");
			return fiji != null ? new LUT(fiji, 0, 255) : viridis();
		}
		throw new IllegalArgumentException("lut=" + name + " is not a known lookup table; use " +
			String.join(" or ", NAMES));
	}

	/** Refuses an unknown LUT name before any work ({@link #get}'s message). */
	public static void check(final String name) {
		get(name);
	}

	/**
	 * Gives {@code map} the LUT called {@code name} in every channel and the display range
	 * 0..{@code max} (the same in every plane, so maps compare): the map as {@code karl map}
	 * writes it and the Fiji doors show it. A map with several channels becomes a grayscale
	 * {@link CompositeImage}, which is returned; else {@code map} itself.
	 */
	public static ImagePlus apply(final ImagePlus map, final String name, final double max) {
		final LUT lut = get(name);
		final int c = map.getNChannels();
		if (c > 1) {
			final CompositeImage ci = new CompositeImage(map, IJ.GRAYSCALE);
			for (int ch = 1; ch <= c; ch++) {
				ci.setChannelLut(lut, ch);
				ci.setPositionWithoutUpdate(ch, 1, 1);
				ci.setDisplayRange(0, max);
			}
			ci.setPositionWithoutUpdate(1, 1, 1);
			return ci;
		}
		map.getProcessor().setLut(lut);
		map.setLut(lut);
		map.setDisplayRange(0, max);
		return map;
	}

	/** Viridis from the polynomial fit. */
	public static LUT viridis() {
		final byte[][] rgb = new byte[3][256];
		for (int i = 0; i < 256; i++) {
			final double t = i / 255.0;
			for (int c = 0; c < 3; c++) {
				double v = 0;
				for (int k = 6; k >= 0; k--) v = v * t + VIRIDIS[c][k];
				rgb[c][i] = (byte) Math.round(255 * Math.max(0, Math.min(1, v)));
			}
		}
		return new LUT(rgb[0], rgb[1], rgb[2]);
	}
}
