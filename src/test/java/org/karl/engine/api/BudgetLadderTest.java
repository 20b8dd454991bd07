package org.karl.engine.api;

import static org.junit.Assert.*;

import org.junit.Test;

public class BudgetLadderTest {

	@Test
	public void theTrainingLadderCappedAtTheBudgetWhichIsTheLastRung() {
		assertArrayEquals(new int[] { 2, 4, 6, 8, 12, 16, 24, 32 }, BudgetLadder.rungs(32));
		assertArrayEquals(new int[] { 2, 4, 6, 8, 12, 16, 20 }, BudgetLadder.rungs(20));
		assertArrayEquals(new int[] { 2, 4, 6, 8 }, BudgetLadder.rungs(8));
		assertArrayEquals(new int[] { 1 }, BudgetLadder.rungs(1));
		assertArrayEquals(new int[] { 2, 3 }, BudgetLadder.rungs(3));
	}

	@Test
	public void aLargerModelContinuesTheLadder() {
		assertArrayEquals(new int[] { 2, 4, 6, 8, 12, 16, 24, 32, 48, 64 }, BudgetLadder.rungs(64));
	}

	@Test
	public void nextIsTheSmallestRungAboveAnyCountOnOrOffTheLadder() {
		assertEquals(2, BudgetLadder.next(0, 32));
		assertEquals(2, BudgetLadder.next(1, 32));
		assertEquals(4, BudgetLadder.next(2, 32));
		assertEquals(4, BudgetLadder.next(3, 32));
		assertEquals(6, BudgetLadder.next(5, 32));
		assertEquals(24, BudgetLadder.next(17, 32));
		assertEquals(32, BudgetLadder.next(31, 32));
		assertEquals("capped", 20, BudgetLadder.next(16, 20));
		assertEquals(1, BudgetLadder.next(0, 1));
	}

	@Test
	public void nothingIsAboveTheBudget() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> BudgetLadder.next(32, 32));
		assertTrue(e.getMessage(), e.getMessage().contains("budget 32"));
	}
}
