package org.karl.image.ij;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * 16-bit TIFFs written byte by byte as other software writes them: signed (SampleFormat 2, as
 * from cameras and scanners that store signed counts) or unsigned (SampleFormat 1), one plane,
 * one strip, little-endian. ImageJ's own saver cannot make the signed kind: it stores a signed
 * image as unsigned + 32768 with a calibration in its description.
 */
public final class Int16Tiffs {

	private Int16Tiffs() {}

	/** Writes {@code values} (row-major, {@code w x h}) as a 16-bit TIFF, signed or not. */
	public static Path write(final Path file, final int w, final int h, final int[] values,
		final boolean signed) throws IOException
	{
		final int entries = 10, ifd = 8, data = ifd + 2 + 12 * entries + 4;
		final ByteBuffer b = ByteBuffer.allocate(data + 2 * w * h).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd);
		b.putShort((short) entries);
		entry(b, 256, w); // ImageWidth
		entry(b, 257, h); // ImageLength
		entry(b, 258, 16); // BitsPerSample
		entry(b, 259, 1); // Compression: none
		entry(b, 262, 1); // PhotometricInterpretation: black is zero
		b.putShort((short) 273).putShort((short) 4).putInt(1).putInt(data); // StripOffsets
		entry(b, 277, 1); // SamplesPerPixel
		entry(b, 278, h); // RowsPerStrip
		b.putShort((short) 279).putShort((short) 4).putInt(1).putInt(2 * w * h); // StripByteCounts
		entry(b, 339, signed ? 2 : 1); // SampleFormat: 2 signed integer, 1 unsigned
		b.putInt(0); // no next directory
		for (final int v : values) b.putShort((short) v);
		Files.write(file, b.array());
		return file;
	}

	private static void entry(final ByteBuffer b, final int tag, final int value) {
		b.putShort((short) tag).putShort((short) 3).putInt(1).putShort((short) value).putShort(
			(short) 0);
	}

	/**
	 * A 64x64 test pattern in {@code lo..lo+999}: the left half flat at {@code lo + 500}, the right
	 * half noisy, so a map is not uniform; {@code lo + 999} and {@code lo} both occur.
	 */
	public static int[] pattern(final int lo) {
		final Random r = new Random(7);
		final int[] v = new int[64 * 64];
		for (int i = 0; i < v.length; i++) v[i] = lo + (i % 64 < 32 ? 500 : r.nextInt(1000));
		v[63] = lo + 999;
		v[64 * 63 + 63] = lo;
		return v;
	}
}
