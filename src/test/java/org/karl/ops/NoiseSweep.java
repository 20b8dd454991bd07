package org.karl.ops;

import ij.ImagePlus;
import ij.process.ImageProcessor;

import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.Test;
import org.karl.engine.api.Progress;
import org.karl.engine.runtime.KarlModel;
import org.karl.image.WidefieldDemo;
import org.karl.image.ij.Normalization;

/**
 * Not a unit test (run on purpose, under a minute): how the count follows added noise, the
 * question the time series of docs/fiji-users.md leaves open. The 256² top-left crop of the 8-bit
 * widefield demonstration image ({@link WidefieldDemo}, seed {@value WidefieldDemo#DEMO_SEED}),
 * plus Gaussian noise of σ {@code -Dsigmas=0,5,10,15,20,25,35,50} grey levels (seeded, clipped to
 * 0..255), tokenized with reconstruct through {@link TokenizeOp} (as KARL Tokenize... with
 * reconstruct; the counts KARL Complexity Map... paints) with models/default at
 * {@code -Deps=0.05}, each normalisation of {@code -Dnorms=percentile,range}. Prints, per σ: mean
 * kept tokens and the fraction of tiles whose one-pass reconstruction meets ε, over all 64 tiles,
 * nucleus tiles (at least a third nucleus) and background tiles (no nucleus pixel), and the mean
 * L1.
 * <p>
 * {@code mvn -B -o test -Dtest=NoiseSweep}
 */
public class NoiseSweep {

	@Test
	public void sweep() throws Exception {
		final float eps = Float.parseFloat(System.getProperty("eps", "0.05"));
		final String[] sigmas = System.getProperty("sigmas", "0,5,10,15,20,25,35,50").split(",");
		final String[] norms = System.getProperty("norms", "percentile,range").split(",");
		final WidefieldDemo.Image im = WidefieldDemo.image(WidefieldDemo.DEMO_SEED);
		final ImageProcessor crop = im.eightBit("w").getProcessor();
		crop.setRoi(0, 0, 256, 256);
		final ImageProcessor base = crop.crop();
		System.out.printf(Locale.ROOT, "| normalize | noise σ (grey levels) | mean tokens: all | " +
			"nucleus | background | met ε %.2f: all | nucleus | background | mean L1 |%n" +
			"|---|---|---|---|---|---|---|---|---|%n", eps);
		try (KarlModel k = KarlModel.load(Path.of("models/default"))) {
			for (final String norm : norms) {
				final Normalization n = norm.equals("range") ? Normalization.TYPE_RANGE : Normalization.DEFAULT;
				for (final String s : sigmas) {
					final double sigma = Double.parseDouble(s);
					final ImageProcessor ip = base.duplicate();
					final SplittableRandom r = new SplittableRandom(7);
					for (int i = 0; i < ip.getPixelCount(); i++) {
						final double g = gaussian(r);
						ip.set(i, (int) Math.max(0, Math.min(255, Math.round(ip.get(i) + sigma * g))));
					}
					final TokenizeOp.Options o = new TokenizeOp.Options(eps, 0, true, false, n);
					final Table rows = new Table(o.columns());
					TokenizeOp.run(new ImagePlus("noise " + s, ip), "noise " + s, k, o, rows, (p, pt) -> {},
						Progress.NONE);
					// [all, nucleus, background]: tiles, tokens, met
					final double[] n0 = new double[3], tok = new double[3], met = new double[3];
					double l1 = 0;
					for (int i = 0; i < rows.size(); i++) {
						final int g = group(im.nucleus(), (Integer) rows.get(i, "tile_x"), (Integer) rows.get(i,
							"tile_y"), k.tileSize());
						final double t = ((Number) rows.get(i, "tokens")).doubleValue();
						final double ok = (Boolean) rows.get(i, "met") ? 1 : 0;
						for (final int j : g < 0 ? new int[] { 0 } : new int[] { 0, g }) {
							n0[j]++;
							tok[j] += t;
							met[j] += ok;
						}
						l1 += ((Number) rows.get(i, "l1")).doubleValue();
					}
					System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | " +
						"%.3f |%n", norm, s, tok[0] / n0[0], tok[1] / n0[1], tok[2] / n0[2], met[0] / n0[0],
						met[1] / n0[1], met[2] / n0[2], l1 / n0[0]);
				}
			}
		}
	}

	/**
	 * 1: a nucleus tile (at least a third of its pixels in a nucleus), 2: a background tile (no
	 * nucleus pixel), -1: neither; as NormalizationDemo. The crop is the image's top-left, so
	 * tile coordinates index the full mask.
	 */
	private static int group(final boolean[] nucleus, final int tx, final int ty, final int tile) {
		int in = 0;
		for (int y = ty * tile; y < (ty + 1) * tile; y++)
			for (int x = tx * tile; x < (tx + 1) * tile; x++) if (nucleus[y * WidefieldDemo.SIZE + x]) in++;
		return in * 3 >= tile * tile ? 1 : in == 0 ? 2 : -1;
	}

	/** A standard normal draw (Box–Muller), from a seeded generator so the sweep repeats. */
	private static double gaussian(final SplittableRandom r) {
		return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
	}
}
