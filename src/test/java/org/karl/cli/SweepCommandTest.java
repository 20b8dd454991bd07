package org.karl.cli;

import static org.junit.Assert.*;

import ij.ImagePlus;
import ij.gui.NewImage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.runtime.TestModels;
import org.karl.image.ij.ImageFiles;
import org.karl.image.ij.TestImages;

/**
 * {@code karl map --sweep} end to end with a tiny model (T_max 8): one stack and one summary per
 * input, each slice the map {@code karl map --epsilon} writes at that ε, each summary row the
 * numbers of that map; the single-ε outputs are not written by a sweep.
 */
public class SweepCommandTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static Path model;

	@BeforeClass
	public static void buildModel() {
		model = TestModels.model();
	}

	private final Cli cli = new Cli();

	@Test
	public void aSweepWritesAStackAndASummaryThatMatchTheSingleMaps() throws Exception {
		final Path img = TestImages.save(NewImage.createByteImage("a", 96, 64, 1,
			NewImage.FILL_RANDOM), tmp.getRoot().toPath().resolve("a.png"));
		final Path sweep = tmp.getRoot().toPath().resolve("sweep");
		cli.ok("map", "--model", model.toString(), "--sweep", "0.2,0.05", "--output", sweep.toString(),
			img.toString());
		assertTrue(cli.out(), cli.out().contains("most graded at") || cli.out().contains(
			"no epsilon of the sweep"));
		assertFalse("a sweep writes no single map", Files.exists(sweep.resolve("a_map.tif")));
		final ImagePlus stack = ImageFiles.open(sweep.resolve("a_sweep.tif"));
		assertEquals(2, stack.getStackSize());
		final List<String> rows = Files.readAllLines(sweep.resolve("a_sweep.csv"));
		assertEquals(rows.toString(), "epsilon,tiles,mean_tokens,at_min,at_max,graded", rows.get(0));
		assertEquals(rows.toString(), 3, rows.size());
		final String[] eps = { "0.05", "0.2" };
		for (int k = 0; k < eps.length; k++) {
			assertEquals("ε = " + eps[k], stack.getStack().getSliceLabel(k + 1));
			final Path one = tmp.getRoot().toPath().resolve("one" + k);
			cli.ok("map", "--model", model.toString(), "--epsilon", eps[k], "--output", one.toString(),
				img.toString());
			final float[] single = (float[]) ImageFiles.open(one.resolve("a_map.tif")).getProcessor()
				.getPixels();
			assertArrayEquals("slice " + (k + 1), single, (float[]) stack.getStack().getProcessor(k + 1)
				.getPixels(), 0f);
			double sum = 0;
			int low = 0, high = 0;
			for (final float c : single) {
				sum += c;
				if (c <= 2) low++;
				else if (c >= 8) high++;
			}
			final int n = single.length;
			final String[] f = rows.get(k + 1).split(",");
			assertEquals(rows.toString(), Float.parseFloat(eps[k]), Float.parseFloat(f[0]), 0f);
			assertEquals(rows.toString(), n, Integer.parseInt(f[1]));
			assertEquals(rows.toString(), sum / n, Double.parseDouble(f[2]), 1e-6);
			assertEquals(rows.toString(), (double) low / n, Double.parseDouble(f[3]), 1e-6);
			assertEquals(rows.toString(), (double) high / n, Double.parseDouble(f[4]), 1e-6);
			assertEquals(rows.toString(), (double) (n - low - high) / n, Double.parseDouble(f[5]), 1e-6);
		}
	}

	@Test
	public void anEpsilonOutsideTheModelsRangeFailsOnceNamingTheRange() throws Exception {
		final Path img = TestImages.save(NewImage.createByteImage("a", 64, 64, 1,
			NewImage.FILL_RANDOM), tmp.getRoot().toPath().resolve("a.png"));
		final Path out = tmp.getRoot().toPath().resolve("out");
		assertEquals(cli.err(), Main.EXIT_FAILURE, cli.run("map", "--model", model.toString(),
			"--sweep", "0.05,0.9", "--output", out.toString(), img.toString()));
		assertTrue(cli.err(), cli.err().contains("epsilon = 0.9 is outside (0, 0.38], the range this " +
			"model was trained for"));
		assertEquals(cli.err(), 1, cli.err().lines().count());
		assertFalse(Files.exists(out.resolve("a_sweep.tif")));
	}
}
