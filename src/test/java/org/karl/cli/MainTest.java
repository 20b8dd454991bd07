package org.karl.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.Keys;
import org.karl.ops.ComplexityMapOp;
import org.karl.ops.TokenizeOp;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

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
		assertTrue(err, err.startsWith("karl: no command given; "));
		assertTrue(err, err.contains("karl tokenize [--model=DIR]"));
		assertTrue(err, err.contains("karl info [--model=DIR]"));
	}

	@Test
	public void helpGoesToStdoutWithExitZero() {
		assertEquals(0, karl("--help"));
		assertTrue(out.contains("commands:"));
		assertEquals(0, karl("-h"));
		assertTrue(out.contains("commands:"));
		assertEquals(0, karl("help", "tokenize"));
		assertTrue(out, out.startsWith("karl tokenize "));
		final String help = out;
		assertEquals(0, karl("tokenize", "--help"));
		assertEquals(help, out);
		assertTrue(out.contains("--csv=OUT"));
		for (final String c : TokenizeOp.COLUMNS) assertTrue(c, out.contains(c));
		assertEquals("", err);
	}

	@Test
	public void unknownSubcommandIsAUsageError() {
		assertEquals(Main.EXIT_USAGE, karl("tokenise"));
		assertTrue(err, err.startsWith("karl: unknown subcommand 'tokenise'"));
		assertTrue(err, err.contains("commands:"));
	}

	@Test
	public void unknownFlagIsAUsageErrorFollowedByTheUsage() {
		assertEquals(Main.EXIT_USAGE, karl("tokenize", "--modle", "m"));
		assertTrue(err, err.startsWith("karl tokenize: unknown option --modle; did you mean " +
			"--model?\nkarl tokenize [--model=DIR]"));
	}

	@Test
	public void mapHelpListsEveryOption() {
		assertEquals(Main.EXIT_OK, karl("map", "--help"));
		assertEquals("", err);
		assertTrue(out, out.startsWith("karl map [--model=DIR] "));
		for (final String o : List.of("--model=DIR", "--epsilon=E", "--budget=T", "--lut=L",
			"--output=DIR", "FILE_OR_FOLDER", "--help", "--debug"))
			assertTrue(o, out.contains("\n      " + o));
		assertTrue(out, out.contains("default " + Keys.DEFAULT_EPSILON));
		assertTrue(out, out.contains("NAME" + org.karl.ops.MapFiles.MAP_SUFFIX));
		for (final String c : ComplexityMapOp.COLUMNS) assertTrue(c, out.contains(c));
	}

	@Test
	public void mapWithAnUnknownFlagIsOneLineThenTheUsage() {
		assertEquals(Main.EXIT_USAGE, karl("map", "--no-such-flag", "x"));
		assertEquals("", out);
		final List<String> lines = err.lines().collect(Collectors.toList());
		assertTrue(lines.get(0), lines.get(0).startsWith("karl map: unknown option --no-such-flag"));
		karl("map", "--help");
		assertEquals(out, String.join("\n", lines.subList(1, lines.size())) + "\n");
	}

	@Test
	public void missingValuesAndFilesAreUsageErrors() {
		assertEquals(Main.EXIT_USAGE, karl("tokenize", "--model"));
		assertTrue(err, err.startsWith("karl tokenize: "));
		assertEquals(Main.EXIT_USAGE, karl("tokenize", "--model", "m", "--csv", "x.csv"));
		assertTrue(err, err.startsWith("karl tokenize: missing FILE_OR_FOLDER"));
		assertEquals(Main.EXIT_USAGE, karl("tokenize", "--model", "m", "a.tif"));
		assertTrue(err, err.startsWith("karl tokenize: missing --csv"));
		assertEquals(Main.EXIT_USAGE, karl("tokenize", "--model=m", "--csv=c", "--epsilon=x",
			"a"));
		assertTrue(err, err.startsWith("karl tokenize: Invalid value for option '--epsilon': 'x' "));
		assertEquals(Main.EXIT_USAGE, karl("reconstruct", "--output=o.tif", "a.tif", "b.tif"));
		assertTrue(err, err.startsWith("karl reconstruct: "));
	}

	@Test
	public void missingInputIsOneLineSayingWhatToDo() {
		assertEquals(Main.EXIT_FAILURE, karl("tokenize", "--model", "m", "--csv", "c.csv",
			"nope.tif"));
		assertEquals("karl tokenize: input nope.tif does not exist; check the path\n", err);
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
	public void everySubcommandDocumentsEveryOptionAndTheOverviewListsIt() throws Exception {
		final List<String> keys = new ArrayList<>();
		for (final Field f : Keys.class.getFields())
			if (f.getName().startsWith("KEY_")) keys.add((String) f.get(null));
		assertEquals(0, karl("--help"));
		final String overview = out;
		final List<String> names = new ArrayList<>();
		for (final CommandLine c : Main.commandLine(Main.commands(), System.out, System.err)
			.getSubcommands().values())
		{
			if (!(c.getCommand() instanceof KarlCommand)) continue;
			final String name = c.getCommandName();
			names.add(name);
			assertEquals(0, karl(name, "--help"));
			assertTrue(name, out.startsWith("karl " + name + " "));
			assertTrue(name, overview.contains("  karl " + name + " "));
			for (final OptionSpec o : c.getCommandSpec().options()) {
				assertFalse(name + " " + o.longestName(), o.description().length == 0);
				assertTrue(name + " help lacks " + o.longestName(), out.contains(o.longestName()));
				// NB: every option is a Keys key, so that CLI, macros and cards share one name
				assertTrue(o.longestName(), keys.contains(o.longestName().substring(2)));
			}
		}
		assertEquals(List.of("tokenize", "map", "reconstruct", "train-base", "train", "info", "eval",
			"bench", "merge"), names);
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
