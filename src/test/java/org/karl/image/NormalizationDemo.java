package org.karl.image;

import static org.junit.Assert.assertTrue;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.Test;
import org.karl.engine.api.Progress;
import org.karl.engine.runtime.KarlModel;
import org.karl.image.ij.Normalization;
import org.karl.ops.ComplexityMapOp;
import org.karl.ops.Table;

/**
 * What normalisation does for a microscopist (docs/fiji-users.md): one synthetic widefield image
 * (nuclei with haze, uneven light and camera noise) stored as 8-bit, as 12-bit data in a 16-bit
 * image, and as 32-bit raw counts, mapped with the shipped model. With the pixel type's range,
 * 12-bit data reads as a dark image and raw counts clip to a uniform map; with per-plane
 * percentiles (the default) all three give the nucleus-vs-background contrast of the 8-bit
 * image. Prints the table the closing note quotes.
 * <p>
 * A demonstration, not a unit test: its thresholds follow the shipped model, not the code, so
 * {@code mvn test} does not run it; {@code mvn -B -o test -Dtest=NormalizationDemo} does (under a
 * minute).
 */
public class NormalizationDemo {

	static final int SIZE = WidefieldDemo.SIZE;

	@Test
	public void percentilesGiveEveryBitDepthTheContrastOf8Bit() throws Exception {
		final float[] px = new float[SIZE * SIZE];
		final boolean[] nucleus = new boolean[SIZE * SIZE];
		widefield(px, nucleus);
		final Map<String, ImageProcessor> images = new LinkedHashMap<>();
		final byte[] b = new byte[px.length];
		final short[] sh = new short[px.length];
		final float[] counts = new float[px.length];
		for (int i = 0; i < px.length; i++) {
			b[i] = (byte) Math.round(px[i] * 255);
			sh[i] = (short) Math.round(px[i] * 4095);
			counts[i] = 300 + 4000 * px[i];
		}
		images.put("8-bit", new ByteProcessor(SIZE, SIZE, b));
		images.put("12-bit in 16-bit", new ShortProcessor(SIZE, SIZE, sh, null));
		images.put("32-bit raw counts", new FloatProcessor(SIZE, SIZE, counts));
		final Map<String, double[]> contrast = new LinkedHashMap<>();
		try (KarlModel m = KarlModel.load(Path.of("models/default"))) {
			System.out.println("NormalizationDemo: mean tokens per tile at epsilon 0.05, models/default");
			System.out.println("| image | normalize | nucleus | background | difference |");
			for (final Map.Entry<String, ImageProcessor> e : images.entrySet())
				for (final Normalization n : new Normalization[] { Normalization.TYPE_RANGE,
					Normalization.DEFAULT })
				{
					final Table rows = new Table(ComplexityMapOp.COLUMNS);
					ComplexityMapOp.run(new ImagePlus(e.getKey(), e.getValue()), e.getKey(), m, 0.05f, 0, n,
						"fire", rows, Progress.NONE);
					final double[] nb = nucleusVsBackground(rows, nucleus, m.tileSize());
					contrast.put(e.getKey() + "|" + n.mode(), nb);
					System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %+.2f |%n", e.getKey(), n
						.describe(), nb[0], nb[1], nb[0] - nb[1]);
				}
		}
		final double d8 = diff(contrast.get("8-bit|percentile"));
		assertTrue("8-bit nuclei stand out: " + d8, d8 > 2);
		for (final String image : new String[] { "12-bit in 16-bit", "32-bit raw counts" }) {
			final double p = diff(contrast.get(image + "|percentile")), t = diff(contrast.get(image +
				"|range"));
			assertTrue(image + ": percentile contrast " + p + " vs 8-bit " + d8, p > 0.6 * d8);
			assertTrue(image + ": the type's range hides it: " + t + " vs " + p, t < 0.5 * p);
		}
	}

	/** The demonstration image ({@link WidefieldDemo}): values in [0,1], and its nuclei. */
	static void widefield(final float[] px, final boolean[] nucleus) {
		final WidefieldDemo.Image im = WidefieldDemo.image(WidefieldDemo.DEMO_SEED);
		System.arraycopy(im.px(), 0, px, 0, px.length);
		System.arraycopy(im.nucleus(), 0, nucleus, 0, nucleus.length);
	}

	/** Writes the demonstration image as 12-bit data in a 16-bit TIFF (for the screenshot). */
	public static void main(final String[] args) throws Exception {
		final float[] px = new float[SIZE * SIZE];
		widefield(px, new boolean[SIZE * SIZE]);
		final short[] sh = new short[px.length];
		for (int i = 0; i < px.length; i++) sh[i] = (short) Math.round(px[i] * 4095);
		final ImagePlus imp = new ImagePlus("widefield 12-bit", new ShortProcessor(SIZE, SIZE, sh,
			null));
		imp.setDisplayRange(0, 4095);
		new ij.io.FileSaver(imp).saveAsTiff(args[0]);
	}

	private static double diff(final double[] nb) {
		return nb[0] - nb[1];
	}

	/** Mean tokens of tiles mostly inside nuclei and of tiles with no nucleus pixel. */
	private static double[] nucleusVsBackground(final Table rows, final boolean[] nucleus,
		final int tile)
	{
		double sn = 0, sb = 0;
		int nn = 0, nb = 0;
		for (int i = 0; i < rows.size(); i++) {
			final int tx = ((Number) rows.get(i, "tile_x")).intValue(), ty = ((Number) rows.get(i,
				"tile_y")).intValue();
			int in = 0;
			for (int y = ty * tile; y < (ty + 1) * tile; y++)
				for (int x = tx * tile; x < (tx + 1) * tile; x++) if (nucleus[y * SIZE + x]) in++;
			final double tokens = ((Number) rows.get(i, "tokens")).doubleValue();
			if (in >= tile * tile / 3) {
				sn += tokens;
				nn++;
			}
			else if (in == 0) {
				sb += tokens;
				nb++;
			}
		}
		return new double[] { sn / nn, sb / nb };
	}
}
