package org.karl.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The acceptance goals of the single pass that {@code karl eval} can check, evaluated on a
 * result: speed of the single pass against both searches, adherence, monotonicity, agreement with
 * DEFLATE, the probe ordering, honest counts, graded counts (all at ε = {@value #EPSILON}), and
 * the fixed-budget curve against JPEG and against itself at double the budget.
 */
public final class Goals {

	/** The ε the goals are stated at. */
	public static final double EPSILON = 0.05;

	/**
	 * One goal.
	 *
	 * @param goal what is required, in words
	 * @param value the measured value (NaN when not measured)
	 * @param target the threshold, in words
	 * @param met whether the value meets it (null when not measured)
	 */
	public record Goal(String goal, double value, String target, Boolean met) {}

	private Goals() {}

	/** The goals, in the report's order. */
	public static List<Goal> of(final EvalResult r) {
		final List<Goal> g = new ArrayList<>();
		final double karl = ms(r, "karl"), alit = ms(r, "alit"), prefix = ms(r, "prefix");
		g.add(atLeast("single pass vs ALIT-style search, wall time ratio", alit / karl, 6));
		g.add(atLeast("single pass vs prefix search, wall time ratio", prefix / karl, 3));
		final EvalResult.AtEpsilon e = at(r);
		g.add(atMost("mean k̂ − mean T*", e == null ? Double.NaN : e.karl().meanTokens() - e.alit()
			.meanTokens(), 2));
		g.add(atLeast("adherence (L1 ≤ ε + 0.005)", e == null ? Double.NaN : e.karl().adherence(),
			0.9));
		g.add(atLeast("k̂ non-increasing in ε (fraction of tiles, over all ε)", r
			.monotonicFraction(), 0.95));
		g.add(atLeast("Spearman(k̂, DEFLATE bytes), non-blank tiles", e == null ? Double.NaN : e
			.classical().spearmanDeflate(), 0.7));
		g.add(new Goal("probe groups ordered blank < smooth < shapes 1 < … < 16 ≤ noise (mean k̂)", e ==
			null ? Double.NaN : e.probesOrdered() ? 1 : 0, "rising (noise may tie)", e == null ? null : e
				.probesOrdered()));
		final HonestCounts h = e == null ? null : e.honest();
		g.add(atLeast("Spearman(k̂, T*), reachable tiles", h == null ? Double.NaN : h.spearman(), 0.8));
		g.add(within("mean k̂ − mean T*, reachable tiles", h == null ? Double.NaN : h.meanDiff(), 2));
		g.add(atMost("mean |k̂ − T*|, reachable tiles", h == null ? Double.NaN : h.meanAbs(), 3));
		g.add(atLeast("adherence on reachable tiles", h == null ? Double.NaN : h.adherence(), 0.9));
		g.add(atMost("blank probe tiles, mean k̂", e == null ? Double.NaN : e.probes().getOrDefault(
			"blank", Double.NaN), 3));
		g.add(atLeast("nuclei fields: nucleus − background tiles, mean k̂", e == null ? Double.NaN : e
			.microscopy().get("nucleus") - e.microscopy().get("background"), 8));
		g.add(atMost("single-pass under-report share (verify climbs), all tiles", e == null ? Double.NaN
			: e.verified().underReported(), 0.05));
		final GradedCounts gc = e == null ? null : e.graded();
		g.add(atLeast("graded share (" + (gc == null ? "2" : gc.floor()) + " < k̂ < T_max), " +
			"non-blank tiles", gc == null ? Double.NaN : gc.graded(), 0.4));
		g.add(atMost("share of the commonest k̂, non-blank tiles", gc == null ? Double.NaN : gc
			.commonestShare(), 0.5));
		// NB: against JPEG's best case (Huffman tables fitted per tile, not counted), and on the
		// worst part too: a whole-set mean can pass on tiles JPEG cannot fit (Fashion-MNIST's edges)
		final EvalResult.JpegCurve jpeg = r.jpegFittedTables();
		final int last = jpeg.budgets().length - 1;
		g.add(atMost("fixed-budget L1 at T_max, KARL / JPEG (fitted tables) at the same bits",
			last < 0 ? Double.NaN : jpeg.karlOverJpeg()[last], 1.0));
		final Map.Entry<String, Double> worst = worstPart(jpeg, last);
		g.add(atMost("fixed-budget L1 at T_max, KARL / JPEG (fitted tables), worst part (" + worst
			.getKey() + ")", worst.getValue(), 1.0));
		for (final EvalResult.CurveRatio c : r.curveRatios())
			g.add(atMost("fixed-budget L1(" + c.to() + ") / L1(" + c.from() + ")", c.ratio(), 0.9));
		return g;
	}

	/** The part with the highest KARL / JPEG at budget index {@code b}, and that ratio. */
	private static Map.Entry<String, Double> worstPart(final EvalResult.JpegCurve jpeg,
		final int b)
	{
		Map.Entry<String, Double> worst = Map.entry("none", Double.NaN);
		if (b < 0) return worst;
		for (final Map.Entry<String, EvalResult.PartCurve> p : jpeg.parts().entrySet()) {
			final double v = p.getValue().karlL1()[b] / p.getValue().jpegL1()[b];
			if (worst.getValue().isNaN() || v > worst.getValue()) worst = Map.entry(p.getKey(), v);
		}
		return worst;
	}

	/** The row at {@value #EPSILON}, or null when ε = 0.05 was not evaluated. */
	static EvalResult.AtEpsilon at(final EvalResult r) {
		for (final EvalResult.AtEpsilon e : r.epsilons())
			if (Math.abs(e.epsilon() - EPSILON) < 1e-6) return e;
		return null;
	}

	private static double ms(final EvalResult r, final String method) {
		for (final EvalResult.Timing t : r.timing())
			if (t.method().equals(method) && Math.abs(t.epsilon() - EPSILON) < 1e-6) return t
				.msPerTile();
		return Double.NaN;
	}

	private static Goal atLeast(final String goal, final double v, final double min) {
		return new Goal(goal, v, "≥ " + min, Double.isNaN(v) ? null : v >= min);
	}

	private static Goal within(final String goal, final double v, final double tol) {
		return new Goal(goal, v, "within ±" + tol, Double.isNaN(v) ? null : Math.abs(v) <= tol);
	}

	private static Goal atMost(final String goal, final double v, final double max) {
		return new Goal(goal, v, "≤ " + max, Double.isNaN(v) ? null : v <= max);
	}
}
