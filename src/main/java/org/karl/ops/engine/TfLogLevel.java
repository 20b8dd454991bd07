package org.karl.ops.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Quiets TensorFlow's native INFO and WARNING start-up lines (oneDNN, CPU features, "Reading
 * SavedModel", ...) in hosts that start Java without {@value #VAR}: the native code reads that
 * environment variable at its first log line and writes straight to the process's stderr, where
 * Java cannot filter. Java SE cannot set an environment variable, so this calls the C library's
 * {@code setenv} through JNA when the host has it on the class path (Fiji ships it; plain ImageJ
 * and the command line do not, and the {@code karl} script sets the variable itself). A value the
 * user set is kept, so {@code TF_CPP_MIN_LOG_LEVEL=0} shows every line for debugging. Two lines
 * pass the variable: TensorFlow 2.18 writes an absl banner and one MLIR line at its first session
 * whatever the level, so {@link #withoutStartLines} runs a first session with the process's
 * stderr sent to a file, and writes back everything else that reached stderr meanwhile.
 */
final class TfLogLevel {

	/** The variable TensorFlow's native logging reads once, at its first line. */
	static final String VAR = "TF_CPP_MIN_LOG_LEVEL";

	/** 2: errors only. */
	static final String QUIET = "2";

	private TfLogLevel() {}

	/** Sets {@value #VAR} to {@value #QUIET} unless the user set it; true when it is now set so. */
	static boolean quiet() {
		if (System.getenv(VAR) != null) return false;
		return setenv(VAR, QUIET);
	}

	/**
	 * The C library's {@code setenv(name, value, 1)} through JNA, found by reflection so that JNA
	 * is no dependency; false without JNA or where the call fails (e.g. Windows has no setenv).
	 */
	static boolean setenv(final String name, final String value) {
		try {
			return c("setenv", name, value, 1) == 0;
		}
		catch (final ReflectiveOperationException | LinkageError | RuntimeException e) {
			return false; // NB: no JNA, or no setenv: TensorFlow then logs as before
		}
	}

	/**
	 * TensorFlow's native INFO and WARNING lines (absl's format: level letter, date, time, thread,
	 * file:line) and absl's banner; errors ("E…") are not among them.
	 */
	private static final Pattern START_LINE = Pattern.compile("WARNING: All log messages before " +
		"absl::InitializeLog\\(\\) is called are written to STDERR|[IW]\\d{4} [0-9:.]+ +\\d+ [^ ]+:\\d+\\] .*");

	/** True for a line TensorFlow writes at start-up (INFO, WARNING, absl's banner). */
	static boolean isStartLine(final String line) {
		return START_LINE.matcher(line).matches();
	}

	/**
	 * Runs {@code start} with the process's stderr (file descriptor 2, where native code writes)
	 * sent to a temporary file, then puts stderr back and writes to it every captured line that
	 * is not a {@linkplain #isStartLine start-up line}, so a Java or native error in the window
	 * still shows. Without JNA, or where a C library call fails, {@code start} just runs.
	 */
	static void withoutStartLines(final Runnable start) {
		final Path file;
		try {
			file = Files.createTempFile("karl-tf-start", ".log");
		}
		catch (final IOException e) {
			start.run();
			return;
		}
		System.err.flush();
		final int saved = redirectStderr(file);
		try {
			start.run();
		}
		finally {
			if (saved >= 0) {
				System.err.flush();
				restoreStderr(saved);
				replay(file);
			}
			deleteQuietly(file);
		}
	}

	/**
	 * Points file descriptor 2 at {@code file}; the descriptor of the old stderr, or -1 when
	 * stderr is unchanged (no JNA, no dup/dup2 as on Windows, or a call failed).
	 */
	private static int redirectStderr(final Path file) {
		int saved = -1;
		try {
			saved = c("dup", 2);
			if (saved < 0) return -1;
			final int fd = c("open", file.toString(), 1); // NB: 1 is O_WRONLY
			final boolean moved = fd >= 0 && c("dup2", fd, 2) >= 0;
			if (fd >= 0) c("close", fd);
			if (moved) return saved;
		}
		catch (final ReflectiveOperationException | LinkageError | RuntimeException e) {
			// NB: stderr is unchanged; the start-up lines show
		}
		if (saved >= 0) restoreStderr(saved); // NB: dup2 of the same stderr, then close
		return -1;
	}

	/** Points file descriptor 2 back at {@code saved} and closes {@code saved}. */
	private static void restoreStderr(final int saved) {
		try {
			c("dup2", saved, 2);
			c("close", saved);
		}
		catch (final ReflectiveOperationException e) {
			// NB: cannot happen: the same calls worked when stderr was redirected
		}
	}

	/** Writes the captured lines that are not start-up lines to stderr. */
	private static void replay(final Path file) {
		try {
			for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8))
				if (!isStartLine(line)) System.err.println(line);
		}
		catch (final IOException e) {
			// NB: the file is ours and was just written; nothing useful to say if it is gone
		}
	}

	private static void deleteQuietly(final Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (final IOException e) {
			file.toFile().deleteOnExit();
		}
	}

	/** A C library function returning int, through JNA by reflection. */
	private static int c(final String name, final Object... args) throws ReflectiveOperationException {
		final Class<?> f = Class.forName("com.sun.jna.Function", true, TfLogLevel.class
			.getClassLoader());
		final Object fn = f.getMethod("getFunction", String.class, String.class).invoke(null, "c",
			name);
		final Object rc = f.getMethod("invokeInt", Object[].class).invoke(fn, (Object) args);
		return (Integer) rc;
	}
}
