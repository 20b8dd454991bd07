package org.karl.image.ij;

import static org.junit.Assert.*;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import java.util.Random;

import org.junit.Test;

/**
 * The one normalisation rule: percentiles as numpy computes them (linear between ranks), exact
 * for 8/16-bit; per plane or per stack; fixed ranges; constant planes; refusals.
 */
public class NormalizationTest {

	private static final Normalization P = Normalization.DEFAULT;

	@Test
	public void percentilesInterpolateBetweenRanksAsNumpy() {
		// numpy.percentile(range(101), [1, 99.8]) = [1.0, 99.8]
		final short[] v = new short[101];
		for (int i = 0; i < v.length; i++) v[i] = (short) i;
		assertArrayEquals(new double[] { 1, 99.8 }, P.bounds(new ShortProcessor(101, 1, v, null)),
			1e-9);
		// numpy.percentile([0, 10], 25) = 2.5
		final Normalization q = new Normalization("percentile", 25, 75, "plane", Double.NaN,
			Double.NaN);
		assertArrayEquals(new double[] { 2.5, 7.5 }, q.bounds(new FloatProcessor(2, 1, new float[] { 0,
			10 })), 1e-9);
	}

	@Test
	public void twelveBitDataInSixteenBitsUsesTheWholeUnitRange() {
		final Random r = new Random(1);
		final short[] s = new short[64 * 64];
		final byte[] b = new byte[s.length];
		for (int i = 0; i < s.length; i++) {
			final int v = r.nextInt(4096);
			s[i] = (short) v;
			b[i] = (byte) (v >> 4);
		}
		final float[] p16 = Normalization.apply(new ShortProcessor(64, 64, s, null), P.bounds(
			new ShortProcessor(64, 64, s, null)));
		final float[] p8 = Normalization.apply(new ByteProcessor(64, 64, b), P.bounds(
			new ByteProcessor(64, 64, b)));
		float max16 = 0;
		double diff = 0;
		for (int i = 0; i < p16.length; i++) {
			max16 = Math.max(max16, p16[i]);
			diff += Math.abs(p16[i] - p8[i]);
		}
		assertEquals(1f, max16, 0);
		assertTrue("8-bit and 12-bit versions read alike: " + diff / p16.length, diff / p16.length <
			0.01);
		// the type's range leaves 12-bit data dark: at most 4095/65535
		final float[] fixed = Normalization.apply(new ShortProcessor(64, 64, s, null),
			Normalization.TYPE_RANGE.bounds(new ShortProcessor(64, 64, s, null)));
		float maxFixed = 0;
		for (final float f : fixed) maxFixed = Math.max(maxFixed, f);
		assertEquals(4095 / 65535f, maxFixed, 1e-4);
	}

	@Test
	public void stackScopeUsesOnePairOfBoundsForEveryPlane() {
		final ImageStack st = new ImageStack(10, 10);
		st.addSlice(new FloatProcessor(10, 10, ramp(100, 0, 100)));
		st.addSlice(new FloatProcessor(10, 10, ramp(100, 0, 1000)));
		final Normalization stack = new Normalization("percentile", 0, 100, "stack", Double.NaN,
			Double.NaN);
		final PlaneReader r = new PlaneReader(new ImagePlus("s", st), stack);
		final float[] first = r.read(1).pixels();
		assertArrayEquals(new double[] { 0, 1000 }, r.lastBounds(), 1e-3);
		assertEquals("the dim plane stays dim", 0.1f, max(first), 0.01f);
		final PlaneReader perPlane = new PlaneReader(new ImagePlus("s", st), new Normalization(
			"percentile", 0, 100, "plane", Double.NaN, Double.NaN));
		assertEquals("per plane, it is stretched", 1f, max(perPlane.read(1).pixels()), 0);
	}

	@Test
	public void fixedRangeAndConstantPlanes() {
		final Normalization range = new Normalization("range", 1, 99.8, "plane", 100, 200);
		final float[] px = Normalization.apply(new FloatProcessor(3, 1, new float[] { 50, 150, 250 }),
			range.bounds(new FloatProcessor(1, 1)));
		assertArrayEquals(new float[] { 0, 0.5f, 1 }, px, 0);
		final float[] c = Normalization.apply(new ByteProcessor(4, 1, new byte[] { 7, 7, 7, 7 }), P
			.bounds(new ByteProcessor(4, 1, new byte[] { 7, 7, 7, 7 })));
		assertArrayEquals("a constant plane reads as 0", new float[4], c, 0);
		assertEquals("percentile 1-99.8 per plane", P.describe());
		assertEquals("range 100..200", range.describe());
	}

	@Test
	public void badSettingsAreRefusedWithWhatToUse() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new Normalization("stretch", 1, 99, "plane", Double.NaN, Double.NaN));
		assertTrue(e.getMessage(), e.getMessage().contains("use percentile"));
		assertThrows(IllegalArgumentException.class, () -> new Normalization("percentile", 50, 10,
			"plane", Double.NaN, Double.NaN));
		assertThrows(IllegalArgumentException.class, () -> new Normalization("range", 1, 99, "plane",
			5, Double.NaN));
	}

	private static float[] ramp(final int n, final float from, final float to) {
		final float[] a = new float[n];
		for (int i = 0; i < n; i++) a[i] = from + (to - from) * i / (n - 1);
		return a;
	}

	private static float max(final float[] a) {
		float m = Float.NEGATIVE_INFINITY;
		for (final float v : a) m = Math.max(m, v);
		return m;
	}
}
