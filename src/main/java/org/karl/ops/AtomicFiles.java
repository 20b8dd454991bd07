package org.karl.ops;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import org.karl.engine.runtime.TempPaths;

/**
 * Writes a file all at once or not at all: into a hidden temp file in the same folder, then
 * renamed over the target. Readers never see a half-written file, and a failed run leaves the
 * previous file (if any) as it was.
 * <p>
 * Temp files are named {@code .<name>.<host>-<pid>.<random>.part} ({@link TempPaths}). They are
 * deleted when the write fails, by a shutdown hook when the JVM is stopped (Ctrl-C, SIGTERM),
 * and, when a kill -9 left one, by the next write into the same folder: at once when its process
 * on this host is gone, after a day when it came from another host (a shared cluster folder).
 * Failures name the user's file, not the temp file, with the operating system's reason.
 * <p>
 * What may be written is {@link OutputRule}'s: a new or regular file; a link is followed and
 * the file it points to written next to itself; anything else is refused, also when it appeared
 * after the door's check.
 */
public final class AtomicFiles {

	/** Writes the body of a file. */
	public interface Body {

		void write(Writer out) throws IOException;
	}

	/** Writes a (binary) file at a temporary path, e.g. with ImageJ's FileSaver. */
	public interface PathBody {

		void write(Path tmp) throws IOException;
	}

	private AtomicFiles() {}

	/** Writes {@code target} (UTF-8) with {@code body}; creates missing parent folders. */
	public static void write(final Path target, final Body body) throws IOException {
		writeFile(target, tmp -> {
			try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8,
				StandardOpenOption.CREATE_NEW))
			{
				body.write(out);
			}
		});
	}

	/** Writes {@code target} through {@code body} at a temp path in the same folder, then renames. */
	public static void writeFile(final Path output, final PathBody body) throws IOException {
		final Path target = OutputRule.target(output, "output");
		final Path dir = target.getParent();
		Path created = null; // NB: the topmost folder this call creates, removed again on failure
		for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) created = p;
		try {
			Files.createDirectories(dir);
		}
		catch (final IOException e) {
			throw failed(output, e);
		}
		TempPaths.removeStale(dir);
		// NB: not Files.createTempFile, whose 0600 permissions would end up on the user's file.
		final Path tmp = TempPaths.beside(target, "part");
		boolean done = false;
		try {
			body.write(tmp);
			OutputRule.target(target, "output"); // NB: a pipe or device made meanwhile is not replaced
			// NB: same folder, so rename(2): atomic, and replaces an existing target.
			Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
			done = true;
		}
		catch (final FileSystemException e) {
			throw isAbout(e, tmp, target, dir) ? failed(output, e) : e;
		}
		finally {
			TempPaths.delete(tmp);
			if (!done && created != null) removeEmpty(dir, created);
		}
	}

	/** Deletes the folders from {@code dir} up to {@code top} while they are empty. */
	private static void removeEmpty(final Path dir, final Path top) {
		for (Path p = dir; p != null && p.startsWith(top); p = p.getParent()) try {
			Files.delete(p);
		}
		catch (final IOException e) {
			return; // not empty (another writer) or gone: leave it
		}
	}

	/** The one-line message for a failed write of {@code target}: the OS reason, what to do. */
	public static IOException failed(final Path target, final IOException e) {
		return new IOException("could not write " + target + ": " + reason(e) +
			"; choose a file or folder you can write to", e);
	}

	/** The operating system's reason in words, e.g. "permission denied". */
	public static String reason(final IOException e) {
		if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
		if (e instanceof java.nio.file.NoSuchFileException) return "no such file or folder";
		if (e instanceof java.nio.file.FileAlreadyExistsException) return "a file of that name is in the way";
		if (e instanceof java.nio.file.NotDirectoryException) return "a file is in the way of a folder";
		if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason()
			.toLowerCase(Locale.ROOT);
		return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
	}

	private static boolean isAbout(final FileSystemException e, final Path... paths) {
		if (e.getFile() == null) return false;
		final Path f = Path.of(e.getFile()).toAbsolutePath();
		for (final Path p : paths)
			if (f.equals(p.toAbsolutePath())) return true;
		return false;
	}
}
