package org.karl.ops;

import ij.io.FileInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.karl.image.ij.ImageFiles;

/**
 * Whether an input of a map batch is finished, by the content of its two outputs, not by their
 * presence: what {@code karl map --skip_done} and the Spark job's rerun skip. Both files are
 * written whole (temp + rename), the CSV first, so a run that stopped leaves either no file, the
 * CSV alone, or both complete; a file cut off or damaged later (a failed copy, a full disk, a
 * hand edit) must not pass for done. Done means: the map is a complete TIFF (every directory
 * and pixel byte present), and the CSV parses ({@link CsvReader}) with the map's columns,
 * ends with a full row, and holds one row per tile of the map (its width x height x planes).
 */
public final class FinishedMaps {

	/**
	 * @param done true when both outputs are complete
	 * @param damage when not done: what is wrong with an output that is there (for a note), or
	 *          null when there is nothing to say (no output yet, or the CSV of an interrupted run)
	 */
	public record Status(boolean done, String damage) {}

	private static final Status NOT_YET = new Status(false, null);

	private FinishedMaps() {}

	/** The status of the outputs of the input named {@code name} in {@code out}. */
	public static Status check(final Path out, final String name) {
		final Path csv = MapFiles.csv(out, name), map = MapFiles.map(out, name);
		if (!Files.isRegularFile(map)) return NOT_YET; // NB: the map is written last
		if (!Files.isRegularFile(csv)) return damaged(csv + " is missing (its map is there)");
		final long tiles;
		try {
			tiles = tiles(ImageFiles.checkTiff(map));
		}
		catch (final IOException | RuntimeException e) {
			return damaged(firstPart(e.getMessage()));
		}
		try {
			final long rows = CsvReader.rows(csv, ComplexityMapOp.COLUMNS);
			if (rows != tiles) return damaged(csv + " has " + rows + " rows, but its map " + tiles +
				" tiles");
		}
		catch (final CsvReader.Malformed e) {
			return damaged(csv + " is damaged at line " + e.line() + " (" + e.problem() + ")");
		}
		catch (final IOException | RuntimeException e) {
			return damaged(csv + " could not be read (" + e.getMessage() + ")");
		}
		return new Status(true, null);
	}

	private static Status damaged(final String what) {
		return new Status(false, what);
	}

	/** Pixels of every plane of the map: one per tile. */
	private static long tiles(final FileInfo[] info) {
		long n = 0;
		for (final FileInfo fi : info)
			n += (long) fi.width * fi.height * Math.max(1, fi.nImages);
		return n;
	}

	/** What was wrong, without the "what to do" after "; " (the caller maps it again). */
	private static String firstPart(final String message) {
		final int end = message == null ? -1 : message.indexOf("; ");
		return end < 0 ? String.valueOf(message) : message.substring(0, end);
	}
}
