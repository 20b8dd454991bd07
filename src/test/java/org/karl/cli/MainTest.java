package org.karl.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class MainTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private String out, err;

	private int karl(final String... argv) {
		final ByteArrayOutputStream o = new ByteArrayOutputStream(), e =
			new ByteArrayOutputStream();
		final int code = Main.run(argv, new PrintStream(o, true, StandardCharsets.UTF_8),
			new PrintStream(e, true, StandardCharsets.UTF_8));
		out = o.toString(StandardCharsets.UTF_8);
		err = e.toString(StandardCharsets.UTF_8);
		return code;
	}

	@Test
	public void noArgumentsPrintsTheOverviewAsAUsageError() {
		assertEquals(Main.EXIT_USAGE, karl());
		assertTrue(err, err.contains("karl tokenize --model"));
		assertTrue(err, err.contains("karl info --model"));
	}

	@Test
	public void helpGoesToStdoutWithExitZero() {
		assertEquals(0, karl("--help"));
		assertTrue(out.contains("commands:"));
		assertEquals(0, karl("help", "tokenize"));
		assertTrue(out.startsWith("karl tokenize"));
		assertEquals(0, karl("tokenize", "--help"));
		assertTrue(out.contains("--csv OUT"));
		assertEquals("", err);
	}

	@Test
	public void unknownSubcommandIsAUsageError() {
		assertEquals(Main.EXIT_USAGE, karl("tokenise"));
		assertTrue(err, err.startsWith("karl: unknown subcommand 'tokenise'"));
	}

	@Test
	public void unknownFlagIsAUsageErrorFollowedByTheUsage() {
		assertEquals(Main.EXIT_USAGE, karl("tokenize", "--modle", "m"));
		assertTrue(err, err.startsWith("karl tokenize: unknown flag --modle\nkarl tokenize --model"));
	}

	@Test
	public void missingValuesAndFilesAreUsageErrors() {
		assertEquals(Main.EXIT_USAGE, karl("tokenize", "--model"));
		assertEquals(Main.EXIT_USAGE, karl("tokenize", "--model", "m", "--csv", "x.csv"));
		assertTrue(err, err.startsWith("karl tokenize: no image files given"));
		assertEquals(Main.EXIT_USAGE, karl("tokenize", "--model", "m", "a.tif"));
		assertTrue(err, err.startsWith("karl tokenize: missing --csv"));
		assertEquals(Main.EXIT_USAGE, karl("tokenize", "--model=m", "--csv=c", "--epsilon=x",
			"a"));
		assertTrue(err, err.startsWith("karl tokenize: --epsilon 'x' is not a number"));
	}

	@Test
	public void missingInputIsOneLineSayingWhatToDo() {
		assertEquals(Main.EXIT_FAILURE, karl("tokenize", "--model", "m", "--csv", "c.csv",
			"nope.tif"));
		assertEquals("karl tokenize: input nope.tif is not a file; check the path\n", err);
	}

	@Test
	public void missingModelIsOneLine() throws IOException {
		final Path img = Files.write(tmp.getRoot().toPath().resolve("a.png"), new byte[1]);
		assertEquals(Main.EXIT_FAILURE, karl("tokenize", "--model", "no-model", "--csv", "c.csv",
			img.toString()));
		assertTrue(err, err.startsWith("karl tokenize: --model no-model is not a folder; "));
		assertEquals(1, err.lines().count());
	}

	@Test
	public void modelThatDoesNotLoadIsOneLineAndDebugAddsTheTrace() {
		final String dir = tmp.getRoot().toString();
		assertEquals(Main.EXIT_FAILURE, karl("info", "--model", dir));
		assertTrue(err, err.startsWith("karl info: "));
		assertEquals(err, 1, err.lines().count());
		assertEquals(Main.EXIT_FAILURE, karl("info", "--model", dir, "--debug"));
		assertTrue(err, err.lines().count() > 1);
		assertTrue(err, err.contains("\tat "));
	}

	@Test
	public void everySubcommandDocumentsEveryFlag() {
		for (final Subcommand c : Main.COMMANDS) {
			assertTrue(c.name(), c.usage().startsWith("karl " + c.name() + " "));
			for (final String key : c.spec().keys())
				assertTrue(c.name() + " usage lacks --" + key, c.usage().contains("--" + key));
			assertEquals(c, Main.find(c.name()));
		}
	}

	@Test
	public void failureMessagesAreOneLineAndSayWhatToDo() {
		assertEquals("boom two; rerun with --debug for the stack trace", Main.describe(
			new IllegalStateException("boom\n  two"), false));
		assertEquals("x is bad; fix x", Main.describe(new IOException("x is bad; fix x"), false));
		assertEquals("NullPointerException; rerun with --debug for the stack trace", Main.describe(
			new NullPointerException(), false));
		assertTrue(Main.describe(new OutOfMemoryError("Java heap space"), false).contains(
			"KARL_JAVA_OPTS"));
	}
}
