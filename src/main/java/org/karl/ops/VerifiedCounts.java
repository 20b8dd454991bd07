package org.karl.ops;

import java.util.Arrays;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

import org.karl.engine.api.BudgetLadder;
import org.karl.engine.api.Progress;
import org.karl.engine.api.ReconstructResult;
import org.karl.engine.api.TokenizeResult;
import org.karl.engine.api.Tokenizer;
import org.karl.image.PlaneTokenizer;
import org.karl.image.PlaneTokens;
import org.karl.image.TileGrid;

/**
 * Verified counts (the {@code verify} option of every door): the single pass's count of each
 * tile, checked by decoding. One encoder run gives each tile's token ids and its predicted count
 * k̂; the first k̂ tokens are decoded (a prefix mask, so no tile is encoded twice) and, where the
 * L1 is above ε, the count climbs the {@link BudgetLadder} above k̂, decoding only the tiles
 * still short of ε at each rung (batched over tiles), until ε is met or the budget is reached.
 * <p>
 * So the verified count is k̂ where k̂ meets ε, else the smallest rung above k̂ that meets it,
 * else the budget with {@code met} false (ε is out of reach for that tile: "unreachable"). It is
 * never below k̂. The single pass's own reconstruction decodes the tokens the halting head keeps,
 * which need not be the first k̂; verification decodes prefixes throughout, so that its L1 and
 * count describe one reconstruction: the first {@code count} tokens.
 */
public final class VerifiedCounts {

	/**
	 * Verified tiles.
	 *
	 * @param n number of tiles
	 * @param tmax token slots per tile (the model's T_max)
	 * @param predicted the single pass's count per tile, [n]
	 * @param counts the verified count per tile, [n]
	 * @param l1 mean |tile − reconstruction| at the verified count, [n]
	 * @param met whether that L1 meets ε, [n]; false only at the budget
	 * @param tokens token ids of the single pass, [n, tmax]
	 * @param keep the prefix mask of the verified count, [n, tmax]
	 * @param images the reconstructions at the verified counts, [n, tile, tile]
	 */
	public record Tiles(int n, int tmax, int[] predicted, int[] counts, float[] l1, boolean[] met,
		int[] tokens, int[] keep, float[] images) {}

	/**
	 * A plane's verified counts: {@code tokens.counts()} are the verified ones, {@code tokens.l1()}
	 * their L1 (ids and prefix masks in {@code tokens} when asked for); tiles outside the
	 * selection have count {@link PlaneTokenizer#NOT_SELECTED} here too.
	 */
	public record PlaneResult(PlaneTokens tokens, int[] predicted, boolean[] met) {}

	private VerifiedCounts() {}

	/** The single pass on {@code n} tiles, then the climb ({@link #climb}). */
	public static Tiles verify(final Tokenizer t, final float[] tiles, final int n,
		final float epsilon, final int budget, final Progress progress)
	{
		t.checkRequest(epsilon, budget);
		// NB: measured on models/default, a decoder run costs about 1.3 encoder runs
		final TokenizeResult r = t.tokenize(tiles, n, epsilon, budget, progress.sub(0, 0.4));
		return climb(t, tiles, r, epsilon, budget, progress.sub(0.4, 1));
	}

	/**
	 * Decodes each tile of {@code r} at its count and climbs the ladder where ε is missed.
	 *
	 * @param tiles the tiles {@code r} was made from, [n, tile, tile]
	 */
	public static Tiles climb(final Tokenizer t, final float[] tiles, final TokenizeResult r,
		final float epsilon, final int budget, final Progress progress)
	{
		final int n = r.n(), tmax = r.tmax(), px = t.tileSize() * t.tileSize();
		final int[] counts = r.counts().clone();
		final float[] l1 = new float[n], images = new float[n * px];
		final boolean[] met = new boolean[n];
		int[] todo = new int[n];
		for (int i = 0; i < n; i++) todo[i] = i;
		for (int round = 0; todo.length > 0; round++) {
			if (progress.isCanceled()) throw new java.util.concurrent.CancellationException(
				"canceled while verifying counts");
			// NB: the first round decodes every tile; the climb's rounds only the few short of ε
			final Progress p = round == 0 ? progress.sub(0, 0.9) : progress.sub(0.9, 1);
			final float[] decoded = t.decode(gather(r.tokens(), todo, tmax), BudgetLadder.prefixMask(
				gather(counts, todo, 1), tmax), todo.length, p);
			int left = 0;
			for (int k = 0; k < todo.length; k++) {
				final int i = todo[k];
				System.arraycopy(decoded, k * px, images, i * px, px);
				l1[i] = l1(tiles, i * px, decoded, k * px, px);
				met[i] = ReconstructResult.meets(l1[i], epsilon);
				if (met[i] || counts[i] >= budget) continue;
				counts[i] = BudgetLadder.next(counts[i], budget);
				todo[left++] = i;
			}
			todo = Arrays.copyOf(todo, left);
		}
		progress.fraction(1);
		final int[] keep = BudgetLadder.prefixMask(counts, tmax);
		return new Tiles(n, tmax, r.counts().clone(), counts, l1, met, r.tokens().clone(), keep,
			images);
	}

	/**
	 * Verified counts of the tiles {@code selected} (null: all) of {@code plane}, chunk by chunk
	 * as {@link PlaneTokenizer} tiles a plane; with {@code ids}, also the token ids and masks.
	 */
	public static PlaneResult plane(final Tokenizer t,
		final RandomAccessibleInterval<FloatType> plane, final float epsilon, final int budget,
		final boolean ids, final boolean[] selected, final Progress progress)
	{
		t.checkRequest(epsilon, budget);
		final TileGrid grid = org.karl.image.Tiler.grid(plane, t.tileSize());
		final int n = grid.count(), tmax = t.maxTokens();
		final int[] counts = new int[n], predicted = new int[n];
		final float[] l1 = new float[n];
		final boolean[] met = new boolean[n];
		final int[] tokens = ids ? new int[n * tmax] : null, keep = ids ? new int[n * tmax] : null;
		if (selected != null) {
			Arrays.fill(counts, PlaneTokenizer.NOT_SELECTED);
			Arrays.fill(predicted, PlaneTokenizer.NOT_SELECTED);
			Arrays.fill(l1, Float.NaN);
			if (ids) Arrays.fill(tokens, -1);
		}
		PlaneTokenizer.forEachChunk(t, plane, selected, progress, (tiles, m, idx, sub) -> {
			final Tiles v = verify(t, tiles, m, epsilon, budget, sub);
			for (int k = 0; k < m; k++) {
				final int i = idx[k];
				counts[i] = v.counts()[k];
				predicted[i] = v.predicted()[k];
				l1[i] = v.l1()[k];
				met[i] = v.met()[k];
				if (ids) {
					System.arraycopy(v.tokens(), k * tmax, tokens, i * tmax, tmax);
					System.arraycopy(v.keep(), k * tmax, keep, i * tmax, tmax);
				}
			}
		});
		return new PlaneResult(new PlaneTokens(grid, counts, l1, tokens, keep), predicted, met);
	}

	/** Rows {@code which} of a [n, width] array. */
	private static int[] gather(final int[] a, final int[] which, final int width) {
		final int[] out = new int[which.length * width];
		for (int k = 0; k < which.length; k++)
			System.arraycopy(a, which[k] * width, out, k * width, width);
		return out;
	}

	/** Mean |a − b| over {@code px} values, as the model's own per-tile L1. */
	private static float l1(final float[] a, final int ao, final float[] b, final int bo,
		final int px)
	{
		double s = 0;
		for (int j = 0; j < px; j++) s += Math.abs(a[ao + j] - b[bo + j]);
		return (float) (s / px);
	}
}
