package org.karl.image.ij;

import ij.ImagePlus;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads planes for the Fiji commands like {@link Planes}, but first checks the raw pixels: a
 * plane that is all NaN, or holds ±Infinity, is refused (the fixed scaling would silently turn
 * it into a blank or clipped plane and the token count would mean nothing); isolated NaN pixels
 * are read as 0, as {@link Planes#toUnit} documents, and counted so the caller can say so; so
 * are 32-bit pixels outside [0,1], which {@link Planes#toUnit} clips ({@link #notes}).
 */
public final class PlaneReader {

	private final ImagePlus imp;
	private long nanPixels, clippedPixels;
	private float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
	/** Range of the raw 32-bit values (NaN left out), for the clipping note. */
	private float rawMin = Float.POSITIVE_INFINITY, rawMax = Float.NEGATIVE_INFINITY;

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

	/** 32-bit pixels read so far that were outside [0,1], so clipped to 0 or 1. */
	public long clippedPixels() {
		return clippedPixels;
	}

	/** The smallest and largest raw 32-bit value read so far (NaN left out); empty: ±Infinity. */
	public float[] rawRange() {
		return new float[] { rawMin, rawMax };
	}

	/**
	 * What the log or the CLI should say about the planes read so far, one line each: NaN
	 * pixels read as 0, clipped 32-bit pixels, an image with a single value.
	 */
	public List<String> notes(final String title) {
		final List<String> notes = new ArrayList<>();
		if (nanPixels > 0) notes.add(nanPixels + " NaN pixel(s) of '" + title + "' were read as 0");
		if (clippedPixels > 0) notes.add(clippedPixels + " pixel(s) of '" + title + "' are outside " +
			"[0,1] (min " + rawMin + ", max " + rawMax + ") and were clipped; 32-bit images are read " +
			"as values in [0,1]: scale them first (e.g. Process>Math>Divide...)");
		if (constant()) notes.add("every pixel of '" + title + "' has the same value, so every " +
			"tile is equally simple (the map is uniform)");
		return notes;
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
		long nan = 0, clipped = 0;
		float lo = rawMin, hi = rawMax;
		for (final float v : f) {
			if (Float.isNaN(v)) nan++;
			else if (Float.isInfinite(v)) throw new IllegalArgumentException("plane " + index +
				" (c=" + czt[0] + " z=" + czt[1] + " t=" + czt[2] + ") of '" + imp.getTitle() +
				"' holds Infinity pixels; replace them first (e.g. Process>Math>Set... on a " +
				"thresholded selection, or convert with a fixed range)");
			else {
				if (v < 0 || v > 1) clipped++;
				if (v < lo) lo = v;
				if (v > hi) hi = v;
			}
		}
		if (nan == f.length) throw new IllegalArgumentException("plane " + index + " (c=" + czt[0] +
			" z=" + czt[1] + " t=" + czt[2] + ") of '" + imp.getTitle() + "' is all NaN, so it has " +
			"no content to measure; remove that plane or fill it (Process>Math>Remove NaNs...)");
		nanPixels += nan;
		clippedPixels += clipped;
		rawMin = lo;
		rawMax = hi;
	}
}
