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

	@Test
	public void aPrefixMaskKeepsTheFirstCountSlotsOfEachRow() {
		assertArrayEquals(new int[] { 1, 1, 0, 0, //
			0, 0, 0, 0, //
			1, 1, 1, 1, //
			1, 0, 0, 0 }, BudgetLadder.prefixMask(new int[] { 2, 0, 4, 1 }, 4));
		assertArrayEquals(new int[0], BudgetLadder.prefixMask(new int[0], 4));
	}

	@Test
	public void aUniformPrefixIsThePerRowMaskWithOneCount() {
		assertArrayEquals(new int[] { 1, 1, 1, 0, 0, 1, 1, 1, 0, 0 }, BudgetLadder.prefixMask(2, 5, 3));
		assertArrayEquals(BudgetLadder.prefixMask(new int[] { 3, 3, 3 }, 8), BudgetLadder.prefixMask(3, 8,
			3));
		assertArrayEquals(new int[6], BudgetLadder.prefixMask(2, 3, 0));
	}

	@Test
	public void aPrefixLongerThanTheRowIsRefusedNotSpilledIntoTheNext() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> BudgetLadder.prefixMask(new int[] { 5, 1 }, 4));
		assertTrue(e.getMessage(), e.getMessage().contains("prefix 5 of row 0 is outside [0, 4]"));
		assertThrows(IllegalArgumentException.class, () -> BudgetLadder.prefixMask(2, 4, 5));
		assertThrows(IllegalArgumentException.class, () -> BudgetLadder.prefixMask(new int[] { -1 }, 4));
	}
}
