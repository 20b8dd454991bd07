package org.karl.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * How {@code karl} reads a command line (picocli, set up by {@link Main#commandLine}), on a probe
 * command with the kinds of options the real ones have: the forms accepted, and one line plus
 * the usage for each usage error.
 */
public class ParsingTest {

	@Command(name = "probe", description = "A command for this test.")
	static final class Probe extends KarlCommand {

		@Option(names = "--model", paramLabel = "DIR", description = "a string")
		String model = "d";

		@Option(names = "--epsilon", paramLabel = "E", description = "a number")
		double epsilon = 0.05;

		@Option(names = "--seed", paramLabel = "S", description = "an integer")
		long seed = 42;

		@Option(names = "--out", paramLabel = "FILE", required = true, description = "a path")
		Path out;

		@Option(names = "--reconstruct", description = "a flag")
		boolean reconstruct;

		@Parameters(paramLabel = "FILE", description = "files")
		List<String> files = new ArrayList<>();

		boolean ran;

		@Override
		public Integer call() {
			ran = true;
			return Main.EXIT_OK;
		}
	}

	private Probe probe;
	private String out, err;

	private int karl(final String... argv) {
		probe = new Probe();
		final ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
		final String[] all = new String[argv.length + 1];
		all[0] = "probe";
		System.arraycopy(argv, 0, all, 1, argv.length);
		final int code = Main.commandLine(List.of(probe), new PrintStream(o, true,
			StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8)).execute(all);
		out = o.toString(StandardCharsets.UTF_8);
		err = e.toString(StandardCharsets.UTF_8);
		return code;
	}

	/** A usage error: exit 2, the first stderr line, then the usage (checked here). */
	private String usageError(final String... argv) {
		assertEquals(String.join(" ", argv), Main.EXIT_USAGE, karl(argv));
		assertFalse(probe.ran);
		final List<String> lines = err.lines().toList();
		assertTrue(err, lines.get(0).startsWith("karl probe: "));
		assertTrue(err, lines.get(1).startsWith("karl probe [--model=DIR]"));
		return lines.get(0);
	}

	@Test
	public void valuesCanFollowTheFlagOrAnEqualsSign() {
		assertEquals(err, 0, karl("--model", "m", "--epsilon=0.1", "--out", "o"));
		assertEquals("m", probe.model);
		assertEquals(0.1, probe.epsilon, 0);
		assertEquals(Path.of("o"), probe.out);
		assertTrue(probe.ran);
	}

	@Test
	public void booleanFlagsTakeNoValueSoFilesMayFollow() {
		karl("--out=o", "--reconstruct", "a.tif", "b.tif");
		assertTrue(probe.reconstruct);
		assertEquals(List.of("a.tif", "b.tif"), probe.files);
		karl("--out=o", "x");
		assertFalse(probe.reconstruct);
	}

	@Test
	public void booleanFlagsAcceptAnExplicitTrueOrFalse() {
		karl("--out=o", "--reconstruct=false");
		assertFalse(probe.reconstruct);
		karl("--out=o", "--reconstruct=true");
		assertTrue(probe.reconstruct);
		assertTrue(usageError("--out=o", "--reconstruct=yes").contains("--reconstruct"));
	}

	@Test
	public void positionalFilesMayBeAnywhere() {
		karl("a", "--model", "m", "b", "--out=o", "--reconstruct", "c");
		assertEquals(List.of("a", "b", "c"), probe.files);
	}

	@Test
	public void doubleDashEndsOptions() {
		karl("--out=o", "--", "--model", "-x");
		assertEquals(List.of("--model", "-x"), probe.files);
		assertEquals("d", probe.model);
	}

	@Test
	public void negativeNumbersAreValues() {
		karl("--out=o", "--seed", "-3");
		assertEquals(-3, probe.seed);
	}

	@Test
	public void defaultsApplyWhenAbsent() {
		karl("--out=o");
		assertEquals(0.05, probe.epsilon, 0);
		assertEquals(42, probe.seed);
		assertEquals("d", probe.model);
		assertEquals(List.of(), probe.files);
	}

	@Test
	public void unknownOptionIsAUsageErrorNamingItWithASuggestion() {
		assertEquals("karl probe: unknown option --modle; did you mean --model?", usageError("--modle",
			"m", "--out=o"));
		assertTrue(usageError("-x", "--out=o").contains("-x"));
		// NB: before the missing required --out, which picocli would name first
		assertTrue(usageError("--no-such-flag", "x").contains("--no-such-flag"));
	}

	@Test
	public void missingValueIsAUsageError() {
		assertTrue(usageError("--out=o", "--model").contains("--model"));
		assertTrue(usageError("--out=o", "--model", "--reconstruct").contains("--model"));
		assertEquals("karl probe: --model needs a value", usageError("--out=o", "--model="));
	}

	@Test
	public void repeatedOptionIsAUsageError() {
		assertTrue(usageError("--out=o", "--model", "a", "--model=b").contains("only once"));
	}

	@Test
	public void badNumbersAreUsageErrorsNamingTheValue() {
		final String e = usageError("--out=o", "--epsilon", "abc");
		assertTrue(e, e.contains("--epsilon") && e.contains("'abc'"));
		final String s = usageError("--out=o", "--seed", "1.5");
		assertTrue(s, s.contains("--seed") && s.contains("'1.5'"));
	}

	@Test
	public void missingRequiredOptionNamesIt() {
		assertEquals("karl probe: missing --out", usageError("a"));
	}

	@Test
	public void helpGoesToStdoutAndRunsNothing() {
		assertEquals(0, karl("--help"));
		assertFalse(probe.ran);
		assertTrue(out, out.startsWith("karl probe [--model=DIR]"));
		assertEquals("", err);
	}

	@Test
	public void rawListsTheOptionsAsParsedThenTheFiles() throws Exception {
		final Probe p = new Probe();
		Main.call(p, System.out, System.err, "a", "--model=m", "--reconstruct", "--out", "o", "b");
		assertTrue(p.ran);
		assertEquals(List.of("--model m", "--reconstruct", "--out o", "a", "b"), p.raw());
		final Probe q = new Probe();
		Main.call(q, System.out, System.err, "--reconstruct=false", "--out=o");
		assertEquals(List.of("--reconstruct=false", "--out o"), q.raw());
	}
}
