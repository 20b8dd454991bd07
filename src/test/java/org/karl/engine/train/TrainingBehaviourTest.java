package org.karl.engine.train;

import static org.junit.Assert.*;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.api.Progress;
import org.karl.engine.api.TileSet;
import org.karl.engine.config.ModelCard;
import org.karl.engine.config.ModelConfig;
import org.karl.engine.config.TrainConfig;
import org.karl.engine.runtime.KarlModel;
import org.karl.engine.runtime.ModelSession;
import org.karl.image.SyntheticTiles;

/**
 * A short real training (base, then KARL) on generated tiles, after which the token counts behave
 * as KARL's should: blank tiles keep fewer tokens than noise tiles, and a small ε keeps more
 * tokens than a large ε. The S model (a tiny one did not learn halting in 4000 steps on these
 * tiles) for 300 base + 1500 KARL steps: about 4 minutes on 2 cores, the slowest test, and the one
 * that says the whole two-phase recipe learns.
 */
public class TrainingBehaviourTest {

	static final int BASE_STEPS = 300, KARL_STEPS = 1500;

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void blankKeepsFewerTokensThanNoiseAndSmallEpsilonKeepsMore() throws Exception {
		final TrainConfig tc = TrainConfig.defaults().withSteps(KARL_STEPS).withBaseSteps(BASE_STEPS)
			.withBatch(32, 64).withSchedule(0, 30, 50, 500, 0).withLatentCodeInit(300);
		// NB: no noise in training: its error is the same at every budget, so it only teaches the
		// marginal budget distribution; a continuum of 1..16 shapes gives graded error curves.
		final TileSet[] parts = new TileSet[18];
		parts[0] = SyntheticTiles.blank(1, 120);
		parts[1] = SyntheticTiles.smooth(2, 120);
		for (int k = 1; k <= 16; k++) parts[k + 1] = SyntheticTiles.shapes(10 + k, 120, k);
		final TileSet data = TileSet.concat(parts);
		final Path out = tmp.getRoot().toPath().resolve("model");
		try (ModelSession m = ModelSession.create(ModelCard.of(ModelConfig.small(), tc))) {
			BaseTrainer.train(m, data, tc, out, TrainListener.NONE, Progress.NONE);
			KarlTrainer.train(m, data, tc, out, TrainListener.NONE, Progress.NONE);
		}
		try (KarlModel k = KarlModel.load(out)) {
			final float small = 0.01f, mid = 0.05f, large = 0.2f;
			// NB: summed over three ε, since one ε alone gave a margin of only 0.12 tokens
			double blank = 0, noise = 0;
			for (final float eps : new float[] { mid, 0.1f, large }) {
				final double b = meanTokens(k, SyntheticTiles.blank(9, 64), eps);
				final double n = meanTokens(k, SyntheticTiles.noise(9, 64), eps);
				System.out.printf("TrainingBehaviourTest: blank %.2f, noise %.2f tokens at ε %.2f%n", b, n,
					eps);
				blank += b;
				noise += n;
			}
			assertTrue("blank " + blank + " < noise " + noise + " tokens, summed over ε", blank < noise);
			final TileSet mixed = SyntheticTiles.shapes(9, 128, 6);
			final double atSmall = meanTokens(k, mixed, small), atLarge = meanTokens(k, mixed, large);
			System.out.printf("TrainingBehaviourTest: %.2f tokens at ε %.2f, %.2f at ε %.2f%n", atSmall,
				small, atLarge, large);
			assertTrue("ε " + small + ": " + atSmall + " tokens > ε " + large + ": " + atLarge + " tokens",
				atSmall > atLarge);
		}
	}

	private static double meanTokens(final KarlModel k, final TileSet t, final float eps) {
		return Arrays.stream(k.tokenize(t.pixels(), t.n(), eps, k.maxTokens(), Progress.NONE).counts())
			.average().orElseThrow();
	}
}
