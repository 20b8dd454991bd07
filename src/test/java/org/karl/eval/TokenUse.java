package org.karl.eval;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import org.junit.Test;
import org.karl.data.EvalSet;
import org.karl.engine.api.TileSet;
import org.karl.engine.runtime.ModelSession;
import org.karl.engine.runtime.Tensors;
import org.tensorflow.Result;
import org.tensorflow.Tensor;

/**
 * Not a unit test (run on purpose, about a minute): which of the T_max token positions a model's
 * decoder uses. On the held-out set of a training run (Fashion-MNIST test, skimage ×3 patches,
 * real held-out patches; {@code -Dper=500} tiles each, seed 42, data folder {@code data}), each
 * tile is tokenized at T_max and the smallest ε bin, then decoded with all T_max tokens and with
 * every single position dropped in turn. Prints per position: the entropy of its token ids over
 * the tiles (bits; how much the encoder varies it), the number of distinct ids, and the rise of
 * the mean L1 when only that position is dropped (how much the decoder reads it).
 * <p>
 * {@code mvn -B -o test -Dtest=TokenUse -Dmodel=models/default}
 */
public class TokenUse {

	@Test
	public void perPosition() throws Exception {
		final Path dir = Path.of(System.getProperty("model", "models/default"));
		final int per = Integer.getInteger("per", 500);
		try (ModelSession m = ModelSession.load(dir)) {
			final TileSet tiles = EvalSet.heldOut(Path.of("data"), per, 42).all();
			final int tmax = m.card().model().maxTokens(), n = tiles.n(), side = tiles.tileSize();
			final float[] eps = new float[n];
			Arrays.fill(eps, m.epsilonBins()[0]);
			final int[] tokens;
			try (Tensor img = Tensors.floats(tiles.pixels(), 0, n, side, side, 1);
				Tensor e = Tensors.floats(eps, 0, n);
				Tensor b = Tensors.scalar(tmax);
				Result r = m.call("tokenize", Map.of("images", img, "epsilon", e, "budget", b)))
			{
				tokens = Tensors.ints(r, "tokens");
			}
			final double all = l1(m, tiles, tokens, -1, tmax);
			System.out.printf(Locale.ROOT, "%s: %d tiles, L1 with all %d tokens %.4f%n", dir, n, tmax, all);
			System.out.println("position entropy_bits distinct_ids l1_rise_when_dropped");
			final int codes = m.card().model().latentCodes();
			for (int p = 0; p < tmax; p++) {
				final int[] count = new int[codes];
				for (int i = 0; i < n; i++) count[tokens[i * tmax + p]]++;
				double h = 0;
				int distinct = 0;
				for (final int c : count)
					if (c > 0) {
						distinct++;
						h -= c / (double) n * Math.log(c / (double) n) / Math.log(2);
					}
				System.out.printf(Locale.ROOT, "%d %.2f %d %.5f%n", p + 1, h, distinct, l1(m, tiles, tokens,
					p, tmax) - all);
			}
		}
	}

	/** Mean L1 of the tiles decoded from {@code tokens} with position {@code drop} masked (-1: none). */
	private static double l1(final ModelSession m, final TileSet tiles, final int[] tokens,
		final int drop, final int tmax)
	{
		final int n = tiles.n(), px = tiles.tilePixels();
		final int[] keep = new int[n * tmax];
		Arrays.fill(keep, 1);
		if (drop >= 0) for (int i = 0; i < n; i++) keep[i * tmax + drop] = 0;
		double sum = 0;
		try (Tensor t = Tensors.ints(tokens, 0, n, tmax);
			Tensor k = Tensors.ints(keep, 0, n, tmax);
			Result r = m.call("decode", Map.of("tokens", t, "keep_mask", k)))
		{
			final float[] rec = Tensors.floats(r, "images");
			for (int i = 0; i < n * px; i++) sum += Math.abs(rec[i] - tiles.pixels()[i]);
		}
		return sum / n / px;
	}
}
