package org.karl.eval;

import static org.junit.Assert.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.karl.data.EvalSet;
import org.karl.engine.api.Progress;
import org.karl.engine.api.TileSet;
import org.karl.engine.runtime.KarlModel;
import org.karl.engine.runtime.TestModels;
import org.karl.eval.ij.EvalFigures;
import org.karl.image.SyntheticTiles;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ij.ImagePlus;

/** A whole evaluation of an untrained test model on a few generated tiles. */
public class EvaluationTest {

	private static KarlModel model;
	private static EvalResult result;

	@BeforeClass
	public static void evaluate() {
		try {
			model = KarlModel.load(TestModels.model());
		}
		catch (final IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		final EvalSet set = new EvalSet(List.of(new EvalSet.Part("a", "mixed tiles", SyntheticTiles
			.mixed(1, 14)), new EvalSet.Part("b", "noise tiles", SyntheticTiles.noise(2, 6))));
		final Evaluation.Options o = new Evaluation.Options(new float[] { 0.02f, 0.05f, 0.1f },
			new float[] { 0.05f }, 12, new float[] { 0.02f, 0.1f }, 4, 3, 5, new int[] { 2, 4, 6, 8, 10,
				12 }, 0.75);
		result = Evaluation.run(model, "test-model", 32, set, o, Progress.NONE);
	}

	@AfterClass
	public static void close() {
		model.close();
	}

	@Test
	public void everyEpsilonHasAConsistentRow() {
		assertEquals(3, result.epsilons().size());
		final int tmax = model.maxTokens();
		for (final EvalResult.AtEpsilon e : result.epsilons()) {
			assertTrue(e.karl().meanTokens() >= 0 && e.karl().meanTokens() <= tmax);
			assertTrue(e.karl().adherence() >= 0 && e.karl().adherence() <= 1);
			assertTrue(e.karl().meanSsim() <= 1);
			assertEquals(20, java.util.Arrays.stream(e.histogram()).sum());
			assertEquals(tmax + 1, e.histogram().length);
			assertEquals(List.of("a", "b"), List.copyOf(e.karl().parts().keySet()));
			// searches try 2, 4, ..., T_max: at most T_max/2 tries, prefix encodes once
			assertTrue(e.alit().encoderRuns() >= 1 && e.alit().encoderRuns() <= tmax / 2.0);
			assertEquals(e.alit().encoderRuns(), e.alit().decoderRuns(), 0);
			assertEquals(1, e.prefix().encoderRuns(), 0);
			assertEquals(8, e.probes().size()); // blank, smooth, shapes 1 2 4 8 16, noise
			assertEquals(java.util.List.of("background", "nucleus"), new java.util.ArrayList<>(e
				.microscopy().keySet()));
			assertTrue(e.honest().reachable() >= 0 && e.honest().reachable() <= 1);
			assertTrue(e.honest().unreachableSaid() >= 0 && e.honest().unreachableSaid() <= 1);
		}
		assertEquals("ε prints as given", 0.05, result.epsilons().get(1).epsilon(), 0);
		assertEquals(0.05, result.epsilons().get(1).bin(), 0);
		assertArrayEquals(new int[] { 2, 4, 6, 8 }, result.setup().budgets());
		assertTrue(result.monotonicFraction() >= 0 && result.monotonicFraction() <= 1);
	}

	@Test
	public void timingCoversTheThreeMethodsWithTheirRunCounts() {
		assertEquals(3, result.timing().size());
		for (final EvalResult.Timing t : result.timing()) {
			assertTrue(t.msPerTile() > 0);
			if (t.method().equals("karl")) assertEquals(1, t.encoderRuns() + t.decoderRuns() - 1, 0);
			if (t.method().equals("prefix")) assertEquals(1, t.encoderRuns(), 0);
		}
	}

	@Test
	public void jsonHasEverySectionAndNoNaN() {
		final String json = EvalJson.toJson(result);
		assertFalse(json.contains("NaN"));
		final JsonObject o = JsonParser.parseString(json).getAsJsonObject();
		for (final String k : List.of("setup", "epsilons", "timing", "curves", "jpeg",
			"jpegFittedTables", "curveRatios", "classical", "monotonicFraction", "goals")) assertTrue(k, o
				.has(k));
		assertFalse(o.has("montage"));
		final JsonObject e = o.getAsJsonArray("epsilons").get(0).getAsJsonObject();
		for (final String k : List.of("karl", "alit", "prefix", "agreement", "classical",
			"histogram", "probes", "honest", "microscopy", "graded", "verified")) assertTrue(k, e.has(k));
		assertEquals(Goals.of(result).size(), o.getAsJsonArray("goals").size());
		// how graded the counts are and the JPEG anchor: graded share, commonest count, KARL/JPEG at T_max (all, worst part),
		// L1(8)/L1(4) (T_max 8); the single pass's under-report share (verified counts)
		assertEquals(13 + 6, Goals.of(result).size());
	}

	@Test
	public void jpegRunsAtTheFixedBudgetsBits() {
		jpegCurveMatchesTheFixedBudgets(result.jpeg());
		jpegCurveMatchesTheFixedBudgets(result.jpegFittedTables());
		assertEquals("standard", result.jpeg().huffman());
		assertEquals(List.of("a", "b"), List.copyOf(result.jpeg().parts().keySet()));
		assertEquals(List.of(new EvalResult.CurveRatio(4, 8, result.curves().alitL1()[3] / result
			.curves().alitL1()[1])), result.curveRatios());
	}

	private static void jpegCurveMatchesTheFixedBudgets(final EvalResult.JpegCurve j) {
		final int[] budgets = result.curves().budgets();
		assertArrayEquals(budgets, j.budgets());
		for (int i = 0; i < budgets.length; i++) {
			assertEquals("codebook 32: 5 bits a token", 5 * budgets[i], j.bits()[i], 1e-9);
			assertTrue(j.l1()[i] + "", j.l1()[i] > 0 && j.l1()[i] < 0.5);
			if (i > 0) assertTrue(j.l1()[i] <= j.l1()[i - 1]);
			assertEquals(result.curves().alitL1()[i] / j.l1()[i], j.karlOverJpeg()[i], 1e-12);
			assertTrue(j.flatUsed()[i] >= j.noQualityFits()[i] && j.flatUsed()[i] <= 1);
		}
		assertEquals("10 bits fit no 32x32 JPEG scan", 1, j.noQualityFits()[0], 0);
		// parts a (14 tiles) and b (6) weigh in by their tile counts
		final double[] a = j.parts().get("a").jpegL1(), b = j.parts().get("b").jpegL1();
		for (int i = 0; i < budgets.length; i++)
			assertEquals((14 * a[i] + 6 * b[i]) / 20, j.l1()[i], 1e-9);
	}

	@Test
	public void gradedCountsCoverTheNonBlankTiles() {
		final int tmax = model.maxTokens();
		for (final EvalResult.AtEpsilon e : result.epsilons()) {
			final GradedCounts g = e.graded();
			assertTrue(g.nonBlank() > 0 && g.nonBlank() <= 20);
			assertEquals(2, g.floor());
			assertTrue(g.graded() >= 0 && g.graded() <= 1);
			assertTrue(g.commonest() >= 0 && g.commonest() <= tmax);
			assertTrue(g.commonestShare() > 0 && g.commonestShare() <= 1);
			// the commonest count holds at least its share of the histogram of all tiles
			assertTrue(e.histogram()[g.commonest()] >= Math.round(g.commonestShare() * g.nonBlank()));
		}
	}

	@Test
	public void searchGradedShareIsThatOfTheSearchsOwnCounts() throws IOException {
		// the bundled model on mixed tiles: the test model above meets no ε at any budget, so its T*
		// is T_max everywhere and could not tell T* from any other count
		final EvalSet mixed = new EvalSet(List.of(new EvalSet.Part("m", "mixed tiles", SyntheticTiles
			.mixed(3, 16))));
		final float[] eps = { 0.05f, 0.1f };
		try (KarlModel k = KarlModel.load(Path.of("models", "default"))) {
			final EvalResult r = Evaluation.run(k, "models/default", 512, mixed, new Evaluation.Options(
				eps, new float[] { 0.05f }, 4, new float[] { 0.05f }, 2, 2, 5, SearchBaselines.budgets(k
					.maxTokens()), 0.75), Progress.NONE);
			// T* recomputed here from the ALIT-style table: the first budget meeting ε, else T_max
			final TileSet all = mixed.all();
			final SearchBaselines.Table alit = SearchBaselines.alitTable(k, all.pixels(), all.n(),
				Progress.NONE);
			final boolean[] blank = ClassicalSizes.of(all, mixed.partOf(), List.of("m")).blank();
			final int[] budgets = alit.budgets();
			double anyGraded = 0;
			for (int e = 0; e < eps.length; e++) {
				int nonBlank = 0, graded = 0;
				for (int i = 0; i < all.n(); i++) {
					if (blank[i]) continue;
					nonBlank++;
					int tStar = k.maxTokens();
					for (int b = budgets.length - 1; b >= 0; b--)
						if (alit.l1()[b][i] <= eps[e]) tStar = budgets[b];
					if (tStar > budgets[0] && tStar < k.maxTokens()) graded++;
				}
				final GradedCounts o = r.epsilons().get(e).gradedSearch();
				assertEquals(nonBlank, o.nonBlank());
				assertEquals((double) graded / nonBlank, o.graded(), 1e-12);
				anyGraded += o.graded();
			}
			assertTrue("some tiles need a budget between the extremes", anyGraded > 0);
		}
	}

	@Test
	public void markdownHasEverySectionAndFigure() {
		final String md = EvalReport.markdown(result, "karl eval --test");
		for (int i = 1; i <= 8; i++) assertTrue("section " + i, md.contains("\n## " + i + ". "));
		for (final String s : List.of("| JPEG L1 | KARL / JPEG |", "L1(8)/L1(4) ", "\n## 4c. ",
			"| graded (2 < k̂ < 8) |", "| graded T* |", "| JPEG L1, fitted |", "\n| T | a | b |\n",
			"| fixed-budget L1 at T_max, KARL / JPEG (fitted tables) at the same bits |"))
			assertTrue(s, md.contains(s));
		for (final String png : List.of(EvalReport.RD_PNG, EvalReport.HISTOGRAM_PNG,
			EvalReport.MONTAGE_PNG)) assertTrue(png, md.contains("](" + png + ")"));
		assertTrue(md.contains("| 0.050 |"));
	}

	@Test
	public void figuresHaveTheExpectedLayout() {
		final ImagePlus montage = EvalFigures.montage(result);
		// 2 parts x 2 tiles = 4 rows; original + 2 ε = 3 columns
		assertEquals(3 * EvalFigures.CELL, montage.getWidth());
		assertEquals(EvalFigures.LABEL + 4 * (EvalFigures.CELL + EvalFigures.LABEL), montage
			.getHeight());
		assertTrue(EvalFigures.rateDistortion(result).getWidth() >= EvalFigures.PLOT_W);
		assertTrue(EvalFigures.histogram(result).getHeight() >= EvalFigures.PLOT_H);
	}
}
