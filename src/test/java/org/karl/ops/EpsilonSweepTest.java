package org.karl.ops;

import static org.junit.Assert.*;

import java.util.List;

import org.junit.Test;

/** The numbers of a sweep on hand-made count maps, and how the list of ε is read. */
public class EpsilonSweepTest {

	@Test
	public void summaryCountsTheSharesOfAHandMadeMap() {
		// 10 tiles, one not mapped: 3 at the lowest count, 2 at the budget, 4 between
		final float[] counts = { 2, 2, 1, 32, 32, 4, 8, 12, 31, Float.NaN };
		final EpsilonSweep.Summary s = EpsilonSweep.summarize(0.05f, counts, 2, 32, 3);
		assertEquals(9, s.tiles());
		assertEquals((2 + 2 + 1 + 32 + 32 + 4 + 8 + 12 + 31) / 9.0, s.meanTokens(), 1e-12);
		assertEquals(3 / 9.0, s.atMin(), 1e-12);
		assertEquals(2 / 9.0, s.atMax(), 1e-12);
		assertEquals(4 / 9.0, s.graded(), 1e-12);
		assertEquals(3 / 9.0, s.outOfReach(), 1e-12);
		assertEquals(1.0, s.atMin() + s.atMax() + s.graded(), 1e-12);
	}

	@Test
	public void aBudgetBelowTMaxIsTheTop() {
		final EpsilonSweep.Summary s = EpsilonSweep.summarize(0.1f, new float[] { 2, 8, 8, 6 }, 2, 8,
			-1);
		assertEquals(0.5, s.atMax(), 0);
		assertEquals(0.25, s.graded(), 0);
		assertTrue("unknown without verify", Double.isNaN(s.outOfReach()));
	}

	@Test
	public void theMostGradedEpsilonIsNamed() {
		final List<EpsilonSweep.Summary> sums = List.of(EpsilonSweep.summarize(0.02f, new float[] { 32,
			32, 8 }, 2, 32, -1), EpsilonSweep.summarize(0.05f, new float[] { 4, 32, 8 }, 2, 32, -1),
			EpsilonSweep.summarize(0.1f, new float[] { 2, 2, 2 }, 2, 32, -1));
		assertEquals(0.05f, EpsilonSweep.mostGraded(sums), 0f);
		assertEquals("most graded at ε = 0.05 (67 % of tiles between 2 and 32 tokens)", EpsilonSweep
			.line(sums, 2, 32));
		final Table t = EpsilonSweep.table(sums, false);
		assertEquals(List.of("epsilon", "tiles", "mean_tokens", "at_min", "at_max", "graded"), t
			.columns());
		assertEquals(3, t.size());
		assertEquals(2.0 / 3, ((Number) t.get(1, "graded")).doubleValue(), 1e-12);
		assertTrue(EpsilonSweep.line(sums.subList(2, 3), 2, 32).startsWith("no epsilon of the sweep"));
	}

	@Test
	public void theListIsReadAscendingOnceEach() {
		assertArrayEquals(new float[] { 0.02f, 0.05f, 0.1f }, EpsilonSweep.parse("0.1, 0.02,0.05,0.1"),
			0f);
		assertEquals("0.02,0.05,0.1", EpsilonSweep.describe(EpsilonSweep.parse("0.1,0.05,0.02")));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> EpsilonSweep.parse("0.02,abc"));
		assertTrue(e.getMessage(), e.getMessage().contains("'abc' is not a number"));
		assertThrows(IllegalArgumentException.class, () -> EpsilonSweep.parse(" , "));
	}

	@Test
	public void everyListOfEpsilonsIsReadOneWayNamingItsKey() {
		assertArrayEquals(new float[] { 0.02f, 0.05f }, EpsilonList.parse("epsilon", "0.05,0.02"), 0f);
		assertArrayEquals("spaces, semicolons and empty entries", new float[] { 0.02f, 0.05f, 0.1f },
			EpsilonList.parse("epsilon", " 0.1 ; 0.05,,0.02, "), 0f);
		assertArrayEquals("the sweep reads its list so", EpsilonList.parse("sweep", "0.1,0.02"),
			EpsilonSweep.parse("0.1,0.02"), 0f);
		final EpsilonList.Malformed e = assertThrows(EpsilonList.Malformed.class, () -> EpsilonList
			.parse("epsilon", "0.05, x"));
		assertEquals("epsilon=0.05, x: 'x' is not a number; write the epsilons separated by commas, " +
			"e.g. epsilon=0.02,0.05,0.1", e.getMessage());
		final EpsilonList.Malformed s = assertThrows(EpsilonList.Malformed.class, () -> EpsilonSweep
			.parse("0.05,abc"));
		assertTrue(s.getMessage(), s.getMessage().startsWith("sweep=0.05,abc: 'abc' is not a number"));
		assertTrue(assertThrows(EpsilonList.Malformed.class, () -> EpsilonList.parse("epsilon", ""))
			.getMessage().startsWith("epsilon lists no epsilon"));
		final IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
			() -> EpsilonList.parse("epsilon", "0.05,1e308"));
		assertFalse("a number, but no float: not a malformed list", big instanceof EpsilonList.Malformed);
		assertTrue(big.getMessage(), big.getMessage().startsWith("epsilon = 1e308 is outside"));
	}
}
