package org.karl.data;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.api.TileSet;
import org.karl.image.ij.TestImages;

public class DatasetsTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void trainingIsFashionMnistThenSkimagePatches() throws IOException {
		final Path data = tmp.getRoot().toPath();
		final Path fm = Files.createDirectories(data.resolve(Datasets.FASHION_MNIST_DIR));
		try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files
			.newOutputStream(fm.resolve(FashionMnist.TRAIN_IMAGES)))))
		{
			out.writeInt(FashionMnist.IDX3_UBYTE);
			out.writeInt(3);
			out.writeInt(28);
			out.writeInt(28);
			out.write(new byte[3 * 28 * 28]);
		}
		final Path sk = Files.createDirectories(data.resolve(Datasets.SKIMAGE_DIR));
		for (final String name : ImagePatches.SKIMAGE_TRAINING) {
			final ByteProcessor ip = new ByteProcessor(64, 64);
			ip.setValue(255);
			ip.fill();
			// NB: ImageJ picks the format from the name; a .jpg test file is written as PNG bytes,
			// which the opener still recognises by content.
			TestImages.save(new ImagePlus(name, ip), sk.resolve(name + ".png"));
			Files.move(sk.resolve(name + ".png"), sk.resolve(name));
		}
		final TileSet t = Datasets.training(data, 1);
		// 64x64 at x1: 4 * 4 patches; x2 (32x32): 4; x4 (16x16): none
		assertEquals(3 + 15 * (16 + 4), t.n());
		assertEquals(0, t.pixels()[2 * 1024 + 500], 0);
		assertEquals(1, t.pixels()[t.pixels().length - 1], 0);
	}

	@Test
	public void missingFilesAreAllNamedWithTheFix() throws IOException {
		final Path data = tmp.getRoot().toPath();
		Files.createDirectories(data.resolve(Datasets.SKIMAGE_DIR));
		Files.write(data.resolve(Datasets.SKIMAGE_DIR).resolve("camera.png"), new byte[1]);
		try {
			Datasets.training(data, 1);
			fail();
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("14 file(s)"));
			assertTrue(e.getMessage(), e.getMessage().contains("rocket.jpg"));
			assertTrue(e.getMessage(), e.getMessage().contains("fetch-data.sh"));
		}
	}
}
