package org.karl.engine.config;

import static org.junit.Assert.*;

import org.junit.Test;

/**
 * {@link ModelConfigBuilder}: the presets built by name are the ones the positional constructor
 * gave, every named setter sets its component and no other, and the builder runs the checks.
 */
public class ModelConfigTest {

	private static final float[] BINS = ModelConfig.PAPER_BINS;

	@Test
	public void presetsAreThoseOfThePositionalConstructor() {
		final ModelConfig small = new ModelConfig(32, 4, new int[] { 16, 32 }, 16, 256, 64, 3, 3, 4, 4,
			32, 2, 46, 512, 8, 64, 0.75f, 0.25f, BINS, 1234L, ModelConfig.CODES);
		assertEquals(small, ModelConfig.small());
		assertEquals(small, ModelConfig.builder().build());
		assertEquals(new ModelConfig(32, 4, new int[] { 16, 32 }, 16, 256, 96, 4, 4, 4, 4, 32, 2, 46,
			1024, 12, 96, 0.75f, 0.25f, BINS, 1234L, ModelConfig.CODES), ModelConfig.medium());
		assertEquals(new ModelConfig(32, 4, new int[] { 16, 32 }, 16, 128, 32, 2, 2, 2, 4, 16, 2, 22,
			128, 8, 32, 0.75f, 0.25f, BINS, 11L, ModelConfig.CODES), ModelConfig.tiny());
		assertEquals(new ModelConfig(32, 4, new int[] { 8, 8 }, 4, 16, 16, 1, 1, 2, 2, 8, 2, 12, 32, 4,
			16, 0.75f, 0.25f, BINS, 7L, ModelConfig.CODES), ModelConfig.test());
		assertEquals(new ModelConfig(32, 4, new int[] { 32, 64 }, 16, 256, 64, 3, 3, 4, 4, 32, 2, 46,
			512, 8, 64, 0.75f, 0.25f, BINS, 1234L, ModelConfig.LATENT), ModelConfig.preset(
				"small-latent-wide"));
		assertEquals(ModelConfig.small().toBuilder().decoderLayers(6).decoderTarget(ModelConfig.LATENT)
			.build(), ModelConfig.preset("small-latent-deep")); // the encoder, and the map, unchanged
	}

	@Test
	public void everyNamedSetterSetsItsComponent() {
		final float[] bins = { 0.01f, 0.1f, 0.5f };
		final ModelConfig c = ModelConfig.builder().tileSize(64).patch(8).baseChannels(24, 48).dz(12)
			.baseCodes(300).width(48).encoderLayers(5).decoderLayers(6).heads(6).mlpRatio(3)
			.maxTokens(20).budgetStep(4).tableTokens(28).latentCodes(600).latentDim(10).haltHidden(40)
			.haltThreshold(0.6f).vqBeta(0.5f).epsilonBins(bins).seed(99L)
			.decoderTarget(ModelConfig.LATENT).build();
		final ModelConfig expected = new ModelConfig(64, 8, new int[] { 24, 48 }, 12, 300, 48, 5, 6, 6,
			3, 20, 4, 28, 600, 10, 40, 0.6f, 0.5f, bins, 99L, ModelConfig.LATENT);
		assertEquals(expected, c);
		assertEquals(c, c.toBuilder().build());
		assertEquals(ModelConfig.CODES, ModelConfig.small().toBuilder().width(96).build()
			.decoderTarget());
	}

	@Test
	public void theBuilderRunsTheRecordsChecks() {
		try {
			ModelConfig.builder().heads(5).build();
			fail("heads 5 does not divide width 64");
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("heads 5"));
		}
	}
}
