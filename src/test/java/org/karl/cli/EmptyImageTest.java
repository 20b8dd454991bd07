package org.karl.cli;

import static org.junit.Assert.*;

import ij.gui.NewImage;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.runtime.TestModels;
import org.karl.image.ij.TestImages;

/**
 * A 0-byte image file at the CLI door (a child karl) is named as empty, not as "a format
 * ImageJ cannot open": given alone, and in a folder, where it fails as an input (not a silent
 * skip) while the other images are mapped.
 */
public class EmptyImageTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void anEmptyImageIsNamedAsEmpty() throws Exception {
		final Path dir = tmp.getRoot().toPath(), in = dir.resolve("in");
		Files.createDirectories(in);
		Files.write(in.resolve("empty.tif"), new byte[0]);
		Files.write(in.resolve("empty.png"), new byte[0]);
		TestImages.save(NewImage.createByteImage("g", 64, 64, 1, NewImage.FILL_RAMP), in.resolve(
			"good.tif"));
		// given alone: refused before the model is looked for
		KarlProcess.Result r = KarlProcess.run(dir, "reconstruct", "--model", "/nonexistent/model",
			"--output", "rec.tif", "in/empty.png");
		assertEquals(r.toString(), Main.EXIT_FAILURE, r.rc());
		assertEquals(r.toString(), "karl reconstruct: in/empty.png is empty (0 bytes); copy or " +
			"export the image again\n", r.err());
		// in a folder: each empty file fails as an input, the others are mapped
		r = KarlProcess.run(dir, "map", "--model", TestModels.model().toString(), "--output", "maps",
			"in");
		assertEquals(r.toString(), Main.EXIT_FAILURE, r.rc());
		assertTrue(r.toString(), r.err().contains("karl map: in/empty.tif: in/empty.tif is empty " +
			"(0 bytes); copy or export the image again\n"));
		assertTrue(r.toString(), r.err().contains("karl map: in/empty.png: in/empty.png is empty"));
		assertTrue(r.toString(), r.err().contains("2 of 3 inputs failed"));
		assertTrue(Files.isRegularFile(dir.resolve("maps/good_map.tif")));
	}
}
