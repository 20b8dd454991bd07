package org.karl.ops;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Writes a file all at once or not at all: into a hidden temp file in the same folder, then
 * renamed over the target. Readers never see a half-written file, and a failed run leaves the
 * previous file (if any) as it was.
 * <p>
 * Temp files are named {@code .<name>.<host>-<pid>.<random>.part}. They are deleted when the
 * write fails, by a shutdown hook when the JVM is stopped (Ctrl-C, SIGTERM), and, when a kill -9
 * left one, by the next write into the same folder: at once when its process on this host is
 * gone, after a day when it came from another host (a shared cluster folder). Failures name the
 * user's file, not the temp file, with the operating system's reason.
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

	/** Suffix of temp files. */
	public static final String PART = ".part";

	private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

	/** This JVM's mark in temp names: host and pid. */
	static final String OWNER = host() + "-" + ProcessHandle.current().pid();

	static {
		// NB: runs on SIGINT/SIGTERM and normal exit, not on kill -9 (see removeStale).
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			for (final Path p : LIVE) try {
				Files.deleteIfExists(p);
			}
			catch (final IOException e) {
				// nothing more to do while the JVM stops
			}
		}, "karl-temp-cleanup"));
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
	public static void writeFile(final Path target, final PathBody body) throws IOException {
		final Path dir = target.toAbsolutePath().getParent();
		Path created = null; // NB: the topmost folder this call creates, removed again on failure
		for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) created = p;
		try {
			Files.createDirectories(dir);
		}
		catch (final IOException e) {
			throw failed(target, e);
		}
		removeStale(dir);
		// NB: not Files.createTempFile, whose 0600 permissions would end up on the user's file.
		final Path tmp = dir.resolve("." + target.getFileName() + "." + OWNER + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + PART);
		LIVE.add(tmp);
		boolean done = false;
		try {
			body.write(tmp);
			// NB: same folder, so rename(2): atomic, and replaces an existing target.
			Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
			done = true;
		}
		catch (final FileSystemException e) {
			throw isAbout(e, tmp, target, dir) ? failed(target, e) : e;
		}
		finally {
			Files.deleteIfExists(tmp);
			LIVE.remove(tmp);
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

	/**
	 * Deletes temp files in {@code dir} left by a killed process: those of this host whose
	 * process is gone, and others (another host, or an older version's name) older than a day.
	 */
	public static void removeStale(final Path dir) {
		try (Stream<Path> s = Files.list(dir)) {
			for (final Path p : s.filter(AtomicFiles::isPart).toList()) {
				final long pid = pidOf(p.getFileName().toString());
				final boolean stale = pid > 0 ? ProcessHandle.of(pid).isEmpty() : Files
					.getLastModifiedTime(p).compareTo(FileTime.fromMillis(System.currentTimeMillis() -
						86_400_000L)) < 0;
				if (stale) Files.deleteIfExists(p);
			}
		}
		catch (final IOException | SecurityException e) {
			// NB: cleaning up is a courtesy; the write itself reports real problems.
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
			.toLowerCase(java.util.Locale.ROOT);
		return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
	}

	private static boolean isPart(final Path p) {
		final String n = p.getFileName().toString();
		return n.startsWith(".") && n.endsWith(PART) && Files.isRegularFile(p);
	}

	/** The pid in {@code .<name>.<host>-<pid>.<hex>.part} when host is this one, else -1. */
	static long pidOf(final String name) {
		final String[] parts = name.substring(0, name.length() - PART.length()).split("\\.");
		if (parts.length < 3) return -1;
		final String owner = parts[parts.length - 2], me = OWNER.substring(0, OWNER.lastIndexOf('-'));
		if (!owner.startsWith(me + "-")) return -1;
		try {
			return Long.parseLong(owner.substring(me.length() + 1));
		}
		catch (final NumberFormatException e) {
			return -1;
		}
	}

	private static String host() {
		String h = System.getenv("HOSTNAME");
		if (h == null || h.isBlank()) try {
			h = java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (final IOException | RuntimeException e) {
			h = "host";
		}
		// NB: dots and dashes would make the name ambiguous to parse back
		return h.replaceAll("[^A-Za-z0-9_]", "_");
	}

	private static boolean isAbout(final FileSystemException e, final Path... paths) {
		if (e.getFile() == null) return false;
		final Path f = Path.of(e.getFile()).toAbsolutePath();
		for (final Path p : paths)
			if (f.equals(p.toAbsolutePath())) return true;
		return false;
	}
}
