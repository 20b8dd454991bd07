package org.karl.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.karl.engine.api.Progress;

/**
 * Progress of a long CLI run on stderr: one line, rewritten in place (carriage return) at most
 * twice a second, with the status, percent done and an estimate of the time left. Quiet when
 * stderr is not a terminal, so that logs and pipes get only the results and one-line errors.
 */
final class StderrProgress implements Progress {

	private static final long EVERY_NS = 500_000_000L;

	private final PrintStream err;
	private final String label;
	private final long t0 = System.nanoTime();
	private long last;
	private String status = "";
	private boolean drawn;

	StderrProgress(final PrintStream err, final String label) {
		this.err = err;
		this.label = label;
	}

	/** The progress for {@code label}: live on a terminal, {@link Progress#NONE} otherwise. */
	static Progress of(final PrintStream err, final String label) {
		return System.console() != null && err == System.err ? new StderrProgress(err, label)
			: Progress.NONE;
	}

	@Override
	public void status(final String message) {
		status = message;
	}

	@Override
	public void fraction(final double done) {
		final long now = System.nanoTime();
		if (now - last < EVERY_NS && done < 1) return;
		last = now;
		final double s = (now - t0) / 1e9;
		final String eta = done > 0.01 && done < 1 ? String.format(Locale.ROOT, ", %.0f s left", s *
			(1 - done) / done) : "";
		err.print(String.format(Locale.ROOT, "\r%s: %s %3.0f%%%s\u001b[K", label, status, 100 * done,
			eta));
		drawn = true;
		if (done >= 1) done();
	}

	/** Ends the progress line so that the next output starts on its own line. */
	void done() {
		if (drawn) err.print("\r\u001b[K");
		drawn = false;
	}
}
