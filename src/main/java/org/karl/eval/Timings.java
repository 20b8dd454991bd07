package org.karl.eval;

import java.util.ArrayList;
import java.util.List;

import org.karl.engine.api.TileSet;
import org.karl.engine.api.Tokenizer;

/**
 * Times KARL's single pass, ALIT-style search and prefix search at a few ε on the same tiles
 * and in the same process. Run after the search tables, so every graph and kernel is warm.
 * NB: the single pass runs before and after the two searches and its two times are averaged,
 * so that a drift in machine load (a shared CPU) does not favour either side.
 */
final class Timings {

	private Timings() {}

	/** One timed run of each method at each ε, on at most {@code maxTiles} tiles of {@code all}. */
	static List<EvalResult.Timing> measure(final Tokenizer t, final TileSet all,
		final float[] epsilons, final int maxTiles)
	{
		final TileSet tiles = spread(all, maxTiles);
		final List<EvalResult.Timing> out = new ArrayList<>();
		for (final float eps : epsilons) {
			final SearchBaselines.Timed before = SearchBaselines.karl(t, tiles.pixels(), tiles.n(), eps);
			final SearchBaselines.Timed alit = SearchBaselines.alit(t, tiles.pixels(), tiles.n(), eps);
			final SearchBaselines.Timed prefix = SearchBaselines.prefix(t, tiles.pixels(), tiles.n(),
				eps);
			final SearchBaselines.Timed after = SearchBaselines.karl(t, tiles.pixels(), tiles.n(), eps);
			out.add(timing(new SearchBaselines.Timed(before.method(), eps, before.n(), (before.seconds() +
				after.seconds()) / 2, before.encoderRuns(), before.decoderRuns(), before.tokens(), before
					.met())));
			out.add(timing(alit));
			out.add(timing(prefix));
		}
		return out;
	}

	private static EvalResult.Timing timing(final SearchBaselines.Timed r) {
		return new EvalResult.Timing(Evaluation.decimal((float) r.epsilon()), r.method(), r.msPerTile(), (double) r.encoderRuns() /
			r.n(), (double) r.decoderRuns() / r.n(), r.meanTokens(), (double) r.met() / r.n());
	}

	/** At most {@code max} tiles taken at an even stride, so every part is represented. */
	static TileSet spread(final TileSet all, final int max) {
		if (all.n() <= max) return all;
		final int[] idx = new int[max];
		for (int i = 0; i < max; i++) idx[i] = (int) ((long) i * all.n() / max);
		final float[] px = new float[max * all.tilePixels()];
		all.gather(idx, px);
		return new TileSet(max, all.tileSize(), px);
	}
}
