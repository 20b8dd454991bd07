package org.karl.cli;

import static org.junit.Assert.*;

import ij.ImagePlus;
import ij.gui.NewImage;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.experimental.categories.Category;
import org.karl.engine.runtime.TestModels;
import org.karl.image.ij.TestImages;
import org.karl.testing.Slow;

/**
 * Where results go, at the CLI door: an output is never an input, equal names get distinct
 * outputs, a folder mapped into itself skips its own maps and other non-images, unwritable
 * outputs fail before any work naming the path and the reason, and temp files are cleaned up
 * after SIGTERM and after a kill -9.
 */
@Category(Slow.class) // a child karl stopped by SIGTERM and by kill -9
public class OutputSafetyTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static Path model;
	private final Cli cli = new Cli();

	@BeforeClass
	public static void buildModel() {
		model = TestModels.model();
	}

	private Path image(final String name, final int w, final int h, final int planes)
		throws Exception
	{
		final Path f = tmp.getRoot().toPath().resolve(name);
		Files.createDirectories(f.getParent());
		return TestImages.save(NewImage.createByteImage("x", w, h, planes, NewImage.FILL_RANDOM), f);
	}

	@Test
	public void anOutputThatIsAnInputIsRefusedAndTheInputKept() throws Exception {
		final Path x = image("x.tif", 64, 32, 1);
		final byte[] before = Files.readAllBytes(x);
		assertEquals(Main.EXIT_FAILURE, cli.run("tokenize", "--model", model.toString(), "--csv", x
			.toString(), x.toString()));
		assertEquals("karl tokenize: --csv " + x + " is the input " + x + ", which would be " +
			"overwritten; choose another file name\n", cli.err());
		assertEquals(Main.EXIT_FAILURE, cli.run("reconstruct", "--model", model.toString(),
			"--output", x.toString(), x.toString()));
		assertTrue(cli.err(), cli.err().contains("--output " + x + " is the input"));
		// the same file by another path
		final Path other = x.getParent().resolve("./sub/../x.tif");
		assertEquals(Main.EXIT_FAILURE, cli.run("reconstruct", "--model", model.toString(),
			"--output", other.toString(), x.toString()));
		assertArrayEquals("input unchanged", before, Files.readAllBytes(x));
	}

	@Test
	public void equalNamesGetDistinctMapsAndAFolderMappedIntoItselfSkipsItsOwnOutputs()
		throws Exception
	{
		final Path a1 = image("d1/a.tif", 64, 32, 1), a2 = image("d2/a.tif", 32, 32, 1), a3 = image(
			"d1/a.png", 32, 64, 1);
		final Path out = tmp.getRoot().toPath().resolve("maps");
		cli.ok("map", "--model", model.toString(), "--output", out.toString(), a1.getParent().toString(),
			a2.toString());
		assertEquals(List.of("a_png_map.tif", "a_png_tokens.csv", "d1_a_tif_map.tif",
			"d1_a_tif_tokens.csv", "d2_a_tif_map.tif", "d2_a_tif_tokens.csv"), names(out));
		assertTrue(Files.readString(out.resolve("d2_a_tif_tokens.csv")).contains(a2.toString()));
		assertTrue(Files.readString(out.resolve("a_png_tokens.csv")).contains(a3.toString()));

		// into its own folder, twice, with a non-image there: the second run maps only the images
		final Path d1 = a1.getParent();
		Files.writeString(d1.resolve("notes.txt"), "not an image");
		cli.ok("map", "--model", model.toString(), "--output", d1.toString(), d1.toString());
		cli.ok("map", "--model", model.toString(), "--output", d1.toString(), d1.toString());
		assertTrue(cli.err(), cli.err().contains("note: skipped " + d1.resolve("a_map.tif") +
			" (an output of this command)") || cli.err().contains("a_tif_map.tif (an output"));
		assertTrue(cli.err(), cli.err().contains("notes.txt (not an image file)"));
		assertEquals(2, cli.out().lines().filter(l -> l.contains(" tiles -> ")).count());
	}

	@Test
	public void unwritableOutputsFailBeforeTheModelLoadsNamingPathAndReason() throws Exception {
		final Path x = image("x.tif", 32, 32, 1);
		// NB: /sys refuses new files even to root, so this holds on any Linux machine
		assertEquals(Main.EXIT_FAILURE, cli.run("map", "--model", "/nonexistent-model", "--output",
			"/sys/karl-maps", x.toString()));
		assertEquals("karl map: --output /sys/karl-maps is not writable (/sys: permission denied); " +
			"choose a folder you can write to\n", cli.err());
		assertEquals(Main.EXIT_FAILURE, cli.run("tokenize", "--model", "/nonexistent-model", "--csv",
			x + "/t.csv", x.toString()));
		assertTrue(cli.err(), cli.err().contains(x + " is a file, not a folder"));
	}

	@Test
	public void aFailedInputIsReportedAndTheOthersAreMapped() throws Exception {
		final Path in = tmp.newFolder("in").toPath();
		image("in/good.tif", 32, 32, 1);
		Files.write(in.resolve("broken.tif"), new byte[] { 'I', 'I', 42, 0, 8, 0, 0, 0, 0 });
		final Path out = tmp.getRoot().toPath().resolve("m");
		assertEquals(Main.EXIT_FAILURE, cli.run("map", "--model", model.toString(), "--output", out
			.toString(), in.toString()));
		assertTrue(cli.err(), cli.err().startsWith("karl map: " + in.resolve("broken.tif") + ": "));
		assertTrue(cli.err(), cli.err().contains("karl map: 1 of 2 inputs failed"));
		assertEquals(List.of("good_map.tif", "good_tokens.csv"), names(out));
	}

	@Test
	public void tempFilesAreRemovedAfterSigtermAndAfterAKill() throws Exception {
		final Path out = tmp.getRoot().toPath().resolve("maps");
		Files.createDirectories(out);
		// a temp file of a process that is gone (as kill -9 leaves it) is removed by the next write
		final Path stale = out.resolve(".old_tokens.csv." + org.karl.engine.runtime.TempPaths.OWNER
			.replaceAll("-\\d+$", "") + "-2147483646.abc.part");
		Files.writeString(stale, "half");
		final Path big = image("big.tif", 1024, 1024, 40);
		final List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
			"java").toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "map",
			"--model", model.toString(), "--output", out.toString(), big.toString()));
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(
			ProcessBuilder.Redirect.DISCARD).start();
		final long t0 = System.nanoTime();
		while (!hasPart(out, "big_tokens.csv") && System.nanoTime() - t0 < 120e9 && p.isAlive())
			Thread.sleep(50);
		assertTrue("the map started writing", hasPart(out, "big_tokens.csv"));
		assertFalse("the stale temp file is gone", Files.exists(stale));
		p.destroy(); // SIGTERM, as Ctrl-C or a cluster's time limit
		assertTrue(p.waitFor(60, TimeUnit.SECONDS));
		assertEquals("nothing left in " + out + ": " + names(out), List.of(), names(out));
	}

	private static boolean hasPart(final Path dir, final String name) throws Exception {
		try (Stream<Path> s = Files.list(dir)) {
			return s.anyMatch(f -> f.getFileName().toString().startsWith("." + name + ".") && f
				.getFileName().toString().endsWith(".part"));
		}
	}

	/** Every file name in {@code dir}, hidden ones too, sorted. */
	private static List<String> names(final Path dir) throws Exception {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(f -> f.getFileName().toString()).sorted().toList();
		}
	}

	static {
		assertTrue(File.separator.equals("/")); // NB: the /sys case is Linux
	}
}
