package org.karl.eval;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;

import javax.imageio.ImageIO;

/**
 * Classical complexity of a tile: the size of its 8-bit version after lossless compression, by
 * raw DEFLATE ({@link Deflater}, level 9, no zlib header or checksum) and as a PNG file
 * ({@link ImageIO}, headers included). These are the baselines KARL's token counts are compared
 * with: a good complexity estimate orders tiles as a compressor does.
 */
public final class Compression {

	private Compression() {}

	/** The tile at {@code src[off .. off+len)} in [0,1] as 8-bit grey: round(clamp(v) * 255). */
	public static byte[] toBytes(final float[] src, final int off, final int len) {
		final byte[] b = new byte[len];
		for (int i = 0; i < len; i++) {
			final float v = Math.max(0, Math.min(1, src[off + i]));
			b[i] = (byte) Math.round(v * 255);
		}
		return b;
	}

	/** Bytes of raw DEFLATE (level 9, nowrap) of {@code data}. */
	public static int deflateBytes(final byte[] data) {
		// NB: nowrap drops zlib's 2-byte header and 4-byte Adler-32, which carry no information.
		final Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
		try {
			d.setInput(data);
			d.finish();
			final byte[] buf = new byte[data.length + 64];
			int total = 0;
			while (!d.finished()) total += d.deflate(buf);
			return total;
		}
		finally {
			d.end();
		}
	}

	/** Bytes of the PNG file ImageIO writes for the {@code w x h} 8-bit grey image. */
	public static int pngBytes(final byte[] gray, final int w, final int h) {
		final BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		img.getRaster().setDataElements(0, 0, w, h, gray);
		final ByteArrayOutputStream out = new ByteArrayOutputStream(2 * gray.length + 128);
		try {
			if (!ImageIO.write(img, "png", out)) throw new IllegalStateException(
				"Compression: ImageIO has no PNG writer");
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e); // NB: a memory stream does not fail
		}
		return out.size();
	}

	/** True when every pixel of the 8-bit tile has the same value. */
	public static boolean isBlank(final byte[] gray) {
		for (final byte v : gray)
			if (v != gray[0]) return false;
		return true;
	}
}
