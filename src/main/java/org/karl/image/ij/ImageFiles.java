package org.karl.image.ij;

import ij.ImagePlus;
import ij.io.Opener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens image files with ImageJ 1 ({@link Opener}: TIFF stacks and hyperstacks, PNG, JPEG, GIF,
 * BMP, PGM, FITS, DICOM, ...). It exists so that a file that cannot be opened is an
 * {@link IOException} naming the file, instead of ImageJ's {@code null} plus a log line.
 */
public final class ImageFiles {

	private ImageFiles() {}

	/** Opens {@code file}; virtual stacks are not used, the whole file is read. */
	public static ImagePlus open(final Path file) throws IOException {
		if (!Files.isRegularFile(file)) throw new IOException(file + ": no such file");
		if (!Files.isReadable(file)) throw new IOException(file + ": not readable");
		final Opener opener = new Opener();
		opener.setSilentMode(true);
		final String path = file.toAbsolutePath().toString();
		// NB: for an unknown type, Opener prints "Unsupported format" to stdout and returns null.
		if (opener.getFileType(path) == Opener.UNKNOWN) throw new IOException(file +
			": not a format ImageJ opens; convert it to TIFF or PNG");
		final ImagePlus imp = opener.openImage(path);
		if (imp == null) throw new IOException(file +
			": ImageJ could not read it (damaged or unsupported variant); convert it to TIFF");
		return imp;
	}
}
