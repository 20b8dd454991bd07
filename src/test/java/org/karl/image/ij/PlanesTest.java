package org.karl.image.ij;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import ij.ImagePlus;
import ij.ImageStack;
import ij.VirtualStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import java.util.Iterator;

import org.junit.Test;

public class PlanesTest {

	@Test
	public void eightBitIsDividedBy255() {
		final ByteProcessor ip = new ByteProcessor(2, 1, new byte[] { 0, (byte) 255 });
		assertArrayEquals(new float[] { 0, 1 }, Planes.toUnit(ip), 0);
		ip.set(0, 51);
		assertEquals(0.2f, Planes.toUnit(ip)[0], 1e-6);
	}

	@Test
	public void sixteenBitIsDividedBy65535NotByItsRange() {
		final ShortProcessor ip = new ShortProcessor(2, 1, new short[] { 4095, (short) 65535 },
			null);
		assertArrayEquals(new float[] { 4095 / 65535f, 1 }, Planes.toUnit(ip), 1e-7f);
	}

	@Test
	public void floatIsClippedAndNanIsZero() {
		final FloatProcessor ip = new FloatProcessor(5, 1, new float[] { -2, 0.25f, 3, Float.NaN,
			Float.POSITIVE_INFINITY });
		assertArrayEquals(new float[] { 0, 0.25f, 1, 0, 1 }, Planes.toUnit(ip), 0);
	}

	@Test
	public void rgbIsLuminance() {
		final ColorProcessor ip = new ColorProcessor(4, 1, new int[] { 0xff0000, 0x00ff00,
			0x0000ff, 0xffffff });
		assertArrayEquals(new float[] { 0.299f, 0.587f, 0.114f, 1 }, Planes.toUnit(ip), 1e-6f);
	}

	@Test
	public void userPixelsAreNotModified() {
		final float[] px = { -1, 0.5f, 2, Float.NaN };
		final ImagePlus imp = new ImagePlus("f", new FloatProcessor(2, 2, px));
		final Plane p = Planes.plane(imp, 1);
		p.pixels()[1] = 0.75f;
		assertArrayEquals(new float[] { -1, 0.5f, 2, Float.NaN }, px, 0);
		assertEquals(px, imp.getProcessor().getPixels());
	}

	@Test
	public void hyperstackPlanesCarryTheirChannelSliceAndFrame() {
		final ImageStack stack = new ImageStack(3, 2);
		for (int i = 1; i <= 12; i++)
			stack.addSlice(filled(3, 2, i));
		final ImagePlus imp = new ImagePlus("h", stack);
		imp.setDimensions(2, 3, 2);
		assertEquals(12, Planes.count(imp));
		final Plane p = Planes.plane(imp, 4); // index = (t-1)*nz*nc + (z-1)*nc + c
		assertEquals(2, p.channel());
		assertEquals(2, p.slice());
		assertEquals(1, p.frame());
		assertEquals(4 / 255f, p.pixels()[0], 1e-7);
		final Plane last = Planes.plane(imp, 12);
		assertEquals(2, last.channel());
		assertEquals(3, last.slice());
		assertEquals(2, last.frame());
	}

	@Test
	public void virtualStacksAreReadOnePlaneAtATime() {
		final int[] reads = { 0 };
		final VirtualStack stack = new VirtualStack(4, 3, 3) {

			@Override
			public ImageProcessor getProcessor(final int n) {
				reads[0]++;
				return filled(4, 3, 10 * n);
			}
		};
		final ImagePlus imp = new ImagePlus("v", stack);
		final Iterator<Plane> it = Planes.of(imp).iterator();
		final int before = reads[0];
		assertEquals(10 / 255f, it.next().pixels()[0], 1e-7);
		assertEquals(before + 1, reads[0]);
		assertEquals(20 / 255f, it.next().pixels()[11], 1e-7);
		assertEquals(30 / 255f, it.next().pixels()[5], 1e-7);
		assertEquals(false, it.hasNext());
	}

	@Test
	public void planeIsViewedAsAnImgWithoutCopy() {
		final Plane p = Planes.plane(new ImagePlus("b", filled(3, 2, 255)), 1);
		assertEquals(3, p.img().dimension(0));
		assertEquals(2, p.img().dimension(1));
		p.img().firstElement().set(0.5f);
		assertEquals(0.5f, p.pixels()[0], 0);
	}

	private static ByteProcessor filled(final int w, final int h, final int value) {
		final ByteProcessor ip = new ByteProcessor(w, h);
		ip.setValue(value);
		ip.fill();
		return ip;
	}
}
