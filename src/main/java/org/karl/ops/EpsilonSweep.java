package org.karl.ops;

import ij.ImagePlus;
import ij.ImageStack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.karl.Keys;
import org.karl.engine.api.BudgetLadder;
import org.karl.engine.api.Progress;
import org.karl.engine.api.Tokenizer;
import org.karl.image.ij.Normalization;
import org.karl.image.ij.UnreachableFlags;

/**
 * The "which ε?" aid of KARL Complexity Map: the map of one plane at several ε, as a stack with
 * one slice per ε (label "ε = 0.05"), and one summary row per ε saying how graded that map is:
 * mean tokens, the shares of tiles at the lowest count (the ladder's first rung), at the budget
 * (T_max by default) and strictly between ("graded"), and with {@code verify} the share out of
 * reach. A useful ε has a large graded share; all-lowest or all-budget maps say nothing. Every
 * slice is {@link ComplexityMapOp}'s map at that ε: no model math here.
 */
public final class EpsilonSweep {

	/** Suffix of the stack's title: {@code "<title> KARL sweep"}. */
	public static final String SUFFIX = " KARL sweep";

	/** Columns of the summary table; {@link #OUT_OF_REACH} only with verify. */
	public static final String EPSILON = "epsilon", TILES = "tiles", MEAN = "mean_tokens",
		AT_MIN = "at_min", AT_MAX = "at_max", GRADED = "graded", OUT_OF_REACH = "out_of_reach";

	/**
	 * One ε's map in numbers; shares in [0,1] of the mapped tiles; {@code outOfReach} NaN when the
	 * map was not verified.
	 */
	public record Summary(float epsilon, long tiles, double meanTokens, double atMin, double atMax,
		double graded, double outOfReach)
	{}

	/**
	 * The stack (one slice per ε), the summaries in ε order, the lowest count and the budget the
	 * shares count against, and notes for the log.
	 */
	public record Output(ImagePlus stack, List<Summary> summaries, int min, int max,
		List<String> notes)
	{

		/** The summary table ({@link EpsilonSweep#table}). */
		public Table table(final boolean verify) {
			return EpsilonSweep.table(summaries, verify);
		}

		/** The log line ({@link EpsilonSweep#line}). */
		public String line() {
			return EpsilonSweep.line(summaries, min, max);
		}
	}

	private EpsilonSweep() {}

	/** The sweep's ε: {@link EpsilonList#parse} for the key {@value Keys#KEY_SWEEP}. */
	public static float[] parse(final String typed) {
		return EpsilonList.parse(Keys.KEY_SWEEP, typed);
	}

	/** The sweep's ε as the user writes them: "0.02,0.05,0.1" ({@link EpsilonList#describe}). */
	public static String describe(final float[] eps) {
		return EpsilonList.describe(eps);
	}

	/** A slice's label: "ε = 0.05". */
	public static String label(final float epsilon) {
		return "ε = " + Float.toString(epsilon);
	}

	/**
	 * Maps the single plane of {@code imp} (tiles {@code roi} touches; null: all) at every ε of
	 * {@code eps}, after checking every ε and the budget against the model, so a bad ε fails
	 * before any work with the model's range in the message.
	 */
	public static Output run(final ImagePlus imp, final String name, final Tokenizer t,
		final float[] eps, final int budget, final Normalization normalize, final String lut,
		final ij.gui.Roi roi, final boolean verify, final Progress progress)
	{
		Inputs.checkImage(imp, t.tileSize());
		if (imp.getStackSize() > 1) throw new IllegalArgumentException("image '" + imp.getTitle() +
			"' has " + imp.getStackSize() + " planes and a sweep maps one; pick a plane with " +
			"Image>Duplicate... (or Image>Stacks>Stack to Images), or map at one epsilon");
		int b = 0;
		for (final float e : eps) b = Inputs.budget(t, e, budget);
		final int min = Math.min(BudgetLadder.next(0, Integer.MAX_VALUE), b);
		ImageStack stack = null;
		ImagePlus first = null;
		final List<Summary> sums = new ArrayList<>();
		final List<String> notes = new ArrayList<>();
		for (final float e : eps) {
			final ComplexityMapOp.Output o = ComplexityMapOp.run(imp, name, t, e, budget, normalize, lut,
				roi, new Table(ComplexityMapOp.columns(verify)), verify, progress);
			final ImagePlus map = o.map();
			if (first == null) {
				first = map;
				stack = new ImageStack(map.getWidth(), map.getHeight());
				notes.addAll(o.notes());
			}
			stack.addSlice(label(e), map.getProcessor());
			final Object u = map.getProp(UnreachableFlags.PROP);
			sums.add(summarize(e, (float[]) map.getProcessor().getPixels(), min, b, u == null ? -1 : Long
				.parseLong(u.toString())));
		}
		final ImagePlus out = new ImagePlus(imp.getTitle() + SUFFIX, stack);
		out.setCalibration(first.getCalibration());
		out.setLut(first.getProcessor().getLut());
		out.setDisplayRange(0, t.maxTokens());
		out.setProp(TokenizeOp.PROP_EPSILON, describe(eps));
		out.setProp(TokenizeOp.PROP_BUDGET, Integer.toString(b));
		out.setProp(TokenizeOp.PROP_NORMALIZE, normalize.describe());
		return new Output(out, sums, min, b, notes);
	}

	/**
	 * The numbers of one map: {@code counts} one per tile (NaN: not mapped), {@code min} the
	 * lowest count, {@code max} the budget, {@code unreachable} tiles out of reach (-1: unknown).
	 */
	public static Summary summarize(final float epsilon, final float[] counts, final int min,
		final int max, final long unreachable)
	{
		long n = 0, low = 0, high = 0;
		double sum = 0;
		for (final float c : counts) {
			if (Float.isNaN(c)) continue;
			n++;
			sum += c;
			if (c <= min) low++;
			else if (c >= max) high++;
		}
		if (n == 0) return new Summary(epsilon, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
			Double.NaN);
		return new Summary(epsilon, n, sum / n, (double) low / n, (double) high / n, (double) (n - low -
			high) / n, unreachable < 0 ? Double.NaN : (double) unreachable / n);
	}

	/** The summary table: one row per ε, {@link #OUT_OF_REACH} only when {@code verify}. */
	public static Table table(final List<Summary> sums, final boolean verify) {
		final Table t = verify ? new Table(EPSILON, TILES, MEAN, AT_MIN, AT_MAX, GRADED, OUT_OF_REACH)
			: new Table(EPSILON, TILES, MEAN, AT_MIN, AT_MAX, GRADED);
		for (final Summary s : sums) {
			if (verify) t.add(s.epsilon(), s.tiles(), s.meanTokens(), s.atMin(), s.atMax(), s.graded(), s
				.outOfReach());
			else t.add(s.epsilon(), s.tiles(), s.meanTokens(), s.atMin(), s.atMax(), s.graded());
		}
		return t;
	}

	/** The ε with the largest graded share (the first of equals), or NaN when none is graded. */
	public static float mostGraded(final List<Summary> sums) {
		float best = Float.NaN;
		double g = 0;
		for (final Summary s : sums) if (s.graded() > g) {
			g = s.graded();
			best = s.epsilon();
		}
		return best;
	}

	/** One line for the log: "most graded at ε = 0.05 (63 % of tiles between 2 and 32)". */
	public static String line(final List<Summary> sums, final int min, final int max) {
		final float best = mostGraded(sums);
		if (Float.isNaN(best)) return "no epsilon of the sweep gives a graded map (every tile at " +
			min + " or " + max + " tokens); try epsilons between those given";
		final Summary s = sums.stream().filter(x -> x.epsilon() == best).findFirst().orElseThrow();
		return String.format(Locale.ROOT, "most graded at %s (%.0f %% of tiles between %d and %d " +
			"tokens)", label(best), 100 * s.graded(), min, max);
	}
}
