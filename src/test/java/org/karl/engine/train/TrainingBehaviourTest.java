package org.karl.engine.train;

import static org.junit.Assert.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.experimental.categories.Category;
import org.karl.engine.api.Progress;
import org.karl.engine.api.TileSet;
import org.karl.engine.config.ModelCard;
import org.karl.engine.config.ModelConfig;
import org.karl.engine.config.TrainConfig;
import org.karl.engine.runtime.KarlModel;
import org.karl.engine.runtime.ModelSession;
import org.karl.eval.Spearman;
import org.karl.image.SyntheticTiles;
import org.karl.testing.Slow;

/**
 * A short real training (base, then KARL with the default minimum-budget halting targets) on
 * generated tiles, after which the counts track content as KARL's should: blank tiles keep at
 * least 8 tokens fewer than noise at ε 0.05, the probe groups blank, smooth, 1..16 shapes, noise
 * rise at ε 0.1 (rank agreement with their order, no large swap), and a small ε keeps more
 * tokens than a large one. The S model for 300 base + 1250 KARL steps: about 10 minutes on 2 cores,
 * the slowest test, and the one that says the whole two-phase recipe learns. 1250, not the 1500 of
 * earlier rounds, to keep the suite near 20 minutes; the printout on this machine (blank, noise at
 * ε 0.05; Spearman of the probe groups at ε 0.1) at {@code -DbehaviourSteps=1000}: 22.9, 32, 0.994
 * (too close to the +8 check); 1250: 16.8, 32, 0.994; 1500: 8.9, 32, 0.970.
 */
@Category(Slow.class) // minutes of real training
public class TrainingBehaviourTest {

	static final int BASE_STEPS = 300;
	/** KARL steps; {@code -DbehaviourSteps=N} re-measures the margins at another length. */
	static final int KARL_STEPS = Integer.getInteger("behaviourSteps", 1250);

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void countsTrackContent() throws Exception {
		final TrainConfig tc = TrainConfig.builder().steps(KARL_STEPS).baseSteps(BASE_STEPS).batch(32)
			.baseBatch(64).calibrationSteps(0).codeInitStep(30).deadCodeSteps(50).logEvery(500)
			.checkpointEvery(0).latentCodeInitStep(300).build();
		assertEquals(TrainConfig.MINIMUM, tc.haltingTargets());
		final TileSet[] parts = new TileSet[19];
		parts[0] = SyntheticTiles.blank(1, 120);
		parts[1] = SyntheticTiles.smooth(2, 120);
		parts[2] = SyntheticTiles.noise(3, 120);
		for (int k = 1; k <= 16; k++) parts[k + 2] = SyntheticTiles.shapes(10 + k, 120, k);
		final TileSet data = TileSet.concat(parts);
		final Path out = tmp.getRoot().toPath().resolve("model");
		try (ModelSession m = ModelSession.create(ModelCard.of(ModelConfig.small(), tc))) {
			BaseTrainer.train(m, data, tc, out, TrainListener.NONE, Progress.NONE);
			KarlTrainer.train(m, data, tc, out, TrainListener.NONE, Progress.NONE);
		}
		try (KarlModel k = KarlModel.load(out)) {
			final double blank = meanTokens(k, SyntheticTiles.blank(9, 64), 0.05f);
			final double noise = meanTokens(k, SyntheticTiles.noise(9, 64), 0.05f);
			System.out.printf("TrainingBehaviourTest: ε 0.05: blank %.2f, noise %.2f tokens%n", blank, noise);
			assertTrue("ε 0.05: blank " + blank + " + 8 <= noise " + noise, blank + 8 <= noise);

			final Map<String, TileSet> probe = SyntheticTiles.probe(99, 64);
			final List<String> names = new ArrayList<>(probe.keySet());
			final List<Double> means = new ArrayList<>();
			for (final TileSet t : probe.values()) means.add(meanTokens(k, t, 0.1f));
			// NB: the trend, not every adjacent pair: the training's result differs in the last bits
			// between CPUs, and 1550 steps amplify them; neighbours of about equal complexity at
			// ε 0.1 (smooth ramps, one shape) swapped by 0.95 tokens on one machine and passed a
			// pairwise check on another. Rank agreement ≥ 0.95 allows about two adjacent swaps of 8
			// groups; no swap may exceed 2 tokens.
			final double rho = Spearman.rho(IntStream.range(0, means.size()).toArray(), means.stream()
				.mapToDouble(Double::doubleValue).toArray());
			System.out.printf("TrainingBehaviourTest: probe groups at ε 0.1: %s %s, Spearman with their order %.3f%n",
				names, means, rho);
			assertTrue("ε 0.1: probe groups rise, Spearman(order, mean tokens) " + rho + " >= 0.95", rho >= 0.95);
			for (int i = 1; i < means.size(); i++)
				assertTrue("ε 0.1: " + names.get(i) + " " + means.get(i) + " >= " + names.get(i - 1) + " " +
					means.get(i - 1) + " - 2", means.get(i) >= means.get(i - 1) - 2);
			assertTrue("ε 0.1: shapes_16 " + means.get(6) + " > blank + 8 " + means.get(0), means.get(6) >
				means.get(0) + 8);

			final TileSet mixed = SyntheticTiles.shapes(9, 128, 6);
			final double atSmall = meanTokens(k, mixed, 0.02f), atLarge = meanTokens(k, mixed, 0.2f);
			System.out.printf("TrainingBehaviourTest: 6 shapes: %.2f tokens at ε 0.02, %.2f at ε 0.2%n",
				atSmall, atLarge);
			assertTrue("6 shapes: ε 0.02 " + atSmall + " tokens > ε 0.2 " + atLarge, atSmall > atLarge + 4);
		}
	}
	private static double meanTokens(final KarlModel k, final TileSet t, final float eps) {
		return Arrays.stream(k.tokenize(t.pixels(), t.n(), eps, k.maxTokens(), Progress.NONE).counts())
			.average().orElseThrow();
	}
}
