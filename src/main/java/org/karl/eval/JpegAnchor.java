package org.karl.eval;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.karl.engine.api.TileSet;

/**
 * A classical anchor for KARL's fixed-budget curve: every tile coded by ImageIO's
 * baseline JPEG writer (8-bit grey) at the same number of bits as T tokens, T × log2(codebook).
 * Only the entropy-coded scan counts ({@link JpegScan}). Per tile and budget the anchor is the
 * best of the qualities whose scan fits and of a flat tile at the tile's mean grey (8 bits): a
 * 32×32 JPEG scan has a floor (every 8×8 block codes its DC and an end of block), so small
 * budgets fall back to the flat tile, and a coarse JPEG that fits can be worse than it. L1 is
 * against the float tile, as KARL's.
 *
 * <p>Two Huffman choices: the standard tables (a real codec at these bits: the decoder knows
 * them) and tables fitted to each tile (libjpeg's "optimize"; the tables are not counted, so this
 * is JPEG's best case, and the stricter anchor).
 */
public final class JpegAnchor implements AutoCloseable {

	/** Qualities swept: 0.01, 0.02, ..., 1.00 (ImageIO maps each to one IJG quality 1..100). */
	static final float[] QUALITIES = qualities(100);

	/** Bits of the flat fallback: one 8-bit grey level. */
	static final int FLAT_BITS = 8;

	/**
	 * Qualities above the first whose scan exceeds this many times the largest budget are not
	 * tried. NB: a finer quantiser keeps every coefficient at least as large, so the scan grows
	 * nearly monotonically: on 600 held-out tiles no higher quality was below 1/1.4 of a lower one.
	 */
	static final double STOP_FACTOR = 2;

	private final int side;
	private final ImageWriter writer;
	private final ImageReader reader;
	private final ImageWriteParam param;

	/**
	 * A JPEG writer and reader for {@code side × side} grey tiles; close to release them.
	 *
	 * @param fittedTables Huffman tables fitted to each tile instead of the standard ones
	 */
	JpegAnchor(final int side, final boolean fittedTables) {
		this.side = side;
		writer = first(ImageIO.getImageWritersByFormatName("jpeg"), "writer");
		reader = first(ImageIO.getImageReadersByFormatName("jpeg"), "reader");
		param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		((JPEGImageWriteParam) param).setOptimizeHuffmanTables(fittedTables);
	}

	/**
	 * JPEG's mean L1 over {@code tiles} at T × log2(codebook) bits for each budget T, overall and
	 * per part, next to KARL's at T tokens.
	 *
	 * @param partOf the part of every tile, an index into {@code names}
	 * @param karlL1 KARL's fixed-budget L1, [budget][tile]
	 * @param fittedTables Huffman tables fitted to each tile (not counted) instead of the standard
	 */
	public static EvalResult.JpegCurve curve(final TileSet tiles, final int[] partOf,
		final List<String> names, final int[] budgets, final int codebook, final float[][] karlL1,
		final boolean fittedTables)
	{
		final int nb = budgets.length, n = tiles.n(), px = tiles.tilePixels();
		final double[] bits = new double[nb];
		for (int b = 0; b < nb; b++) bits[b] = budgets[b] * ClassicalSizes.log2(codebook);
		final double most = Arrays.stream(bits).max().orElse(0);
		final double[][] l1 = new double[nb][n], noFit = new double[nb][n], flat = new double[nb][n];
		try (JpegAnchor a = new JpegAnchor(tiles.tileSize(), fittedTables)) {
			for (int i = 0; i < n; i++) {
				final Sweep s = a.sweep(tiles.pixels(), i * px, most);
				for (int b = 0; b < nb; b++) {
					final Choice c = s.at(bits[b]);
					l1[b][i] = c.l1();
					noFit[b][i] = c.noQualityFits() ? 1 : 0;
					flat[b][i] = c.flat() ? 1 : 0;
				}
			}
		}
		final double[] mean = means(l1), karl = Evaluation.means(karlL1), ratio = new double[nb];
		for (int b = 0; b < nb; b++) ratio[b] = karl[b] / mean[b];
		final Map<String, EvalResult.PartCurve> parts = new LinkedHashMap<>();
		for (int p = 0; p < names.size(); p++) {
			final double[] k = new double[nb], j = new double[nb];
			for (int b = 0; b < nb; b++) {
				k[b] = Evaluation.meanWhere(Evaluation.toDouble(karlL1[b]), partOf, p);
				j[b] = Evaluation.meanWhere(l1[b], partOf, p);
			}
			parts.put(names.get(p), new EvalResult.PartCurve(k, j));
		}
		return new EvalResult.JpegCurve(fittedTables ? "fitted per tile, not counted" : "standard",
			budgets.clone(), bits, mean, ratio, means(noFit), means(flat), parts);
	}

	/**
	 * One tile at every quality.
	 *
	 * @param bits scan bits per quality ({@link Integer#MAX_VALUE} where not tried)
	 * @param l1 L1 per quality, against the float tile (infinite where the scan is over the
	 *          largest budget: never chosen, so never decoded)
	 * @param flatL1 L1 of the flat tile at the mean grey
	 */
	record Sweep(int[] bits, double[] l1, double flatL1) {

		/** The best coding within {@code budget} bits. */
		Choice at(final double budget) {
			double best = Double.POSITIVE_INFINITY;
			for (int q = 0; q < bits.length; q++)
				if (bits[q] <= budget) best = Math.min(best, l1[q]);
			final boolean none = best == Double.POSITIVE_INFINITY;
			// NB: the flat tile fits any budget of 8 bits or more, and wins where it is better
			final boolean flat = budget >= FLAT_BITS && flatL1 < best;
			return new Choice(flat ? flatL1 : best, none, flat);
		}
	}

	/** The chosen coding at one budget: its L1, whether no quality fitted, whether flat won. */
	record Choice(double l1, boolean noQualityFits, boolean flat) {}

	/**
	 * The tile at {@code x[off ..]} coded at the qualities of {@link #QUALITIES}, up to the first
	 * whose scan exceeds {@value #STOP_FACTOR} × {@code maxBits}; only the codings within
	 * {@code maxBits} are decoded (most qualities exceed it).
	 */
	Sweep sweep(final float[] x, final int off, final double maxBits) {
		final int px = side * side;
		final byte[] gray = Compression.toBytes(x, off, px);
		final int[] bits = new int[QUALITIES.length];
		final double[] l1 = new double[QUALITIES.length];
		Arrays.fill(bits, Integer.MAX_VALUE);
		Arrays.fill(l1, Double.POSITIVE_INFINITY);
		byte[] last = null;
		for (int q = 0; q < QUALITIES.length && (q == 0 || bits[q - 1] <= STOP_FACTOR * maxBits);
			q++)
		{
			final byte[] jpeg = encode(gray, QUALITIES[q]);
			bits[q] = 8 * JpegScan.bytes(jpeg);
			// NB: coarse qualities often give the same stream (tables clamp); decode it once
			if (bits[q] <= maxBits) l1[q] = Arrays.equals(jpeg, last) ? l1[q - 1] : l1(x, off,
				decode(jpeg));
			last = jpeg;
		}
		double mean = 0;
		for (int i = 0; i < px; i++) mean += Math.max(0, Math.min(1, x[off + i]));
		final double grey = Math.round(mean / px * 255) / 255.0;
		double flat = 0;
		for (int i = 0; i < px; i++) flat += Math.abs(x[off + i] - grey);
		return new Sweep(bits, l1, flat / px);
	}

	/** The JPEG file of an 8-bit grey tile at {@code quality} in (0, 1]. */
	byte[] encode(final byte[] gray, final float quality) {
		final BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
		img.getRaster().setDataElements(0, 0, side, side, gray);
		param.setCompressionQuality(quality);
		final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
		try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(ios);
			writer.write(null, new IIOImage(img, null, null), param);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e); // NB: a memory stream does not fail
		}
		return out.toByteArray();
	}

	/** The 8-bit grey pixels of a JPEG file. */
	private int[] decode(final byte[] jpeg) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
			reader.setInput(in);
			final Raster r = reader.readRaster(0, null); // NB: raw samples, no colour conversion
			return r.getSamples(0, 0, side, side, 0, (int[]) null);
		}
		catch (final IOException e) {
			throw new UncheckedIOException("JpegAnchor: ImageIO cannot read back its own JPEG", e);
		}
	}

	private double l1(final float[] x, final int off, final int[] decoded) {
		double s = 0;
		for (int i = 0; i < decoded.length; i++) s += Math.abs(x[off + i] - decoded[i] / 255.0);
		return s / decoded.length;
	}

	@Override
	public void close() {
		writer.dispose();
		reader.dispose();
	}

	private static double[] means(final double[][] rows) {
		final double[] m = new double[rows.length];
		for (int i = 0; i < rows.length; i++) m[i] = Evaluation.mean(rows[i]);
		return m;
	}

	private static float[] qualities(final int steps) {
		final float[] q = new float[steps];
		for (int i = 0; i < steps; i++) q[i] = (i + 1) / (float) steps;
		return q;
	}

	private static <T> T first(final Iterator<T> it, final String what) {
		if (!it.hasNext()) throw new IllegalStateException("JpegAnchor: this Java has no ImageIO " +
			"JPEG " + what + "; use a JDK with the java.desktop module");
		return it.next();
	}
}
