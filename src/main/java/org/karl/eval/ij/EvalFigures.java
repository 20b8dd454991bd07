package org.karl.eval.ij;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.karl.eval.EvalResult;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

/**
 * The figures of the evaluation report, drawn with ImageJ: the rate–distortion plot (KARL vs both
 * searches), the token-count histogram ({@link Plot}) and a montage of originals and single-pass
 * reconstructions with their token counts. Headless-safe: nothing is shown, images are returned.
 */
public final class EvalFigures {

	/** Plot frame size in pixels. */
	public static final int PLOT_W = 640, PLOT_H = 400;

	/** Montage cell edge (tiles are enlarged by nearest neighbour) and label strip height. */
	public static final int CELL = 128, LABEL = 18;

	private static final Color[] COLORS = { new Color(0xd62728), new Color(0x1f77b4), new Color(
		0x2ca02c), new Color(0x9467bd), new Color(0xff7f0e) };

	private EvalFigures() {}

	/**
	 * Mean tokens (x) against mean L1 (y): KARL per ε, both searches per ε, fixed budgets, and
	 * JPEG at the bits of each fixed budget (plotted at its T).
	 */
	public static ImagePlus rateDistortion(final EvalResult r) {
		final Plot p = new Plot("KARL vs search and JPEG: rate-distortion", "mean tokens per tile " +
			"(JPEG: bits / log2 codebook)", "mean L1 per tile");
		p.setSize(PLOT_W, PLOT_H + 120); // NB: taller, as the axis starts at 0 below a legend
		final int n = r.epsilons().size();
		final double[][] karl = new double[2][n], alit = new double[2][n], prefix = new double[2][n];
		for (int i = 0; i < n; i++) {
			final EvalResult.AtEpsilon e = r.epsilons().get(i);
			karl[0][i] = e.karl().meanTokens();
			karl[1][i] = e.karl().meanL1();
			alit[0][i] = e.alit().meanTokens();
			alit[1][i] = e.alit().meanL1();
			prefix[0][i] = e.prefix().meanTokens();
			prefix[1][i] = e.prefix().meanL1();
		}
		final double[] budgets = toDouble(r.curves().budgets());
		p.setLineWidth(1);
		p.setColor(Color.gray);
		p.add("line", budgets, r.curves().alitL1());
		p.setColor(new Color(0x17becf));
		p.add("line", budgets, r.curves().prefixL1());
		p.setLineWidth(2);
		p.setColor(COLORS[4]);
		p.add("line", budgets, r.jpeg().l1());
		p.setColor(COLORS[3]);
		p.add("line", budgets, r.jpegFittedTables().l1());
		p.setColor(COLORS[1]);
		p.add("connected circle", alit[0], alit[1]);
		p.setColor(COLORS[2]);
		p.add("connected circle", prefix[0], prefix[1]);
		p.setColor(COLORS[0]);
		p.add("connected circle", karl[0], karl[1]);
		p.setColor(Color.black);
		final String bits = String.format(Locale.ROOT, "%.0f", Math.log(r.setup().codebook()) / Math
			.log(2));
		p.addLegend("ALIT-style, fixed T\nprefix, fixed k\nJPEG at T × " + bits + " bits, scan only\n" +
			"JPEG, Huffman tables fitted, not counted\nALIT-style search (T*)\nprefix search (k*)\n" +
			"KARL single pass", "top-right");
		// NB: from L1 0, so that the flat KARL curve and JPEG's fall are seen to scale; the top
		// part is left to the legend
		p.setLimits(0, r.setup().tmax() + 1, 0, 1.6 * max(r.curves().alitL1(), r.curves()
			.prefixL1(), r.jpeg().l1(), r.jpegFittedTables().l1(), karl[1], alit[1], prefix[1]));
		return p.getImagePlus();
	}

	/** Histogram of k̂ over the evaluation tiles at up to three ε (first, middle, last listed). */
	public static ImagePlus histogram(final EvalResult r) {
		final Plot p = new Plot("KARL token counts", "kept tokens per tile", "tiles");
		p.setSize(PLOT_W, PLOT_H);
		final List<EvalResult.AtEpsilon> pick = pickThree(r.epsilons());
		final List<String> legend = new ArrayList<>();
		for (int i = 0; i < pick.size(); i++) {
			final int[] h = pick.get(i).histogram();
			final double[] x = new double[h.length], y = new double[h.length];
			for (int k = 0; k < h.length; k++) {
				x[k] = k;
				y[k] = h[k];
			}
			p.setColor(COLORS[i], i == 0 ? COLORS[i] : null);
			p.setLineWidth(2);
			p.add(i == 0 ? "bar" : "line", x, y);
			legend.add(String.format(Locale.ROOT, "ε %.3f (mean %.2f)", pick.get(i).epsilon(), pick.get(i)
				.karl().meanTokens()));
		}
		p.setColor(Color.black);
		p.addLegend(String.join("\n", legend), "top-right");
		return p.getImagePlus();
	}

	/** Rows of tiles: the original, then its reconstruction at each montage ε, labelled k̂. */
	public static ImagePlus montage(final EvalResult r) {
		final EvalResult.Montage m = r.montage();
		final int rows = m.labels().length, cols = 1 + m.epsilons().length;
		final int px = m.size() * m.size();
		final ColorProcessor canvas = new ColorProcessor(cols * CELL, LABEL + rows * (CELL + LABEL));
		canvas.setColor(Color.white);
		canvas.fill();
		canvas.setColor(Color.black);
		canvas.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		canvas.setAntialiasedText(true);
		text(canvas, "original", 0, 0);
		for (int e = 0; e < m.epsilons().length; e++)
			text(canvas, String.format(Locale.ROOT, "ε = %.3f", m.epsilons()[e]), e + 1, 0);
		for (int t = 0; t < rows; t++) {
			final int y = LABEL + t * (CELL + LABEL);
			canvas.insert(cell(m.originals(), t * px, m.size()), 0, y);
			text(canvas, m.labels()[t], 0, y + CELL);
			for (int e = 0; e < m.epsilons().length; e++) {
				canvas.insert(cell(m.reconstructions()[e], t * px, m.size()), (e + 1) * CELL, y);
				text(canvas, String.format(Locale.ROOT, "k=%d  L1 %.3f", m.tokens()[e][t], m.l1()[e][t]),
					e + 1, y + CELL);
			}
		}
		return new ImagePlus("KARL reconstructions", canvas);
	}

	/** Writes {@code imp} as PNG at exactly {@code file} (no extension added). */
	public static void writePng(final ImagePlus imp, final Path file) throws IOException {
		final BufferedImage img = imp.getProcessor().getBufferedImage();
		if (!ImageIO.write(img, "png", file.toFile())) throw new IOException("no PNG writer for " +
			file);
	}

	// -- Helpers --

	private static ImageProcessor cell(final float[] src, final int off, final int size) {
		final byte[] b = new byte[size * size];
		for (int i = 0; i < b.length; i++)
			b[i] = (byte) Math.round(Math.max(0, Math.min(1, src[off + i])) * 255);
		final ImageProcessor ip = new ByteProcessor(size, size, b);
		ip.setInterpolationMethod(ImageProcessor.NONE);
		return ip.resize(CELL, CELL).convertToRGB();
	}

	private static void text(final ColorProcessor c, final String s, final int col, final int y) {
		c.drawString(s, col * CELL + 4, y + LABEL - 4);
	}

	private static List<EvalResult.AtEpsilon> pickThree(final List<EvalResult.AtEpsilon> all) {
		if (all.size() <= 3) return all;
		return List.of(all.get(0), all.get(all.size() / 2), all.get(all.size() - 1));
	}

	private static double max(final double[]... rows) {
		double m = 0;
		for (final double[] row : rows)
			for (final double v : row)
				if (Double.isFinite(v)) m = Math.max(m, v);
		return m;
	}

	private static double[] toDouble(final int[] v) {
		final double[] d = new double[v.length];
		for (int i = 0; i < v.length; i++) d[i] = v[i];
		return d;
	}
}
