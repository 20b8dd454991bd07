package org.karl.fiji.ij1;

import static org.junit.Assert.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.Test;
import org.karl.engine.runtime.ModelSession;
import org.karl.fiji.Ij1Env;
import org.karl.image.ij.Int16Tiffs;
import org.karl.ops.OutputRule;

/**
 * The output and value rules where they exist in Fiji, each through a real macro: save= that is a device
 * or a named pipe is refused (one Log line, macro aborted, nothing replaced) and a link is
 * written through; a signed 16-bit image is read as its signed values; an image title that a
 * spreadsheet would run is neutralised in the CSV; contradicting or unrepresentable values are
 * refused in the user's words; an empty file among training images is named; KARL About names
 * a broken full model beside an intact serving/ export. (Outputs of the CLI only, such as
 * karl merge or --skip_done, have their tests at the CLI door.)
 */
public class OutputsAndValuesMacroTest extends MacroTestFixture {

	private Path dir() {
		return tmp.getRoot().toPath();
	}

	private static float[] ramp() {
		final float[] p = new float[64 * 64];
		for (int i = 0; i < p.length; i++) p[i] = (i % 64) / 64f;
		return p;
	}

	/** Runs {@code run(command, options)} on a new ramp image; asserts one line and abort. */
	private String fails(final String command, final String options, final String expected) {
		ij.image("input", 64, 64, ramp());
		final String out = ij.run("run('" + command + "', '" + Ij1Env.model(model) + " " + options +
			"');\nprint('AFTER');\n");
		final String title = command.replace("...", "");
		assertTrue("one line '" + title + ": " + expected + "' in:\n" + out, out.lines().anyMatch(
			l -> l.startsWith(title + ": ") && l.contains(expected)));
		assertFalse("the macro went on:\n" + out, out.contains("AFTER"));
		return out;
	}

	@Test
	public void saveThatIsADeviceOrAPipeIsRefusedAndLeftAsItWas() throws Exception {
		// NB: a device node of our own where mknod is allowed (root), else /dev/null, which a
		// process that may not run mknod may not replace either
		Path dev = dir().resolve("dev-null");
		if (new ProcessBuilder("mknod", dev.toString(), "c", "1", "3").start().waitFor() != 0) dev =
			Path.of("/dev/null");
		fails("KARL Complexity Map...", "save=[" + Ij1Env.path(dev) + "]", "save= " + Ij1Env.path(
			dev) + " is a device, not a regular file; give the name of a new or existing regular file");
		assertEquals("a device", OutputRule.kind(dev));
		final Path fifo = dir().resolve("rows.csv");
		assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
		fails("KARL Tokenize...", "save=[" + Ij1Env.path(fifo) + "]", "is a named pipe (FIFO), not " +
			"a regular file");
		assertEquals("a named pipe (FIFO)", OutputRule.kind(fifo));
	}

	@Test
	public void saveThatIsALinkIsWrittenThroughAndTheLinkKept() throws Exception {
		final Path real = dir().resolve("real.csv"), link = dir().resolve("link.csv");
		Files.writeString(real, "old\n");
		Files.createSymbolicLink(link, real);
		ij.image("input", 64, 64, ramp());
		ij.run("run('KARL Complexity Map...', '" + Ij1Env.model(model) + " save=[" + Ij1Env.path(link) +
			"]');\n");
		assertTrue(Files.isSymbolicLink(link));
		assertTrue(Files.readString(real).startsWith("image,slice,"));
	}

	@Test
	public void aSignedImageIsReadAsItsSignedValuesAndATitleThatLooksLikeAFormulaIsNeutralised()
		throws Exception
	{
		final Path signed = Int16Tiffs.write(dir().resolve("=signed.tif"), 64, 64, Int16Tiffs.pattern(
			-1000), true);
		final Path twin = Int16Tiffs.write(dir().resolve("twin.tif"), 64, 64, Int16Tiffs.pattern(0),
			false);
		final Path s = dir().resolve("s.csv"), t = dir().resolve("t.csv");
		final String range = " normalize=range range_min=";
		ij.run("open('" + Ij1Env.path(signed) + "');\nrun('KARL Complexity Map...', '" + Ij1Env.model(
			model) + range + "-1000 range_max=0 save=[" + Ij1Env.path(s) + "]');\nclose('*');\n" +
			"open('" + Ij1Env.path(twin) + "');\nrun('KARL Complexity Map...', '" + Ij1Env.model(model) +
			range + "0 range_max=1000 save=[" + Ij1Env.path(t) + "]');\n");
		final List<String> rs = Files.readAllLines(s), rt = Files.readAllLines(t);
		assertEquals(rt.size(), rs.size());
		for (int i = 1; i < rs.size(); i++) {
			// the title =signed.tif is a text cell with a leading ' in quotes; the numbers are plain
			assertTrue(rs.get(i), rs.get(i).startsWith("\"'=signed.tif\","));
			assertTrue(rs.get(i), rs.get(i).endsWith(",-1000.0,0.0"));
			assertEquals("the same row as the twin's", rt.get(i).substring(rt.get(i).indexOf(',')), rs
				.get(i).substring(rs.get(i).indexOf(','), rs.get(i).lastIndexOf(",-1000.0,0.0")) +
				",0.0,1000.0");
		}
	}

	@Test
	public void contradictingOrUnrepresentableValuesAreRefusedInTheUsersWords() {
		fails("KARL Reconstruct...", "budget=4 tokens=10", "budget=4 and tokens=10 contradict");
		fails("KARL Complexity Map...", "range_min=0 range_max=10", "range_min and range_max are " +
			"read only with normalize=range, not with normalize=percentile");
		fails("KARL Tokenize...", "epsilon=1e308", "epsilon = 1e308 is outside (0, 1]");
	}

	@Test
	public void anEmptyTrainingImageIsNamedAsEmpty() throws Exception {
		final Path images = Files.createDirectories(dir().resolve("images"));
		Files.write(images.resolve("empty.tif"), new byte[0]);
		ij.image("input", 64, 64, ramp());
		final String out = ij.run("run('KARL Train...', 'images=[" + Ij1Env.path(images) +
			"] output=[" + Ij1Env.path(dir().resolve("out")) + "] steps=2 model=new preset=test');\n" +
			"print('AFTER');\n");
		assertTrue(out, out.lines().anyMatch(l -> l.startsWith("KARL Train: ") && l.contains(
			"(skipped [empty.tif (empty, 0 bytes)])")));
		assertFalse(out, out.contains("AFTER"));
	}

	@Test
	public void aboutNamesABrokenFullModelBesideAnIntactServingExport() throws Exception {
		final Path m = dir().resolve("m");
		try (Stream<Path> s = Files.walk(model)) {
			for (final Path p : s.toList()) {
				final Path q = m.resolve(model.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(q);
				else Files.copy(p, q);
			}
		}
		try (ModelSession s = ModelSession.load(m)) {
			s.exportServing(m);
		}
		final byte[] junk = new byte[4096];
		new Random(1).nextBytes(junk);
		Files.write(m.resolve("saved_model.pb"), junk);
		final String out = ij.run("run('KARL About', '" + Ij1Env.model(m) + "');\n");
		assertTrue(out, out.contains("model problem: the full model (karl train, KARL Train... and " +
			"resume load it) is broken: model " + m + " is refused: its saved_model.pb"));
	}
}
