package org.karl.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.karl.image.MicroscopyTiles;

/**
 * Renders an {@link EvalResult} as the markdown report {@code docs/evaluation.md}: one table per
 * question of docs/algorithm.md §6, the figures, and the goals. Numbers only; the text that
 * interprets them is written by whoever publishes the report.
 */
public final class EvalReport {

	/** File names of the figures, relative to the report. */
	public static final String RD_PNG = "eval-rd.png", HISTOGRAM_PNG = "eval-histogram.png",
		MONTAGE_PNG = "eval-montage.png";

	private EvalReport() {}

	/** The report; {@code command} is the command line that produced it. */
	public static String markdown(final EvalResult r, final String command) {
		final StringBuilder s = new StringBuilder();
		final EvalResult.Setup u = r.setup();
		s.append("# KARL evaluation: single pass vs search, complexity, probes\n\n");
		s.append("Written by `").append(command).append("` in ").append(f(u.seconds(), 0)).append(
			" s. Model `").append(u.model()).append("`: T_max ").append(u.tmax()).append(
				", 1D codebook ").append(u.codebook()).append(" (").append(f(ClassicalSizes.log2(u
					.codebook()), 1)).append(" bits per token). Searches try budgets ").append(list(u
						.budgets())).append(". Evaluation tiles (none used in training):\n\n");
		for (final EvalResult.PartInfo p : u.parts())
			s.append("- `").append(p.name()).append("` (").append(p.n()).append("): ").append(p
				.description()).append('\n');
		s.append("\nL1 is the mean absolute error per tile in [0,1] units (KARL's ε); adherence is ")
			.append("the fraction of tiles with L1 ≤ ε + ").append(EvalResult.ADHERENCE_SLACK)
			.append(". SSIM: 11×11 Gaussian window, σ 1.5, data range 1.\n\n");

		s.append("## 1. KARL single pass (1 encoder + 1 decoder run)\n\n");
		final List<String> parts = u.parts().stream().map(EvalResult.PartInfo::name).toList();
		s.append(header("ε", "bin", "mean k̂", "L1", "PSNR dB", "SSIM", "adherence",
			"per part: k̂ / L1 / adherence"));
		for (final EvalResult.AtEpsilon e : r.epsilons()) {
			final List<String> pp = new ArrayList<>();
			for (final String p : parts) {
				final double[] v = e.karl().parts().get(p);
				pp.add(p + " " + f(v[0], 2) + " / " + f(v[1], 4) + " / " + pct(v[2]));
			}
			s.append(row(f(e.epsilon(), 3), f(e.bin(), 3), f(e.karl().meanTokens(), 2), f(e.karl()
				.meanL1(), 4), f(e.karl().meanPsnr(), 2), f(e.karl().meanSsim(), 3), pct(e.karl()
					.adherence()), String.join("; ", pp)));
		}

		s.append("\n## 2. Search baselines on the same model\n\n");
		s.append("ALIT-style: encode+decode at T = 2, 4, …, T_max (smallest ε bin), first T with L1 ≤ ε")
			.append(" (T*). Prefix (One-D-Piece-style): one encode at T_max, decode the first k tokens,")
			.append(" first k with L1 ≤ ε (k*). A tile that never meets ε counts T_max. Runs are per")
			.append(" tile (encoder + decoder).\n\n");
		s.append(header("ε", "KARL k̂", "KARL L1", "T*", "L1 at T*", "met", "ALIT runs", "k*",
			"L1 at k*", "met", "prefix runs"));
		for (final EvalResult.AtEpsilon e : r.epsilons())
			s.append(row(f(e.epsilon(), 3), f(e.karl().meanTokens(), 2), f(e.karl().meanL1(), 4), f(e
				.alit().meanTokens(), 2), f(e.alit().meanL1(), 4), pct(e.alit().met()), runs(e.alit()), f(
					e.prefix().meanTokens(), 2), f(e.prefix().meanL1(), 4), pct(e.prefix().met()), runs(e
						.prefix())));
		s.append("\nFixed budgets (whole set): mean L1 when every tile gets T tokens.\n\n");
		final EvalResult.Curves c = r.curves();
		s.append(header("T", "ALIT-style L1", "halted at smallest bin", "prefix L1"));
		for (int i = 0; i < c.budgets().length; i++)
			s.append(row(String.valueOf(c.budgets()[i]), f(c.alitL1()[i], 4), f(c.alitHalted()[i], 2),
				f(c.prefixL1()[i], 4)));
		s.append("\nThe prefix search's single encode at T_max halts ").append(f(c.prefixHalted(), 2))
			.append(" tokens per tile on average; its keep masks ignore halting.\n");
		JpegTable.append(s, r);
		s.append("\n## 3. Cost, measured in this process on the same tiles\n\n");
		s.append(header("ε", "method", "ms per tile", "encoder runs", "decoder runs",
			"mean tokens", "met ε", "time vs KARL"));
		for (final EvalResult.Timing t : r.timing())
			s.append(row(f(t.epsilon(), 3), t.method(), f(t.msPerTile(), 3), f(t.encoderRuns(), 2), f(t
				.decoderRuns(), 2), f(t.meanTokens(), 2), pct(t.met()), f(t.msPerTile() / karlMs(r, t
					.epsilon()), 2) + "×"));

		s.append("\n## 4. Agreement of k̂ with the searches\n\n");
		s.append(header("ε", "Spearman(k̂, T*)", "mean \\|k̂ − T*\\|", "Spearman(k̂, k*)",
			"mean \\|k̂ − k*\\|"));
		for (final EvalResult.AtEpsilon e : r.epsilons())
			s.append(row(f(e.epsilon(), 3), f(e.agreement().spearmanAlit(), 3), f(e.agreement()
				.meanAbsAlit(), 2), f(e.agreement().spearmanPrefix(), 3), f(e.agreement().meanAbsPrefix(),
					2)));
		s.append("\nk̂ is non-increasing in ε (over the ε above) for ").append(pct(r
			.monotonicFraction())).append(" of the tiles.\n");

		s.append("\n## 4b. Honest counts: k̂ against the oracle where ε is reachable\n\n");
		s.append("Reachable: the ALIT-style search meets ε within T_max. Said unreachable: k̂ = T_max ")
			.append("and L1 > ε + ").append(EvalResult.ADHERENCE_SLACK).append(" (the doors' ")
			.append("`met` column is false there).\n\n");
		s.append(header("ε", "reachable", "Spearman(k̂, T*)", "mean k̂ − mean T*", "mean \\|k̂ − T*\\|",
			"adherence (reachable)", "said unreachable"));
		for (final EvalResult.AtEpsilon e : r.epsilons()) {
			final HonestCounts h = e.honest();
			s.append(row(f(e.epsilon(), 3), pct(h.reachable()), f(h.spearman(), 3), f(h.meanDiff(), 2),
				f(h.meanAbs(), 2), pct(h.adherence()), pct(h.unreachableSaid())));
		}
		s.append("\nWhat the paper's halting targets could at best learn from this model's own ")
			.append("fixed-budget curves (ALIT-style table; errors past T_max taken as at T_max): per ")
			.append("tile, the phase-1 budgets whose error falls in ε's bin are the only ones that ")
			.append("train it at that bin, and the halting head converges to the threshold percentile ")
			.append("of them. Defined: at least one such budget; the rest are never trained at ε.\n\n");
		s.append(header("ε", "defined", "paper optimum (mean)", "T* on the same tiles",
			"Spearman(optimum, T*)", "optimum = T_max"));
		for (final EvalResult.AtEpsilon e : r.epsilons()) {
			final HonestCounts h = e.honest();
			s.append(row(f(e.epsilon(), 3), pct(h.paperDefined()), f(h.paperOptimum(), 2), f(h
				.paperTStar(), 2), f(h.paperSpearman(), 3), pct(h.paperAtTmax())));
		}

		s.append("\n## 4c. Graded counts: how many tiles get a count between the extremes\n\n");
		s.append("Non-blank tiles (more than one 8-bit grey level). Graded: k̂ strictly between the ")
			.append("smallest budget and T_max. A count that follows complexity has many graded ")
			.append("tiles and no single count holding most of them. The last two columns are the ")
			.append("same for T* of the ALIT-style search (T_max where ε is out of reach): how graded ")
			.append("a count can be on this model's own rate–distortion curves, whatever the halting ")
			.append("head does.\n\n");
		s.append(header("ε", "non-blank tiles", "graded (" + u.budgets()[0] + " < k̂ < " + u.tmax() +
			")", "commonest k̂", "its share", "graded T*", "commonest T*, its share"));
		for (final EvalResult.AtEpsilon e : r.epsilons()) {
			final GradedCounts g = e.graded(), o = e.gradedSearch();
			s.append(row(f(e.epsilon(), 3), String.valueOf(g.nonBlank()), pct(g.graded()), String
				.valueOf(g.commonest()), pct(g.commonestShare()), pct(o.graded()), o.commonest() + ", " +
					pct(o.commonestShare())));
		}

		s.append("\n## 4d. Single pass vs verified counts (what --verify changes)\n\n");
		s.append("Verified: the single pass's tokens decoded at k̂ and, where L1 > ε, at the budget ladder's ")
			.append("rungs above k̂ until ε is met or T_max. Under-reported: verification had to climb. ")
			.append("Unreachable: ε missed even at T_max.\n\n");
		s.append(header("ε", "mean k̂ (single pass)", "mean verified", "under-reported", "unreachable"));
		for (final EvalResult.AtEpsilon e : r.epsilons()) {
			final VerifiedShare v = e.verified();
			s.append(row(f(e.epsilon(), 3), f(v.predicted(), 2), f(v.verified(), 2), pct(v
				.underReported()), pct(v.unreachable())));
		}

		s.append("\n## 5. Classical complexity\n\n");
		final EvalResult.Classical cl = r.classical();
		s.append("8-bit tiles: mean raw DEFLATE (level 9) ").append(f(cl.meanDeflateBytes(), 1))
			.append(" bytes = ").append(f(8 * cl.meanDeflateBytes(), 0)).append(" bits, mean PNG ")
			.append(f(cl.meanPngBytes(), 1)).append(" bytes; ").append(cl.blank()).append(
				" blank tiles (left out of the correlations).");
		for (final Map.Entry<String, double[]> p : cl.perPart().entrySet())
			s.append(" `").append(p.getKey()).append("`: DEFLATE ").append(f(p.getValue()[0], 1))
				.append(" B, PNG ").append(f(p.getValue()[1], 1)).append(" B.");
		s.append("\n\n").append(header("ε", "Spearman(k̂, DEFLATE)", "Spearman(k̂, PNG)",
			"per part (DEFLATE)", "k̂ bits", "DEFLATE bits"));
		for (final EvalResult.AtEpsilon e : r.epsilons()) {
			final List<String> pp = new ArrayList<>();
			e.classical().perPart().forEach((k, v) -> pp.add(k + " " + f(v, 3)));
			s.append(row(f(e.epsilon(), 3), f(e.classical().spearmanDeflate(), 3), f(e.classical()
				.spearmanPng(), 3), String.join("; ", pp), f(e.classical().meanTokenBits(), 1), f(8 * cl
					.meanDeflateBytes(), 0)));
		}

		s.append("\n## 6. Probe groups (").append(u.probePerGroup()).append(
			" generated tiles each): mean k̂\n\n");
		ProbeTable.append(s, r);
		s.append("\nWidefield-like nuclei fields (haze, uneven light, read noise σ ").append(
			MicroscopyTiles.PROBE_NOISE).append("; `MicroscopyTiles.nucleiProbe`): mean k̂ of tiles at ")
			.append("least a third covered by a nucleus and of tiles with no nucleus pixel.\n\n");
		s.append(header("ε", "background", "nucleus", "nucleus − background"));
		for (final EvalResult.AtEpsilon e : r.epsilons()) {
			final double bg = e.microscopy().get("background"), nu = e.microscopy().get("nucleus");
			s.append(row(f(e.epsilon(), 3), f(bg, 2), f(nu, 2), f(nu - bg, 2)));
		}

		s.append("\n## 7. Figures\n\n");
		s.append("![rate-distortion](").append(RD_PNG).append(")\n\n");
		s.append("Rate–distortion: mean tokens against mean L1, KARL (one point per ε) vs the two ")
			.append("searches at the same ε, the fixed-budget curves, and JPEG at the bits of T ")
			.append("tokens (T × log2(codebook) bits, plotted at T).\n\n");
		s.append("![token histogram](").append(HISTOGRAM_PNG).append(")\n\n");
		s.append("Histogram of k̂ over the evaluation tiles at a few ε.\n\n");
		s.append("![montage](").append(MONTAGE_PNG).append(")\n\n");
		s.append("Originals (left) and single-pass reconstructions at ").append(list(r.montage()
			.epsilons())).append("; each label is the kept token count.\n");

		s.append("\n## 8. Goals (counts at ε = ").append(Goals.EPSILON).append(
			")\n\n");
		s.append(header("goal", "measured", "target", "met"));
		for (final Goals.Goal g : Goals.of(r))
			s.append(row(g.goal(), f(g.value(), 3), g.target(), g.met() == null ? "not measured" : g
				.met() ? "yes" : "**no**"));
		return s.toString();
	}

	// -- Helpers --

	private static double karlMs(final EvalResult r, final double eps) {
		for (final EvalResult.Timing t : r.timing())
			if (t.method().equals("karl") && t.epsilon() == eps) return t.msPerTile();
		return Double.NaN;
	}

	private static String runs(final EvalResult.Search s) {
		return f(s.encoderRuns(), 2) + " + " + f(s.decoderRuns(), 2);
	}

	static String header(final String... cols) {
		return row(cols) + row(java.util.Collections.nCopies(cols.length, "---").toArray(
			String[]::new));
	}

	static String row(final String... cols) {
		return "| " + String.join(" | ", cols) + " |\n";
	}

	static String f(final double v, final int digits) {
		return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "–";
	}

	static String pct(final double v) {
		return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : "–";
	}

	static String list(final int[] v) {
		return java.util.Arrays.toString(v).replaceAll("[\\[\\]]", "");
	}

	static String list(final double[] v) {
		final List<String> s = new ArrayList<>();
		for (final double d : v) s.add(String.format(Locale.ROOT, "ε %s", f(d, 3)));
		return String.join(", ", s);
	}
}
