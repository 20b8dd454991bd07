package org.karl.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@link Main#run} in this JVM and keeps what the last call printed. */
final class Cli {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err =
		new ByteArrayOutputStream();

	/** Runs one command line; stdout and stderr of earlier calls are dropped. */
	int run(final String... argv) {
		out.reset();
		err.reset();
		return Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err,
			true, StandardCharsets.UTF_8));
	}

	/** Runs one command line that must succeed; fails with its stderr otherwise. */
	void ok(final String... argv) {
		final int rc = run(argv);
		if (rc != Main.EXIT_OK) throw new AssertionError("exit " + rc + ": " + err());
	}

	String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	String err() {
		return err.toString(StandardCharsets.UTF_8);
	}
}
