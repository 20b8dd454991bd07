package org.karl.image.ij;

import ij.ImagePlus;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

/**
 * Reads planes for the Fiji commands like {@link Planes}, but first checks the raw pixels: a
 * plane that is all NaN, or holds ±Infinity, is refused (the fixed scaling would silently turn
 * it into a blank or clipped plane and the token count would mean nothing); isolated NaN pixels
 * are read as 0, as {@link Planes#toUnit} documents, and counted so the caller can say so.
 */
public final class PlaneReader {

	private final ImagePlus imp;
	private long nanPixels;
	private float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;

	public PlaneReader(final ImagePlus imp) {
		this.imp = imp;
	}

	/** Plane {@code index} (1-based stack index), checked and converted to [0,1]. */
	public Plane read(final int index) {
		final ImageProcessor ip = imp.getStackSize() == 1 ? imp.getProcessor() : imp.getStack()
			.getProcessor(index);
		final int[] czt = imp.convertIndexToPosition(index);
		if (ip instanceof FloatProcessor) check((float[]) ip.getPixels(), index, czt);
		final float[] px = Planes.toUnit(ip);
		for (final float v : px) {
			if (v < min) min = v;
			if (v > max) max = v;
		}
		return new Plane(index, czt[0], czt[1], czt[2], ip.getWidth(), ip.getHeight(), px);
	}

	/** NaN pixels read as 0 so far. */
	public long nanPixels() {
		return nanPixels;
	}

	/** True when every pixel read so far had the same value (after scaling). */
	public boolean constant() {
		return min == max;
	}

	/** The smallest and largest scaled value read so far. */
	public float[] range() {
		return new float[] { min, max };
	}

	private void check(final float[] f, final int index, final int[] czt) {
		long nan = 0;
		for (final float v : f) {
			if (Float.isNaN(v)) nan++;
			else if (Float.isInfinite(v)) throw new IllegalArgumentException("plane " + index +
				" (c=" + czt[0] + " z=" + czt[1] + " t=" + czt[2] + ") of '" + imp.getTitle() +
				"' holds Infinity pixels; replace them first (e.g. Process>Math>Set... on a " +
				"thresholded selection, or convert with a fixed range)");
		}
		if (nan == f.length) throw new IllegalArgumentException("plane " + index + " (c=" + czt[0] +
			" z=" + czt[1] + " t=" + czt[2] + ") of '" + imp.getTitle() + "' is all NaN, so it has " +
			"no content to measure; remove that plane or fill it (Process>Math>Remove NaNs...)");
		nanPixels += nan;
	}
}
