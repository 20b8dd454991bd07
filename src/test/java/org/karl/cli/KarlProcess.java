package org.karl.cli;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code karl} as users meet it: a child JVM running {@link Main} on the test class path, with
 * its own stdout, stderr and exit code (System.exit included), in a working folder of the
 * test's. TensorFlow's start-up log is quieted as the {@code karl} launcher does.
 */
final class KarlProcess {

	/** What one run gave. */
	record Result(int rc, String out, String err) {

		@Override
		public String toString() {
			return "exit " + rc + "\nstdout:\n" + out + "stderr:\n" + err;
		}
	}

	/** TensorFlow's absl lines before its logging is set up, which the karl launcher drops too. */
	private static final String ABSL_NOISE = "(?m)^(WARNING: All log messages before " +
		"absl::InitializeLog\\(\\) is called are written to STDERR|I\\d{4} [0-9:.]+ +\\d+ [^ ]+:\\d+\\] .*)\\R";

	private KarlProcess() {}

	/** Runs {@code karl args...} in {@code dir}; fails the test after 5 minutes. */
	static Result run(final Path dir, final String... args) throws IOException,
		InterruptedException
	{
		final Process p = start(dir, args);
		final Path out = dir.resolve(".karl-test-stdout"), err = dir.resolve(".karl-test-stderr");
		assertTrue("karl " + String.join(" ", args) + " did not finish in 5 minutes", p.waitFor(300,
			TimeUnit.SECONDS));
		final Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files
			.readString(err, StandardCharsets.UTF_8).replaceAll(ABSL_NOISE, ""));
		Files.delete(out);
		Files.delete(err);
		return r;
	}

	/**
	 * Starts {@code karl args...} in {@code dir}, stdout and stderr going to the hidden files
	 * {@code .karl-test-stdout} and {@code .karl-test-stderr} there.
	 */
	static Process start(final Path dir, final String... args) throws IOException {
		final List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"),
			"bin", "java").toString(), "-cp", System.getProperty("java.class.path"), Main.class
				.getName()));
		cmd.addAll(List.of(args));
		final ProcessBuilder b = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(dir
			.resolve(".karl-test-stdout").toFile()).redirectError(dir.resolve(".karl-test-stderr")
				.toFile());
		b.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
		return b.start();
	}
}
