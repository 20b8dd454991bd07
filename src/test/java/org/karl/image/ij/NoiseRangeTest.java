package org.karl.image.ij;

import static org.junit.Assert.*;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import java.util.List;
import java.util.Random;

import org.junit.Test;

/**
 * The noise-range check: a sparse puncta field at the default percentiles is reported in one
 * line that says what to do; images whose range holds real signal, or scaled by a fixed range,
 * are not.
 */
public class NoiseRangeTest {

	private static PlaneReader read(final ImagePlus imp, final Normalization n) {
		final PlaneReader r = new PlaneReader(imp, n);
		for (int i = 1; i <= imp.getStackSize(); i++)
			r.read(i);
		return r;
	}

	@Test
	public void sigmaOfGaussianNoiseIsFoundDespiteBrightSpots() {
		final ImageProcessor ip = TestImages.sparsePuncta(256, 256, 2, 1).getProcessor();
		assertEquals(7, NoiseRange.sigma(ip), 0.7);
	}

	@Test
	public void aSparsePunctaFieldAtDefaultPercentilesIsOneLineWithWhatToDo() {
		final ImagePlus imp = TestImages.sparsePuncta(256, 256, 2, 1);
		final PlaneReader r = read(imp, Normalization.DEFAULT);
		assertEquals(1, r.noisyPlanes().size());
		final NoiseRange.Finding f = r.noisyPlanes().get(0);
		assertTrue(f.toString(), f.sigmas() < NoiseRange.MIN_SIGMAS && f.hi() < 140 && f.lo() > 70);
		final List<String> notes = r.notes("puncta");
		assertEquals(1, notes.size());
		final String n = notes.get(0);
		assertFalse(n, n.contains("\n"));
		assertTrue(n, n.startsWith("plane 1 of 'puncta': the scaled range "));
		assertTrue(n, n.contains("noise σ (σ≈"));
		assertTrue(n, n.endsWith("so the map will read noise as complexity; use normalize=range " +
			"with range_min and range_max that cover the signal, or a higher percentile_high " +
			"(e.g. 99.99)"));
	}

	@Test
	public void theAdvisedSettingsSilenceIt() {
		final ImagePlus imp = TestImages.sparsePuncta(256, 256, 2, 1);
		assertEquals(List.of(), read(imp, new Normalization(Normalization.PERCENTILE, 1, 99.99,
			Normalization.PLANE, Double.NaN, Double.NaN)).notes("p"));
		assertEquals(List.of(), read(imp, new Normalization(Normalization.RANGE, 1, 99.8,
			Normalization.PLANE, 0, 1000)).notes("p"));
	}

	@Test
	public void denseSignalOnTheSameNoiseIsNotReported() {
		final ImagePlus imp = TestImages.sparsePuncta(256, 256, 40, 1);
		assertEquals(List.of(), read(imp, Normalization.DEFAULT).notes("dense"));
	}

	@Test
	public void aStackNamesHowManyPlanesAndTheFirst() {
		final ImageStack s = new ImageStack(128, 128);
		final Random r = new Random(3);
		final float[] ramp = new float[128 * 128], noise = new float[128 * 128];
		for (int i = 0; i < ramp.length; i++) {
			ramp[i] = (i % 128) * 10 + (float) r.nextGaussian();
			noise[i] = 50 + 2 * (float) r.nextGaussian();
		}
		s.addSlice(new FloatProcessor(128, 128, ramp));
		s.addSlice(new FloatProcessor(128, 128, noise));
		s.addSlice(new FloatProcessor(128, 128, noise.clone()));
		final List<String> notes = read(new ImagePlus("st", s), Normalization.DEFAULT).notes("st");
		assertEquals(1, notes.size());
		assertTrue(notes.get(0), notes.get(0).startsWith("2 of 3 planes of 'st' (first: plane 2): " +
			"the scaled range "));
	}
}
