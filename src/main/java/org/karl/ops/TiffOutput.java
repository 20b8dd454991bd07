package org.karl.ops;

import ij.ImagePlus;
import ij.io.FileSaver;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a result image as TIFF, atomically, for every door. */
public final class TiffOutput {

	private TiffOutput() {}

	/** Writes {@code imp} to {@code file}: one plane as a plain TIFF, more as a (hyper)stack. */
	public static void write(final ImagePlus imp, final Path file) throws IOException {
		AtomicFiles.writeFile(file, tmp -> {
			// NB: FileSaver refuses saveAsTiffStack for a single plane.
			final FileSaver s = new FileSaver(imp);
			if (!(imp.getStackSize() > 1 ? s.saveAsTiffStack(tmp.toString()) : s.saveAsTiff(tmp
				.toString()))) throw AtomicFiles.failed(file, new IOException("ImageJ could not write " +
					"the TIFF"));
		});
	}
}
