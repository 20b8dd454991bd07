package org.karl.image.ij;

import ij.ImagePlus;
import ij.io.FileSaver;

import java.io.IOException;
import java.nio.file.Path;

/** Writes test images without ImageJ's menus (IJ.save needs AWT menus, so fails headless). */
public final class TestImages {

	private TestImages() {}

	/**
	 * A mostly empty 16-bit field as a new user meets it: camera background 100 with Gaussian
	 * noise σ 7 (seeded) and {@code puncta} bright 7×7 spots (+600) on a diagonal, so few that
	 * the 99.8th percentile stays inside the noise band when they cover under 0.2 % of the pixels.
	 */
	public static ImagePlus sparsePuncta(final int w, final int h, final int puncta,
		final long seed)
	{
		final java.util.Random r = new java.util.Random(seed);
		final short[] px = new short[w * h];
		for (int i = 0; i < px.length; i++)
			px[i] = (short) Math.max(0, Math.round(100 + 7 * r.nextGaussian()));
		for (int p = 0; p < puncta; p++) {
			final int cx = (p + 1) * w / (puncta + 1), cy = (p + 1) * h / (puncta + 1);
			for (int y = cy - 3; y <= cy + 3; y++)
				for (int x = cx - 3; x <= cx + 3; x++) px[y * w + x] += 600;
		}
		return new ImagePlus("puncta", new ij.process.ShortProcessor(w, h, px, null));
	}

	/** Saves {@code imp} as TIFF (any stack) or PNG, chosen by the file name. */
	public static Path save(final ImagePlus imp, final Path file) throws IOException {
		final FileSaver saver = new FileSaver(imp);
		final String path = file.toString();
		final boolean ok;
		if (path.endsWith(".png")) ok = saver.saveAsPng(path);
		else if (path.endsWith(".tif")) ok = imp.getStackSize() > 1 ? saver.saveAsTiffStack(path)
			: saver.saveAsTiff(path);
		else throw new IllegalArgumentException("TestImages: " + file + "; use .tif or .png");
		if (!ok) throw new IOException("TestImages: could not write " + file);
		return file;
	}
}
