package org.karl.eval;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.karl.engine.api.TileSet;

/**
 * A classical anchor for KARL's fixed-budget curve (issue 16): every tile coded by ImageIO's
 * baseline JPEG writer (8-bit grey, standard Huffman tables) at the same number of bits as T
 * tokens, T × log2(codebook). Only the entropy-coded scan counts ({@link JpegScan}). Per tile and
 * budget the anchor is the best of the qualities whose scan fits and of a flat tile at the
 * tile's mean grey (8 bits): a 32×32 JPEG scan needs about 100 bits however coarse its quality,
 * so small budgets fall back to the flat tile, and a coarse JPEG that fits can be worse than it.
 * L1 is against the float tile, as KARL's.
 */
public final class JpegAnchor implements AutoCloseable {

	/** Qualities swept: 0.01, 0.02, ..., 1.00 (ImageIO maps each to one IJG quality 1..100). */
	static final float[] QUALITIES = qualities(100);

	/** Bits of the flat fallback: one 8-bit grey level. */
	static final int FLAT_BITS = 8;

	private final int side;
	private final ImageWriter writer;
	private final ImageReader reader;
	private final ImageWriteParam param;

	/** A JPEG writer and reader for {@code side × side} grey tiles; close to release them. */
	JpegAnchor(final int side) {
		this.side = side;
		writer = first(ImageIO.getImageWritersByFormatName("jpeg"), "writer");
		reader = first(ImageIO.getImageReadersByFormatName("jpeg"), "reader");
		param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
	}

	/**
	 * JPEG's mean L1 over {@code tiles} at T × log2(codebook) bits for each budget T.
	 *
	 * @param karlL1 KARL's fixed-budget mean L1 at the same budgets (for the ratio)
	 */
	public static EvalResult.JpegCurve curve(final TileSet tiles, final int[] budgets,
		final int codebook, final double[] karlL1)
	{
		final int nb = budgets.length, px = tiles.tilePixels();
		final double[] bits = new double[nb], l1 = new double[nb], noFit = new double[nb],
			flat = new double[nb], ratio = new double[nb];
		for (int b = 0; b < nb; b++) bits[b] = budgets[b] * ClassicalSizes.log2(codebook);
		final double most = Arrays.stream(bits).max().orElse(0);
		try (JpegAnchor a = new JpegAnchor(tiles.tileSize())) {
			for (int i = 0; i < tiles.n(); i++) {
				final Sweep s = a.sweep(tiles.pixels(), i * px, most);
				for (int b = 0; b < nb; b++) {
					final Choice c = s.at(bits[b]);
					l1[b] += c.l1();
					noFit[b] += c.noQualityFits() ? 1 : 0;
					flat[b] += c.flat() ? 1 : 0;
				}
			}
		}
		for (int b = 0; b < nb; b++) {
			l1[b] /= tiles.n();
			noFit[b] /= tiles.n();
			flat[b] /= tiles.n();
			ratio[b] = karlL1[b] / l1[b];
		}
		return new EvalResult.JpegCurve(budgets.clone(), bits, l1, ratio, noFit, flat);
	}

	/**
	 * One tile at every quality.
	 *
	 * @param bits scan bits per quality
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
	 * The tile at {@code x[off ..]} coded at every quality of {@link #QUALITIES}; only the codings
	 * within {@code maxBits} are decoded (decoding is half the time, most qualities exceed it).
	 */
	Sweep sweep(final float[] x, final int off, final double maxBits) {
		final int px = side * side;
		final byte[] gray = Compression.toBytes(x, off, px);
		final int[] bits = new int[QUALITIES.length];
		final double[] l1 = new double[QUALITIES.length];
		byte[] last = null;
		for (int q = 0; q < QUALITIES.length; q++) {
			final byte[] jpeg = encode(gray, QUALITIES[q]);
			bits[q] = 8 * JpegScan.bytes(jpeg);
			// NB: coarse qualities often give the same stream (tables clamp); decode it once
			if (bits[q] > maxBits) l1[q] = Double.POSITIVE_INFINITY;
			else l1[q] = Arrays.equals(jpeg, last) ? l1[q - 1] : l1(x, off, decode(jpeg));
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
