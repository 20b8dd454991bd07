package org.karl.ops;

import ij.io.Opener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The image files of a batch: files given are kept as given; a folder given contributes its
 * image files (sorted), skipping hidden files, files that are not images (by ImageJ's own type
 * detection) and files the command itself wrote there earlier, each skip with a note.
 */
public final class InputFiles {

	/** The files to process and what was skipped, one note each. */
	public record Listing(List<Path> files, List<String> skipped) {}

	/** ImageJ file types that are images ({@link Opener#getFileType}). */
	private static final Set<Integer> IMAGE_TYPES = Set.of(Opener.TIFF, Opener.TIFF_AND_DICOM,
		Opener.DICOM, Opener.FITS, Opener.PGM, Opener.JPEG, Opener.GIF, Opener.BMP, Opener.PNG);

	private InputFiles() {}

	/**
	 * @param ownOutput true for files this command writes (e.g. {@code *_map.tif}), skipped in
	 *          folders so that a rerun into the input folder does not map its own maps
	 * @throws IllegalArgumentException when a path given does not exist, or nothing is left
	 */
	public static Listing expand(final List<Path> given, final Predicate<Path> ownOutput)
		throws IOException
	{
		final List<Path> files = new ArrayList<>();
		final List<String> skipped = new ArrayList<>();
		for (final Path p : given) {
			if (Files.isDirectory(p)) try (Stream<Path> s = Files.list(p)) {
				for (final Path f : s.filter(Files::isRegularFile).sorted().toList()) {
					final String name = f.getFileName().toString();
					if (name.startsWith(".")) continue; // NB: hidden, e.g. our own temp files
					if (ownOutput.test(f)) skipped.add(f + " (an output of this command)");
					// NB: an empty image file is an input that fails ("is empty"), not a silent skip
					else if (!isImage(f) && !(Files.size(f) == 0 && hasImageExtension(name)))
						skipped.add(f + " (not an image file)");
					else files.add(f);
				}
			}
			else if (Files.isRegularFile(p)) files.add(p);
			else throw new IllegalArgumentException("input " + p + " does not exist; check the path");
		}
		if (files.isEmpty()) throw new IllegalArgumentException("no image files in " + given +
			(skipped.isEmpty() ? "" : " (skipped " + skipped.size() + ": " + skipped.get(0) +
				(skipped.size() > 1 ? ", ..." : "") + ")") +
			"; give image files or folders that hold some");
		return new Listing(files, skipped);
	}

	/** Extensions of the image files ImageJ opens (lower case), for files too empty to tell. */
	private static final Set<String> IMAGE_EXTENSIONS = Set.of("tif", "tiff", "png", "jpg", "jpeg",
		"gif", "bmp", "pgm", "fits", "fit", "dcm");

	private static boolean hasImageExtension(final String name) {
		final int dot = name.lastIndexOf('.');
		return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(
			java.util.Locale.ROOT));
	}

	/** True when ImageJ recognises {@code f} as an image file by its header or extension. */
	public static boolean isImage(final Path f) {
		return IMAGE_TYPES.contains(new Opener().getFileType(f.toAbsolutePath().toString()));
	}
}
