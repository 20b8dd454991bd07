package org.karl.image;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.karl.engine.api.TileSet;

/**
 * Generated microscopy-like fields cut into 32x32 tiles: nuclei (soft-edged ellipses with inner
 * texture and nucleoli), filaments (smooth curves), puncta, out-of-focus haze, uneven
 * illumination and camera noise (read noise plus shot noise) at several levels. Training data
 * for what users map (ε then acts as a noise tolerance), and labelled probes of nucleus and
 * background tiles for {@code karl eval}. Deterministic in the seed.
 */
public final class MicroscopyTiles {

	/** Tile edge. */
	public static final int TILE = 32;

	/** Field edge: a field is drawn whole (haze and illumination span tiles), then cut. */
	static final int FIELD = 128;

	/** Camera read-noise levels σ (in [0,1] units) that training fields draw from. */
	static final float[] NOISE_LEVELS = { 0f, 0.005f, 0.01f, 0.02f, 0.03f, 0.05f };

	/** The read-noise σ of the nucleus/background probes (a widefield camera, 12-bit-like). */
	public static final float PROBE_NOISE = 0.02f;

	private MicroscopyTiles() {}

	/** One drawn field: pixels and the nucleus mask. */
	record Field(float[] px, boolean[] nucleus) {}

	/**
	 * {@code n} tiles at random positions of random fields (each field kind, structure count,
	 * illumination and noise level drawn from the seed).
	 */
	public static TileSet training(final long seed, final int n) {
		final SplittableRandom r = new SplittableRandom(seed);
		final float[] out = new float[n * TILE * TILE];
		final int perField = 8;
		Field f = null;
		for (int i = 0; i < n; i++) {
			if (i % perField == 0) f = field(r, NOISE_LEVELS[r.nextInt(NOISE_LEVELS.length)], r.nextInt(4));
			cut(f.px(), r.nextInt(FIELD - TILE + 1), r.nextInt(FIELD - TILE + 1), out, i);
		}
		return new TileSet(n, TILE, out);
	}

	/**
	 * Labelled tiles of widefield-like nuclei fields (haze, uneven light, read noise σ
	 * {@value #PROBE_NOISE}): {@code nucleus} tiles, at least a third covered by a nucleus, and
	 * {@code background} tiles, no nucleus pixel within. {@code perGroup} of each.
	 */
	public static Map<String, TileSet> nucleiProbe(final long seed, final int perGroup) {
		final SplittableRandom r = new SplittableRandom(seed * 7 + 3);
		final float[] nuc = new float[perGroup * TILE * TILE], bg = new float[perGroup * TILE * TILE];
		int nn = 0, nb = 0;
		for (int tries = 0; (nn < perGroup || nb < perGroup) && tries < 100_000; tries++) {
			final Field f = field(r, PROBE_NOISE, 0);
			for (int k = 0; k < 16; k++) {
				final int x = r.nextInt(FIELD - TILE + 1), y = r.nextInt(FIELD - TILE + 1);
				final double cover = coverage(f.nucleus(), x, y);
				if (cover >= 1 / 3.0 && nn < perGroup) cut(f.px(), x, y, nuc, nn++);
				else if (cover == 0 && nb < perGroup) cut(f.px(), x, y, bg, nb++);
			}
		}
		final Map<String, TileSet> m = new LinkedHashMap<>();
		m.put("background", new TileSet(nb, TILE, java.util.Arrays.copyOf(bg, nb * TILE * TILE)));
		m.put("nucleus", new TileSet(nn, TILE, java.util.Arrays.copyOf(nuc, nn * TILE * TILE)));
		return m;
	}

	/** kind 0 nuclei, 1 filaments, 2 puncta, 3 all three. */
	static Field field(final SplittableRandom r, final float readNoise, final int kind) {
		final int s = FIELD;
		final float[] px = new float[s * s];
		final boolean[] nucleus = new boolean[s * s];
		final double bg = 0.02 + 0.18 * r.nextDouble();
		// haze: broad out-of-focus blobs
		final int blobs = r.nextInt(4);
		final double[][] haze = new double[blobs][];
		for (int b = 0; b < blobs; b++) haze[b] = new double[] { r.nextDouble() * s, r.nextDouble() * s,
			15 + 35 * r.nextDouble(), 0.15 * r.nextDouble() };
		for (int y = 0; y < s; y++) for (int x = 0; x < s; x++) {
			double v = bg;
			for (final double[] h : haze) v += h[3] * Math.exp(-(sq(x - h[0]) + sq(y - h[1])) / (2 * sq(h[2])));
			px[y * s + x] = (float) v;
		}
		if (kind == 0 || kind == 3) nuclei(r, px, nucleus, kind == 0 ? 2 + r.nextInt(10) : 1 + r.nextInt(5));
		if (kind == 1 || kind == 3) filaments(r, px, 1 + r.nextInt(kind == 1 ? 8 : 4));
		if (kind == 2 || kind == 3) puncta(r, px, 5 + r.nextInt(kind == 2 ? 40 : 15));
		// uneven illumination: vignetting around an off-centre point plus a linear ramp
		final double cx = s * r.nextDouble(), cy = s * r.nextDouble(), vig = 0.5 * r.nextDouble();
		final double gx = 0.3 * (r.nextDouble() - 0.5) / s, gy = 0.3 * (r.nextDouble() - 0.5) / s;
		final double shot = 0.002 * r.nextDouble(); // shot-noise variance per unit signal
		for (int y = 0; y < s; y++) for (int x = 0; x < s; x++) {
			final int i = y * s + x;
			final double light = (1 - vig * (sq(x - cx) + sq(y - cy)) / (2.0 * s * s)) *
				(1 + gx * (x - s / 2.0) + gy * (y - s / 2.0));
			double v = px[i] * light;
			final double sigma = Math.sqrt(sq(readNoise) + shot * Math.max(v, 0));
			v += sigma * gaussian(r);
			px[i] = (float) Math.min(1, Math.max(0, v));
		}
		return new Field(px, nucleus);
	}

	private static void nuclei(final SplittableRandom r, final float[] px, final boolean[] mask,
		final int count)
	{
		final int s = FIELD;
		for (int k = 0; k < count; k++) {
			final double cx = s * r.nextDouble(), cy = s * r.nextDouble();
			final double a = 6 + 12 * r.nextDouble(), b = a * (0.6 + 0.4 * r.nextDouble());
			final double th = Math.PI * r.nextDouble(), cos = Math.cos(th), sin = Math.sin(th);
			final double level = 0.25 + 0.6 * r.nextDouble(), edge = 0.7 + 1.3 * r.nextDouble();
			final double fx = 0.2 + 0.4 * r.nextDouble(), fy = 0.2 + 0.4 * r.nextDouble(), ph = 6 * r.nextDouble();
			final int spots = r.nextInt(4);
			final double[][] nucleoli = new double[spots][];
			for (int q = 0; q < spots; q++) nucleoli[q] = new double[] { cx + 0.5 * a * (r.nextDouble() - 0.5),
				cy + 0.5 * b * (r.nextDouble() - 0.5), 1 + 1.5 * r.nextDouble() };
			final int r0 = (int) Math.ceil(a + 4 * edge);
			for (int y = (int) cy - r0; y <= cy + r0; y++) for (int x = (int) cx - r0; x <= cx + r0; x++) {
				if (x < 0 || y < 0 || x >= s || y >= s) continue;
				final double u = ((x - cx) * cos + (y - cy) * sin) / a, v = (-(x - cx) * sin + (y - cy) * cos) / b;
				final double d = (Math.sqrt(u * u + v * v) - 1) * Math.min(a, b); // ≈ pixels outside the rim
				final double inside = 1 / (1 + Math.exp(d / edge * 2));
				if (inside < 1e-3) continue;
				double tex = 1 + 0.12 * Math.sin(fx * x + ph) * Math.cos(fy * y - ph);
				for (final double[] n : nucleoli) tex += 0.4 * Math.exp(-(sq(x - n[0]) + sq(y - n[1])) / (2 * sq(n[2])));
				px[y * s + x] += (float) (level * inside * tex);
				if (inside > 0.5) mask[y * s + x] = true;
			}
		}
	}

	private static void filaments(final SplittableRandom r, final float[] px, final int count) {
		final int s = FIELD;
		for (int k = 0; k < count; k++) {
			double x = s * r.nextDouble(), y = s * r.nextDouble(), dir = 2 * Math.PI * r.nextDouble();
			final double level = 0.15 + 0.5 * r.nextDouble(), w = 0.6 + 0.9 * r.nextDouble();
			final int len = 60 + r.nextInt(200);
			for (int t = 0; t < len; t++) {
				dir += 0.15 * gaussian(r);
				x += Math.cos(dir);
				y += Math.sin(dir);
				stamp(px, x, y, w, level * 0.5);
			}
		}
	}

	private static void puncta(final SplittableRandom r, final float[] px, final int count) {
		for (int k = 0; k < count; k++)
			stamp(px, FIELD * r.nextDouble(), FIELD * r.nextDouble(), 0.8 + 1.2 * r.nextDouble(),
				0.2 + 0.6 * r.nextDouble());
	}

	/** Adds a Gaussian spot of peak {@code level} and width σ at (x, y). */
	private static void stamp(final float[] px, final double x, final double y, final double sigma,
		final double level)
	{
		final int s = FIELD, rad = (int) Math.ceil(3 * sigma);
		for (int j = (int) y - rad; j <= y + rad; j++) for (int i = (int) x - rad; i <= x + rad; i++) {
			if (i < 0 || j < 0 || i >= s || j >= s) continue;
			px[j * s + i] += (float) (level * Math.exp(-(sq(i - x) + sq(j - y)) / (2 * sq(sigma))));
		}
	}

	private static double coverage(final boolean[] mask, final int x0, final int y0) {
		int c = 0;
		for (int y = 0; y < TILE; y++) for (int x = 0; x < TILE; x++) if (mask[(y0 + y) * FIELD + x0 + x]) c++;
		return c / (double) (TILE * TILE);
	}

	private static void cut(final float[] field, final int x0, final int y0, final float[] out, final int i) {
		for (int y = 0; y < TILE; y++)
			System.arraycopy(field, (y0 + y) * FIELD + x0, out, (i * TILE + y) * TILE, TILE);
	}

	private static double gaussian(final SplittableRandom r) {
		// Box-Muller; SplittableRandom has no nextGaussian before Java 17's RandomGenerator default
		final double u = 1 - r.nextDouble(), v = r.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	private static double sq(final double v) {
		return v * v;
	}
}
