package org.karl.fiji.ij1;

import static org.junit.Assert.*;

import java.util.List;
import java.util.Set;

import org.junit.Test;

/** Parsing of ImageJ option strings: brackets, quotes, bare keys, unknown keys, bad numbers. */
public class MacroArgsTest {

	private static final Set<String> KNOWN = Set.of("epsilon", "model", "resume", "steps");

	@Test
	public void bracketedQuotedAndBareValues() {
		final MacroArgs a = new MacroArgs("epsilon=0.2 model=[/a b/c] resume steps='7'", KNOWN);
		assertEquals(0.2, a.number("epsilon", 0), 0);
		assertEquals("/a b/c", a.string("model", ""));
		assertTrue(a.flag("resume"));
		assertEquals(7, a.integer("steps", 0));
		assertEquals(List.of(), a.unknown());
	}

	@Test
	public void absentKeysGiveDefaultsAndUnknownKeysAreListed() {
		final MacroArgs a = new MacroArgs("epsilom=0.2 model=[] colour=red", KNOWN);
		assertEquals(0.05, a.number("epsilon", 0.05), 0);
		assertEquals("", a.string("model", "x"));
		assertFalse(a.flag("resume"));
		assertEquals(List.of("epsilom", "colour"), a.unknown());
		assertEquals(0.05, new MacroArgs(null, KNOWN).number("epsilon", 0.05), 0);
	}

	@Test
	public void malformedNumbersNameTheKey() {
		final MacroArgs a = new MacroArgs("epsilon=abc steps=2.5", KNOWN);
		assertThrows("epsilon=abc is not a number", IllegalArgumentException.class, () -> a.number(
			"epsilon", 0.05));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a
			.integer("steps", 200));
		assertEquals("steps=2.5 is not a whole number; write e.g. steps=200", e.getMessage());
	}
}
