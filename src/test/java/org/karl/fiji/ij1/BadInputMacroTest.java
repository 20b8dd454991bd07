package org.karl.fiji.ij1;

import static org.junit.Assert.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.runtime.TestModels;
import org.karl.fiji.Ij1Env;

/**
 * Bad inputs (out-of-range values, missing or broken models, unusable folders), each through a
 * real macro: one clear line in the Log ({@code KARL <Command>: what; what to do}), the macro
 * aborted (its next line does not run), the input image's pixels unchanged, and no output file
 * left behind.
 */
public class BadInputMacroTest extends MacroTestFixture {

	/** Where outputs would go: must stay empty. */
	/** Inputs the tests make (a folder that is not a model, ...), removed after each test. */
	@Rule
	public TemporaryFolder inputs = new TemporaryFolder();

	/** Runs {@code command} with {@code options} on a 32-bit image; asserts abort and no change. */
	private String fails(final String command, final String options, final int w, final int h,
		final float[] px, final String expected) throws IOException
	{
		final Object imp = px == null ? null : ij.image("input", w, h, px);
		final Path csv = tmp.getRoot().toPath().resolve("out.csv");
		final boolean saves = !command.contains("Reconstruct") && !command.contains("Train");
		final String out = ij.run("run('" + command + "', '" + options + (saves ? " save=[" + Ij1Env
			.path(csv) + "]" : "") + "');\nprint('AFTER');\n");
		assertTrue("expected '" + expected + "' in:\n" + out, out.contains(expected));
		final String title = command.replace("...", "");
		assertTrue("one line starting '" + title + ": ' in:\n" + out, out.lines().anyMatch(l -> l
			.startsWith(title + ": ") && (l.contains("; ") || l.contains(". "))));
		assertFalse("the macro went on after the error:\n" + out, out.contains("AFTER"));
		if (imp != null) assertArrayEquals(px, Ij1Env.pixels(imp), 0f);
		assertFalse("a CSV was written", Files.exists(csv));
		try (var s = Files.list(tmp.getRoot().toPath())) {
			assertEquals("temp files left behind", 0, s.count());
		}
		return out;
	}

	private String mapFails(final String options, final int w, final int h, final float[] px,
		final String expected) throws IOException
	{
		return fails("KARL Complexity Map...", options, w, h, px, expected);
	}

	private static float[] ramp(final int w, final int h) {
		final float[] p = new float[w * h];
		for (int i = 0; i < p.length; i++) p[i] = (i % w) / (float) w;
		return p;
	}

	private String m() {
		return Ij1Env.model(model);
	}

	@Test
	public void noImageOpen() throws IOException {
		mapFails(m(), 0, 0, null, "no image is open");
	}

	@Test
	public void onePixelImage() throws IOException {
		mapFails(m(), 1, 1, new float[] { 0.5f }, "is 1x1 pixels, smaller than the model's 32x32 tile");
	}

	@Test
	public void imageSmallerThanATile() throws IOException {
		mapFails(m(), 40, 20, ramp(40, 20), "is 40x20 pixels, smaller than the model's 32x32 tile");
	}

	@Test
	public void allNaNImage() throws IOException {
		final float[] px = new float[64 * 64];
		Arrays.fill(px, Float.NaN);
		mapFails(m(), 64, 64, px, "is all NaN");
	}

	@Test
	public void infinitePixel() throws IOException {
		final float[] px = ramp(64, 64);
		px[100] = Float.POSITIVE_INFINITY;
		mapFails(m(), 64, 64, px, "holds Infinity pixels");
	}

	@Test
	public void epsilonZeroNegativeOrAboveTheLastBin() throws IOException {
		for (final String e : new String[] { "0", "-0.1", "0.5" })
			mapFails(m() + " epsilon=" + e, 64, 64, ramp(64, 64), "is outside (0, 0.38]");
		mapFails(m() + " epsilon=abc", 64, 64, ramp(64, 64), "epsilon=abc is not a number");
	}

	@Test
	public void budgetNegativeOrAboveTmax() throws IOException {
		for (final String b : new String[] { "-1", "9" })
			mapFails(m() + " budget=" + b, 64, 64, ramp(64, 64), "is outside [1, 8]");
	}

	@Test
	public void missingModelFolder() throws IOException {
		mapFails("model=[/nonexistent/karl-model]", 64, 64, ramp(64, 64),
			"model= /nonexistent/karl-model is not a folder; pass a model folder");
	}

	@Test
	public void folderThatIsNotAKarlModel() throws IOException {
		final Path dir = inputs.newFolder("not-a-model").toPath();
		Files.writeString(dir.resolve("readme.txt"), "hello");
		mapFails(Ij1Env.model(dir), 64, 64, ramp(64, 64),
			"is not a TensorFlow SavedModel (no saved_model.pb)");
	}

	@Test
	public void savedModelMissingASignature() throws IOException {
		mapFails(Ij1Env.model(TestModels.withoutDecode()), 64, 64, ramp(64, 64),
			"signature 'decode' is missing");
	}

	@Test
	public void badValuesFailTheOtherCommandsToo() throws IOException {
		fails("KARL Tokenize...", m() + " budget=99", 64, 64, ramp(64, 64), "is outside [1, 8]");
		fails("KARL Reconstruct...", m() + " tokens=9", 64, 64, ramp(64, 64), "tokens=9 is outside");
		fails("KARL Reconstruct...", m(), 16, 16, ramp(16, 16), "smaller than the model's");
	}

	@Test
	public void trainingFolderWithNoImages() throws IOException {
		final Path empty = inputs.newFolder("no-images").toPath();
		Files.writeString(empty.resolve("notes.txt"), "not an image");
		final Path out = empty.resolveSibling(empty.getFileName() + "-model");
		fails("KARL Train...", "images=[" + Ij1Env.path(empty) + "] output=[" + Ij1Env.path(out) +
			"] steps=2 model=new preset=test", 64, 64, ramp(64, 64), "holds no image");
		assertFalse("output folder created", Files.exists(out));
	}

	@Test
	public void trainingOutputNotWritable() throws IOException {
		// NB: tests run as root, for whom permission bits do not stop a write; a folder below a
		// regular file cannot be created by anyone.
		final Path file = inputs.newFile("karl.txt").toPath();
		fails("KARL Train...", "output=[" + Ij1Env.path(file.resolve("model")) + "] steps=2 " +
			"model=new preset=test", 64, 64, ramp(64, 64), "is not writable");
	}

	@Test
	public void unknownKeyIsWarnedAndTheCommandStillRuns() {
		ij.image("input", 64, 64, ramp(64, 64));
		final String out = ij.run("run('KARL Complexity Map...', '" + m() + " epsilom=0.2');\n" +
			"print('AFTER ' + getTitle());\n");
		assertTrue(out, out.contains("KARL Complexity Map: unknown key(s) [epsilom] ignored"));
		assertTrue(out, out.contains("AFTER input KARL map"));
	}

	@Test
	public void constantImageIsMappedUniformlyWithANote() {
		final float[] px = new float[64 * 64];
		Arrays.fill(px, 0.3f);
		final Object imp = ij.image("flat", 64, 64, px);
		final String out = ij.run("run('KARL Complexity Map...', '" + m() + "');\n" +
			"getStatistics(a, mean, min, max); print('RANGE ' + min + ' ' + max);\n");
		assertTrue(out, out.contains("has the same value"));
		assertTrue(out, out.matches("(?s).*RANGE (\\d+) \\1\\R.*"));
		assertArrayEquals(px, Ij1Env.pixels(imp), 0f);
	}
}
