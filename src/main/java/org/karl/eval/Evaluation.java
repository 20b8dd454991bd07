package org.karl.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.karl.data.EvalSet;
import org.karl.engine.api.Progress;
import org.karl.ops.VerifiedCounts;
import org.karl.engine.api.ReconstructResult;
import org.karl.engine.api.TileSet;
import org.karl.engine.api.Tokenizer;
import org.karl.image.ImageMetrics;
import org.karl.image.Ssim;
import org.karl.image.MicroscopyTiles;
import org.karl.image.SyntheticTiles;

/**
 * The {@code karl eval} measurement (docs/algorithm.md §6): KARL's single pass at each ε against
 * ALIT-style and prefix search on the same model and tiles, token counts against classical
 * compressed sizes, the probe groups, the fixed-budget curve against JPEG at the same bits (a
 * classical anchor for the curve's level and slope) and how graded the counts are. Pure
 * computation: the caller writes files.
 */
public final class Evaluation {

	/** The default ε list: the model's bins within [{@value #EPS_MIN}, {@value #EPS_MAX}]. */
	public static final double EPS_MIN = 0.01, EPS_MAX = 0.2;

	private Evaluation() {}

	/**
	 * How to evaluate.
	 *
	 * @param epsilons ascending targets ε (mean L1, [0,1] units)
	 * @param timing ε at which the three methods are timed (the ε of the paper's Table 2)
	 * @param timingTiles most tiles a timed run uses (spread over the set)
	 * @param montage ε of the montage columns (each snapped to the nearest listed ε)
	 * @param montageTiles tiles per montage (rows)
	 * @param probePerGroup tiles per probe group
	 * @param seed seed of the probe tiles
	 */
	public record Options(float[] epsilons, float[] timing, int timingTiles, float[] montage,
		int montageTiles, int probePerGroup, long seed, int[] phase1, double threshold)
	{

		/** Defaults for a tokenizer: its bins in [0.01, 0.2], timing at 0.03, 0.05, 0.09. */
		public static Options defaults(final Tokenizer t, final long seed) {
			return new Options(defaultEpsilons(t.epsilonBins()), within(new float[] { 0.03f, 0.05f,
				0.09f }, t.epsilonBins()), 1024, new float[] { 0.01f, 0.03f, 0.05f, 0.1f, 0.2f }, 8, 64,
				seed, SearchBaselines.budgets(t.maxTokens()), 0.75);
		}

		/** A copy with another ε list. */
		public Options withEpsilons(final float[] e) {
			return new Options(e, timing, timingTiles, montage, montageTiles, probePerGroup, seed,
				phase1, threshold);
		}

		/** A copy with a model's phase-1 budgets (step, 2 step, ..., table) and halting threshold. */
		public Options withTraining(final int step, final int table, final double halt) {
			final int[] b = new int[table / step];
			for (int i = 0; i < b.length; i++) b[i] = (i + 1) * step;
			return new Options(epsilons, timing, timingTiles, montage, montageTiles, probePerGroup, seed,
				b, halt);
		}
	}

	/** The bins within [{@value #EPS_MIN}, {@value #EPS_MAX}] (with float tolerance). */
	public static float[] defaultEpsilons(final float[] bins) {
		final float[] out = new float[bins.length];
		int c = 0;
		for (final float b : bins)
			if (b >= EPS_MIN - 1e-6 && b <= EPS_MAX + 1e-6) out[c++] = b;
		return java.util.Arrays.copyOf(out, c);
	}

	/** Runs the whole evaluation. */
	public static EvalResult run(final Tokenizer t, final String model, final int codebook,
		final EvalSet set, final Options o, final Progress progress)
	{
		final long t0 = System.nanoTime();
		final TileSet all = set.all();
		final int n = all.n(), px = all.tilePixels(), tmax = t.maxTokens();
		final float[] x = all.pixels();
		final int[] partOf = set.partOf();
		final List<String> names = set.parts().stream().map(EvalSet.Part::name).toList();
		final ClassicalSizes classical = ClassicalSizes.of(all, partOf, names);

		progress.status("search tables (ALIT-style, prefix)");
		final SearchBaselines.Table alit = SearchBaselines.alitTable(t, x, n, progress.sub(0, 0.3));
		final SearchBaselines.Table prefix = SearchBaselines.prefixTable(t, x, n, progress.sub(0.3,
			0.45));
		progress.status("JPEG anchor at the fixed budgets' bits");
		final EvalResult.JpegCurve jpeg = JpegAnchor.curve(all, partOf, names, alit.budgets(),
			codebook, alit.l1(), false), jpegFitted = JpegAnchor.curve(all, partOf, names, alit
				.budgets(), codebook, alit.l1(), true);
		final Map<String, TileSet> probeGroups = SyntheticTiles.probe(o.seed(), o.probePerGroup());
		final TileSet probes = TileSet.concat(probeGroups.values().toArray(TileSet[]::new));
		final Map<String, TileSet> microGroups = MicroscopyTiles.nucleiProbe(o.seed(), o
			.probePerGroup());
		final TileSet micro = TileSet.concat(microGroups.values().toArray(TileSet[]::new));

		final List<EvalResult.AtEpsilon> rows = new ArrayList<>();
		final int[][] k = new int[o.epsilons().length][];
		for (int e = 0; e < o.epsilons().length; e++) {
			final float eps = o.epsilons()[e];
			progress.status("single pass at epsilon " + eps);
			final ReconstructResult r = t.reconstruct(x, n, eps, tmax, Progress.NONE);
			k[e] = r.counts();
			final int[] probeK = t.tokenize(probes.pixels(), probes.n(), eps, tmax, Progress.NONE)
				.counts();
			final int[] microK = t.tokenize(micro.pixels(), micro.n(), eps, tmax, Progress.NONE)
				.counts();
			final HonestCounts honest = HonestCounts.of(eps, r.counts(), r.l1(), alit, o.phase1(), t
				.epsilonBins(), tmax, o.threshold());
			final VerifiedShare verified = VerifiedShare.of(VerifiedCounts.verify(t, x, n, eps, tmax,
				Progress.NONE));
			rows.add(atEpsilon(t, eps, x, px, r, partOf, names, alit, prefix, classical, codebook,
				probeGroups, probeK, honest, groupMeans(microGroups, microK), verified));
			progress.fraction(0.45 + 0.3 * (e + 1) / o.epsilons().length);
		}

		progress.status("timing");
		final List<EvalResult.Timing> timing = Timings.measure(t, all, o.timing(), o.timingTiles());
		progress.fraction(0.95);
		final EvalResult.Montage montage = Montages.of(t, all, set, classical, o);
		final EvalResult.Curves curves = new EvalResult.Curves(alit.budgets(), means(alit.l1()), alit
			.meanHalted(), means(prefix.l1()), prefix.meanHalted()[0]);
		final List<EvalResult.PartInfo> parts = set.parts().stream().map(p -> new EvalResult.PartInfo(
			p.name(), p.tiles().n(), p.description())).toList();
		final EvalResult.Setup setup = new EvalResult.Setup(model, tmax, codebook, t.epsilonBins(),
			parts, o.probePerGroup(), alit.budgets(), (System.nanoTime() - t0) / 1e9);
		progress.fraction(1);
		return new EvalResult(setup, rows, timing, curves, jpeg, jpegFitted, CurveRatios.of(curves
			.budgets(), curves.alitL1()), classical.summary(), monotonic(k), montage);
	}

	private static EvalResult.AtEpsilon atEpsilon(final Tokenizer t, final float eps,
		final float[] x, final int px, final ReconstructResult r, final int[] partOf,
		final List<String> names, final SearchBaselines.Table alit,
		final SearchBaselines.Table prefix, final ClassicalSizes classical, final int codebook,
		final Map<String, TileSet> probeGroups, final int[] probeK, final HonestCounts honest,
		final Map<String, Double> microscopy, final VerifiedShare verified)
	{
		final int n = r.n(), tmax = t.maxTokens();
		final int side = t.tileSize();
		final double[] psnr = new double[n], ssim = new double[n], adhere = new double[n];
		for (int i = 0; i < n; i++) {
			psnr[i] = ImageMetrics.psnr(ImageMetrics.mse(x, i * px, r.images(), i * px, px), 1);
			ssim[i] = Ssim.of(x, i * px, r.images(), i * px, side);
			adhere[i] = r.l1()[i] <= eps + EvalResult.ADHERENCE_SLACK ? 1 : 0;
		}
		final Map<String, double[]> parts = new LinkedHashMap<>();
		for (int p = 0; p < names.size(); p++) {
			final int part = p;
			parts.put(names.get(p), new double[] { meanWhere(toDouble(r.counts()), partOf, part),
				meanWhere(toDouble(r.l1()), partOf, part), meanWhere(adhere, partOf, part) });
		}
		final EvalResult.Karl karl = new EvalResult.Karl(mean(toDouble(r.counts())), mean(toDouble(r
			.l1())), mean(psnr), mean(ssim), mean(adhere), parts);
		final int[] tStar = selected(alit, eps, n, tmax), kStar = selected(prefix, eps, n, tmax);
		final EvalResult.Agreement agree = new EvalResult.Agreement(Spearman.rho(r.counts(), tStar),
			meanAbsDiff(r.counts(), tStar), Spearman.rho(r.counts(), kStar), meanAbsDiff(r.counts(),
				kStar));
		// graded counts of k̂ and of the search's own T* (how graded its curves allow a count to be)
		final GradedCounts graded = GradedCounts.of(r.counts(), classical.blank(), alit.budgets()[0],
			tmax), gradedSearch = GradedCounts.of(tStar, classical.blank(), alit.budgets()[0], tmax);
		final int[] hist = new int[tmax + 1];
		for (final int c : r.counts()) hist[c]++;
		final Map<String, Double> probes = groupMeans(probeGroups, probeK);
		boolean ordered = true;
		final List<Double> means = new ArrayList<>(probes.values());
		// strictly rising, except that noise may tie with the busiest shapes (both can need T_max)
		for (int i = 1; i < means.size(); i++) ordered &= i == means.size() - 1 ? means.get(i) >= means
			.get(i - 1) : means.get(i) > means.get(i - 1);
		return new EvalResult.AtEpsilon(decimal(eps), bin(t.epsilonBins(), eps), karl, search(alit, eps, n,
			tmax, false), search(prefix, eps, n, tmax, true), agree, classical.against(r.counts(),
				codebook), hist, probes, ordered, honest, microscopy, graded, gradedSearch, verified);
	}

	/** Mean count per group; {@code k} holds the groups' counts back to back, in map order. */
	static Map<String, Double> groupMeans(final Map<String, TileSet> groups, final int[] k) {
		final Map<String, Double> m = new LinkedHashMap<>();
		int from = 0;
		for (final Map.Entry<String, TileSet> g : groups.entrySet()) {
			double s = 0;
			for (int i = 0; i < g.getValue().n(); i++) s += k[from + i];
			m.put(g.getKey(), g.getValue().n() == 0 ? Double.NaN : s / g.getValue().n());
			from += g.getValue().n();
		}
		return m;
	}

	/** Per tile, the first budget meeting ε, or T_max. */
	static int[] selected(final SearchBaselines.Table table, final double eps, final int n,
		final int tmax)
	{
		final int[] s = new int[n];
		for (int i = 0; i < n; i++) {
			final int b = table.firstMeeting(i, eps);
			s[i] = b < 0 ? tmax : table.budgets()[b];
		}
		return s;
	}

	/** Search summary from its table: ALIT counts 1+1 runs per try, prefix 1 encode in all. */
	static EvalResult.Search search(final SearchBaselines.Table table, final double eps,
		final int n, final int tmax, final boolean prefix)
	{
		double tokens = 0, l1 = 0, met = 0, tries = 0;
		final int last = table.budgets().length - 1;
		for (int i = 0; i < n; i++) {
			final int b = table.firstMeeting(i, eps);
			final int at = b < 0 ? last : b;
			tokens += b < 0 ? tmax : table.budgets()[b];
			l1 += table.l1()[at][i];
			met += b < 0 ? 0 : 1;
			tries += at + 1;
		}
		return new EvalResult.Search(tokens / n, l1 / n, met / n, prefix ? 1 : tries / n, tries / n);
	}

	/** Fraction of tiles whose count never rises from one ε to the next (ε ascending). */
	static double monotonic(final int[][] k) {
		if (k.length == 0) return Double.NaN;
		int ok = 0;
		for (int i = 0; i < k[0].length; i++) {
			boolean mono = true;
			for (int e = 1; e < k.length; e++) mono &= k[e][i] <= k[e - 1][i];
			if (mono) ok++;
		}
		return (double) ok / k[0].length;
	}

	/** The bin ε rounds up to (the last bin above it). */
	static double bin(final float[] bins, final float eps) {
		for (final float b : bins)
			if (b >= eps) return decimal(b);
		return decimal(bins[bins.length - 1]);
	}

	/** The double a float prints as: 0.01f gives 0.01, not 0.009999999776482582. */
	static double decimal(final float v) {
		return Double.parseDouble(Float.toString(v));
	}

	/** The ε of {@code wanted} that lie in (0, last bin]. */
	static float[] within(final float[] wanted, final float[] bins) {
		final float[] out = new float[wanted.length];
		int c = 0;
		for (final float w : wanted)
			if (w > 0 && w <= bins[bins.length - 1]) out[c++] = w;
		return java.util.Arrays.copyOf(out, c);
	}

	static double mean(final double[] v) {
		double s = 0;
		for (final double d : v) s += d;
		return v.length == 0 ? Double.NaN : s / v.length;
	}

	static double[] means(final float[][] rows) {
		final double[] m = new double[rows.length];
		for (int i = 0; i < rows.length; i++) m[i] = mean(toDouble(rows[i]));
		return m;
	}

	static double meanWhere(final double[] v, final int[] group, final int g) {
		double s = 0;
		int c = 0;
		for (int i = 0; i < v.length; i++)
			if (group[i] == g) {
				s += v[i];
				c++;
			}
		return c == 0 ? Double.NaN : s / c;
	}

	static double meanAbsDiff(final int[] a, final int[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
		return s / a.length;
	}

	static double[] toDouble(final int[] v) {
		return Spearman.toDouble(v);
	}

	static double[] toDouble(final float[] v) {
		final double[] d = new double[v.length];
		for (int i = 0; i < v.length; i++) d[i] = v[i];
		return d;
	}
}
