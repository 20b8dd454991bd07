package org.karl.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a file output may be: the one rule of every door (CLI, Fiji, Spark), checked before any
 * work ({@link Outputs#checkWritableFile}) and again when the file is written
 * ({@link AtomicFiles}).
 * <ul>
 * <li>nothing there yet: a new file (missing folders above it are created);</li>
 * <li>an existing regular file: replaced as a whole (written beside it, then renamed);</li>
 * <li>a symbolic link: followed; the file it points to obeys this rule and is written the same
 * way, next to itself, so the link stays a link (a link to nothing creates its target);</li>
 * <li>anything else (a folder, a device such as /dev/null, a named pipe, a socket): refused in
 * one line and never touched. A rename would put a regular file in its place, and a pipe's
 * reader would get nothing.</li>
 * </ul>
 * Output folders ({@code karl map --output}, a model folder) follow the same links.
 */
public final class OutputRule {

	/** Links followed before giving up: a loop, as the kernel's own limit. */
	private static final int MAX_LINKS = 40;

	private OutputRule() {}

	/**
	 * The file to write for the output {@code file}: itself, or what its links point to.
	 *
	 * @param what how the user named the output, e.g. "--csv" or "save="
	 * @throws IllegalArgumentException when it exists and is not a regular file
	 */
	public static Path target(final Path file, final String what) throws IOException {
		final Path p = follow(file, what);
		final String kind = kind(p);
		if (kind == null) return p;
		final String via = p.equals(file.toAbsolutePath()) ? "" : " (a link to " + p + ")";
		if (kind.equals(FOLDER)) throw new IllegalArgumentException(what + " " + file + via +
			" is a folder; give a file name such as " + p.resolve("out.csv"));
		throw new IllegalArgumentException(what + " " + file + via + " is " + kind +
			", not a regular file; give the name of a new or existing regular file");
	}

	/** An output folder: itself or what its links point to; refused when it is something else. */
	public static Path folder(final Path dir, final String what) throws IOException {
		final Path p = follow(dir, what);
		final String kind = kind(p);
		if (kind == null && Files.exists(p, LinkOption.NOFOLLOW_LINKS)) throw new IllegalArgumentException(
			what + " " + dir + " is a file; give a folder");
		if (kind != null && !kind.equals(FOLDER)) throw new IllegalArgumentException(what + " " + dir +
			" is " + kind + ", not a folder; give a folder");
		return p;
	}

	private static final String FOLDER = "a folder";

	/** {@code p} with every symbolic link at its end followed (not normalised: ".." after a link). */
	private static Path follow(final Path file, final String what) throws IOException {
		Path p = file.toAbsolutePath();
		for (int hops = 0; Files.isSymbolicLink(p); hops++) {
			if (hops == MAX_LINKS) throw new IllegalArgumentException(what + " " + file +
				" is a loop of symbolic links; give a file name that is not a link, or fix the link");
			p = p.getParent().resolve(Files.readSymbolicLink(p));
		}
		return p;
	}

	/**
	 * What {@code p} is when it is neither absent nor a regular file: "a folder", "a device",
	 * "a named pipe (FIFO)", "a socket", "not a file or folder"; null otherwise. Links are not
	 * followed.
	 */
	public static String kind(final Path p) throws IOException {
		final BasicFileAttributes a;
		try {
			a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		}
		catch (final IOException e) {
			// NB: nothing there, or a folder above it is a file or unreadable: the writable check
			// (Outputs) then names the reason
			return null;
		}
		if (a.isRegularFile()) return null;
		if (a.isDirectory()) return FOLDER;
		if (a.isSymbolicLink()) return "a symbolic link";
		try {
			// NB: the file type bits of st_mode (S_IFMT), where the "unix" view exists (Linux, macOS)
			final int type = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) &
				0170000;
			if (type == 0020000 || type == 0060000) return "a device";
			if (type == 0010000) return "a named pipe (FIFO)";
			if (type == 0140000) return "a socket";
		}
		catch (final UnsupportedOperationException | IllegalArgumentException e) {
			// no unix view: the generic words below
		}
		return "not a regular file or folder";
	}
}
