package org.karl.image;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ShortProcessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The synthetic widefield demonstration images of docs/fiji-users.md: 4x4 generated
 * fields of nuclei ({@link MicroscopyTiles}, kind 0) with haze, uneven light, read noise σ
 * {@value MicroscopyTiles#PROBE_NOISE} and shot noise, 512x512, values in [0,1], with the nucleus
 * mask the generator drew. Seed {@value #DEMO_SEED} is the demonstration image
 * ({@code NormalizationDemo}, {@code MicroscopyDemo}, the screenshots); other seeds give other
 * images of the same kind (the fine-tune's training images).
 */
public final class WidefieldDemo {

	public static final int FIELDS = 4, SIZE = FIELDS * MicroscopyTiles.FIELD;

	/** The seed of the demonstration image. */
	public static final long DEMO_SEED = 2026;

	/** Pixels in [0,1] (row-major, SIZE x SIZE) and the nucleus mask. */
	public record Image(float[] px, boolean[] nucleus) {

		/** As 8-bit (value x 255). */
		public ImagePlus eightBit(final String title) {
			final byte[] b = new byte[px.length];
			for (int i = 0; i < px.length; i++) b[i] = (byte) Math.round(px[i] * 255);
			return new ImagePlus(title, new ByteProcessor(SIZE, SIZE, b));
		}

		/** As 12-bit data (value x 4095) in a 16-bit image, display range 0..4095. */
		public ImagePlus twelveBit(final String title) {
			final short[] sh = new short[px.length];
			for (int i = 0; i < px.length; i++) sh[i] = (short) Math.round(px[i] * 4095);
			final ImagePlus imp = new ImagePlus(title, new ShortProcessor(SIZE, SIZE, sh, null));
			imp.setDisplayRange(0, 4095);
			return imp;
		}
	}

	private WidefieldDemo() {}

	/** The image of {@code seed}. */
	public static Image image(final long seed) {
		final float[] px = new float[SIZE * SIZE];
		final boolean[] nucleus = new boolean[SIZE * SIZE];
		final SplittableRandom r = new SplittableRandom(seed);
		for (int fy = 0; fy < FIELDS; fy++)
			for (int fx = 0; fx < FIELDS; fx++) {
				final MicroscopyTiles.Field f = MicroscopyTiles.field(r, MicroscopyTiles.PROBE_NOISE, 0);
				final int s = MicroscopyTiles.FIELD;
				for (int y = 0; y < s; y++)
					for (int x = 0; x < s; x++) {
						px[(fy * s + y) * SIZE + fx * s + x] = f.px()[y * s + x];
						nucleus[(fy * s + y) * SIZE + fx * s + x] = f.nucleus()[y * s + x];
					}
			}
		return new Image(px, nucleus);
	}

	/**
	 * Writes training images: seeds {@code first}..{@code first+n-1}, even ones as 8-bit, odd
	 * ones as 12-bit in 16-bit TIFFs, into {@code dir} (created).
	 */
	public static void writeTraining(final Path dir, final long first, final int n)
		throws IOException
	{
		Files.createDirectories(dir);
		for (long s = first; s < first + n; s++) {
			final Image im = image(s);
			final String name = "widefield-seed" + s + (s % 2 == 0 ? "-8bit" : "-12bit") + ".tif";
			final ImagePlus imp = s % 2 == 0 ? im.eightBit(name) : im.twelveBit(name);
			if (!new FileSaver(imp).saveAsTiff(dir.resolve(name).toString())) throw new IOException(
				"could not write " + dir.resolve(name));
		}
	}

	/**
	 * {@code WidefieldDemo DIR}: writes the demonstration image as {@code DIR/widefield-8bit.tif}
	 * and {@code DIR/widefield-12bit.tif} (12-bit data in a 16-bit image).
	 */
	public static void main(final String[] args) throws Exception {
		final Path dir = Path.of(args[0]);
		Files.createDirectories(dir);
		final Image im = image(DEMO_SEED);
		new FileSaver(im.eightBit("widefield 8-bit")).saveAsTiff(dir.resolve("widefield-8bit.tif")
			.toString());
		new FileSaver(im.twelveBit("widefield 12-bit")).saveAsTiff(dir.resolve("widefield-12bit.tif")
			.toString());
	}
}
