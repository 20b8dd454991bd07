package org.karl.engine.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Temporary files and folders next to a result (written there, then renamed over it), named
 * {@code .<name>.<host>-<pid>.<random>.<kind>} so that leftovers can be told apart from live
 * ones: this JVM deletes its own on exit (Ctrl-C, SIGTERM: a shutdown hook), and the next write
 * into the same folder deletes those of a process on this host that is gone (kill -9), and any
 * other (another host on a shared cluster folder, an older version's name) after a day.
 */
public final class TempPaths {

	/** This JVM's mark in temp names: host and pid. */
	public static final String OWNER = host() + "-" + ProcessHandle.current().pid();

	/** Kinds of temp names: a file being written, a folder being exported, a replaced folder. */
	public static final Set<String> KINDS = Set.of("part", "tmp", "old");

	private static final long DAY_MS = 86_400_000L;
	private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

	static {
		// NB: runs on SIGINT/SIGTERM and normal exit, not on kill -9 (see removeStale).
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			for (final Path p : LIVE) try {
				deleteTree(p);
			}
			catch (final IOException e) {
				// nothing more to do while the JVM stops
			}
		}, "karl-temp-cleanup"));
	}

	private TempPaths() {}

	/** A fresh temp name beside {@code target}, tracked until {@link #release}. */
	public static Path beside(final Path target, final String kind) {
		if (!KINDS.contains(kind)) throw new IllegalArgumentException("kind " + kind);
		final Path abs = target.toAbsolutePath();
		final Path p = abs.resolveSibling("." + abs.getFileName() + "." + OWNER + "." + Long
			.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + "." + kind);
		LIVE.add(p);
		return p;
	}

	/** A new empty temp folder beside {@code target} (the exporter wants one). */
	public static Path folderBeside(final Path target) throws IOException {
		final Path p = beside(target, "tmp");
		Files.createDirectories(p.getParent());
		Files.createDirectory(p);
		return p;
	}

	/** A new temp folder under the system's temp folder, deleted on exit if still there. */
	public static Path systemFolder(final String prefix) throws IOException {
		final Path p = Files.createTempDirectory(prefix);
		LIVE.add(p);
		return p;
	}

	/** Stops tracking {@code p} (it was renamed into place or deleted). */
	public static void release(final Path p) {
		LIVE.remove(p);
	}

	/** Deletes {@code p} (file or folder) and stops tracking it. */
	public static void delete(final Path p) throws IOException {
		try {
			deleteTree(p);
		}
		finally {
			LIVE.remove(p);
		}
	}

	/** Deletes the stale temp files and folders of {@code dir} (see the class comment). */
	public static void removeStale(final Path dir) {
		try (Stream<Path> s = Files.list(dir)) {
			for (final Path p : s.filter(TempPaths::isTemp).toList()) {
				final long pid = pidOf(p.getFileName().toString());
				final boolean stale = pid > 0 ? ProcessHandle.of(pid).isEmpty() : Files
					.getLastModifiedTime(p).compareTo(FileTime.fromMillis(System.currentTimeMillis() -
						DAY_MS)) < 0;
				if (stale) deleteTree(p);
			}
		}
		catch (final IOException | SecurityException e) {
			// NB: cleaning up is a courtesy; the write itself reports real problems.
		}
	}

	/** True for a hidden name ending in one of {@link #KINDS}. */
	static boolean isTemp(final Path p) {
		final String n = p.getFileName().toString();
		if (!n.startsWith(".")) return false;
		final int dot = n.lastIndexOf('.');
		return dot > 0 && KINDS.contains(n.substring(dot + 1));
	}

	/** The pid in {@code .<name>.<host>-<pid>.<hex>.<kind>} when host is this one, else -1. */
	static long pidOf(final String name) {
		final String[] parts = name.split("\\.");
		if (parts.length < 4) return -1;
		final String owner = parts[parts.length - 3], me = OWNER.substring(0, OWNER.lastIndexOf('-'));
		if (!owner.startsWith(me + "-")) return -1;
		try {
			return Long.parseLong(owner.substring(me.length() + 1));
		}
		catch (final NumberFormatException e) {
			return -1;
		}
	}

	static void deleteTree(final Path p) throws IOException {
		if (!Files.exists(p)) return;
		try (Stream<Path> s = Files.walk(p)) {
			for (final Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
		}
	}

	private static String host() {
		String h = System.getenv("HOSTNAME");
		if (h == null || h.isBlank()) try {
			h = InetAddress.getLocalHost().getHostName();
		}
		catch (final IOException | RuntimeException e) {
			h = "host";
		}
		// NB: dots and dashes would make the name ambiguous to parse back
		return h.replaceAll("[^A-Za-z0-9_]", "_");
	}
}
