package org.karl.engine.train;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertTrue;
import static org.karl.engine.graph.GraphNames.CODEBOOK;
import static org.karl.engine.graph.GraphNames.SET_LATENT_CODEBOOK;

import java.util.Map;
import java.util.Random;

import org.junit.Rule;
import org.junit.Test;
import org.junit.experimental.categories.Category;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.api.TileSet;
import org.karl.engine.config.ModelCard;
import org.karl.engine.config.ModelConfig;
import org.karl.engine.config.TrainConfig;
import org.karl.engine.runtime.ModelSession;
import org.karl.engine.runtime.Tensors;
import org.karl.image.SyntheticTiles;
import org.karl.testing.Slow;
import org.tensorflow.Result;
import org.tensorflow.Tensor;

/**
 * The held-out curve a training run reports: through the ladder signature it equals the inference
 * path (tokenize at T_max, decode each prefix) once VQ is on, and before that it is the curve of
 * the continuous tokens the run trains, not of a codebook it has not set yet.
 */
@Category(Slow.class) // trains
public class HeldOutCurveTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void theLadderCurveIsTheInferenceCurveWithVqOnAndTheContinuousOneBefore() throws Exception {
		final ModelConfig c = ModelConfig.test().withDecoderTarget(ModelConfig.LATENT);
		final TileSet held = SyntheticTiles.mixed(6, 48);
		final int[] budgets = KarlTrainer.curveBudgets(c.maxTokens()); // 2, 4, 8
		// VQ stays off (switched on at step 1000): a short run so that the decoder reads its tokens
		final TrainConfig tc = TrainConfig.builder().steps(80).batch(16).peakLr(5e-3f).calibrationSteps(0)
			.latentCodeInitStep(1000).logEvery(20).checkpointEvery(0).build();
		try (ModelSession m = ModelSession.create(ModelCard.of(c, tc))) {
			KarlTrainer.train(m, SyntheticTiles.mixed(5, 128), tc, tmp.getRoot().toPath().resolve("m"),
				e -> {}, org.karl.engine.api.Progress.NONE);
			final double[] continuous = KarlTrainer.heldOutCurve(m, held, budgets);
			final double[] quantised = KarlTrainer.heldOutCurveDecoded(m, held, budgets);
			double diff = 0;
			for (int j = 0; j < budgets.length; j++) diff += Math.abs(continuous[j] - quantised[j]);
			assertTrue("VQ off: the curve is the continuous tokens' (differs from a decode of ids), " +
				"diff " + diff, diff > 1e-5);

			final float[] book = new float[c.latentCodes() * c.latentDim()];
			final Random r = new Random(3);
			for (int i = 0; i < book.length; i++) book[i] = (float) r.nextGaussian();
			try (Tensor t = Tensors.floats(book, 0, c.latentCodes(), c.latentDim());
				Result res = m.call(SET_LATENT_CODEBOOK, Map.of(CODEBOOK, t)))
			{
				// VQ on
			}
			assertArrayEquals(KarlTrainer.heldOutCurveDecoded(m, held, budgets), KarlTrainer
				.heldOutCurve(m, held, budgets), 1e-6);
		}
	}
}
