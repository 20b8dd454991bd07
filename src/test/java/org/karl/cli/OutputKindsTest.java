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
import org.karl.ops.OutputRule;

/**
 * What an output may be, at the CLI door (a child karl): a device, a named pipe or a folder is
 * refused before any work and left as it was; a symbolic link is written through (its target
 * replaced next to itself, the link kept); two outputs that are the same file are named as
 * such; missing folders above an output are created.
 */
public class OutputKindsTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static final String NO_MODEL = "/nonexistent/karl-model";

	private Path dir() {
		return tmp.getRoot().toPath();
	}

	private Path image(final String name) throws Exception {
		return TestImages.save(NewImage.createByteImage("x", 64, 64, 1, NewImage.FILL_RANDOM), dir()
			.resolve(name));
	}

	private KarlProcess.Result karl(final String... args) throws Exception {
		return KarlProcess.run(dir(), args);
	}

	/**
	 * A character device: made with mknod in the temp folder where allowed (when running as
	 * root), so that even a regression replaces only that node; else /dev/null, which
	 * a process that may not run mknod may not replace either.
	 */
	private Path device() throws Exception {
		final Path node = dir().resolve("dev-null");
		final Process p = new ProcessBuilder("mknod", node.toString(), "c", "1", "3").start();
		return p.waitFor() == 0 ? node : Path.of("/dev/null");
	}

	private Path fifo() throws Exception {
		final Path f = dir().resolve("fifo.csv");
		assertEquals(0, new ProcessBuilder("mkfifo", f.toString()).start().waitFor());
		return f;
	}

	@Test
	public void aDeviceIsRefusedBeforeAnyWorkAndLeftAsItWas() throws Exception {
		image("x.png");
		final Path dev = device();
		KarlProcess.Result r = karl("tokenize", "--model", NO_MODEL, "--csv", dev.toString(),
			"x.png");
		assertEquals(r.toString(), Main.EXIT_FAILURE, r.rc());
		assertEquals(r.toString(), "karl tokenize: --csv " + dev + " is a device, not a regular " +
			"file; give the name of a new or existing regular file\n", r.err());
		r = karl("reconstruct", "--model", NO_MODEL, "--output", dev.toString(), "x.png");
		assertEquals(r.toString(), "karl reconstruct: --output " + dev + " is a device, not a " +
			"regular file; give the name of a new or existing regular file\n", r.err());
		r = karl("merge", "--output", dev.toString(), dir().toString());
		assertTrue(r.toString(), r.err().startsWith("karl merge: --output " + dev + " is a device"));
		assertEquals("still a device", "a device", OutputRule.kind(dev));
	}

	@Test
	public void aNamedPipeIsRefusedAndLeftAsItWas() throws Exception {
		image("x.png");
		final Path fifo = fifo();
		final KarlProcess.Result r = karl("tokenize", "--model", NO_MODEL, "--csv", "fifo.csv",
			"x.png");
		assertEquals(r.toString(), Main.EXIT_FAILURE, r.rc());
		assertEquals(r.toString(), "karl tokenize: --csv fifo.csv is a named pipe (FIFO), not a " +
			"regular file; give the name of a new or existing regular file\n", r.err());
		// in a map's output folder too: NAME_tokens.csv there is a pipe
		Files.createDirectories(dir().resolve("maps"));
		Files.move(fifo, dir().resolve("maps/x_tokens.csv"));
		final KarlProcess.Result m = karl("map", "--model", NO_MODEL, "--output", "maps", "x.png");
		assertEquals(m.toString(), "karl map: --output maps/x_tokens.csv is a named pipe (FIFO), " +
			"not a regular file; give the name of a new or existing regular file\n", m.err());
		assertEquals("a named pipe (FIFO)", OutputRule.kind(dir().resolve("maps/x_tokens.csv")));
	}

	@Test
	public void aLinkIsWrittenThroughAndStaysALinkAndMissingFoldersAreCreated() throws Exception {
		image("x.png");
		final Path model = TestModels.model();
		final Path real = dir().resolve("results/real.csv"), link = dir().resolve("link.csv");
		Files.createDirectories(real.getParent());
		Files.writeString(real, "old\n");
		Files.createSymbolicLink(link, Path.of("results/real.csv"));
		KarlProcess.Result r = karl("tokenize", "--model", model.toString(), "--csv", "link.csv",
			"x.png");
		assertEquals(r.toString(), Main.EXIT_OK, r.rc());
		assertTrue("still a link", Files.isSymbolicLink(link));
		assertTrue(Files.readString(real).startsWith("image,slice,"));
		try (var s = Files.list(real.getParent())) {
			assertEquals("no temp file left beside the target", 1, s.count());
		}
		// a missing folder above an output is created (README: every door does so)
		r = karl("tokenize", "--model", model.toString(), "--csv", "new/deeper/t.csv", "x.png");
		assertEquals(r.toString(), Main.EXIT_OK, r.rc());
		assertEquals(Files.readString(real), Files.readString(dir().resolve("new/deeper/t.csv")));
	}

	@Test
	public void csvAndOutputThatAreTheSameFileAreNamedSo() throws Exception {
		image("base.png");
		final KarlProcess.Result r = karl("reconstruct", "--model", NO_MODEL, "--csv", "same.tif",
			"--output", "same.tif", "base.png");
		assertEquals(r.toString(), Main.EXIT_FAILURE, r.rc());
		assertEquals(r.toString(), "karl reconstruct: --csv same.tif and --output same.tif are the " +
			"same file; give them different names\n", r.err());
	}
}
