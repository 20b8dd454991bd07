package org.karl.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;

public class ArgsTest {

	private static final Args.Spec SPEC = new Args.Spec().value("model").value("epsilon").value(
		"seed").flag("reconstruct");

	private static Args parse(final String... argv) throws UsageException {
		return Args.parse(argv, SPEC);
	}

	private static String usageError(final String... argv) {
		try {
			parse(argv);
			fail("parsed " + String.join(" ", argv));
			return null;
		}
		catch (final UsageException e) {
			return e.getMessage();
		}
	}

	@Test
	public void valuesCanFollowTheFlagOrAnEqualsSign() throws UsageException {
		final Args a = parse("--model", "m", "--epsilon=0.1");
		assertEquals("m", a.get("model", null));
		assertEquals(0.1, a.getDouble("epsilon", 0), 0);
	}

	@Test
	public void booleanFlagsTakeNoValueSoFilesMayFollow() throws UsageException {
		final Args a = parse("--reconstruct", "a.tif", "b.tif");
		assertTrue(a.flag("reconstruct"));
		assertEquals(List.of("a.tif", "b.tif"), a.positional());
		assertFalse(parse("x").flag("reconstruct"));
	}

	@Test
	public void booleanFlagsAcceptAnExplicitTrueOrFalse() throws UsageException {
		assertFalse(parse("--reconstruct=false").flag("reconstruct"));
		assertTrue(parse("--reconstruct=true").flag("reconstruct"));
		assertTrue(usageError("--reconstruct=yes").contains("--reconstruct"));
	}

	@Test
	public void positionalFilesMayBeAnywhere() throws UsageException {
		assertEquals(List.of("a", "b", "c"), parse("a", "--model", "m", "b", "--reconstruct", "c")
			.positional());
	}

	@Test
	public void doubleDashEndsFlags() throws UsageException {
		assertEquals(List.of("--model", "-x"), parse("--", "--model", "-x").positional());
	}

	@Test
	public void negativeNumbersAreValues() throws UsageException {
		assertEquals(-3, parse("--seed", "-3").getLong("seed", 0));
	}

	@Test
	public void unknownFlagIsAUsageErrorNamingIt() {
		assertTrue(usageError("--modle", "m").contains("--modle"));
		assertTrue(usageError("-x").contains("-x"));
	}

	@Test
	public void missingValueIsAUsageError() {
		assertTrue(usageError("--model").contains("--model"));
		assertTrue(usageError("--model", "--reconstruct").contains("--model"));
		assertTrue(usageError("--model=").contains("--model"));
	}

	@Test
	public void repeatedFlagIsAUsageError() {
		assertTrue(usageError("--model", "a", "--model=b").contains("twice"));
	}

	@Test
	public void badNumbersAreUsageErrorsNamingTheValue() throws UsageException {
		final Args a = parse("--epsilon", "abc", "--seed", "1.5");
		try {
			a.getDouble("epsilon", 0);
			fail();
		}
		catch (final UsageException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("--epsilon 'abc'"));
		}
		try {
			a.getInt("seed", 0);
			fail();
		}
		catch (final UsageException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("--seed '1.5'"));
		}
	}

	@Test
	public void requireNamesTheMissingFlag() throws UsageException {
		try {
			parse().require("model");
			fail();
		}
		catch (final UsageException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("--model"));
		}
		assertEquals("m", parse("--model=m").require("model"));
	}

	@Test
	public void defaultsApplyWhenAbsent() throws UsageException {
		final Args a = parse();
		assertEquals(0.05, a.getDouble("epsilon", 0.05), 0);
		assertEquals(42, a.getLong("seed", 42));
		assertEquals("d", a.get("model", "d"));
		assertFalse(a.has("model"));
	}

	@Test
	public void askingForAKeyNotInTheSpecIsAProgrammingError() throws UsageException {
		try {
			parse().get("modle", null);
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage().contains("modle"));
		}
	}
}
