package org.karl.engine.config;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;

/** The phase-1 budget range: parsing, the default (the whole table) and the sampled steps. */
public class Phase1BudgetsTest {

	private static final ModelConfig S = ModelConfig.small(); // budget step 2, table 46

	@Test
	public void noRangeIsTheWholeTable() {
		final Phase1Budgets all = Phase1Budgets.of(TrainConfig.defaults(), S);
		assertEquals(new Phase1Budgets(2, 46), all);
		assertArrayEquals(new int[] { 1, 23 }, all.steps(S)); // T = 2 (1 + k), k < 23: 2..46
	}

	@Test
	public void aRangeKeepsTheMultiplesOfTheStepInsideIt() {
		assertArrayEquals(new int[] { 8, 16 }, Phase1Budgets.parse("16..46").steps(S)); // 16..46
		assertArrayEquals(new int[] { 16, 1 }, Phase1Budgets.parse("32..32").steps(S)); // 32 only
		assertArrayEquals(new int[] { 2, 14 }, Phase1Budgets.parse(" 3 .. 31 ").steps(S)); // 4..30
		assertArrayEquals(new int[] { 8, 16 }, Phase1Budgets.parse("16..100").steps(S)); // clipped
		assertEquals("16..46", Phase1Budgets.parse("16..46").toString());
		assertEquals("16..46", Phase1Budgets.of(TrainConfig.builder().phase1Budgets("16..46").build(),
			S).toString());
	}

	@Test
	public void malformedRangesSayWhatToWrite() {
		for (final String bad : new String[] { "16", "16-46", "a..b", "30..20", "0..4", "16..46..50" })
			try {
				Phase1Budgets.parse(bad);
				fail(bad);
			}
			catch (final IllegalArgumentException e) {
				assertTrue(e.getMessage(), e.getMessage().contains("MIN..MAX") || e.getMessage().contains(
					"whole numbers"));
			}
		try {
			Phase1Budgets.parse("47..60").steps(S);
			fail("outside the table");
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("2..46"));
		}
		try {
			TrainConfig.builder().phase1Budgets("x").build();
			fail("the config checks it");
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("MIN..MAX"));
		}
	}
}
