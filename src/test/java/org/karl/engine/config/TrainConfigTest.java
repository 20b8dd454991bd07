package org.karl.engine.config;

import static org.junit.Assert.*;

import org.junit.Test;

import com.google.gson.JsonObject;

/**
 * {@link TrainConfigBuilder}: a fresh builder is the "S" recipe of the positional constructor,
 * every named setter sets its component and no other, and a card without the later options
 * still reads as the paper's.
 */
public class TrainConfigTest {

	/** The "S" recipe as the positional constructor gave it before the builder. */
	private static final TrainConfig S_RECIPE = new TrainConfig(3000, 32, 1e-3f, 0.1f, 0.05f, 0.9f,
		0.95f, 3.0f, 1000, 2000, 128, 1e-3f, 100, 500, 100, 50, 500, 42L, TrainConfig.MINIMUM,
		TrainConfig.PREFIX, null, null);

	@Test
	public void defaultsAndAFreshBuilderAreTheSRecipe() {
		assertEquals(S_RECIPE, TrainConfig.defaults());
		assertEquals(S_RECIPE, TrainConfig.builder().build());
		assertEquals(TrainConfig.MINIMUM, TrainConfig.defaults().haltingTargets());
		assertEquals(TrainConfig.PREFIX, TrainConfig.defaults().phase1Tokens());
		assertNull(TrainConfig.defaults().lrSchedule());
	}

	@Test
	public void everyNamedSetterSetsItsComponent() {
		final TrainConfig.LrRun run = new TrainConfig.LrRun(7, 2e-4f, 0.2f, 0.3f);
		final TrainConfig c = TrainConfig.builder().steps(11).batch(12).peakLr(2e-3f)
			.warmupFraction(0.2f).weightDecay(0.01f).beta1(0.8f).beta2(0.99f).clipNorm(1.5f)
			.calibrationSteps(13).baseSteps(14).baseBatch(15).baseLr(3e-3f).codeInitStep(16)
			.latentCodeInitStep(17).deadCodeSteps(18).logEvery(19).checkpointEvery(20).seed(21L)
			.haltingTargets(TrainConfig.PAPER).phase1Tokens(TrainConfig.QUERIES).phase1Budgets("16..46")
			.lrSchedule(run).build();
		assertEquals(new TrainConfig(11, 12, 2e-3f, 0.2f, 0.01f, 0.8f, 0.99f, 1.5f, 13, 14, 15, 3e-3f,
			16, 17, 18, 19, 20, 21L, TrainConfig.PAPER, TrainConfig.QUERIES, "16..46", run), c);
		assertEquals(c, c.toBuilder().build());
		assertEquals(S_RECIPE.withSteps(5), S_RECIPE.toBuilder().steps(5).build());
		assertEquals(1, S_RECIPE.toBuilder().logEvery(1).build().logEvery());
		assertEquals(S_RECIPE.batch(), S_RECIPE.toBuilder().baseBatch(8).build().batch());
	}

	@Test
	public void theBuilderRunsTheRecordsChecks() {
		try {
			TrainConfig.builder().batch(0).build();
			fail("batch 0");
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("batch"));
		}
	}

	@Test
	public void aCardWithoutTheLaterOptionsReadsAsThePapers() {
		final JsonObject card = ModelCard.of(ModelConfig.test(), TrainConfig.defaults()).tree();
		final JsonObject training = card.getAsJsonObject("training");
		assertNotNull(training.remove("haltingTargets"));
		assertNotNull(training.remove("phase1Tokens"));
		final TrainConfig old = ModelCard.fromJson(card.toString()).training();
		assertEquals(TrainConfig.PAPER, old.haltingTargets());
		assertEquals(TrainConfig.QUERIES, old.phase1Tokens());
		assertEquals(TrainConfig.defaults().toBuilder().haltingTargets(TrainConfig.PAPER).phase1Tokens(
			TrainConfig.QUERIES).build(), old);
	}
}
