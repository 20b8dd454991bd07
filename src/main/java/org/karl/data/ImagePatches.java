package org.karl.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.karl.engine.api.TileSet;
import org.karl.image.ij.ImageFiles;
import org.karl.image.ij.Plane;
import org.karl.image.ij.Planes;

/**
 * Random square patches of natural images, at several scales, as tiles in [0,1]. Images are
 * read with ImageJ and converted with the fixed scaling of {@link Planes} (8-bit /255, 16-bit
 * /65535, 32-bit clipped, RGB to luminance), so patch values mean what they mean at inference.
 * <p>
 * Each plane of each image is downscaled by each factor (area averaging), and from each scaled
 * plane {@code round(coverage * area / tileSize^2)} patches are drawn at uniform random
 * positions, so on average each pixel is covered {@code coverage} times. A scaled plane smaller
 * than a tile gives no patch.
 */
public final class ImagePatches {

	/** The scikit-image sample images used for training, as named in skimage/data/. */
	public static final List<String> SKIMAGE_TRAINING = List.of("astronaut.png", "brick.png",
		"camera.png", "cell.png", "chelsea.png", "clock_motion.png", "coffee.png", "coins.png",
		"grass.png", "gravel.png", "horse.png", "moon.png", "page.png", "rocket.jpg", "text.png");

	/** The default downscaling factors. */
	public static final int[] FACTORS = { 1, 2, 4 };

	private ImagePatches() {}

	/** Patches of every plane of every file, drawn in file order from one seeded stream. */
	public static TileSet sample(final List<Path> files, final int tileSize, final int[] factors,
		final double coverage, final long seed) throws IOException
	{
		final Random random = new Random(seed);
		final List<TileSet> parts = new ArrayList<>();
		parts.add(new TileSet(0, tileSize, new float[0]));
		for (final Path file : files)
			for (final Plane plane : Planes.of(ImageFiles.open(file)))
				for (final int f : factors)
					parts.add(sample(downscale(plane, f), tileSize, coverage, random));
		return TileSet.concat(parts.toArray(new TileSet[0]));
	}

	/** {@code round(coverage * w * h / tileSize^2)} random patches of {@code plane}. */
	public static TileSet sample(final Plane plane, final int tileSize, final double coverage,
		final Random random)
	{
		final int w = plane.width(), h = plane.height();
		if (w < tileSize || h < tileSize) return new TileSet(0, tileSize, new float[0]);
		final int n = (int) Math.round(coverage * w * h / ((double) tileSize * tileSize));
		final float[] out = new float[n * tileSize * tileSize];
		for (int i = 0; i < n; i++) {
			final int x0 = random.nextInt(w - tileSize + 1), y0 = random.nextInt(h - tileSize + 1);
			for (int y = 0; y < tileSize; y++)
				System.arraycopy(plane.pixels(), (y0 + y) * w + x0, out, (i * tileSize + y) * tileSize,
					tileSize);
		}
		return new TileSet(n, tileSize, out);
	}

	/**
	 * {@code plane} shrunk by {@code factor}: {@code floor(w/f) x floor(h/f)}, each pixel the mean
	 * of an {@code f x f} block (a trailing partial block is dropped). Factor 1 returns the plane.
	 */
	public static Plane downscale(final Plane plane, final int factor) {
		if (factor < 1) throw new IllegalArgumentException("ImagePatches: downscale factor " +
			factor + "; use a factor >= 1");
		if (factor == 1) return plane;
		final int w = plane.width() / factor, h = plane.height() / factor;
		final float[] out = new float[w * h];
		final float[] in = plane.pixels();
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double sum = 0;
				for (int dy = 0; dy < factor; dy++)
					for (int dx = 0; dx < factor; dx++)
						sum += in[(y * factor + dy) * plane.width() + x * factor + dx];
				out[y * w + x] = (float) (sum / (factor * factor));
			}
		return new Plane(plane.index(), plane.channel(), plane.slice(), plane.frame(), w, h, out);
	}
}
