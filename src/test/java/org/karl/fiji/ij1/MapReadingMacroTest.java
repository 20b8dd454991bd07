package org.karl.fiji.ij1;

import static org.junit.Assert.*;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.karl.fiji.Ij1Env;
import org.karl.image.ij.TestImages;
import org.karl.ops.ModelLocator;

/**
 * Whether a complexity map can be read at a glance, checked as a user would see it: real
 * headless ImageJ 1 macros draw the overlay, flatten it (Image>Overlay>Flatten) and read the
 * pixels. The lowest count stays visible on a black image, the highest lets the image show
 * through, the legend's box keeps its text readable on a white and an RGB image, the legend
 * has a title with ε and ticks, unreachable tiles are outlined in cyan with a legend entry,
 * and a sparse puncta field gets the one-line noise warning in the Log.
 */
public class MapReadingMacroTest extends MacroTestFixture {

	/** Macro lines that print the legend box's bounds and its parts as "LEGEND type color". */
	private static final String LEGEND = "bw = -1; for (i = 0; i < Overlay.size; i++) {" +
		" Overlay.activateSelection(i); if (Roi.getName == 'KARL legend') { if (bw < 0) {" +
		" getSelectionBounds(bx, by, bw, bh); print('BOX ' + bx + ' ' + by + ' ' + bw + ' ' + bh); }" +
		" print('LEGEND ' + Roi.getType + ' ' + Roi.getStrokeColor); } }\nrun('Select None');\n";

	/** The box's bounds printed by {@link #LEGEND}: x, y, w, h. */
	private static int[] box(final String out) {
		final Matcher m = Pattern.compile("(?m)^BOX (\\d+) (\\d+) (\\d+) (\\d+)$").matcher(out);
		assertTrue(out, m.find());
		return new int[] { Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer
			.parseInt(m.group(3)), Integer.parseInt(m.group(4)) };
	}

	@Test
	public void theLowestCountIsVisibleOnBlackAndTheHighestLetsTheImageThrough() {
		final String out = ij.run("newImage('dark', '8-bit black', 128, 128, 1);\n" +
			"run('KARL Complexity Map...', '" + Ij1Env.model(model) + " epsilon=0.1 show=overlay');\n" +
			"print('TITLE ' + Property.get('karl.legend'));\n" + LEGEND +
			"run('Flatten'); v = getPixel(16, 112); print('DARK ' + ((v>>16)&255) + ' ' + ((v>>8)&255) +" +
			" ' ' + (v&255));\n" +
			"newImage('stripes', '8-bit black', 128, 128, 1);\n" +
			"for (x = 0; x < 128; x += 8) { makeRectangle(x, 0, 4, 128); run('Set...', 'value=255'); }\n" +
			"run('Select None');\n" +
			"run('KARL Complexity Map...', '" + Ij1Env.model(model) + " epsilon=0.1 show=overlay " +
			"display=fixed');\n" +
			"run('Flatten'); worst = 999;\n" +
			"for (y = 64; y < 128; y += 5) for (x = 0; x < 64; x += 8) { a = getPixel(x + 1, y);" +
			" b = getPixel(x + 5, y);\n" +
			"  d = (((a>>16)&255) + ((a>>8)&255) + (a&255) - ((b>>16)&255) - ((b>>8)&255) - (b&255)) / 3;" +
			" worst = minOf(worst, d); }\n" +
			"print('THROUGH ' + worst);\n");
		assertTrue(out, out.contains("TITLE tokens kept at ε = 0.1\n"));
		final Matcher dark = Pattern.compile("DARK (\\d+) (\\d+) (\\d+)").matcher(out);
		assertTrue(out, dark.find());
		final int sum = Integer.parseInt(dark.group(1)) + Integer.parseInt(dark.group(2)) + Integer
			.parseInt(dark.group(3));
		assertTrue("the lowest count is drawn visibly on black: " + out, sum >= 60);
		// NB: the white stripes stay at least 35 % brighter than the black ones under every count
		final Matcher t = Pattern.compile("THROUGH (-?[0-9.]+)").matcher(out);
		assertTrue(out, t.find());
		assertTrue("the image shows through every tile: " + out, Double.parseDouble(t.group(1)) >= 90);
		final long texts = out.lines().filter(l -> l.startsWith("LEGEND text")).count();
		assertTrue("title and at least two tick labels: " + out, texts >= 3);
		assertTrue("tick marks: " + out, out.contains("LEGEND line white"));
	}

	@Test
	public void theLegendBoxStaysDarkOnWhiteAndOnRgb() {
		final String probe = "run('Flatten'); v = getPixel(bx + 1, by + bh - 2);";
		final String out = ij.run("newImage('white', '8-bit white', 160, 128, 1);\n" +
			"run('KARL Complexity Map...', '" + Ij1Env.model(model) + " show=overlay');\n" + LEGEND +
			probe + " print('WHITE ' + ((v>>16)&255) + ' ' + ((v>>8)&255) + ' ' + (v&255));\n" +
			"newImage('rgb', 'RGB white', 160, 128, 1); run('Set...', 'value=16777088');\n" +
			"run('KARL Complexity Map...', '" + Ij1Env.model(model) + " show=overlay');\n" + LEGEND +
			probe + " print('RGB ' + ((v>>16)&255) + ' ' + ((v>>8)&255) + ' ' + (v&255));\n");
		final int[] b = box(out);
		assertTrue(out, b[0] + b[2] <= 160 && b[1] >= 0 && b[2] > 40 && b[3] > 20);
		for (final String k : new String[] { "WHITE", "RGB" }) {
			final Matcher m = Pattern.compile(k + " (\\d+) (\\d+) (\\d+)").matcher(out);
			assertTrue(out, m.find());
			for (int c = 1; c <= 3; c++)
				assertTrue(k + ": the backing box darkens the image under the legend: " + out, Integer
					.parseInt(m.group(c)) <= 80);
		}
	}

	@Test
	public void unreachableTilesAreOutlinedInCyanWithTheirLegendEntry() throws Exception {
		final Path shipped = Path.of("models/default");
		org.junit.Assert.assertTrue("no shipped models/default: it is part of the repository", ModelLocator.isModel(shipped));
		final Path tif = tmp.getRoot().toPath().resolve("nf.tif");
		final String out = ij.run(VerifyMacroTest.noisyFlat(tif) +
			"run('KARL Complexity Map...', 'epsilon=0.1 normalize=range verify show=overlay " +
			"table=Results " + Ij1Env.model(shipped) + "');\n" + LEGEND +
			"xs = newArray(0); ys = newArray(0); n = 0; for (i = 0; i < Overlay.size; i++) { Overlay.activateSelection(i);" +
			" if (Roi.getName == 'KARL unreachable') { getSelectionBounds(x, y, w, h);" +
			" xs = Array.concat(xs, x); ys = Array.concat(ys, y); n++; } }\n" +
			"run('Select None'); print('FLAGGED ' + n + ' ' + Property.get('karl.unreachable'));\n" +
			"run('Flatten');\n" +
			"for (i = 0; i < n; i++) { px = floor(xs[i] / 32) * 32 + 16; py = floor(ys[i] / 32) * 32 + 1;" +
			" if (px < bx || py > by + bh) { v = getPixel(px, py);" +
			" print('EDGE ' + ((v>>16)&255) + ' ' + ((v>>8)&255) + ' ' + (v&255)); } }\n" +
			"for (i = 0; i < nResults; i++) { px = getResult('tile_x', i) * 32 + 16;" +
			" py = getResult('tile_y', i) * 32 + 16; if (px < bx || py > by + bh) { v = getPixel(px, py);" +
			" print('CENTRE ' + ((v>>16)&255) + ' ' + ((v>>8)&255) + ' ' + (v&255)); } }\n", "");
		final Matcher f = Pattern.compile("FLAGGED (\\d+) (\\d+)").matcher(out);
		assertTrue(out, f.find());
		final int n = Integer.parseInt(f.group(1));
		assertTrue("the image has unreachable tiles at ε 0.1: " + out, n > 0);
		assertEquals(out, f.group(2), String.valueOf(n));
		assertTrue("the legend's entry in cyan: " + out, out.contains("LEGEND text cyan"));
		assertTrue("its cyan square: " + out, out.contains("LEGEND rectangle cyan"));
		final Matcher e = Pattern.compile("EDGE (\\d+) (\\d+) (\\d+)").matcher(out);
		int edges = 0;
		while (e.find()) {
			edges++;
			assertTrue("an outline pixel is cyan: " + e.group(), cyan(e));
		}
		assertTrue("some outlines are outside the legend's box: " + out, edges > 0);
		final Matcher c = Pattern.compile("CENTRE (\\d+) (\\d+) (\\d+)").matcher(out);
		int centres = 0;
		while (c.find()) {
			centres++;
			assertFalse("a tile's inside is never the outline's cyan: " + c.group(), cyan(c));
		}
		assertTrue("tiles outside the legend's box: " + out, centres >= 8);
	}

	@Test
	public void aSparsePunctaFieldGetsTheNoiseWarningInTheLog() throws Exception {
		final Path tif = TestImages.save(TestImages.sparsePuncta(256, 256, 2, 1), tmp.getRoot()
			.toPath().resolve("puncta.tif"));
		final String out = ij.run("open('" + Ij1Env.path(tif) + "');\n" +
			"run('KARL Complexity Map...', '" + Ij1Env.model(model) + "');\n");
		final String note = "KARL Complexity Map: note: plane 1 of 'puncta.tif': the scaled range ";
		assertEquals(out, 2, out.split(Pattern.quote(note), -1).length);
		assertTrue(out, out.substring(out.indexOf(note)).lines().findFirst().orElseThrow().contains(
			"use normalize=range"));
	}

	private static boolean cyan(final Matcher m) {
		return Integer.parseInt(m.group(1)) < 100 && Integer.parseInt(m.group(2)) > 180 && Integer
			.parseInt(m.group(3)) > 180;
	}
}
