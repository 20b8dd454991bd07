package org.karl.ops;

import java.io.IOException;
import java.util.concurrent.CancellationException;

import org.karl.ops.engine.Engines;

/**
 * The one-line message of a failure, for every door: what was wrong and, when known, what to
 * do. One rule behind the CLI, the Spark job and both Fiji doors, so that, e.g., TensorFlow
 * missing from the class path reads as a helpful line wherever it happens; only what to do is
 * said in each door's own words ({@link Advice}).
 */
public final class Failures {

	/**
	 * What a door tells its user to do where the failure itself does not say.
	 *
	 * @param heap after "out of Java heap (...); ", how to give more
	 * @param missingEngine after "TensorFlow Java is not on the class path (...); "
	 * @param clashingEngine after "TensorFlow Java failed to link (...): ...; "
	 * @param canceled the whole message for a canceled run
	 * @param more appended as "; more" to a message that does not say what to do; null: nothing
	 */
	public record Advice(String heap, String missingEngine, String clashingEngine, String canceled,
		String more)
	{

		/** The same advice without {@link #more} (e.g. the CLI's --debug prints the trace anyway). */
		public Advice withoutMore() {
			return new Advice(heap, missingEngine, clashingEngine, canceled, null);
		}
	}

	/** The {@code karl} command line's advice. */
	public static final Advice CLI = new Advice("give more, e.g. KARL_JAVA_OPTS=-Xmx8g",
		"run karl with the jars of target/classpath.txt, as ./karl does (see the README)",
		"use the protobuf and javacpp of target/classpath.txt, as ./karl does (see the README)",
		"canceled; nothing was written", "rerun with --debug for the stack trace");

	/** The Spark job's advice. */
	public static final Advice SPARK = new Advice("give executors more, e.g. --executor-memory 8g",
		"give spark-submit KARL's runtime jars with --jars (see docs/scale-out.md)",
		"add --conf spark.driver.userClassPathFirst=true --conf " +
			"spark.executor.userClassPathFirst=true (see docs/scale-out.md)",
		"canceled; nothing was written", null);

	/** The advice of the Fiji doors (ImageJ 1 plug-ins and SciJava commands). */
	public static final Advice FIJI = new Advice(
		"give ImageJ more memory (Edit>Options>Memory & Threads...)", Engines.FIJI_MISSING,
		Engines.FIJI_CLASH, "canceled (Esc); nothing was written", "see the Log and the README for help");

	private Failures() {}

	/** The one-line message for {@code e}, with {@code advice} where it says nothing to do. */
	public static String describe(final Throwable e, final Advice advice) {
		return describe(e, advice, false);
	}

	/**
	 * As {@link #describe(Throwable, Advice)}; {@code canceled}: the user stopped the run (e.g.
	 * Esc in ImageJ), which is what the message then says unless the heap or TensorFlow failed.
	 */
	public static String describe(final Throwable e, final Advice advice, final boolean canceled) {
		if (e instanceof OutOfMemoryError) return "out of Java heap (" + e.getMessage() + "); " +
			advice.heap();
		final String tf = Engines.explain(e, advice.missingEngine(), advice.clashingEngine());
		if (tf != null) return tf;
		if (canceled || e instanceof CancellationException) return advice.canceled();
		String m = e.getMessage();
		if (m == null || m.isBlank()) m = e.getClass().getSimpleName();
		else if (!(e instanceof IOException || e instanceof IllegalArgumentException ||
			e instanceof IllegalStateException)) m = e.getClass().getSimpleName() + ": " + m;
		m = oneLine(m);
		// NB: a message that already says what to do ("a; b" or a second sentence) stays as is.
		return advice.more() == null || m.contains("; ") || m.contains(". ") ? m : m + "; " + advice
			.more();
	}

	/** {@code s} on one line: line breaks and the blanks around them become one space. */
	public static String oneLine(final String s) {
		return s.replaceAll("\\s*\\R\\s*", " ").trim();
	}
}
