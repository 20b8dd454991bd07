package org.karl.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.karl.engine.api.Progress;

/**
 * Progress of a long CLI run on stderr: one line, rewritten in place (carriage return) at most
 * twice a second (every 10 s when not a terminal), with the status, percent done and an estimate
 * of the time left. Quiet when stderr is not a terminal, unless asked (--progress), so that logs
 * and pipes get only the results and one-line errors.
 */
final class StderrProgress implements Progress {

	private final PrintStream err;
	private final boolean terminal;
	private final long every;
	private final String label;
	private final long t0 = System.nanoTime();
	private long last;
	private String status = "";
	private boolean drawn;

	StderrProgress(final PrintStream err, final String label, final boolean terminal) {
		this.err = err;
		this.label = label;
		this.terminal = terminal;
		this.every = terminal ? 500_000_000L : 10_000_000_000L;
	}

	/**
	 * The progress for {@code label}: live on a terminal, one line per 10 s when {@code asked},
	 * else {@link Progress#NONE}.
	 */
	static Progress of(final PrintStream err, final String label, final boolean asked) {
		final boolean terminal = System.console() != null && err == System.err;
		return terminal || asked ? new StderrProgress(err, label, terminal) : Progress.NONE;
	}

	@Override
	public void status(final String message) {
		status = message;
	}

	@Override
	public void fraction(final double done) {
		final long now = System.nanoTime();
		if (now - last < every && done < 1) return;
		last = now;
		final double s = (now - t0) / 1e9;
		final String eta = done > 0.01 && done < 1 ? String.format(Locale.ROOT, ", %.0f s left", s *
			(1 - done) / done) : "";
		final String line = String.format(Locale.ROOT, "%s: %s %3.0f%%%s", label, status, 100 * done,
			eta);
		if (!terminal) {
			err.println(line); // NB: a log file gets whole lines, no carriage returns
			return;
		}
		err.print("\r" + line + "\u001b[K");
		drawn = true;
		if (done >= 1) done();
	}

	/** Ends the progress line so that the next output starts on its own line. */
	void done() {
		if (drawn) err.print("\r\u001b[K");
		drawn = false;
	}
}
