package org.karl.ops;

import static org.junit.Assert.*;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.experimental.categories.Category;
import org.karl.engine.api.Progress;
import org.karl.engine.api.TileSet;
import org.karl.engine.config.ModelCard;
import org.karl.engine.config.TrainConfig;
import org.karl.engine.runtime.KarlModel;
import org.karl.image.SyntheticTiles;
import org.karl.image.ij.Normalization;
import org.karl.ops.engine.Engines;
import org.karl.ops.engine.TrainLog;
import org.karl.testing.Slow;

/**
 * Fine-tuning at the Fiji door ({@link TrainOp#runOnImages}, as KARL Train... with model=)
 * changes the model in the direction its new data asks for. The start: a test-preset model
 * trained briefly (base, then KARL) on blank tiles, which keeps every token (8 of 8) on every
 * tile. Fine-tuned for 100 steps on uniform-noise tiles, at ε 0.38 (the top bin) their minimum
 * budget is the smallest rung: a mid-grey reconstruction already meets ε (uniform noise is
 * 0.25 from its mean), so the count on held-out noise tiles must fall, by at least 2 tokens
 * (measured: 8.00 -> 4.00; at ε 0.05-0.2 noise is unreachable and stays at 8). Before a
 * fine-tune had its own schedule it ran at the tail of the start model's cosine (lr ~0) and
 * changed nothing. About 100 s on 2 cores.
 */
@Category(Slow.class) // a 100-step fine-tune
public class FineTuneTest {

	static final int START_STEPS = 150, TUNE_STEPS = 100;
	static final float EPS = 0.38f;

	/** The tiles are already in [0,1] and are measured as they are, so they are read as is. */
	static final Normalization AS_IS = new Normalization(Normalization.NONE, 1, 99.8,
		Normalization.PLANE, Double.NaN, Double.NaN);

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void fineTuningOnNoiseLowersTheCountOnNoiseWhereEpsilonIsReachable() throws Exception {
		final Path root = tmp.getRoot().toPath(), start = root.resolve("blank"), tuned = root.resolve(
			"tuned");
		final List<String> startLog = new ArrayList<>(), log = new ArrayList<>();
		TrainOp.runOnImages(Engines.direct(), stack("blank", SyntheticTiles.blank(1, 256)), null,
			null, start, false, START_STEPS, "test", 1, AS_IS, "test: new model on blank tiles", lines(startLog),
			Progress.NONE);
		final ModelCard startCard = ModelCard.read(start);

		assertNull("fresh training keeps the paper's schedule", startCard.training().lrSchedule());
		assertEquals("the card says how the training pixels were read", AS_IS.describe(), startCard
			.normalization());

		final TileSet noise = SyntheticTiles.noise(77, 64), blank = SyntheticTiles.blank(78, 64);
		final double noiseBefore, blankBefore;
		final float[] haltBefore;
		try (KarlModel k = KarlModel.load(start)) {
			noiseBefore = meanCount(k, noise);
			blankBefore = meanCount(k, blank);
			haltBefore = k.tokenize(noise.pixels(), noise.n(), EPS, k.maxTokens(), Progress.NONE).haltProb();
		}

		final TrainOp.Output o = TrainOp.runOnImages(Engines.direct(), stack("noise", SyntheticTiles
			.noise(2, 256)), null, start, tuned, false, TUNE_STEPS, "test", 1,
			AS_IS, "test: fine-tune on noise tiles", lines(log), Progress.NONE);
		assertEquals(START_STEPS + TUNE_STEPS, o.outcome().step());

		final TrainConfig tc = ModelCard.read(tuned).training();
		assertNotNull("the fine-tune's schedule is in the card", tc.lrSchedule());
		assertEquals(START_STEPS, tc.lrSchedule().start());
		final float peak = tc.lrSchedule().peak();
		assertEquals(TrainConfig.LrRun.FINE_TUNE_PEAK_FRACTION * startCard.training().peakLr(), peak,
			1e-9f);
		assertEquals((double) START_STEPS, ((Number) ModelCard.read(tuned).provenance().get(
			"karl.schedule_start")).doubleValue(), 0);

		// readable progress lines, and the fine-tune learns from its first logged steps
		final Pattern line = Pattern.compile("^karl step (\\d+)/(\\d+), loss [0-9.]+, tokens kept " +
			"[0-9.]+ \\(mean per tile\\), lr ([0-9.e+-]+), ETA .+");
		final List<Float> lrs = new ArrayList<>();
		for (final String l : log) {
			final Matcher m = line.matcher(l);
			if (m.matches()) {
				assertEquals(l, START_STEPS + TUNE_STEPS, Integer.parseInt(m.group(2)));
				lrs.add(Float.parseFloat(m.group(3)));
			}
		}
		assertTrue(log.toString(), lrs.size() >= 10);
		for (int i = 0; i < 3; i++) assertTrue("lr of logged step " + i + " " + lrs.get(i) +
			" > 10% of the peak " + peak + "\n" + String.join("\n", log), lrs.get(i) > 0.1f * peak);

		try (KarlModel k = KarlModel.load(tuned)) {
			final double noiseAfter = meanCount(k, noise), blankAfter = meanCount(k, blank);
			final float[] haltAfter = k.tokenize(noise.pixels(), noise.n(), EPS, k.maxTokens(),
				Progress.NONE).haltProb();
			System.out.printf(Locale.ROOT, "FineTuneTest: ε %.2f, held-out noise %.2f -> %.2f tokens, " +
				"blank %.2f -> %.2f (T_max %d)%n", EPS, noiseBefore, noiseAfter, blankBefore, blankAfter,
				k.maxTokens());
			assertFalse("the fine-tuned model differs from the start model", Arrays.equals(haltBefore,
				haltAfter));
			assertTrue("noise: " + noiseBefore + " -> " + noiseAfter + " tokens, expected a fall of at " +
				"least 2\n" + String.join("\n", log), noiseAfter <= noiseBefore - 2);
		}
	}

	/** A stack of one 32x32 32-bit slice per tile (values in [0,1], read as is). */
	static ImagePlus stack(final String title, final TileSet t) {
		final int s = t.tileSize(), px = t.tilePixels();
		final ImageStack st = new ImageStack(s, s);
		for (int i = 0; i < t.n(); i++) st.addSlice(new FloatProcessor(s, s, Arrays.copyOfRange(t
			.pixels(), i * px, (i + 1) * px)));
		return new ImagePlus(title, st);
	}

	static double meanCount(final KarlModel k, final TileSet t) {
		return Arrays.stream(k.tokenize(t.pixels(), t.n(), EPS, k.maxTokens(), Progress.NONE).counts())
			.average().orElseThrow();
	}

	private static TrainLog lines(final List<String> sink) {
		return new TrainLog() {

			@Override
			public void line(final String text) {
				sink.add(text);
			}

			@Override
			public void point(final String phase, final long step, final float loss) {}
		};
	}
}
