package org.karl.spark;

import static org.junit.Assert.*;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.NewImage;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.experimental.categories.Category;
import org.karl.engine.api.Progress;
import org.karl.engine.runtime.KarlModel;
import org.karl.engine.runtime.TestModels;
import org.karl.image.ij.Normalization;
import org.karl.image.ij.TestImages;
import org.karl.ops.ComplexityMapOp;
import org.karl.ops.InputFiles;
import org.karl.ops.MapFiles;
import org.karl.ops.Shards;
import org.karl.testing.NoisyFlat;
import org.karl.testing.VerifyChecks;
import org.karl.testing.Slow;

/**
 * The Spark job on {@code local[2]}: the same files as single-process {@link MapFiles} byte for
 * byte, a bad file failing only its own record, re-runs skipping what is done, the merged table.
 * TensorFlow's natives load from the tensorflow-core-native jar inside the task, as on an
 * executor (local mode: the executor is this JVM).
 */
@Category(Slow.class) // Spark on local[2]
public class MapJobTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static Path model;
	private static JavaSparkContext sc;

	@BeforeClass
	public static void start() {
		model = TestModels.model();
		sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("MapJobTest").set(
			"spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1").set(
				"spark.driver.bindAddress", "127.0.0.1").set("spark.ui.showConsoleProgress", "false"));
		sc.setLogLevel("WARN");
	}

	@AfterClass
	public static void stop() {
		if (sc != null) sc.close();
	}

	private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err =
		new ByteArrayOutputStream();

	private MapJob.Report job(final MapJob.Request r) throws Exception {
		return MapJob.run(sc, r, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(
			err, true, StandardCharsets.UTF_8));
	}

	private static String rows(final Path table) throws Exception {
		final String s = Files.readString(table);
		return s.substring(s.indexOf('\n') + 1);
	}

	@Test
	public void sparkWritesTheFilesOfKarlMapAndReportsTheBadInputAlone() throws Exception {
		final Path in = tmp.newFolder("in").toPath();
		TestImages.save(NewImage.createByteImage("a", 70, 33, 1, NewImage.FILL_RANDOM), in.resolve(
			"a.png"));
		final ImagePlus s = NewImage.createShortImage("s", 64, 96, 2, NewImage.FILL_RANDOM);
		s.getStack().setSliceLabel("first", 1);
		TestImages.save(s, in.resolve("s.tif"));
		TestImages.save(NewImage.createByteImage("c", 96, 64, 1, NewImage.FILL_RAMP), in.resolve(
			"c.tif"));
		final Path bad = tmp.getRoot().toPath().resolve("bad.tif");
		Files.writeString(bad, "not an image, but named like one\n");
		final Path maps = tmp.getRoot().toPath().resolve("maps");
		final MapJob.Request r = new MapJob.Request(List.of(in.toString(), bad.toString()), maps
			.toString(), model.toString(), 0.1f, 0, "viridis", null);

		final MapJob.Report rep = job(r);
		assertEquals(err.toString(), List.of(bad.toString()), rep.failed().stream().map(
			MapJob.Outcome::input).toList());
		assertTrue(err.toString(), err.toString().contains("karl spark: " + bad + ": "));
		// NB: random pixels are all noise, so the percentile range is noise: one line per image
		assertTrue(err.toString(), err.toString().contains("karl spark: note: plane 1 of 'a.png': " +
			"the scaled range "));
		assertTrue(err.toString(), err.toString().contains("karl spark: note: 2 of 2 planes of " +
			"'s.tif' (first: plane 1): the scaled range "));
		assertFalse(err.toString(), err.toString().contains("'c.tif': the scaled range"));
		assertTrue(err.toString(), err.toString().contains("1 of 4 inputs failed"));
		assertEquals("3x2 + 2x3x2 planes + 3x2 tiles", 6 + 12 + 6, rep.tiles());
		assertEquals("one model load in this JVM (the driver's, shared by the local executor), " +
			"told once", 1, rep.outcomes().stream().filter(o -> o.modelLoadNanos() > 0).count());

		// NB: the reference: karl map's per-file step in this process, into another folder.
		final InputFiles.Listing files = InputFiles.expand(List.of(in), MapFiles::isOutput);
		final Map<Path, String> names = Shards.plan(files.files(), Shards.Shard.ALL);
		final Path ref = tmp.newFolder("ref").toPath();
		final StringBuilder all = new StringBuilder(String.join(",", ComplexityMapOp.COLUMNS) + "\n");
		try (KarlModel m = KarlModel.load(model)) {
			for (final Path f : files.files()) {
				MapFiles.map(f, f.toString(), ref, names.get(f), m, 0.1f, 0, Normalization.DEFAULT,
					"viridis", Progress.NONE);
				final String n = names.get(f);
				assertArrayEquals(n, Files.readAllBytes(MapFiles.map(ref, n)), Files.readAllBytes(MapFiles
					.map(maps, n)));
				assertArrayEquals(n, Files.readAllBytes(MapFiles.csv(ref, n)), Files.readAllBytes(MapFiles
					.csv(maps, n)));
				all.append(rows(MapFiles.csv(ref, n)));
			}
		}
		assertEquals("2 planes", 2, ij.IJ.openImage(MapFiles.map(maps, "s").toString())
			.getStackSize());
		assertEquals(maps.resolve(Shards.MERGED), rep.merged());
		assertEquals(all.toString(), Files.readString(rep.merged()));

		// NB: a re-run maps nothing that is done (files untouched), the bad file fails again
		final List<FileTime> times = new ArrayList<>();
		for (final String n : names.values()) times.add(Files.getLastModifiedTime(MapFiles.map(maps,
			n)));
		Files.delete(MapFiles.map(maps, "c"));
		final MapJob.Report again = job(r);
		assertEquals("a, c, s, bad", List.of("skipped", "mapped", "skipped", "failed"), again.outcomes().stream().map(
			MapJob.Outcome::status).toList());
		assertEquals(List.of(times.get(0), times.get(2)), List.of(Files.getLastModifiedTime(MapFiles
			.map(maps, "a")), Files.getLastModifiedTime(MapFiles.map(maps, "s"))));
		assertArrayEquals(Files.readAllBytes(MapFiles.map(ref, "c")), Files.readAllBytes(MapFiles.map(
			maps, "c")));
		assertEquals(all.toString(), Files.readString(rep.merged()));
	}

	/** The job reads pixels as asked: 12-bit data in a 16-bit image, type range vs percentiles. */
	@Test
	public void normalisationReachesTheExecutors() throws Exception {
		final Path in = tmp.newFolder("in12").toPath();
		final ImagePlus w = NewImage.createShortImage("w", 64, 64, 1, NewImage.FILL_BLACK);
		final short[] px = (short[]) w.getProcessor().getPixels();
		for (int i = 0; i < px.length; i++) px[i] = (short) (100 + (i * 37) % 3900);
		TestImages.save(w, in.resolve("w.tif"));
		final Path range = tmp.getRoot().toPath().resolve("range"), pct = tmp.getRoot().toPath()
			.resolve("pct");
		job(new MapJob.Request(List.of(in.toString()), range.toString(), model.toString(), 0.1f, 0,
			"fire", null, Normalization.TYPE_RANGE));
		job(new MapJob.Request(List.of(in.toString()), pct.toString(), model.toString(), 0.1f, 0,
			"fire", null));
		final List<String> r = Files.readAllLines(MapFiles.csv(range, "w")), p = Files.readAllLines(
			MapFiles.csv(pct, "w"));
		final int high = List.of(r.get(0).split(",")).indexOf("norm_high");
		assertEquals(r.get(1), 65535.0, Double.parseDouble(r.get(1).split(",")[high]), 0);
		final double ph = Double.parseDouble(p.get(1).split(",")[high]);
		assertTrue(p.get(1), ph > 3900 && ph < 4000);
	}

	/**
	 * --verify on the executors: the verified files of karl map --verify byte for byte (flags in
	 * the map TIFF included), the rows' invariants ({@link VerifyChecks}) on the noisy-flat tiles
	 * with the shipped model, and the summary line printed on the driver.
	 */
	@Test
	public void verifyReachesTheExecutorsAndTheSummaryTheDriver() throws Exception {
		final Path shipped = Path.of("models/default");
		org.junit.Assume.assumeTrue("no shipped models/default", org.karl.ops.ModelLocator.isModel(
			shipped));
		final Path in = tmp.newFolder("in-verify").toPath(), maps = tmp.getRoot().toPath().resolve(
			"verified"), ref = tmp.newFolder("ref-verify").toPath();
		final Path nf = TestImages.save(NoisyFlat.image("nf", 4, 4, 11), in.resolve("nf.tif"));
		final MapJob.Report rep = job(MapJob.parse(new String[] { "--model", shipped.toString(),
			"--epsilon", "0.1", "--normalize", "range", "--verify", "--output", maps.toString(), in
				.toString() }).request());
		assertEquals(err.toString(), List.of(), rep.failed());
		try (KarlModel m = KarlModel.load(shipped)) {
			final MapFiles.Result r = MapFiles.map(nf, nf.toString(), ref, "nf", m, 0.1f, 0,
				Normalization.TYPE_RANGE, "fire", true, Progress.NONE);
			assertArrayEquals(Files.readAllBytes(r.map()), Files.readAllBytes(MapFiles.map(maps, "nf")));
			assertArrayEquals(Files.readAllBytes(r.csv()), Files.readAllBytes(MapFiles.csv(maps, "nf")));
			final List<VerifyChecks.Row> rows = VerifyChecks.fromCsv(Files.readAllLines(MapFiles.csv(maps,
				"nf")));
			VerifyChecks.check(rows, VerifyChecks.Oracle.of(m, ij.IJ.openImage(nf.toString()),
				Normalization.TYPE_RANGE, 0.1f), VerifyChecks.flags(ij.IJ.openImage(MapFiles.map(maps,
					"nf").toString())));
			assertTrue(out.toString(), out.toString().contains(VerifyChecks.summary(rows, nf.toString()) +
				"\n"));
			assertEquals(r.summary(), VerifyChecks.summary(rows, nf.toString()));
		}
	}

	/** A mistyped --model is named in one line on the driver, as by karl map, before any task. */
	@Test
	public void aMissingModelIsRefusedOnTheDriver() throws Exception {
		final Path in = tmp.newFolder("in-nomodel").toPath();
		TestImages.save(NewImage.createByteImage("a", 40, 40, 1, NewImage.FILL_RAMP), in.resolve("a.tif"));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> job(
			new MapJob.Request(List.of(in.toString()), tmp.getRoot().toPath().resolve("o").toString(),
				"/nonexistent/model", 0.1f, 0, "fire", null)));
		assertTrue(e.getMessage(), e.getMessage().startsWith("--model /nonexistent/model is not a folder"));
	}

	/** The command line reaches the Request: karl map's keys, normalisation included. */
	@Test
	public void commandLineParsesKarlMapsKeys() throws Exception {
		final MapJob.Args a = MapJob.parse(new String[] { "--output", "o", "--model", "m", "--epsilon",
			"0.1", "--budget", "6", "--lut", "viridis", "--normalize", "range", "--range_min", "100",
			"--range_max", "4095", "--master", "local[2]", "x.tif", "y.tif" });
		assertEquals(List.of("x.tif", "y.tif"), a.request().inputs());
		assertEquals("o", a.request().output());
		assertEquals("m", a.request().model());
		assertEquals(0.1f, a.request().epsilon(), 0);
		assertEquals(6, a.request().budget());
		assertEquals("viridis", a.request().lut());
		assertEquals("range 100..4095", a.request().normalize().describe());
		assertEquals("local[2]", a.master());
		assertEquals(Normalization.DEFAULT, MapJob.parse(new String[] { "--output",
			"o", "x.tif" }).request().normalize());
		assertFalse(a.request().verify());
		assertTrue("a flag without a value", MapJob.parse(new String[] { "--verify", "--output", "o",
			"x.tif" }).request().verify());
		assertNull(MapJob.parse(new String[] { "--help" }));
	}

	@Test
	public void usageErrorsExitTwoBeforeSparkStarts() {
		final ByteArrayOutputStream e = new ByteArrayOutputStream();
		final PrintStream ps = new PrintStream(e, true, StandardCharsets.UTF_8);
		assertEquals(MapJob.EXIT_USAGE, MapJob.run(new String[] { "x.tif" }, ps, ps));
		assertEquals("karl spark: missing --output; see --help\n", e.toString());
		e.reset();
		assertEquals(MapJob.EXIT_USAGE, MapJob.run(new String[] { "--output", "o", "--epsilon", "x",
			"a.tif" }, ps, ps));
		assertTrue(e.toString(), e.toString().startsWith("karl spark: ") && e.toString().contains(
			"--epsilon") && e.toString().contains("'x'") && e.toString().endsWith("; see --help\n"));
		e.reset();
		assertEquals(MapJob.EXIT_USAGE, MapJob.run(new String[] { "--output", "o", "--normalize",
			"gamma", "a.tif" }, ps, ps));
		assertTrue(e.toString(), e.toString().startsWith("karl spark: ") && e.toString().contains(
			"gamma"));
		e.reset();
		assertEquals(MapJob.EXIT_OK, MapJob.run(new String[] { "--help" }, ps, ps));
		assertTrue(e.toString(), e.toString().contains("--class org.karl.spark.MapJob"));
		assertTrue("karl map's options, from its own mixins", e.toString().contains("--" + org.karl.Keys
			.KEY_NORMALIZE_SCOPE) && e.toString().contains("--" + org.karl.Keys.KEY_VERIFY));
	}
}
