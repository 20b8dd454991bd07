package org.karl.image.ij;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;

import java.util.List;

import org.junit.Test;

public class PlaneReaderTest {

	private static PlaneReader readAll(final ImagePlus imp) {
		// NB: a fixed range (none: 32-bit as is) is what clips; percentiles fit the data
		final PlaneReader r = new PlaneReader(imp, new Normalization(Normalization.NONE, 1, 99.8,
			Normalization.PLANE, Double.NaN, Double.NaN));
		for (int i = 1; i <= imp.getStackSize(); i++)
			r.read(i);
		return r;
	}

	@Test
	public void floatPixelsOutsideTheUnitRangeAreCountedWithTheRawRange() {
		final float[] px = new float[11];
		for (int i = 0; i < px.length; i++)
			px[i] = -0.5f + 0.25f * i; // -0.5 .. 2: two below 0, four above 1
		final ImageStack s = new ImageStack(11, 1);
		s.addSlice(new FloatProcessor(11, 1, px));
		s.addSlice(new FloatProcessor(11, 1, new float[] { Float.NaN, 0, 0, 0, 0, 0, 0, 0, 0, 0,
			0.5f }));
		final PlaneReader r = readAll(new ImagePlus("f", s));
		assertEquals(6, r.clippedPixels());
		assertArrayEquals(new float[] { -0.5f, 2 }, r.rawRange(), 0);
		assertArrayEquals(new float[] { 0, 1 }, r.range(), 0); // scaled, as before
		assertEquals(List.of("1 NaN pixel(s) of 'f' were read as 0", "6 pixel(s) of 'f' are " +
			"outside the range read as [0,1] (0.0..1.0; raw min -0.5, max 2.0) and were clipped; use " +
			"normalize=percentile, or give range_min and range_max that cover the data"), r.notes("f"));
	}

	@Test
	public void floatPixelsWithinTheUnitRangeGiveNoNote() {
		final PlaneReader r = readAll(new ImagePlus("f", new FloatProcessor(3, 1, new float[] { 0,
			0.5f, 1 })));
		assertEquals(0, r.clippedPixels());
		assertEquals(List.of(), r.notes("f"));
	}

	@Test
	public void constantMeansTheSameValueAfterScaling() {
		// NB: 2 and 3 differ raw but both read as 1, so the tiles are all alike
		final PlaneReader r = readAll(new ImagePlus("c", new FloatProcessor(2, 1, new float[] { 2,
			3 })));
		assertTrue(r.constant());
		final List<String> notes = r.notes("c");
		assertEquals(2, notes.size());
		assertTrue(notes.get(0), notes.get(0).startsWith("2 pixel(s) of 'c' are outside the range read " +
			"as [0,1] (0.0..1.0; raw min 2.0, max 3.0)"));
		assertEquals("every pixel of 'c' has the same value, so every tile is equally simple (the " +
			"map is uniform)", notes.get(1));
		assertEquals(List.of(), readAll(new ImagePlus("b", new ByteProcessor(2, 1, new byte[] { 0,
			9 }))).notes("b"));
	}
}
