package org.karl.engine.train;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.experimental.categories.Category;
import org.karl.engine.api.Progress;
import org.karl.engine.api.TileSet;
import org.karl.engine.config.ModelCard;
import org.karl.engine.config.ModelConfig;
import org.karl.engine.config.TrainConfig;
import org.karl.engine.runtime.ModelSession;
import org.karl.image.SyntheticTiles;
import org.karl.testing.Slow;

/**
 * The latent decoder target (the paper's VAE variant): a continuous base without VQ, and a KARL
 * decoder that regresses the base latent and is trained on pixel L1 through the frozen base decoder.
 */
@Category(Slow.class) // a short real training of both stages
public class LatentVariantTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void presetModifiersChooseTheDecoderTargetAndOldCardsReadAsCodes() {
		assertTrue(ModelConfig.preset("small-latent").latentTarget());
		assertEquals(ModelConfig.CODES, ModelConfig.preset("small").decoderTarget());
		assertArrayEquals(new int[] { 32, 64 }, ModelConfig.preset("small-latent-wide").baseChannels());
		try {
			ModelConfig.preset("small-fancy");
			fail("an unknown modifier must be refused");
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("'fancy'"));
		}
		// a card written before the option has no decoderTarget: it was a codes model
		final String json = ModelCard.of(ModelConfig.test(), TrainConfig.defaults()).toJson()
			.replaceAll(",\\s*\"decoderTarget\"\\s*:\\s*\"codes\"", "");
		assertTrue(!json.contains("decoderTarget"));
		assertEquals(ModelConfig.CODES, ModelCard.fromJson(json).model().decoderTarget());
		final ModelCard latent = ModelCard.of(ModelConfig.test().withDecoderTarget(ModelConfig.LATENT),
			TrainConfig.defaults());
		assertEquals(latent, ModelCard.fromJson(latent.toJson()));
	}

	/**
	 * Base and KARL of the latent variant both learn (the graph builds although the base codebook
	 * gets no gradient): the base's held-out L1 falls, and a short KARL run lowers the error of the full token budget; the
	 * model survives export and reload.
	 */
	@Test
	public void baseAndKarlOfTheLatentVariantLearnAndReload() throws Exception {
		final TrainConfig tc = TrainConfig.builder().steps(60).baseSteps(120).batch(16).baseBatch(32)
			.calibrationSteps(0).codeInitStep(0).deadCodeSteps(100).logEvery(20).checkpointEvery(0)
			.build();
		final TileSet data = SyntheticTiles.mixed(5, 256), held = SyntheticTiles.mixed(6, 64);
		final ModelCard card = ModelCard.of(ModelConfig.test().withDecoderTarget(ModelConfig.LATENT), tc);
		final Path out = tmp.getRoot().toPath().resolve("m");
		final double[] before, after;
		try (ModelSession m = ModelSession.create(card)) {
			final double base0 = BaseTrainer.heldOutL1(m, held);
			BaseTrainer.train(m, data, tc, out, e -> {}, Progress.NONE);
			final double base1 = BaseTrainer.heldOutL1(m, held);
			assertTrue("base held-out L1 " + base0 + " -> " + base1, base1 < 0.7 * base0);
			before = KarlTrainer.heldOutCurve(m, held, new int[] { 2, 8 });
			final List<Float> losses = new ArrayList<>();
			KarlTrainer.train(m, data, tc, out, e -> losses.add(e.loss()), Progress.NONE);
			after = KarlTrainer.heldOutCurve(m, held, new int[] { 2, 8 });
			assertTrue("KARL L1 at 8 tokens " + before[1] + " -> " + after[1], after[1] < 0.8 * before[1]);
		}
		try (ModelSession m = ModelSession.load(out)) {
			assertTrue(m.card().model().latentTarget());
			assertArrayEquals(after, KarlTrainer.heldOutCurve(m, held, new int[] { 2, 8 }), 1e-6);
		}
	}
}
