package org.karl.testing;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import java.util.SplittableRandom;

/**
 * The noisy-flat tile set where the shipped model's single pass under-reports: an
 * 8-bit image of 32×32 tiles, each a flat background (0.15–0.7 of the range) plus Gaussian noise
 * (σ 0.08–0.15 of the range), clipped; seeded, so every door sees the same pixels. Read it with
 * normalize=range (0..255 as 0..1), as a user with 8-bit data would map them.
 */
public final class NoisyFlat {

	/** Tile edge in pixels. */
	public static final int TILE = 32;

	private NoisyFlat() {}

	/** {@code tilesX × tilesY} tiles, background and σ drawn per tile from fixed ranges. */
	public static ImagePlus image(final String title, final int tilesX, final int tilesY,
		final long seed)
	{
		return image(title, tilesX, tilesY, Double.NaN, seed);
	}

	/** As above with every tile's σ {@code sigma} ([0,1] units); NaN draws it per tile. */
	public static ImagePlus image(final String title, final int tilesX, final int tilesY,
		final double sigma, final long seed)
	{
		final int w = tilesX * TILE, h = tilesY * TILE;
		final byte[] px = new byte[w * h];
		final SplittableRandom r = new SplittableRandom(seed);
		for (int ty = 0; ty < tilesY; ty++)
			for (int tx = 0; tx < tilesX; tx++) {
				final double bg = 0.15 + 0.55 * r.nextDouble();
				final double s = Double.isNaN(sigma) ? 0.08 + 0.07 * r.nextDouble() : sigma;
				for (int y = ty * TILE; y < (ty + 1) * TILE; y++)
					for (int x = tx * TILE; x < (tx + 1) * TILE; x++)
						px[y * w + x] = (byte) Math.max(0, Math.min(255, Math.round(255 * (bg + s * gaussian(
							r)))));
			}
		return new ImagePlus(title, new ByteProcessor(w, h, px));
	}

	/** A standard normal draw (Box–Muller). */
	private static double gaussian(final SplittableRandom r) {
		return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
	}
}
