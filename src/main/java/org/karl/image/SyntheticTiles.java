package org.karl.image;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.karl.engine.api.TileSet;

/**
 * Seeded generators of {@value #TILE}x{@value #TILE} tiles in [0,1] whose complexity is known
 * by construction: blank &lt; smooth &lt; shapes(k) (growing with k) &lt; noise. They exist for
 * tests and for evaluating whether token counts follow complexity, without downloaded data.
 * Every method is deterministic in its seed.
 */
public final class SyntheticTiles {

	/** Tile edge of every generator. */
	public static final int TILE = 32;

	/** The shape counts k of the {@code shapes_k} groups of {@link #probe}. */
	public static final int[] PROBE_SHAPE_COUNTS = { 1, 2, 4, 8, 16 };

	/** Largest k that {@link #mixed} draws for its shapes tiles. */
	public static final int MIXED_MAX_SHAPES = 16;

	// NB: a shape must differ this much from the background, or it may be invisible.
	private static final float MIN_CONTRAST = 0.1f;

	private SyntheticTiles() {}

	/** {@code n} constant tiles, each at a uniform random level. */
	public static TileSet blank(final long seed, final int n) {
		return generate(seed, n, (r, t, o) -> blank(r, t, o));
	}

	/** {@code n} tiles with a linear (random direction) or radial gradient between two levels. */
	public static TileSet smooth(final long seed, final int n) {
		return generate(seed, n, (r, t, o) -> smooth(r, t, o));
	}

	/** {@code n} tiles of {@code k} filled rectangles or ellipses on a random background. */
	public static TileSet shapes(final long seed, final int n, final int k) {
		if (k < 1) throw new IllegalArgumentException("SyntheticTiles: k = " + k +
			" shapes; use k >= 1");
		return generate(seed, n, (r, t, o) -> shapes(r, t, o, k));
	}

	/** {@code n} tiles of i.i.d. uniform noise. */
	public static TileSet noise(final long seed, final int n) {
		return generate(seed, n, (r, t, o) -> noise(r, t, o));
	}

	/** Largest noise σ ([0,1] units) of {@link #noisyFlat}. */
	public static final float NOISY_FLAT_MAX_SIGMA = 0.3f;

	/**
	 * {@code n} flat backgrounds (level uniform in [0.05, 0.95]) under camera-like noise: half
	 * Gaussian, half Poisson (shot noise, photon scale set so the level's σ is the drawn one), σ
	 * uniform in [0.01, {@value #NOISY_FLAT_MAX_SIGMA}], clipped to [0,1]. A flat field gets no
	 * simpler as its noise grows: these teach the count that.
	 */
	public static TileSet noisyFlat(final long seed, final int n) {
		return generate(seed, n, (r, t, o) -> noisyFlat(r, t, o));
	}

	/**
	 * {@code n} tiles, each of a kind drawn uniformly from blank, smooth, shapes(k) and noise,
	 * with k uniform in [1, {@value #MIXED_MAX_SHAPES}].
	 */
	public static TileSet mixed(final long seed, final int n) {
		return generate(seed, n, (r, t, o) -> {
			switch (r.nextInt(4)) {
				case 0 -> blank(r, t, o);
				case 1 -> smooth(r, t, o);
				case 2 -> shapes(r, t, o, 1 + r.nextInt(MIXED_MAX_SHAPES));
				default -> noise(r, t, o);
			}
		});
	}

	/**
	 * Labelled groups of {@code perGroup} tiles, in ascending order of complexity: blank,
	 * smooth, shapes_k for each k of {@link #PROBE_SHAPE_COUNTS}, noise. Each group has its own
	 * seed derived from {@code seed}, so a group does not change when others are added.
	 */
	public static Map<String, TileSet> probe(final long seed, final int perGroup) {
		final Map<String, TileSet> groups = new LinkedHashMap<>();
		groups.put("blank", blank(groupSeed(seed, 0), perGroup));
		groups.put("smooth", smooth(groupSeed(seed, 1), perGroup));
		for (final int k : PROBE_SHAPE_COUNTS)
			groups.put("shapes_" + k, shapes(groupSeed(seed, 100 + k), perGroup, k));
		groups.put("noise", noise(groupSeed(seed, 2), perGroup));
		return groups;
	}

	// -- Painters: fill t[o .. o + TILE*TILE) --

	private interface Painter {

		void paint(Random r, float[] t, int o);
	}

	private static TileSet generate(final long seed, final int n, final Painter painter) {
		if (n < 0) throw new IllegalArgumentException("SyntheticTiles: n = " + n +
			" tiles; use n >= 0");
		final Random r = new Random(seed);
		final float[] t = new float[n * TILE * TILE];
		for (int i = 0; i < n; i++)
			painter.paint(r, t, i * TILE * TILE);
		return new TileSet(n, TILE, t);
	}

	private static void blank(final Random r, final float[] t, final int o) {
		final float level = r.nextFloat();
		for (int j = 0; j < TILE * TILE; j++)
			t[o + j] = level;
	}

	private static void smooth(final Random r, final float[] t, final int o) {
		final float lo = r.nextFloat(), hi = r.nextFloat();
		final boolean radial = r.nextBoolean();
		final double angle = 2 * Math.PI * r.nextDouble();
		final double dx = Math.cos(angle), dy = Math.sin(angle);
		final double cx = TILE * r.nextDouble(), cy = TILE * r.nextDouble();
		final double radius = TILE * (0.5 + r.nextDouble());
		// NB: projections of the tile's corners on (dx, dy) span [pMin, pMax], so that a linear
		// gradient uses the full [lo, hi] range whatever its direction.
		final double pMin = Math.min(0, dx * (TILE - 1)) + Math.min(0, dy * (TILE - 1));
		final double pMax = Math.max(0, dx * (TILE - 1)) + Math.max(0, dy * (TILE - 1));
		for (int y = 0; y < TILE; y++)
			for (int x = 0; x < TILE; x++) {
				final double f = radial ? Math.min(1, Math.hypot(x - cx, y - cy) / radius) : (dx * x +
					dy * y - pMin) / (pMax - pMin);
				t[o + y * TILE + x] = (float) (lo + (hi - lo) * f);
			}
	}

	private static void shapes(final Random r, final float[] t, final int o, final int k) {
		final float background = r.nextFloat();
		for (int j = 0; j < TILE * TILE; j++)
			t[o + j] = background;
		for (int s = 0; s < k; s++) {
			float level;
			do
				level = r.nextFloat();
			while (Math.abs(level - background) < MIN_CONTRAST);
			final int w = 3 + r.nextInt(TILE / 2), h = 3 + r.nextInt(TILE / 2);
			final int x0 = r.nextInt(TILE - w + 1), y0 = r.nextInt(TILE - h + 1);
			if (r.nextBoolean()) rectangle(t, o, x0, y0, w, h, level);
			else ellipse(t, o, x0, y0, w, h, level);
		}
	}

	private static void rectangle(final float[] t, final int o, final int x0, final int y0,
		final int w, final int h, final float level)
	{
		for (int y = y0; y < y0 + h; y++)
			for (int x = x0; x < x0 + w; x++)
				t[o + y * TILE + x] = level;
	}

	/** The ellipse inscribed in the box; a pixel is inside when its centre is. */
	private static void ellipse(final float[] t, final int o, final int x0, final int y0,
		final int w, final int h, final float level)
	{
		final double cx = x0 + w / 2.0, cy = y0 + h / 2.0, rx = w / 2.0, ry = h / 2.0;
		for (int y = y0; y < y0 + h; y++)
			for (int x = x0; x < x0 + w; x++) {
				final double u = (x + 0.5 - cx) / rx, v = (y + 0.5 - cy) / ry;
				if (u * u + v * v <= 1) t[o + y * TILE + x] = level;
			}
	}

	private static void noise(final Random r, final float[] t, final int o) {
		for (int j = 0; j < TILE * TILE; j++)
			t[o + j] = r.nextFloat();
	}

	private static void noisyFlat(final Random r, final float[] t, final int o) {
		final float level = 0.05f + 0.9f * r.nextFloat();
		final float sigma = 0.01f + (NOISY_FLAT_MAX_SIGMA - 0.01f) * r.nextFloat();
		final boolean poisson = r.nextBoolean();
		final double photons = level / ((double) sigma * sigma); // Poisson: var = level / scale
		for (int j = 0; j < TILE * TILE; j++) {
			final double v = poisson ? poisson(r, level * photons) / photons : level + sigma * r
				.nextGaussian();
			t[o + j] = (float) Math.min(1, Math.max(0, v));
		}
	}

	/** A Poisson draw: Knuth's product method for small means, the normal approximation above 30. */
	private static double poisson(final Random r, final double mean) {
		if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * r.nextGaussian()));
		final double limit = Math.exp(-mean);
		int k = 0;
		for (double p = r.nextDouble(); p > limit; p *= r.nextDouble()) k++;
		return k;
	}

	private static long groupSeed(final long seed, final int group) {
		return seed * 0x9E3779B97F4A7C15L + group;
	}
}
