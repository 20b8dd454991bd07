package org.karl.fiji;

import static org.junit.Assert.*;
import static org.junit.Assume.assumeNotNull;

import ij.ImagePlus;
import ij.gui.NewImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.experimental.categories.Category;
import org.karl.engine.runtime.TestModels;
import org.karl.image.ij.TestImages;
import org.karl.testing.Slow;

/**
 * Every macro of {@code macros/}, run as a user runs it without a GUI session: plain ImageJ
 * 1.54p in its own JVM with {@code -batch} and the macro's argument string, KARL installed from
 * the zip (no Fiji, no KARL command run before), small inputs. A modal dialog or a hang fails
 * after a timeout. The macros use the default model bundled in the jar, except fine-tuning, whose
 * default model is a tiny one ({@code -Dkarl.model}) so that a few steps take seconds.
 */
@Category(Slow.class) // plain ImageJ with the install zip under Xvfb
public class PlainImageJMacrosTest {

	@ClassRule
	public static TemporaryFolder tmp = new TemporaryFolder();

	/** The macros this class runs; {@link #everyMacroIsRunHere} keeps it equal to macros/. */
	private static final Set<String> RUN = Set.of("batch_folder.ijm", "complexity_map_of_stack.ijm",
		"reconstruct_epsilons.ijm", "train_finetune.ijm");

	private static final int TIMEOUT_S = 120;

	private static Xvfb x;
	private static Path ij, images;

	@BeforeClass
	public static void install() throws Exception {
		x = Xvfb.start();
		assumeNotNull("no X display and no /usr/bin/Xvfb (apt-get install -y xvfb); skipped", x);
		ij = tmp.newFolder("ImageJ").toPath();
		FijiLayout.install(ij);
		// Two 8-bit images: a 72x40 ramp (TIFF) and a 64x64 noise (PNG).
		images = tmp.newFolder("images").toPath();
		TestImages.save(NewImage.createByteImage("a", 72, 40, 1, NewImage.FILL_RAMP), images.resolve(
			"a.tif"));
		TestImages.save(NewImage.createByteImage("b", 64, 64, 1, NewImage.FILL_RANDOM), images.resolve(
			"b.png"));
	}

	@AfterClass
	public static void stop() throws InterruptedException {
		if (x != null) x.close();
	}

	private static String run(final String macro, final String arg, final String... jvmArgs)
		throws Exception
	{
		return PlainImageJ.batch(ij, x.display, Path.of("macros", macro).toAbsolutePath(), arg,
			TIMEOUT_S, jvmArgs);
	}

	private static String arg(final String key, final Path p) {
		return " " + key + "=[" + p + "]";
	}

	@Test
	public void everyMacroIsRunHere() throws IOException {
		try (Stream<Path> s = Files.list(Path.of("macros"))) {
			assertEquals("add a test here for each new macro", RUN, new TreeSet<>(s.map(p -> p
				.getFileName().toString()).toList()));
		}
	}

	@Test
	public void complexityMapOfStack() throws Exception {
		final String out = run("complexity_map_of_stack.ijm", "lut=viridis epsilon=0.1");
		assertTrue(out, out.contains("map 'demo KARL map': 5x3 tiles, C=2 Z=3 T=1, pixel 32 pixel"));
		final Matcher m = Pattern.compile("c=(\\d) z=(\\d) mean tokens ([0-9.]+) over 15 tiles").matcher(
			out);
		int planes = 0;
		while (m.find())
			planes++;
		assertEquals(out, 6, planes);
	}

	@Test
	public void batchFolder() throws Exception {
		final Path out = tmp.getRoot().toPath().resolve("maps");
		final String log = run("batch_folder.ijm", (arg("input", images) + arg("output", out)).trim());
		assertTrue(log, log.contains("batch: 2 image(s) mapped into " + out + "/"));
		final ImagePlus a = new ij.io.Opener().openImage(out.resolve("a_map.tif").toString());
		assertNotNull(log, a);
		assertEquals(3, a.getWidth());
		assertEquals(2, a.getHeight());
		final List<String> csv = Files.readAllLines(out.resolve("a_tokens.csv"));
		assertTrue(csv.get(0), csv.get(0).matches("image,.*tile_x,tile_y,.*tokens.*"));
		assertEquals(1 + 6, csv.size());
		assertEquals(1 + 4, Files.readAllLines(out.resolve("b_tokens.csv")).size());
		assertTrue(Files.exists(out.resolve("b_map.tif")));
	}

	@Test
	public void reconstructEpsilons() throws Exception {
		final String out = run("reconstruct_epsilons.ijm", "");
		for (final String e : new String[] { "0.02", "0.05", "0.1", "0.2" })
			assertTrue(out, Pattern.compile("epsilon " + e + ": mean tokens [0-9.]+, L1 0\\.\\d{4} -> " +
				"demo KARL reconstruction").matcher(out).find());
		assertTrue(out, out.contains("fixed 4 tokens: mean tokens 4.00, L1 0."));
	}

	/**
	 * No model=: KARL Train fine-tunes the default model (here -Dkarl.model), as every command
	 * reads an empty model=.
	 */
	@Test
	public void trainFinetune() throws Exception {
		final Path out = tmp.getRoot().toPath().resolve("tuned"), model = TestModels.model();
		final String log = run("train_finetune.ijm", (arg("images", images) + arg("output", out) +
			" steps=2").trim(), "-Dkarl.model=" + model);
		assertFalse(log, log.contains("Could not load class"));
		assertTrue(log, Pattern.compile("KARL Train: (fine-tuning|training KARL on) " + Pattern.quote(
			model.toString())).matcher(log).find());
		assertTrue(log, log.contains("resuming"));
		assertTrue(log, log.contains("KARL Train: saved " + out + " at step 3"));
		assertTrue(log, log.contains("trained model: " + out));
		assertTrue(log, log.contains("map of a.tif with the fine-tuned model: 3x2 tiles, 6 rows"));
	}
}
