package org.karl.fiji.commands;

import org.karl.fiji.ij1.TableResult;
import org.karl.ops.Failures;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;

/** The failure handling shared by the SciJava commands: cancel with a one-line reason. */
final class Commands {

	/** The work of a command. */
	interface Body {

		void run() throws Exception;
	}

	private Commands() {}

	/**
	 * Logs what the operation says about its input ({@code out.notes()}, e.g. a percentile range
	 * that is mostly noise) at warn level as "title: note: line", as the other doors print them,
	 * and the verification summary line ({@code ""}: none) at info level, as "title: line".
	 */
	static void report(final ContextCommand cmd, final String title,
		final TableResult out)
	{
		final LogService log = cmd.context() == null ? null : cmd.context().getService(
			LogService.class);
		if (log == null) return;
		out.notes().forEach(n -> log.warn(title + ": note: " + n));
		if (!out.summary().isEmpty()) log.info(title + ": " + out.summary());
	}

	static void run(final ContextCommand cmd, final String title, final Body body) {
		try {
			body.run();
		}
		catch (final Exception | LinkageError | OutOfMemoryError e) {
			final String msg = title + ": " + Failures.describe(e, Failures.FIJI);
			final LogService log = cmd.context() == null ? null : cmd.context().getService(
				LogService.class);
			if (log != null) log.error(msg);
			cmd.cancel(msg);
		}
	}
}
