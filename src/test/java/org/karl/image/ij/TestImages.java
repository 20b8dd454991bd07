package org.karl.image.ij;

import ij.ImagePlus;
import ij.io.FileSaver;

import java.io.IOException;
import java.nio.file.Path;

/** Writes test images without ImageJ's menus (IJ.save needs AWT menus, so fails headless). */
public final class TestImages {

	private TestImages() {}

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
