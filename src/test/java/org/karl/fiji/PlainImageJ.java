package org.karl.fiji;

import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Plain ImageJ 1.54p (the ij jar of the test class path, i.e. from ~/.m2) as its own JVM, the
 * way a user runs a macro without a GUI session:
 * {@code java -Djava.awt.headless=false -jar ij.jar -ijpath DIR -batch MACRO ARG} on an X display
 * ({@link Xvfb}; plain ImageJ 1 builds AWT menus even in -batch, so headless mode cannot run
 * plugins). Runs in {@code DIR}, so this repository's models/default is not found, with
 * {@code XDG_CACHE_HOME=DIR/cache}. A modal dialog (e.g. a macro error) or a hang ends in a test
 * failure after the timeout, with what ImageJ printed so far.
 */
public final class PlainImageJ {

	private PlainImageJ() {}

	/** The ImageJ 1.54p jar. */
	public static Path ijJar() {
		return FijiLayout.jar("ij-1.54");
	}

	/**
	 * Runs {@code macro} with argument {@code arg} (may be empty) in the ImageJ folder {@code ij}
	 * on {@code display}; {@code jvmArgs} go before {@code -jar}. Returns stdout and stderr
	 * together (with -batch, Log lines and print() go to stdout).
	 */
	public static String batch(final Path ij, final String display, final Path macro,
		final String arg, final int timeoutSeconds, final String... jvmArgs) throws IOException,
		InterruptedException
	{
		final List<String> cmd = new ArrayList<>();
		cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		cmd.add("-Djava.awt.headless=false");
		cmd.addAll(List.of(jvmArgs));
		cmd.addAll(List.of("-jar", ijJar().toString(), "-ijpath", ij.toString(), "-batch", macro
			.toString()));
		if (!arg.isEmpty()) cmd.add(arg);
		final Path console = Files.createTempFile(ij, "console-", ".txt");
		final ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(
			console.toFile()).directory(ij.toFile());
		pb.environment().put("DISPLAY", display);
		pb.environment().put("XDG_CACHE_HOME", ij.resolve("cache").toString());
		pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
		final long t0 = System.nanoTime();
		final Process p = pb.start();
		final boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
		System.err.printf("PlainImageJ: %s %s in %.1f s%n", macro.getFileName(), done ? "ran"
			: "timed out", (System.nanoTime() - t0) / 1e9);
		if (!done) {
			final String windows = windows(display);
			p.descendants().forEach(ProcessHandle::destroyForcibly);
			p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			fail("ImageJ did not finish " + macro.getFileName() + " in " + timeoutSeconds +
				" s (a modal dialog or a hang); windows: " + windows + "; console:\n" + Files.readString(
					console));
		}
		return Files.readString(console);
	}

	/** The titles of the windows on {@code display} (e.g. "Macro Error"), when xwininfo exists. */
	private static String windows(final String display) {
		if (!new java.io.File("/usr/bin/xwininfo").canExecute()) return "(no xwininfo to list them)";
		try {
			final ProcessBuilder pb = new ProcessBuilder("/usr/bin/xwininfo", "-root", "-tree")
				.redirectErrorStream(true);
			pb.environment().put("DISPLAY", display);
			final Process x = pb.start();
			final String out = new String(x.getInputStream().readAllBytes());
			x.waitFor(10, TimeUnit.SECONDS);
			final List<String> titles = new ArrayList<>();
			final java.util.regex.Matcher m = java.util.regex.Pattern.compile("0x[0-9a-f]+ \"([^\"]+)\"")
				.matcher(out);
			while (m.find())
				if (!m.group(1).startsWith("sun-awt-") && !m.group(1).matches("FocusProxy|Content window|" +
					"ij-ImageJ") && !titles.contains(m.group(1))) titles.add(m.group(1));
			return titles.toString();
		}
		catch (final IOException | InterruptedException e) {
			return "(xwininfo failed: " + e + ")";
		}
	}
}
