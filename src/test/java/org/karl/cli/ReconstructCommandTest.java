package org.karl.cli;

import static org.junit.Assert.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.runtime.TestModels;
import org.karl.image.ij.TestImages;

import ij.IJ;
import ij.ImagePlus;
import ij.process.FloatProcessor;

/**
 * {@code karl reconstruct} through {@link Main#run} on a single-plane image: it writes a 2D
 * reconstruction of the input's size and says per plane how many tiles missed ε, counting those
 * at the full budget apart; the input is left as it was.
 */
public class ReconstructCommandTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private final Cli cli = new Cli();

	@Test
	public void aSinglePlaneImageIsReconstructedAndMissedTilesAreCounted() throws Exception {
		final Path root = tmp.getRoot().toPath();
		final float[] px = new float[64 * 48];
		final java.util.Random r = new java.util.Random(3);
		for (int i = 0; i < px.length; i++) px[i] = i < px.length / 2 ? 0.5f : r.nextFloat(); // flat, noise
		final Path in = TestImages.save(new ImagePlus("in", new FloatProcessor(64, 48, px)), root
			.resolve("in.tif"));
		final byte[] before = Files.readAllBytes(in);
		final Path out = root.resolve("rec.tif");
		cli.ok("reconstruct", "--model", TestModels.model().toString(), "--epsilon", "0.05", "--output",
			out.toString(), in.toString());
		final java.util.regex.Matcher m = java.util.regex.Pattern.compile(
			"plane 1: tiles 4, mean tokens [0-9.]+, L1 [0-9.]+, epsilon not met by (\\d) tiles \\((\\d) " +
				"at the full budget\\)").matcher(cli.out());
		assertTrue(cli.out(), m.find());
		final int missed = Integer.parseInt(m.group(1)), full = Integer.parseInt(m.group(2));
		assertTrue(cli.out(), missed >= 2 && full <= missed); // the two noise tiles cannot reach 0.05
		final ImagePlus rec = IJ.openImage(out.toString());
		assertEquals(1, rec.getStackSize());
		assertEquals(64, rec.getWidth());
		assertEquals(48, rec.getHeight());
		assertArrayEquals("input unchanged", before, Files.readAllBytes(in));
	}
}
