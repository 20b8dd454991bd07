package org.karl.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.karl.engine.api.TileSet;

/**
 * DEFLATE and PNG sizes of every evaluation tile (8-bit), and their rank agreement with token
 * counts on the non-blank tiles. Blank tiles (one grey level) are left out of the correlations:
 * they compress to a constant size and only add ties.
 */
final class ClassicalSizes {

	private final int[] deflate, png, partOf;
	private final boolean[] blank;
	private final List<String> names;

	private ClassicalSizes(final int[] deflate, final int[] png, final boolean[] blank,
		final int[] partOf, final List<String> names)
	{
		this.deflate = deflate;
		this.png = png;
		this.blank = blank;
		this.partOf = partOf;
		this.names = names;
	}

	/** Sizes of every tile of {@code all}; {@code partOf} names each tile's part. */
	static ClassicalSizes of(final TileSet all, final int[] partOf, final List<String> names) {
		final int n = all.n(), px = all.tilePixels();
		final int[] deflate = new int[n], png = new int[n];
		final boolean[] blank = new boolean[n];
		for (int i = 0; i < n; i++) {
			final byte[] gray = Compression.toBytes(all.pixels(), i * px, px);
			deflate[i] = Compression.deflateBytes(gray);
			png[i] = Compression.pngBytes(gray, all.tileSize(), all.tileSize());
			blank[i] = Compression.isBlank(gray);
		}
		return new ClassicalSizes(deflate, png, blank, partOf, names);
	}

	/** DEFLATE bytes per tile. */
	int[] deflate() {
		return deflate;
	}

	/** Per tile, whether it is blank (one 8-bit grey level). */
	boolean[] blank() {
		return blank;
	}

	/** Means over all tiles and per part ([DEFLATE bytes, PNG bytes, blank tiles]). */
	EvalResult.Classical summary() {
		final Map<String, double[]> parts = new LinkedHashMap<>();
		for (int p = 0; p < names.size(); p++) {
			final int part = p;
			parts.put(names.get(p), new double[] { Evaluation.meanWhere(Spearman.toDouble(deflate),
				partOf, part), Evaluation.meanWhere(Spearman.toDouble(png), partOf, part), count(i ->
					blank[i] && partOf[i] == part) });
		}
		return new EvalResult.Classical(Evaluation.mean(Spearman.toDouble(deflate)), Evaluation.mean(
			Spearman.toDouble(png)), count(i -> blank[i]), parts);
	}

	/** ρ of {@code tokens} with both sizes on the non-blank tiles, overall and per part. */
	EvalResult.ClassicalAt against(final int[] tokens, final int codebook) {
		final int[] all = select(i -> !blank[i]);
		final Map<String, Double> perPart = new LinkedHashMap<>();
		for (int p = 0; p < names.size(); p++) {
			final int part = p;
			final int[] idx = select(i -> !blank[i] && partOf[i] == part);
			perPart.put(names.get(p), Spearman.rho(pick(tokens, idx), pick(deflate, idx)));
		}
		double bits = 0;
		for (final int k : tokens) bits += k * log2(codebook);
		return new EvalResult.ClassicalAt(all.length, Spearman.rho(pick(tokens, all), pick(deflate,
			all)), Spearman.rho(pick(tokens, all), pick(png, all)), perPart, bits / tokens.length);
	}

	static double log2(final int v) {
		return Math.log(v) / Math.log(2);
	}

	private int count(final java.util.function.IntPredicate p) {
		int c = 0;
		for (int i = 0; i < deflate.length; i++)
			if (p.test(i)) c++;
		return c;
	}

	private int[] select(final java.util.function.IntPredicate p) {
		return java.util.stream.IntStream.range(0, deflate.length).filter(p).toArray();
	}

	private static int[] pick(final int[] v, final int[] idx) {
		final int[] out = new int[idx.length];
		for (int i = 0; i < idx.length; i++) out[i] = v[idx[i]];
		return out;
	}
}
