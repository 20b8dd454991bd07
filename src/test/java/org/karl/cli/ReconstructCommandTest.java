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

	/**
	 * {@code --tokens N} decodes the first N tokens of each tile's encoding at T_max: the prefix
	 * that verified counts and the training curve decode too, not an encoding with N queries
	 * (which gives other tokens, so the second comparison makes the first one able to fail).
	 */
	@Test
	public void aFixedCountDecodesThePrefixOfTheEncodingAtTmax() throws Exception {
		final Path root = tmp.getRoot().toPath();
		final float[] px = new float[32 * 32];
		for (int y = 0; y < 32; y++)
			for (int x = 0; x < 32; x++) px[y * 32 + x] = (float) (0.5 + 0.4 * Math.sin(x / 3.0) * Math
				.cos(y / 5.0));
		final Path in = TestImages.save(new ImagePlus("in", new FloatProcessor(32, 32, px.clone())),
			root.resolve("in.tif"));
		final Path out = root.resolve("rec.tif");
		final int k = 2;
		// NB: the shipped, trained model: the small test model's encodings hardly depend on the
		// number of queries, so the two meanings could not be told apart there
		final Path model = Path.of("models/default").toAbsolutePath();
		cli.ok("reconstruct", "--model", model.toString(), "--tokens", Integer.toString(k),
			"--normalize", "none", "--output", out.toString(), in.toString());
		final float[] got = (float[]) IJ.openImage(out.toString()).getProcessor().getPixels();
		try (org.karl.engine.runtime.KarlModel m = org.karl.engine.runtime.KarlModel.load(model)) {
			final float eps = m.epsilonBins()[0];
			final org.karl.engine.api.TokenizeResult full = m.tokenize(px, 1, eps, m.maxTokens(),
				org.karl.engine.api.Progress.NONE);
			final float[] prefix = m.decode(full.tokens(), org.karl.engine.api.BudgetLadder.prefixMask(1,
				m.maxTokens(), k), 1, org.karl.engine.api.Progress.NONE);
			assertArrayEquals(prefix, got, 1e-5f);
			final org.karl.engine.api.TokenizeResult atK = m.tokenize(px, 1, eps, k,
				org.karl.engine.api.Progress.NONE);
			final float[] encodedAtK = m.decode(atK.tokens(), org.karl.engine.api.BudgetLadder
				.prefixMask(1, m.maxTokens(), k), 1, org.karl.engine.api.Progress.NONE);
			double diff = 0;
			for (int i = 0; i < got.length; i++) diff = Math.max(diff, Math.abs(encodedAtK[i] - got[i]));
			assertTrue("an encoding with " + k + " queries gives the same image: the test cannot tell",
				diff > 1e-4);
		}
	}
}
