package org.karl.ops;

import ij.ImagePlus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What an ImageJ door shows after an operation: a new image (or null), the rows as a
 * {@link Table}, and notes for the Log. {@link #save} is the one rule for the {@code save=} CSV.
 */
public record TableResult(ImagePlus image, Table table, List<String> notes) {

	/**
	 * Checks {@code save} (blank: none) before any work: not the input image's file, and
	 * writable; returns it as a path, or null.
	 */
	public static Path checkSave(final String save, final ImagePlus input) throws IOException {
		if (save == null || save.isBlank()) return null;
		final Path p = Path.of(save.trim());
		Outputs.refuseInputs(p, java.util.Collections.singletonList(Outputs.fileOf(input)), "save=");
		Outputs.checkWritableFile(p, "save=");
		return p;
	}

	/** Writes the rows to {@code save} when it is not null. */
	public TableResult save(final Path save) throws IOException {
		if (save != null) table.writeCsv(save);
		return this;
	}
}
