package org.karl.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import ij.gui.NewImage;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.runtime.TestModels;
import org.karl.image.ij.TestImages;

/** A damaged image file at the CLI door: one stderr line, exit 1, no CSV. */
public class DamagedInputTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private final Cli cli = new Cli();

	@Test
	public void aTruncatedTiffIsOneLineAndNoCsv() throws Exception {
		final Path root = tmp.getRoot().toPath();
		final Path tif = TestImages.save(NewImage.createShortImage("s", 64, 64, 3,
			NewImage.FILL_RAMP), root.resolve("truncated.tif"));
		try (FileChannel c = FileChannel.open(tif, StandardOpenOption.WRITE)) {
			c.truncate(Files.size(tif) * 6 / 10);
		}
		// NB: the repository's trained model when this checkout has one, else a tiny test model
		final Path shipped = Path.of("models/default");
		final Path model = Files.isRegularFile(shipped.resolve("karl.json")) ? shipped : TestModels
			.model();
		final Path csv = root.resolve("out.csv");
		assertEquals(cli.err(), Main.EXIT_FAILURE, cli.run("tokenize", "--model", model.toString(),
			"--csv", csv.toString(), tif.toString()));
		final String err = cli.err();
		assertEquals(err, 1, err.lines().count());
		assertTrue(err, err.startsWith("karl tokenize: " + tif + ": damaged or truncated TIFF"));
		assertTrue(err, err.contains("truncated"));
		try (var left = Files.list(root)) {
			assertEquals("only the input is left", 1, left.count()); // no out.csv, no temp file
		}
	}
}
