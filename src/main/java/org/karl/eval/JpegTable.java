package org.karl.eval;

import static org.karl.eval.EvalReport.f;
import static org.karl.eval.EvalReport.header;
import static org.karl.eval.EvalReport.pct;
import static org.karl.eval.EvalReport.row;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report's classical anchor: KARL's fixed-budget L1 against JPEG at the same bits,
 * with both Huffman choices, per part, and how much KARL's curve still falls per doubling of T.
 */
final class JpegTable {

	private JpegTable() {}

	static void append(final StringBuilder s, final EvalResult r) {
		final EvalResult.Curves c = r.curves();
		final EvalResult.JpegCurve std = r.jpeg(), fit = r.jpegFittedTables();
		final int codebook = r.setup().codebook();
		s.append("\nJPEG at the same bits (whole set): each tile rounded to 8 bits and written by ")
			.append("ImageIO's baseline JPEG writer at qualities ").append(f(JpegAnchor.QUALITIES[0], 2))
			.append(", ").append(f(JpegAnchor.QUALITIES[1], 2)).append(", …, ").append(f(
				JpegAnchor.QUALITIES[JpegAnchor.QUALITIES.length - 1], 2)).append("; only the ")
			.append("entropy-coded scan between SOS and EOI counts (no headers, no tables). Per tile ")
			.append("and T: the lowest L1 among the qualities whose scan fits T × log2(").append(
				codebook).append(") bits and a flat tile at the tile's mean grey (").append(
					JpegAnchor.FLAT_BITS).append(" bits; the fallback where no quality fits). L1 is ")
			.append("against the float tile, as KARL's; KARL is the ALIT-style column above. ")
			.append("Standard: the Huffman tables every decoder knows. Fitted: tables fitted to each ")
			.append("tile and not counted, JPEG's best case.\n\n");
		s.append(header("T", "bits", "KARL L1", "JPEG L1", "KARL / JPEG", "no quality fits",
			"JPEG L1, fitted", "KARL / JPEG, fitted", "no quality fits, fitted"));
		for (int i = 0; i < c.budgets().length; i++)
			s.append(row(String.valueOf(c.budgets()[i]), f(std.bits()[i], 0), f(c.alitL1()[i], 4), f(
				std.l1()[i], 4), f(std.karlOverJpeg()[i], 2), pct(std.noQualityFits()[i]), f(fit.l1()[i],
					4), f(fit.karlOverJpeg()[i], 2), pct(fit.noQualityFits()[i])));

		s.append("\nPer part, fitted tables: KARL L1 / JPEG L1.\n\n");
		final List<String> cols = new ArrayList<>(List.of("T"));
		cols.addAll(fit.parts().keySet());
		s.append(header(cols.toArray(String[]::new)));
		for (int i = 0; i < c.budgets().length; i++) {
			final List<String> cells = new ArrayList<>(List.of(String.valueOf(c.budgets()[i])));
			for (final Map.Entry<String, EvalResult.PartCurve> p : fit.parts().entrySet())
				cells.add(f(p.getValue().karlL1()[i], 4) + " / " + f(p.getValue().jpegL1()[i], 4));
			s.append(row(cells.toArray(String[]::new)));
		}

		s.append("\nHow much KARL's fixed-budget L1 (ALIT-style) still falls when T doubles, from ")
			.append("T_max down to T = ").append(CurveRatios.SMALLEST).append(": ");
		final List<String> ratios = new ArrayList<>();
		for (final EvalResult.CurveRatio cr : r.curveRatios())
			ratios.add("L1(" + cr.to() + ")/L1(" + cr.from() + ") " + f(cr.ratio(), 3));
		s.append(ratios.isEmpty() ? "no such pair of budgets" : String.join(", ", ratios)).append(
			".\n");
	}
}
