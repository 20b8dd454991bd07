package org.karl.eval;

import java.util.Arrays;
import java.util.Comparator;

import org.karl.data.EvalSet;
import org.karl.engine.api.Progress;
import org.karl.engine.api.ReconstructResult;
import org.karl.engine.api.TileSet;
import org.karl.engine.api.Tokenizer;

/**
 * Picks the montage tiles and reconstructs them at the montage ε. Tiles are taken from each
 * part at evenly spaced quantiles of their DEFLATE size, so the rows run from simple to complex.
 */
final class Montages {

	private Montages() {}

	static EvalResult.Montage of(final Tokenizer t, final TileSet all, final EvalSet set,
		final ClassicalSizes sizes, final Evaluation.Options o)
	{
		final int[] partOf = set.partOf();
		final int parts = set.parts().size();
		final int per = Math.max(1, o.montageTiles() / parts);
		final int[] idx = new int[per * parts];
		final String[] labels = new String[idx.length];
		int m = 0;
		for (int p = 0; p < parts; p++) {
			final int part = p;
			final Integer[] members = java.util.stream.IntStream.range(0, all.n()).filter(i ->
				partOf[i] == part).boxed().toArray(Integer[]::new);
			Arrays.sort(members, Comparator.comparingInt(i -> sizes.deflate()[i]));
			for (int j = 0; j < per && members.length > 0; j++) {
				idx[m] = members[(int) ((j + 0.5) * members.length / per)];
				labels[m++] = set.parts().get(p).name();
			}
		}
		final int[] chosen = Arrays.copyOf(idx, m);
		final float[] originals = new float[m * all.tilePixels()];
		all.gather(chosen, originals);
		final double[] eps = snap(o.montage(), o.epsilons());
		final float[][] recs = new float[eps.length][];
		final int[][] tokens = new int[eps.length][];
		final float[][] l1 = new float[eps.length][];
		for (int e = 0; e < eps.length; e++) {
			final ReconstructResult r = t.reconstruct(originals, m, (float) eps[e], t.maxTokens(),
				Progress.NONE);
			recs[e] = r.images();
			tokens[e] = r.counts();
			l1[e] = r.l1();
		}
		return new EvalResult.Montage(all.tileSize(), Arrays.copyOf(labels, m), originals, eps, recs,
			tokens, l1);
	}

	/** Each wanted ε replaced by the nearest listed ε, duplicates dropped, ascending. */
	static double[] snap(final float[] wanted, final float[] listed) {
		if (listed.length == 0) return new double[0];
		return Arrays.stream(toDouble(wanted)).map(w -> {
			float best = listed[0];
			for (final float l : listed)
				if (Math.abs(l - w) < Math.abs(best - w)) best = l;
			return Evaluation.decimal(best);
		}).distinct().sorted().toArray();
	}

	private static double[] toDouble(final float[] v) {
		final double[] d = new double[v.length];
		for (int i = 0; i < v.length; i++) d[i] = Evaluation.decimal(v[i]);
		return d;
	}
}
