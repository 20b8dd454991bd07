package org.karl.image.ij;

import ij.ImagePlus;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the planes of an image for every door, one at a time, as floats in [0,1] by a
 * {@link Normalization} (the one rule: percentiles per plane by default). It first checks the
 * raw pixels: a plane that is all NaN, or holds ±Infinity, is refused (it would silently become
 * a blank or clipped plane and the token count would mean nothing); isolated NaN pixels are read
 * as 0 and counted so the caller can say so; so are pixels outside a fixed range, which are
 * clipped ({@link #notes}). Values are ImageJ's (a signed 16-bit image's signed values, see
 * {@link Normalization#offset}) in the bounds, the notes and the rows.
 */
public final class PlaneReader {

	private final ImagePlus imp;
	private final Normalization norm;
	/** Added to stored numbers to give values: a signed 16-bit image's calibration. */
	private final double offset;
	private double[] stackBounds, lastBounds;
	private long nanPixels, clippedPixels;
	private float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
	/** Planes whose scaled range is mostly noise ({@link NoiseRange}), stack order. */
	private final List<NoiseRange.Finding> noisy = new ArrayList<>();
	private int planesRead;
	/** Range of the raw 32-bit values (NaN left out), for the clipping note. */
	private float rawMin = Float.POSITIVE_INFINITY, rawMax = Float.NEGATIVE_INFINITY;

	/** Reads with the default normalisation ({@link Normalization#DEFAULT}). */
	public PlaneReader(final ImagePlus imp) {
		this(imp, Normalization.DEFAULT);
	}

	public PlaneReader(final ImagePlus imp, final Normalization norm) {
		this.imp = imp;
		this.norm = norm;
		this.offset = Normalization.offset(imp);
	}

	/** The normalisation in use. */
	public Normalization normalization() {
		return norm;
	}

	/** The raw values read as 0 and 1 for the last plane read. */
	public double[] lastBounds() {
		return lastBounds.clone();
	}

	/** Plane {@code index} (1-based stack index), checked and converted to [0,1]. */
	public Plane read(final int index) {
		final ImageProcessor ip = imp.getStackSize() == 1 ? imp.getProcessor() : imp.getStack()
			.getProcessor(index);
		final int[] czt = imp.convertIndexToPosition(index);
		if (ip instanceof FloatProcessor) check((float[]) ip.getPixels(), index, czt);
		if (norm.perStack() && stackBounds == null) stackBounds = imp.getStackSize() == 1 ? norm
			.bounds(ip, offset) : norm.bounds(imp.getStack(), offset);
		final double[] b = stackBounds != null ? stackBounds : norm.bounds(ip, offset);
		lastBounds = b;
		if (!norm.mode().equals(Normalization.PERCENTILE)) countClipped(ip, b);
		else {
			// NB: only percentiles adapt to the data; a fixed range is the user's own choice
			final NoiseRange.Finding f = NoiseRange.check(ip, index, b);
			if (f != null) noisy.add(f);
		}
		planesRead++;
		final float[] px = Normalization.apply(ip, b, offset);
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

	/** Pixels read so far that were outside a fixed range, so clipped to 0 or 1. */
	public long clippedPixels() {
		return clippedPixels;
	}

	/** The smallest and largest raw 32-bit value read so far (NaN left out); empty: ±Infinity. */
	public float[] rawRange() {
		return new float[] { rawMin, rawMax };
	}

	/** The planes read so far whose scaled range spans few noise σ ({@link NoiseRange}). */
	public List<NoiseRange.Finding> noisyPlanes() {
		return List.copyOf(noisy);
	}

	/**
	 * What the log or the CLI should say about the planes read so far, one line each: NaN
	 * pixels read as 0, clipped 32-bit pixels, an image with a single value, planes whose
	 * percentile range is mostly noise.
	 */
	public List<String> notes(final String title) {
		final List<String> notes = new ArrayList<>();
		if (nanPixels > 0) notes.add(nanPixels + " NaN pixel(s) of '" + title + "' were read as 0");
		if (clippedPixels > 0) notes.add(clippedPixels + " pixel(s) of '" + title + "' are outside " +
			"the range read as [0,1] (" + clipLo + ".." + clipHi + "; raw min " + rawMin + ", max " +
			rawMax + ") and were clipped; use normalize=percentile, or give range_min and range_max " +
			"that cover the data");
		if (constant()) notes.add("every pixel of '" + title + "' has the same value, so every " +
			"tile is equally simple (the map is uniform)");
		else if (!noisy.isEmpty()) notes.add(NoiseRange.line(title, noisy, planesRead));
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

	private double clipLo, clipHi;

	private void countClipped(final ImageProcessor ip, final double[] b) {
		final int n = ip.getWidth() * ip.getHeight();
		long c = 0;
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < n; i++) {
			final double v = Normalization.raw(ip, i) + offset;
			if (v < b[0] || v > b[1]) c++;
			if (!(ip instanceof FloatProcessor)) {
				if (v < lo) lo = v;
				if (v > hi) hi = v;
			}
		}
		if (!(ip instanceof FloatProcessor) && n > 0) {
			rawMin = (float) Math.min(rawMin, lo);
			rawMax = (float) Math.max(rawMax, hi);
		}
		clippedPixels += c;
		clipLo = b[0];
		clipHi = b[1];
	}

	private void check(final float[] f, final int index, final int[] czt) {
		long nan = 0;
		float lo = rawMin, hi = rawMax;
		for (final float v : f) {
			if (Float.isNaN(v)) nan++;
			else if (Float.isInfinite(v)) throw new IllegalArgumentException("plane " + index +
				" (c=" + czt[0] + " z=" + czt[1] + " t=" + czt[2] + ") of '" + imp.getTitle() +
				"' holds Infinity pixels; replace them first (e.g. Process>Math>Set... on a " +
				"thresholded selection, or convert with a fixed range)");
			else {
				if (v < lo) lo = v;
				if (v > hi) hi = v;
			}
		}
		if (nan == f.length) throw new IllegalArgumentException("plane " + index + " (c=" + czt[0] +
			" z=" + czt[1] + " t=" + czt[2] + ") of '" + imp.getTitle() + "' is all NaN, so it has " +
			"no content to measure; remove that plane or fill it (Process>Math>Remove NaNs...)");
		nanPixels += nan;
		rawMin = lo;
		rawMax = hi;
	}
}
