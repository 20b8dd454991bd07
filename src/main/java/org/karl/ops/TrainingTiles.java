package org.karl.ops;

import ij.ImagePlus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.karl.engine.api.TileSet;
import org.karl.image.TileGrid;
import org.karl.image.Tiler;
import org.karl.image.ij.ImageFiles;
import org.karl.image.ij.Normalization;
import org.karl.image.ij.Plane;
import org.karl.image.ij.PlaneReader;

/**
 * Training tiles for KARL Train...: every tile (mirror-padded at the edges) of every plane of
 * the current image, or of every image file in a folder, normalised as the inference doors do.
 */
public final class TrainingTiles {

	private TrainingTiles() {}

	/** All tiles of all planes of {@code imp}, read with {@code norm} as at inference. */
	public static TileSet of(final ImagePlus imp, final int tileSize, final Normalization norm) {
		Inputs.checkImage(imp, tileSize);
		final List<float[]> parts = new ArrayList<>();
		final PlaneReader reader = new PlaneReader(imp, norm);
		for (int i = 1; i <= imp.getStackSize(); i++) {
			final Plane p = reader.read(i);
			parts.add(Tiler.extract(p.img(), new TileGrid(p.width(), p.height(), tileSize)));
		}
		return concat(parts, tileSize);
	}

	/**
	 * All tiles of the image files directly in {@code folder}; files ImageJ cannot open and
	 * images smaller than a tile are skipped and listed in {@code skipped}.
	 */
	public static TileSet of(final Path folder, final int tileSize, final List<String> skipped,
		final Normalization norm) throws IOException
	{
		if (!Files.isDirectory(folder)) throw new IOException("images=" + folder + " is not a " +
			"folder; give a folder of training images, or leave it empty to use the current image");
		final List<Path> files;
		try (Stream<Path> s = Files.list(folder)) {
			files = s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(
				".")).sorted().toList();
		}
		final List<float[]> parts = new ArrayList<>();
		for (final Path f : files) {
			final ImagePlus imp;
			try {
				imp = ImageFiles.open(f);
			}
			catch (final IOException e) {
				skipped.add(f.getFileName() + (Files.size(f) == 0 ? " (empty, 0 bytes)" : " (not an image)"));
				continue;
			}
			if (imp.getWidth() < tileSize || imp.getHeight() < tileSize) {
				skipped.add(f.getFileName() + " (smaller than " + tileSize + "x" + tileSize + ")");
				continue;
			}
			parts.add(of(imp, tileSize, norm).pixels());
			imp.flush();
		}
		if (parts.isEmpty()) throw new IOException("images=" + folder + " holds no image of at least " +
			tileSize + "x" + tileSize + " pixels that ImageJ can open" + (skipped.isEmpty() ? ""
				: " (skipped " + skipped + ")") + "; put TIFF or PNG training images there");
		return concat(parts, tileSize);
	}

	private static TileSet concat(final List<float[]> parts, final int tileSize) {
		int total = 0;
		for (final float[] p : parts) total += p.length;
		final float[] all = new float[total];
		int off = 0;
		for (final float[] p : parts) {
			System.arraycopy(p, 0, all, off, p.length);
			off += p.length;
		}
		return new TileSet(total / (tileSize * tileSize), tileSize, all);
	}
}
