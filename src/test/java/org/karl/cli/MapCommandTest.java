package org.karl.cli;

import static org.junit.Assert.*;

import ij.ImagePlus;
import ij.gui.NewImage;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

/** {@code karl map} end to end with a real (tiny, untrained) model: files, rows, exit codes. */
public class MapCommandTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static Path model;

	@BeforeClass
	public static void buildModel() {
		model = TestModels.model();
	}

	private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err =
		new ByteArrayOutputStream();

	private int karl(final String... argv) {
		return Main.run(argv, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err,
			true, StandardCharsets.UTF_8));
	}

	@Test
	public void folderAndStackGiveAMapAndACsvEach() throws Exception {
		final Path in = tmp.newFolder("in").toPath(), maps = tmp.getRoot().toPath().resolve("maps");
		TestImages.save(NewImage.createByteImage("a", 70, 33, 1, NewImage.FILL_RANDOM), in.resolve(
			"a.png"));
		final ImagePlus stack = NewImage.createShortImage("s", 64, 96, 3, NewImage.FILL_RAMP);
		final Path s = TestImages.save(stack, tmp.getRoot().toPath().resolve("s.tif"));
		assertEquals(err.toString(), Main.EXIT_OK, karl("map", "--model", model.toString(),
			"--epsilon", "0.1", "--output", maps.toString(), in.toString(), s.toString()));
		final ImagePlus a = ImageFiles.open(maps.resolve("a_map.tif"));
		assertEquals(3, a.getWidth());
		assertEquals(2, a.getHeight());
		final List<String> rows = Files.readAllLines(maps.resolve("a_tokens.csv"));
		assertEquals(7, rows.size());
		for (final String r : rows.subList(1, 7)) {
			final String[] f = r.split(",");
			assertEquals(r, Float.parseFloat(f[8]), a.getProcessor().getPixelValue(Integer.parseInt(
				f[5]), Integer.parseInt(f[6])), 0f);
		}
		final ImagePlus sm = ImageFiles.open(maps.resolve("s_map.tif"));
		assertEquals(3, sm.getStackSize());
		assertEquals(2 * 3, sm.getWidth() * sm.getHeight());
		assertEquals(1 + 3 * 6, Files.readAllLines(maps.resolve("s_tokens.csv")).size());
		assertTrue(out.toString(), out.toString().contains("s.tif: 18 tiles"));
	}

	/** A sparse puncta field at the default percentiles: mapped, with one warning line on stderr. */
	@Test
	public void aSparsePunctaFieldIsMappedWithOneNoiseWarningOnStderr() throws Exception {
		final Path f = TestImages.save(TestImages.sparsePuncta(256, 256, 2, 1), tmp.getRoot().toPath()
			.resolve("puncta.tif"));
		assertEquals(err.toString(), Main.EXIT_OK, karl("map", "--model", model.toString(), "--output",
			tmp.getRoot().toPath().resolve("maps").toString(), f.toString()));
		final List<String> warned = err.toString().lines().filter(l -> l.contains("noise σ")).toList();
		assertEquals(err.toString(), 1, warned.size());
		assertTrue(warned.get(0), warned.get(0).startsWith("karl map: note: plane 1 of 'puncta.tif': " +
			"the scaled range ") && warned.get(0).contains("use normalize=range with range_min and " +
				"range_max"));
		err.reset();
		assertEquals(err.toString(), Main.EXIT_OK, karl("map", "--model", model.toString(),
			"--percentile_high", "99.99", "--output", tmp.getRoot().toPath().resolve("maps2").toString(),
			f.toString()));
		assertFalse(err.toString(), err.toString().contains("noise σ"));
	}

	@Test
	public void badInputExitsOneWithOneLine() throws Exception {
		assertEquals(Main.EXIT_FAILURE, karl("map", "--model", model.toString(), "--output", tmp
			.getRoot().toString(), "/nonexistent.tif"));
		assertEquals("karl map: input /nonexistent.tif does not exist; check the path\n", err
			.toString());
		err.reset();
		final Path small = TestImages.save(NewImage.createByteImage("x", 8, 8, 1, NewImage.FILL_RAMP),
			tmp.getRoot().toPath().resolve("x.png"));
		final Path maps = tmp.getRoot().toPath().resolve("m");
		assertEquals(Main.EXIT_FAILURE, karl("map", "--model", model.toString(), "--output", maps
			.toString(), small.toString()));
		assertTrue(err.toString(), err.toString().contains("smaller than the model's 32x32 tile"));
		assertFalse("nothing written", Files.exists(maps));
	}

	@Test
	public void missingOutputIsAUsageError() {
		assertEquals(Main.EXIT_USAGE, karl("map", "x.tif"));
		assertTrue(err.toString(), err.toString().startsWith("karl map: missing --output"));
	}

	@Test
	public void normalizeAndProgressOptionsReachTheRows() throws Exception {
		final Path img = TestImages.save(NewImage.createByteImage("r", 64, 32, 1, NewImage.FILL_RAMP),
			tmp.getRoot().toPath().resolve("r.png"));
		final Path range = tmp.getRoot().toPath().resolve("range"), pct = tmp.getRoot().toPath()
			.resolve("pct");
		assertEquals(err.toString(), Main.EXIT_OK, karl("map", "--model", model.toString(),
			"--normalize", "range", "--progress", "--output", range.toString(), img.toString()));
		assertTrue("asked-for progress on a non-terminal: whole lines", err.toString().contains("100%"));
		assertEquals(Main.EXIT_OK, karl("map", "--model", model.toString(), "--output", pct.toString(),
			img.toString()));
		final List<String> r = Files.readAllLines(range.resolve("r_tokens.csv")), p = Files
			.readAllLines(pct.resolve("r_tokens.csv"));
		final int lo = List.of(r.get(0).split(",")).indexOf("norm_low"), hi = lo + 1;
		assertEquals("the type's range", "0.0,255.0", r.get(1).split(",")[lo] + "," + r.get(1).split(
			",")[hi]);
		assertTrue("percentiles of the ramp, below 255: " + p.get(1), Double.parseDouble(p.get(1).split(
			",")[hi]) < 255);
		err.reset();
		assertEquals(Main.EXIT_FAILURE, karl("map", "--model", model.toString(), "--normalize",
			"stretch", "--output", pct.toString(), img.toString()));
		assertTrue(err.toString(), err.toString().startsWith("karl map: normalize=stretch is not known"));
	}
}
