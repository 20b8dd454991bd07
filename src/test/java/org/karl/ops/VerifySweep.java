package org.karl.ops;

import ij.ImagePlus;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.Test;
import org.karl.engine.api.Progress;
import org.karl.engine.runtime.KarlModel;
import org.karl.image.ij.Normalization;
import org.karl.testing.NoisyFlat;

/**
 * Not a unit test (run on purpose, about a minute): the noisy-flat table (tiles missing ε below T_max) with and without
 * verify. Noisy-flat images of 16 tiles ({@link NoisyFlat}: flat background 0.15–0.7 plus
 * Gaussian noise of σ {@code -Dsigmas=0.06,0.08,0.1,0.15,0.2,0.3}, and "mixed", σ drawn per
 * tile in 0.08–0.15), 8-bit, read with normalize=range, tokenized through {@link TokenizeOp} with
 * {@code -Dmodel=models/default} at {@code -Deps=0.05,0.1}: once as {@code karl tokenize
 * --reconstruct} (the single pass), once as {@code karl tokenize --verify}. Prints, per row, mean
 * tokens and tiles that miss ε with fewer tokens than the budget, for both, plus the tiles the
 * single pass under-reported and the unreachable ones.
 * <p>
 * {@code mvn -B -o test -Dtest=VerifySweep}
 */
public class VerifySweep {

	@Test
	public void sweep() throws Exception {
		final String[] sigmas = System.getProperty("sigmas", "0.06,0.08,0.1,0.15,0.2,0.3,mixed").split(
			",");
		final String[] epsilons = System.getProperty("eps", "0.05,0.1").split(",");
		System.out.println("| noise σ | ε | single pass: mean tokens | missing ε below budget | " +
			"verify: mean tokens | missing ε below budget | under-reported | unreachable | " +
			"seconds (single / verify) |\n|---|---|---|---|---|---|---|---|---|");
		try (KarlModel k = KarlModel.load(Path.of(System.getProperty("model", "models/default")))) {
			for (final String s : sigmas) {
				final ImagePlus imp = s.equals("mixed") ? NoisyFlat.image("nf", 4, 4, 11) : NoisyFlat.image(
					"nf", 4, 4, Double.parseDouble(s), 11);
				for (final String e : epsilons) {
					final float eps = Float.parseFloat(e);
					final Stats one = run(k, imp, eps, false), ver = run(k, imp, eps, true);
					System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %d of %d | %.2f | %d of %d | %d | %d | " +
						"%.2f / %.2f |%n", s, e, one.mean(), one.missing, one.tiles, ver.mean(), ver.missing,
						ver.tiles, ver.under, ver.unreachable, one.seconds, ver.seconds);
				}
			}
		}
	}

	private static final class Stats {

		int tiles, missing, under, unreachable;
		double tokens, seconds;

		double mean() {
			return tokens / tiles;
		}
	}

	private static Stats run(final KarlModel k, final ImagePlus imp, final float eps,
		final boolean verify)
	{
		final TokenizeOp.Options o = new TokenizeOp.Options(eps, 0, !verify, false,
			Normalization.TYPE_RANGE, verify);
		final Table rows = new Table(o.columns());
		final long t0 = System.nanoTime();
		TokenizeOp.run(imp, "nf", k, o, rows, null, Progress.NONE);
		final Stats st = new Stats();
		st.seconds = (System.nanoTime() - t0) / 1e9;
		for (int i = 0; i < rows.size(); i++) {
			final int tokens = (Integer) rows.get(i, "tokens"), budget = (Integer) rows.get(i, "budget");
			final boolean met = (Boolean) rows.get(i, "met");
			st.tiles++;
			st.tokens += tokens;
			if (!met && tokens < budget) st.missing++;
			if (verify && tokens > (Integer) rows.get(i, "predicted")) st.under++;
			if (verify && !met) st.unreachable++;
		}
		return st;
	}
}
