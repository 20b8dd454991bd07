package org.karl.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.Test;
import org.karl.engine.api.Progress;
import org.karl.engine.api.TileSet;
import org.karl.engine.config.TrainConfig;
import org.karl.engine.runtime.KarlModel;
import org.karl.engine.runtime.ModelSession;
import org.karl.engine.train.KarlTrainer;
import org.karl.eval.SearchBaselines;
import org.karl.image.MicroscopyTiles;
import org.karl.image.SyntheticTiles;

/**
 * Not a unit test (run on purpose, minutes): fine-tunes the shipped models/default for
 * {@code -Dsteps=200} steps on generated microscopy-like tiles at each fine-tune peak of
 * {@code -Dfractions=1,0.3,0.1} (of the training peak) and prints, on held-out tiles of that type
 * and on a mixed synthetic set, at ε {@code -Deps=0.05}: mean count k̂, mean oracle T* (smallest
 * prefix whose L1 meets ε), mean |k̂ - T*| and the fraction of tiles whose one-pass L1 meets ε.
 * {@code mvn -B -o test -Dtest=FineTuneMeasurement -Dsteps=200 -Dfractions=1,0.3,0.1} (about 6 min on
 * 2 cores; the numbers are in {@code TrainConfig.LrRun.FINE_TUNE_PEAK_FRACTION}).
 */
public class FineTuneMeasurement {

	@Test
	public void measure() throws Exception {
		final int steps = Integer.getInteger("steps", 200);
		final float eps = Float.parseFloat(System.getProperty("eps", "0.05"));
		final String[] fractions = System.getProperty("fractions", "1,0.3,0.1").split(",");
		final Path start = Path.of("models/default");
		final TileSet train = MicroscopyTiles.training(7001, 6400);
		final Map<String, TileSet> held = new LinkedHashMap<>();
		held.put("microscopy", MicroscopyTiles.training(9001, 256));
		held.put("mixed", SyntheticTiles.mixed(9002, 256));
		try (KarlModel k = KarlModel.load(start)) {
			report("before", k, held, eps);
		}
		for (final String f : fractions) {
			final Path out = Files.createTempDirectory("karl-ft");
			final long t0 = System.nanoTime();
			try (ModelSession m = ModelSession.load(start)) {
				final long now = m.step();
				final TrainConfig card = m.card().training();
				final TrainConfig.LrRun run = new TrainConfig.LrRun(now, Float.parseFloat(f) * card
					.peakLr(), TrainConfig.LrRun.FINE_TUNE_WARMUP, TrainConfig.LrRun.FINE_TUNE_FLOOR);
				final TrainConfig tc = card.toBuilder().steps((int) now + steps).lrSchedule(run)
					.logEvery(50).checkpointEvery(0).build();
				KarlTrainer.train(m, train, tc, out, e -> System.out.println("  " + e.logLine()),
					Progress.NONE);
			}
			System.out.printf(Locale.ROOT, "fine-tune peak %s x training peak: %.0f s%n", f, (System
				.nanoTime() - t0) / 1e9);
			try (KarlModel k = KarlModel.load(out)) {
				report("peak " + f, k, held, eps);
			}
			try (var w = Files.walk(out)) {
				w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	private static void report(final String what, final KarlModel k, final Map<String, TileSet> held,
		final float eps)
	{
		for (final Map.Entry<String, TileSet> e : held.entrySet()) {
			final TileSet t = e.getValue();
			final var r = k.reconstruct(t.pixels(), t.n(), eps, k.maxTokens(), Progress.NONE);
			final var table = SearchBaselines.prefixTable(k, t.pixels(), t.n(), Progress.NONE);
			double kHat = 0, tStar = 0, gap = 0, met = 0;
			for (int i = 0; i < t.n(); i++) {
				final int b = table.firstMeeting(i, eps);
				final int ts = b < 0 ? k.maxTokens() : table.budgets()[b];
				kHat += r.counts()[i];
				tStar += ts;
				gap += Math.abs(r.counts()[i] - ts);
				if (r.l1()[i] <= eps + 0.005) met++;
			}
			System.out.printf(Locale.ROOT, "MEASURE %-10s %-11s eps %.2f: k %.2f, T* %.2f, |k-T*| %.2f, " +
				"L1<=eps+0.005 %.2f%n", what, e.getKey(), eps, kHat / t.n(), tStar / t.n(), gap / t.n(),
				met / t.n());
		}
	}
}
