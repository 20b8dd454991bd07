package org.karl.data;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import ij.ImagePlus;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.api.TileSet;
import org.karl.image.ij.Plane;
import org.karl.image.ij.TestImages;

public class ImagePatchesTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private Path save(final ImagePlus imp, final String name) throws IOException {
		return TestImages.save(imp, tmp.getRoot().toPath().resolve(name));
	}

	/** A w x h plane whose pixel (x,y) is (x + w*y) / (w*h): every value tells its position. */
	private static Plane ramp(final int w, final int h) {
		final float[] px = new float[w * h];
		for (int i = 0; i < px.length; i++)
			px[i] = (float) i / px.length;
		return new Plane(1, 1, 1, 1, w, h, px);
	}

	@Test
	public void filesAreReadWithFixedScalingPerType() throws IOException {
		final ByteProcessor b = new ByteProcessor(64, 64);
		b.setValue(51);
		b.fill();
		final ShortProcessor s = new ShortProcessor(64, 64);
		s.setValue(6553.5);
		s.fill();
		final FloatProcessor f = new FloatProcessor(64, 64);
		f.setValue(7);
		f.fill();
		final ColorProcessor c = new ColorProcessor(64, 64);
		c.setColor(new java.awt.Color(255, 0, 0));
		c.fill();
		final List<Path> files = List.of(save(new ImagePlus("b", b), "b.png"), save(new ImagePlus(
			"s", s), "s.tif"), save(new ImagePlus("f", f), "f.tif"), save(new ImagePlus("c", c),
				"c.png"));
		final float[] expected = { 0.2f, 0.1f, 1f, 0.299f };
		for (int i = 0; i < files.size(); i++) {
			final TileSet t = ImagePatches.sample(List.of(files.get(i)), 32, new int[] { 1 }, 1, 3);
			assertEquals(4, t.n());
			assertEquals(files.get(i).toString(), expected[i], t.pixels()[77], 1e-4);
		}
	}

	@Test
	public void downscaleAveragesBlocksAndDropsPartialOnes() {
		final Plane p = new Plane(1, 1, 1, 1, 5, 2, new float[] { 0, 1, 2, 3, 9, 4, 5, 6, 7, 9 });
		final Plane d = ImagePatches.downscale(p, 2);
		assertEquals(2, d.width());
		assertEquals(1, d.height());
		assertArrayEquals(new float[] { 2.5f, 4.5f }, d.pixels(), 1e-6f);
		assertEquals(p, ImagePatches.downscale(p, 1));
	}

	@Test
	public void patchesAreWindowsOfThePlaneAndCountFollowsCoverage() {
		final Plane p = ramp(100, 70);
		final TileSet t = ImagePatches.sample(p, 32, 2.0, new Random(1));
		assertEquals(Math.round(2.0 * 100 * 70 / 1024), t.n());
		for (int i = 0; i < t.n(); i++) {
			final int origin = Math.round(t.pixels()[i * 1024] * 7000);
			for (int y = 0; y < 32; y++)
				for (int x = 0; x < 32; x++)
					assertEquals(p.pixels()[origin + y * 100 + x], t.pixels()[i * 1024 + y * 32 + x], 0);
		}
	}

	@Test
	public void planesSmallerThanATileGiveNoPatch() {
		assertEquals(0, ImagePatches.sample(ramp(31, 100), 32, 4, new Random(1)).n());
	}

	@Test
	public void sameSeedGivesSamePatchesAcrossScales() throws IOException {
		final ImagePlus imp = new ImagePlus("r", new FloatProcessor(130, 130, ramp(130, 130)
			.pixels()));
		final List<Path> files = List.of(save(imp, "r.tif"));
		final TileSet a = ImagePatches.sample(files, 32, ImagePatches.FACTORS, 1, 5);
		final TileSet b = ImagePatches.sample(files, 32, ImagePatches.FACTORS, 1, 5);
		assertArrayEquals(a.pixels(), b.pixels(), 0);
		// 130x130 -> 17 patches, 65x65 -> 4, 32x32 -> 1
		assertEquals(17 + 4 + 1, a.n());
		assertTrue(ImagePatches.sample(files, 32, ImagePatches.FACTORS, 1, 6).pixels()[0] != a
			.pixels()[0]);
	}

	@Test
	public void trainingListHasTheFifteenSkimageImages() {
		assertEquals(15, ImagePatches.SKIMAGE_TRAINING.size());
		assertTrue(ImagePatches.SKIMAGE_TRAINING.contains("rocket.jpg"));
	}
}
