package org.karl.image.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import java.util.Arrays;
import java.util.Locale;

/**
 * How raw pixel values become the [0,1] values the model reads: the one rule for every door
 * (Fiji, CLI, training), applied by {@link PlaneReader}. Each plane is mapped linearly so that
 * {@code lo → 0} and {@code hi → 1}, then clipped to [0,1]:
 * <ul>
 * <li>{@value #PERCENTILE} (default, as StarDist and CSBDeep do): {@code lo, hi} are the
 * {@code low}-th and {@code high}-th percentiles (1 and 99.8) of each plane, or of the whole
 * stack with scope {@value #STACK} (so planes of a time-lapse compare). 12-bit data in a 16-bit
 * image and 32-bit raw counts then use the whole [0,1] range, as the training images did;</li>
 * <li>{@value #RANGE}: fixed {@code lo, hi}: the given {@code min, max}, or else the type's range
 * (8-bit 0..255, 16-bit 0..65535, 32-bit 0..1, RGB luminance 0..255): a value means the same in
 * every image;</li>
 * <li>{@value #NONE}: no rescaling: 32-bit values are taken as they are (data already in [0,1]);
 * 8/16-bit and RGB by their type's range.</li>
 * </ul>
 * RGB planes are read as luminance {@code 0.299 r + 0.587 g + 0.114 b}. A plane whose {@code lo}
 * and {@code hi} are equal (a constant plane) reads as 0. Signed 16-bit images are read as their
 * signed values, through ImageJ's calibration ({@link #offset}): their type's range is
 * -32768..32767.
 *
 * @param mode {@value #PERCENTILE}, {@value #RANGE} or {@value #NONE}
 * @param low lower percentile in [0,100) (percentile mode)
 * @param high upper percentile in (low, 100] (percentile mode)
 * @param scope {@value #PLANE} or {@value #STACK} (percentile mode)
 * @param min raw value read as 0 (range mode; NaN: the type's)
 * @param max raw value read as 1 (range mode; NaN: the type's)
 */
public record Normalization(String mode, double low, double high, String scope, double min,
	double max) implements java.io.Serializable
{

	public static final String PERCENTILE = "percentile", RANGE = "range", NONE = "none";
	public static final String PLANE = "plane", STACK = "stack";
	public static final double DEFAULT_LOW = 1, DEFAULT_HIGH = 99.8;

	/** Values of the {@code normalize} key. */
	public static final String[] MODES = { PERCENTILE, RANGE, NONE };

	/** Values of the {@code normalize_scope} key. */
	public static final String[] SCOPES = { PLANE, STACK };

	/** Most samples per percentile estimate of a 32-bit or RGB plane (integer types are exact). */
	static final int SAMPLES = 1 << 20;

	/** The default: percentiles 1 and 99.8 of each plane. */
	public static final Normalization DEFAULT = new Normalization(PERCENTILE, DEFAULT_LOW,
		DEFAULT_HIGH, PLANE, Double.NaN, Double.NaN);

	/** The type's range. */
	public static final Normalization TYPE_RANGE = new Normalization(RANGE, DEFAULT_LOW, DEFAULT_HIGH,
		PLANE, Double.NaN, Double.NaN);

	public Normalization {
		mode = mode == null ? PERCENTILE : mode.trim().toLowerCase(Locale.ROOT);
		scope = scope == null ? PLANE : scope.trim().toLowerCase(Locale.ROOT);
		if (!Arrays.asList(MODES).contains(mode)) throw new IllegalArgumentException("normalize=" +
			mode + " is not known; use percentile (per-image percentiles, the default), range " +
			"(fixed min and max) or none (32-bit data already in [0,1])");
		if (!scope.equals(PLANE) && !scope.equals(STACK)) throw new IllegalArgumentException(
			"normalize_scope=" + scope + " is not known; use plane or stack");
		if (mode.equals(PERCENTILE) && !(low >= 0 && low < high && high <= 100))
			throw new IllegalArgumentException("percentiles " + low + " and " + high + " must satisfy " +
				"0 <= low < high <= 100; e.g. 1 and 99.8");
		if (mode.equals(RANGE) && (Double.isNaN(min) != Double.isNaN(max) || (!Double.isNaN(min) &&
			!(max > min)))) throw new IllegalArgumentException("range " + min + ".." + max +
				" needs both range_min and range_max, with range_max > range_min");
	}

	/**
	 * From the keys of every door ({@code normalize, percentile_low, percentile_high,
	 * normalize_scope, range_min, range_max}); a blank range bound means the pixel type's.
	 */
	public static Normalization of(final String mode, final double low, final double high,
		final String scope, final String min, final String max)
	{
		final Normalization n = new Normalization(mode, low, high, scope, number(
			org.karl.Keys.KEY_RANGE_MIN, min), number(org.karl.Keys.KEY_RANGE_MAX, max));
		n.refuseUnused();
		return n;
	}

	/**
	 * The one rule for keys of another mode: refused, never ignored silently (nor do they imply a
	 * mode). A range given without normalize=range, or percentiles or a scope other than the
	 * defaults without normalize=percentile, would otherwise be dropped.
	 */
	private void refuseUnused() {
		final String k = org.karl.Keys.KEY_NORMALIZE + "=";
		if (!mode.equals(RANGE) && !(Double.isNaN(min) && Double.isNaN(max)))
			throw new IllegalArgumentException("range_min and range_max are read only with " + k +
				RANGE + ", not with " + k + mode + "; add " + k + RANGE + ", or leave them out");
		if (!mode.equals(PERCENTILE) && (low != DEFAULT_LOW || high != DEFAULT_HIGH || !scope.equals(
			PLANE))) throw new IllegalArgumentException("percentile_low, percentile_high and " +
				"normalize_scope are read only with " + k + PERCENTILE + ", not with " + k + mode +
				"; use " + k + PERCENTILE + ", or leave them at their defaults");
	}

	private static double number(final String key, final String v) {
		if (v == null || v.isBlank()) return Double.NaN;
		try {
			return Double.parseDouble(v.trim());
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException(key + "=" + v + " is not a number; give the raw value, " +
				"or leave it empty for the pixel type's range");
		}
	}

	/** One line for logs, tables and cards, e.g. "percentile 1-99.8 per plane". */
	public String describe() {
		return switch (mode) {
			case PERCENTILE -> String.format(Locale.ROOT, "percentile %s-%s per %s", num(low), num(high),
				scope);
			case RANGE -> Double.isNaN(min) ? "range of the pixel type" : "range " + num(min) + ".." +
				num(max);
			default -> "none (32-bit values as they are)";
		};
	}

	/** True when percentiles of the whole stack are needed before the first plane. */
	public boolean perStack() {
		return mode.equals(PERCENTILE) && scope.equals(STACK);
	}

	/** The raw values mapped to 0 and 1 for plane {@code ip} (percentiles of that plane). */
	public double[] bounds(final ImageProcessor ip) {
		return bounds(ip, 0);
	}

	/**
	 * As {@link #bounds(ImageProcessor)} for a plane whose values are its stored numbers plus
	 * {@code offset} ({@link #offset}: a signed 16-bit image's calibration); bounds are values.
	 */
	public double[] bounds(final ImageProcessor ip, final double offset) {
		if (mode.equals(PERCENTILE)) return percentiles(1, i -> ip, offset);
		if (mode.equals(RANGE) && !Double.isNaN(min)) return new double[] { min, max };
		if (ip instanceof ShortProcessor) return new double[] { offset, 65535 + offset };
		if (ip instanceof FloatProcessor) return new double[] { 0, 1 };
		return new double[] { 0, 255 }; // 8-bit, RGB luminance
	}

	/**
	 * The raw values mapped to 0 and 1 for every plane of {@code stack} (scope stack). Planes
	 * are read one at a time, so a virtual stack is never held in memory.
	 */
	public double[] bounds(final ImageStack stack) {
		return bounds(stack, 0);
	}

	/** As {@link #bounds(ImageStack)} with values = stored numbers + {@code offset}. */
	public double[] bounds(final ImageStack stack, final double offset) {
		return percentiles(stack.getSize(), i -> stack.getProcessor(i + 1), offset);
	}

	/**
	 * What ImageJ's calibration adds to the stored numbers of {@code imp} to give its values:
	 * -32768 for a signed 16-bit image (ImageJ stores it shifted into 0..65535, with a calibration
	 * that shifts it back, so that it shows, measures and saves the signed values), else 0.
	 * Percentiles, fixed ranges, the type's range, norm_low and norm_high and notes are all in
	 * these values, so a signed image and its unsigned twin with the matching range give the same
	 * map.
	 */
	public static double offset(final ImagePlus imp) {
		return imp != null && imp.getBitDepth() == 16 && imp.getCalibration().isSigned16Bit()
			? -32768 : 0;
	}

	/** {@code ip} as floats in [0,1] with the bounds {@code b}; NaN reads as 0. */
	public static float[] apply(final ImageProcessor ip, final double[] b) {
		return apply(ip, b, 0);
	}

	/** As {@link #apply(ImageProcessor, double[])} with values = stored numbers + {@code offset}. */
	public static float[] apply(final ImageProcessor ip, final double[] b, final double offset) {
		final int n = ip.getWidth() * ip.getHeight();
		final float[] out = new float[n];
		final double lo = b[0] - offset, span = b[1] - b[0];
		if (!(span > 0)) return out; // a constant plane
		final double scale = 1 / span;
		for (int i = 0; i < n; i++) {
			final double v = (raw(ip, i) - lo) * scale;
			out[i] = v >= 0 ? (float) Math.min(v, 1) : 0f; // NB: NaN fails ">= 0" and becomes 0
		}
		return out;
	}

	/** The raw value of pixel {@code i}: the stored number, or RGB luminance. */
	static double raw(final ImageProcessor ip, final int i) {
		if (ip instanceof ByteProcessor) return ((byte[]) ip.getPixels())[i] & 0xff;
		if (ip instanceof ShortProcessor) return ((short[]) ip.getPixels())[i] & 0xffff;
		if (ip instanceof FloatProcessor) return ((float[]) ip.getPixels())[i];
		if (ip instanceof ColorProcessor) {
			final int c = ((int[]) ip.getPixels())[i];
			return Planes.LUMA[0] * ((c >> 16) & 0xff) + Planes.LUMA[1] * ((c >> 8) & 0xff) + Planes.LUMA[
				2] * (c & 0xff);
		}
		throw new IllegalArgumentException("unsupported processor " + ip.getClass().getName() +
			"; convert the image to 8-, 16-, 32-bit or RGB first");
	}

	/**
	 * The {@code low}-th and {@code high}-th percentiles (linear interpolation between ranks, as
	 * numpy's default) over all pixels of {@code n} planes, each read once: exact from a
	 * histogram for 8- and 16-bit, from an even sample of at most about {@value #SAMPLES} finite
	 * values otherwise.
	 */
	double[] percentiles(final int n, final java.util.function.IntFunction<ImageProcessor> planes) {
		return percentiles(n, planes, 0);
	}

	/** As above, in values = stored numbers + {@code offset} (interpolated between values). */
	double[] percentiles(final int n, final java.util.function.IntFunction<ImageProcessor> planes,
		final double offset)
	{
		final ImageProcessor first = planes.apply(0);
		if (first instanceof ByteProcessor || first instanceof ShortProcessor) {
			final long[] hist = new long[first instanceof ByteProcessor ? 256 : 65536];
			for (int k = 0; k < n; k++) {
				final ImageProcessor ip = k == 0 ? first : planes.apply(k);
				final int px = ip.getWidth() * ip.getHeight();
				for (int i = 0; i < px; i++) hist[(int) raw(ip, i)]++;
			}
			return new double[] { fromHistogram(hist, low, offset), fromHistogram(hist, high, offset) };
		}
		final long total = (long) n * first.getWidth() * first.getHeight();
		final long stride = Math.max(1, total / SAMPLES);
		double[] sample = new double[(int) Math.min(total, SAMPLES + n + 1L)];
		int m = 0;
		long index = 0;
		for (int k = 0; k < n; k++) {
			final ImageProcessor ip = k == 0 ? first : planes.apply(k);
			final int px = ip.getWidth() * ip.getHeight();
			for (long i = (stride - index % stride) % stride; i < px; i += stride) {
				final double v = raw(ip, (int) i);
				if (!Double.isFinite(v)) continue;
				if (m == sample.length) sample = Arrays.copyOf(sample, m * 2);
				sample[m++] = v;
			}
			index += px;
		}
		if (m == 0) return new double[] { 0, 0 };
		final double[] s = Arrays.copyOf(sample, m);
		Arrays.sort(s);
		return new double[] { fromSorted(s, low), fromSorted(s, high) };
	}

	static double fromSorted(final double[] s, final double p) {
		final double rank = p / 100 * (s.length - 1);
		final int i = (int) Math.floor(rank);
		final int j = Math.min(i + 1, s.length - 1);
		return s[i] + (rank - i) * (s[j] - s[i]);
	}

	static double fromHistogram(final long[] hist, final double p) {
		return fromHistogram(hist, p, 0);
	}

	/** The percentile of the values {@code bin + offset} counted in {@code hist}. */
	static double fromHistogram(final long[] hist, final double p, final double offset) {
		long n = 0;
		for (final long h : hist) n += h;
		if (n == 0) return offset;
		final double rank = p / 100 * (n - 1);
		final long i = (long) Math.floor(rank);
		final double vi = valueAtRank(hist, i) + offset, vj = valueAtRank(hist, Math.min(i + 1, n - 1)) +
			offset;
		return vi + (rank - i) * (vj - vi);
	}

	private static double valueAtRank(final long[] hist, final long rank) {
		long seen = 0;
		for (int v = 0; v < hist.length; v++) {
			seen += hist[v];
			if (seen > rank) return v;
		}
		return hist.length - 1;
	}

	private static String num(final double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
	}
}
