package org.karl.eval;

import java.util.Arrays;

import org.karl.engine.api.BudgetLadder;
import org.karl.engine.api.Progress;
import org.karl.engine.api.ReconstructResult;
import org.karl.engine.api.TokenizeResult;
import org.karl.engine.api.Tokenizer;
import org.karl.image.ImageMetrics;

/**
 * The search baselines KARL's single pass is compared with (docs/algorithm.md §6.2), run on
 * the same model, and the single pass itself, each timed on a batch of tiles:
 * <ul>
 * <li>ALIT-style: for T = 2, 4, ..., T_max, encode and decode at budget T with the smallest ε
 * bin (so that, ideally, nothing halts) and stop at the first T whose L1 ≤ ε (T*). Each try is
 * one encoder and one decoder run.</li>
 * <li>One-D-Piece-style (prefix): encode once at T_max with the smallest ε bin, then decode the
 * first k = 2, 4, ..., T_max tokens (a keep mask we build: the first k slots) until L1 ≤ ε (k*).
 * One encoder run, one decoder run per try.</li>
 * <li>KARL: one {@code reconstruct} at ε and T_max, 1 encoder + 1 decoder run.</li>
 * </ul>
 * A tile that never meets ε gets T_max and counts every try. Searches are batched: each try runs
 * on the tiles still searching, so times are per-tile amortised.
 */
public final class SearchBaselines {

	/** Budgets of both searches, step 2 as the phase-1 budgets. */
	public static final int STEP = 2;

	/** What a timed method did on a batch. */
	public record Timed(String method, double epsilon, int n, double seconds, long encoderRuns,
		long decoderRuns, int[] tokens, int met)
	{

		/** Mean selected (ALIT, prefix) or kept (KARL) tokens. */
		public double meanTokens() {
			return Arrays.stream(tokens).average().orElse(Double.NaN);
		}

		/** Wall milliseconds per tile. */
		public double msPerTile() {
			return 1000 * seconds / n;
		}
	}

	/**
	 * L1 of every tile at every budget: what a search that never stops would see.
	 *
	 * @param budgets the budgets tried, ascending
	 * @param l1 [budget index][tile]
	 * @param meanHalted mean tokens halted at each budget although ε is the smallest bin
	 */
	public record Table(int[] budgets, float[][] l1, double[] meanHalted) {

		/** Index of the first budget at which tile {@code i} has L1 ≤ ε, or -1 if none. */
		public int firstMeeting(final int i, final double epsilon) {
			for (int b = 0; b < budgets.length; b++)
				if (l1[b][i] <= epsilon) return b;
			return -1;
		}
	}

	private SearchBaselines() {}

	/** 2, 4, ..., T_max (T_max last even when odd). */
	public static int[] budgets(final int tmax) {
		final int[] b = new int[(tmax + STEP - 1) / STEP];
		for (int i = 0; i < b.length; i++) b[i] = Math.min(tmax, (i + 1) * STEP);
		return b;
	}

	/** ALIT-style table: one encode+decode per budget for every tile. */
	public static Table alitTable(final Tokenizer t, final float[] tiles, final int n,
		final Progress progress)
	{
		final int[] budgets = budgets(t.maxTokens());
		final float[][] l1 = new float[budgets.length][];
		final double[] halted = new double[budgets.length];
		for (int b = 0; b < budgets.length; b++) {
			final ReconstructResult r = t.reconstruct(tiles, n, t.epsilonBins()[0], budgets[b],
				progress.sub((double) b / budgets.length, (double) (b + 1) / budgets.length));
			l1[b] = r.l1();
			halted[b] = budgets[b] - Arrays.stream(r.counts()).average().orElse(0);
		}
		return new Table(budgets, l1, halted);
	}

	/** Prefix table: one encode at T_max, then one decode per prefix length for every tile. */
	public static Table prefixTable(final Tokenizer t, final float[] tiles, final int n,
		final Progress progress)
	{
		final int[] budgets = budgets(t.maxTokens());
		final TokenizeResult tok = t.tokenize(tiles, n, t.epsilonBins()[0], t.maxTokens(),
			Progress.NONE);
		final double halted = t.maxTokens() - Arrays.stream(tok.counts()).average().orElse(0);
		final float[][] l1 = new float[budgets.length][n];
		final int px = t.tileSize() * t.tileSize();
		for (int b = 0; b < budgets.length; b++) {
			final float[] rec = t.decode(tok.tokens(), BudgetLadder.prefixMask(n, t.maxTokens(), budgets[b]), n,
				progress.sub((double) b / budgets.length, (double) (b + 1) / budgets.length));
			for (int i = 0; i < n; i++)
				l1[b][i] = (float) ImageMetrics.l1(tiles, i * px, rec, i * px, px);
		}
		final double[] meanHalted = new double[budgets.length];
		Arrays.fill(meanHalted, halted);
		return new Table(budgets, l1, meanHalted);
	}

	/** Timed ALIT-style search at ε. */
	public static Timed alit(final Tokenizer t, final float[] tiles, final int n,
		final float epsilon)
	{
		final int px = t.tileSize() * t.tileSize();
		final int[] chosen = new int[n];
		Arrays.fill(chosen, t.maxTokens());
		int[] pending = range(n);
		long runs = 0;
		int met = 0;
		final long t0 = System.nanoTime();
		for (final int budget : budgets(t.maxTokens())) {
			if (pending.length == 0) break;
			final float[] batch = gather(tiles, pending, px);
			final ReconstructResult r = t.reconstruct(batch, pending.length, t.epsilonBins()[0],
				budget, Progress.NONE);
			runs += pending.length;
			int left = 0;
			for (int j = 0; j < pending.length; j++)
				if (r.l1()[j] <= epsilon) {
					chosen[pending[j]] = budget;
					met++;
				}
				else pending[left++] = pending[j];
			pending = Arrays.copyOf(pending, left);
		}
		final double s = (System.nanoTime() - t0) / 1e9;
		return new Timed("alit", epsilon, n, s, runs, runs, chosen, met);
	}

	/** Timed One-D-Piece-style prefix search at ε. */
	public static Timed prefix(final Tokenizer t, final float[] tiles, final int n,
		final float epsilon)
	{
		final int px = t.tileSize() * t.tileSize(), tmax = t.maxTokens();
		final int[] chosen = new int[n];
		Arrays.fill(chosen, tmax);
		int[] pending = range(n);
		long decodes = 0;
		int met = 0;
		final long t0 = System.nanoTime();
		final TokenizeResult tok = t.tokenize(tiles, n, t.epsilonBins()[0], tmax, Progress.NONE);
		for (final int k : budgets(tmax)) {
			if (pending.length == 0) break;
			final int[] tokens = new int[pending.length * tmax];
			for (int j = 0; j < pending.length; j++)
				System.arraycopy(tok.tokens(), pending[j] * tmax, tokens, j * tmax, tmax);
			final float[] rec = t.decode(tokens, BudgetLadder.prefixMask(pending.length, tmax, k), pending.length,
				Progress.NONE);
			decodes += pending.length;
			int left = 0;
			for (int j = 0; j < pending.length; j++)
				if (ImageMetrics.l1(tiles, pending[j] * px, rec, j * px, px) <= epsilon) {
					chosen[pending[j]] = k;
					met++;
				}
				else pending[left++] = pending[j];
			pending = Arrays.copyOf(pending, left);
		}
		final double s = (System.nanoTime() - t0) / 1e9;
		return new Timed("prefix", epsilon, n, s, n, decodes, chosen, met);
	}

	/** Timed KARL single pass at ε: reconstruct once at T_max. */
	public static Timed karl(final Tokenizer t, final float[] tiles, final int n,
		final float epsilon)
	{
		final long t0 = System.nanoTime();
		final ReconstructResult r = t.reconstruct(tiles, n, epsilon, t.maxTokens(), Progress.NONE);
		final double s = (System.nanoTime() - t0) / 1e9;
		int met = 0;
		for (final float v : r.l1())
			if (v <= epsilon) met++;
		return new Timed("karl", epsilon, n, s, n, n, r.counts(), met);
	}

	private static int[] range(final int n) {
		final int[] r = new int[n];
		for (int i = 0; i < n; i++) r[i] = i;
		return r;
	}

	private static float[] gather(final float[] tiles, final int[] idx, final int px) {
		final float[] out = new float[idx.length * px];
		for (int j = 0; j < idx.length; j++) System.arraycopy(tiles, idx[j] * px, out, j * px, px);
		return out;
	}
}
