package org.karl.eval;

import static org.junit.Assert.*;

import java.io.ByteArrayInputStream;
import java.util.Random;

import javax.imageio.ImageIO;

import org.junit.Test;

/** Compressed sizes: known DEFLATE lengths, PNG round trip, and the expected ordering. */
public class CompressionTest {

	@Test
	public void quantisesToEightBitsWithClamping() {
		assertArrayEquals(new byte[] { 0, 0, (byte) 128, (byte) 255, (byte) 255 }, Compression
			.toBytes(new float[] { -1, 0, 0.5f, 1, 2 }, 0, 5));
	}

	@Test
	public void rawDeflateLengthsMatchZlib() {
		// NB: zlib.compressobj(9, zlib.DEFLATED, -15) in Python gives 11 and 280 bytes.
		assertEquals(11, Compression.deflateBytes(new byte[1024]));
		final byte[] ramp = new byte[1024];
		for (int i = 0; i < ramp.length; i++) ramp[i] = (byte) i;
		assertEquals(280, Compression.deflateBytes(ramp));
	}

	@Test
	public void noiseCostsMoreThanAGradientMoreThanABlank() {
		final float[] blank = new float[1024], grad = new float[1024], noise = new float[1024];
		final Random r = new Random(1);
		for (int i = 0; i < 1024; i++) {
			blank[i] = 0.3f;
			grad[i] = (i % 32) / 31f;
			noise[i] = r.nextFloat();
		}
		final int b = Compression.deflateBytes(Compression.toBytes(blank, 0, 1024));
		final int g = Compression.deflateBytes(Compression.toBytes(grad, 0, 1024));
		final int n = Compression.deflateBytes(Compression.toBytes(noise, 0, 1024));
		assertTrue(b + " < " + g + " < " + n, b < g && g < n && n > 1000);
		assertTrue(Compression.pngBytes(Compression.toBytes(blank, 0, 1024), 32, 32) < Compression
			.pngBytes(Compression.toBytes(noise, 0, 1024), 32, 32));
	}

	@Test
	public void pngDecodesToTheSamePixels() throws Exception {
		final byte[] gray = new byte[32 * 32];
		new Random(2).nextBytes(gray);
		final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		final java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(32, 32,
			java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
		img.getRaster().setDataElements(0, 0, 32, 32, gray);
		ImageIO.write(img, "png", out);
		assertEquals(out.size(), Compression.pngBytes(gray, 32, 32));
		final byte[] back = (byte[]) ImageIO.read(new ByteArrayInputStream(out.toByteArray()))
			.getRaster().getDataElements(0, 0, 32, 32, null);
		assertArrayEquals(gray, back);
	}

	@Test
	public void blankMeansOneGreyLevel() {
		assertTrue(Compression.isBlank(new byte[] { 5, 5, 5 }));
		assertFalse(Compression.isBlank(new byte[] { 5, 5, 6 }));
	}
}
