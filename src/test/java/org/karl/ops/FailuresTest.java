package org.karl.ops;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.concurrent.CancellationException;

import org.junit.Test;

/** {@link Failures}: one failure describer for every door, each door's advice in its words. */
public class FailuresTest {

	private static final Failures.Advice[] DOORS = { Failures.CLI, Failures.SPARK, Failures.FIJI };

	@Test
	public void tensorflowMissingFromTheClassPathGetsTheHelpfulLineInEveryDoor() {
		final Throwable e = new RuntimeException("wrapped", new NoClassDefFoundError(
			"org/tensorflow/Graph"));
		for (final Failures.Advice a : DOORS) {
			final String m = Failures.describe(e, a);
			assertTrue(m, m.startsWith("TensorFlow Java is not on the class path " +
				"(org/tensorflow/Graph); "));
			assertTrue(m, m.endsWith(a.missingEngine()));
		}
		assertTrue(Failures.describe(e, Failures.CLI).contains("target/classpath.txt"));
		assertTrue(Failures.describe(e, Failures.SPARK).contains("--jars"));
		assertTrue(Failures.describe(e, Failures.FIJI).contains("engines/karl-tf"));
	}

	@Test
	public void aLinkErrorSaysTensorflowFailedToLinkAndWhatToDoInTheDoorsWords() {
		final Throwable e = new UnsatisfiedLinkError("no jnitensorflow in java.library.path");
		for (final Failures.Advice a : DOORS) {
			final String m = Failures.describe(e, a);
			assertTrue(m, m.startsWith("TensorFlow Java failed to link (java.lang.UnsatisfiedLinkError"));
			assertTrue(m, m.endsWith(a.clashingEngine()));
		}
		assertTrue(Failures.describe(e, Failures.SPARK).contains("userClassPathFirst"));
	}

	@Test
	public void aClassMissingThatIsNotTensorflowIsNotBlamedOnIt() {
		assertEquals("NoClassDefFoundError: org/example/Foo",
			Failures.describe(new NoClassDefFoundError("org/example/Foo"), Failures.SPARK));
	}

	@Test
	public void aBadValueIsItsMessageOnOneLinePlusTheDoorsHint() {
		final Throwable e = new IllegalArgumentException("budget=99 is outside [1, 8]\n  give less");
		assertEquals("budget=99 is outside [1, 8] give less; rerun with --debug for the stack trace",
			Failures.describe(e, Failures.CLI));
		assertEquals("budget=99 is outside [1, 8] give less", Failures.describe(e, Failures.CLI
			.withoutMore()));
		assertEquals("budget=99 is outside [1, 8] give less", Failures.describe(e, Failures.SPARK));
		assertEquals("budget=99 is outside [1, 8] give less; see the Log and the README for help",
			Failures.describe(e, Failures.FIJI));
	}

	@Test
	public void aMessageThatSaysWhatToDoStaysAsItIs() {
		for (final Failures.Advice a : DOORS) {
			assertEquals("x is bad; fix x", Failures.describe(new IOException("x is bad; fix x"), a));
			assertEquals("x is bad. Fix x", Failures.describe(new IOException("x is bad. Fix x"), a));
		}
	}

	@Test
	public void anUnexpectedExceptionNamesItsType() {
		assertEquals("NullPointerException", Failures.describe(new NullPointerException(),
			Failures.SPARK));
		assertEquals("ArithmeticException: / by zero", Failures.describe(new ArithmeticException(
			"/ by zero"), Failures.SPARK));
	}

	@Test
	public void outOfMemoryGetsTheDoorsWayToGiveMoreHeap() {
		final Throwable e = new OutOfMemoryError("Java heap space");
		assertEquals("out of Java heap (Java heap space); give more, e.g. KARL_JAVA_OPTS=-Xmx8g",
			Failures.describe(e, Failures.CLI));
		assertTrue(Failures.describe(e, Failures.SPARK).endsWith("--executor-memory 8g"));
		assertTrue(Failures.describe(e, Failures.FIJI).contains("Edit>Options>Memory & Threads..."));
		assertTrue("heap comes first, also when canceled", Failures.describe(e, Failures.FIJI, true)
			.startsWith("out of Java heap"));
	}

	@Test
	public void aCanceledRunSaysNothingWasWritten() {
		assertEquals("canceled (Esc); nothing was written", Failures.describe(
			new CancellationException(), Failures.FIJI));
		assertEquals("canceled (Esc); nothing was written", Failures.describe(new IOException("x"),
			Failures.FIJI, true));
		assertEquals("canceled; nothing was written", Failures.describe(new CancellationException(),
			Failures.CLI));
	}
}
