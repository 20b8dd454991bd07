package org.karl.fiji.ij1;

import static org.junit.Assert.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;
import org.junit.experimental.categories.Category;
import org.karl.fiji.Ij1Env;
import org.karl.testing.Slow;

/** Each KARL command run by a real headless ImageJ 1 macro on generated images. */
@Category(Slow.class) // every command through real macros, training included
public class CommandsMacroTest extends MacroTestFixture {

	private static String m() {
		return Ij1Env.model(model);
	}

	@Test
	public void mapHasOnePixelPerTileScaledCalibrationAndOneRowPerTile() {
		final String out = ij.run("newImage('blobs', '8-bit ramp', 100, 70, 1);\n" +
			"run('Properties...', 'unit=um pixel_width=0.5 pixel_height=0.25');\n" +
			"run('KARL Complexity Map...', 'epsilon=0.1 display=fixed " + m() + "');\n" +
			"print('MAP ' + getTitle() + '|' + getWidth() + '|' + getHeight() + '|' + bitDepth());\n" +
			"getPixelSize(unit, pw, ph); print('CAL ' + unit + '|' + pw + '|' + ph);\n" +
			"getMinAndMax(lo, hi); print('RANGE ' + lo + '|' + hi);\n" +
			"print('ROWS ' + nResults + '|' + getResultString('image', 11) + '|' + getResult('tile_x', 11) +" +
			" '|' + getResult('tile_y', 11) + '|' + getResult('padded', 11) + '|' + (getResult('tokens', 11) == getPixel(3, 2)));\n");
		assertTrue(out, out.contains("MAP blobs KARL map|4|3|32"));
		assertTrue(out, out.contains("CAL µm|16|8"));
		assertTrue(out, out.contains("RANGE 0|8"));
		assertTrue(out, out.contains("ROWS 12|blobs|3|2|1|1"));
	}

	@Test
	public void hyperstackMapKeepsTheCztLayoutAndFrameInterval() {
		final String out = ij.run("newImage('hs', '16-bit ramp', 64, 64, 2, 3, 4);\n" +
			"Stack.setFrameInterval(5);\n" +
			"run('KARL Complexity Map...', '" + m() + " lut=viridis');\n" +
			"Stack.getDimensions(w, h, c, z, t); print('DIMS ' + w + '|' + h + '|' + c + '|' + z + '|' + t);\n" +
			"print('FI ' + Stack.getFrameInterval() + ' ROWS ' + nResults + ' LAST ' + getResult('c', 95)" +
			" + '|' + getResult('z', 95) + '|' + getResult('t', 95));\n");
		assertTrue(out, out.contains("DIMS 2|2|2|3|4"));
		assertTrue(out, out.contains("FI 5 ROWS 96 LAST 2|3|4"));
	}

	@Test
	public void virtualStackIsMappedPlaneByPlane() throws IOException {
		final Path tif = tmp.getRoot().toPath().resolve("v.tif");
		final String out = ij.run("newImage('v', '16-bit noise', 96, 64, 5);\n" +
			"saveAs('Tiff', '" + Ij1Env.path(tif) + "'); close();\n" +
			"run('TIFF Virtual Stack...', 'open=[" + Ij1Env.path(tif) + "]');\n" +
			"print('VIRTUAL ' + is('Virtual Stack') + ' ' + nSlices);\n" +
			"run('KARL Complexity Map...', '" + m() + "');\n" +
			"print('MAP ' + getTitle() + '|' + getWidth() + 'x' + getHeight() + '|' + nSlices + '|' + nResults);\n");
		assertTrue(out, out.contains("VIRTUAL 1 5"));
		assertTrue(out, out.contains("MAP v.tif KARL map|3x2|5|30"));
	}

	@Test
	public void tokenizeGivesIdsMaskCountAndImageProperty() throws IOException {
		final Path csv = tmp.getRoot().toPath().resolve("t.csv");
		final String out = ij.run("newImage('n', '8-bit noise', 64, 32, 2);\n" +
			"run('KARL Tokenize...', '" + m() + " epsilon=0.05 budget=6 save=[" + Ij1Env.path(csv) + "]');\n" +
			"print('ROWS ' + nResults + ' IDS ' + getResultString('token_ids', 0) + ' KEEP ' + getResultString('keep_mask', 0)" +
			" + ' N ' + getResult('tokens', 0));\n" +
			"print('PROP ' + Property.get('karl.tokens'));\n");
		assertTrue(out, out.contains("ROWS 4 "));
		final String ids = out.replaceAll("(?s).*IDS (.*?) KEEP.*", "$1");
		assertEquals(out, 8, ids.split(" ").length);
		assertTrue(out, ids.endsWith("-1 -1")); // slots past budget 6
		final String keep = out.replaceAll("(?s).*KEEP (.*?) N (\\d+).*", "$1");
		final int n = Integer.parseInt(out.replaceAll("(?s).*KEEP .*? N (\\d+).*", "$1"));
		assertEquals(out, n, keep.chars().filter(ch -> ch == '1').count());
		final List<String> rows = Files.readAllLines(csv);
		assertEquals("image,slice,c,z,t,tile_x,tile_y,padded,tokens,budget,epsilon,norm_low,norm_high,token_ids," +
			"keep_mask",
			rows.get(0));
		assertEquals(5, rows.size());
		final int slice1 = Integer.parseInt(rows.get(1).split(",")[8]) + Integer.parseInt(rows.get(2)
			.split(",")[8]);
		assertTrue(out, out.contains("PROP " + slice1 + ","));
		// reconstruct: each tile's L1 and whether it meets ε, as karl tokenize --reconstruct
		final String rec = ij.run("newImage('n', '8-bit noise', 64, 32, 1);\n" +
			"run('KARL Tokenize...', '" + m() + " epsilon=0.05 reconstruct table=Results');\n" +
			"print('REC ' + nResults + ' ' + (getResult('l1', 0) > 0) + ' ' + getResult('met', 0) + ' ' +" +
			" (getResult('met', 0) == (getResult('l1', 0) <= 0.05)));\n");
		assertTrue(rec, java.util.regex.Pattern.compile("REC 2 1 [01] 1\n").matcher(rec).find());
		// Headless ImageJ has no named tables: the rows went to Results, and the Log says so.
		assertTrue(out, out.contains("KARL Tokenize: note: no display, so the rows are in the " +
			"Results table instead of \"KARL tiles\""));
	}

	@Test
	public void reconstructKeepsSizeAndReportsL1PerPlane() {
		final String out = ij.run("newImage('r', '32-bit ramp', 70, 40, 3);\n" +
			"run('KARL Reconstruct...', '" + m() + " epsilon=0.1 table=Results');\n" +
			"print('REC ' + getTitle() + '|' + getWidth() + '|' + getHeight() + '|' + nSlices + '|' + bitDepth()" +
			" + '|' + nResults + '|' + (getResult('l1', 2) >= 0) + '|' + getResult('tiles', 0));\n");
		assertTrue(out, out.contains("REC r KARL reconstruction|70|40|3|32|3|1|6"));
		assertFalse("table=Results asked for: no note\n" + out, out.contains("note: no display"));
	}

	@Test
	public void theRepositoryDefaultModelIsFoundWithNoModelKey() {
		org.junit.Assume.assumeTrue("no trained models/default in this checkout", org.karl.ops
			.ModelLocator.isModel(Path.of("models/default")));
		final String out = ij.run("newImage('d', '8-bit noise', 64, 64, 1);\n" +
			"run('KARL Complexity Map...', '');\n" +
			"print('DEFAULT ' + getTitle() + ' ' + nResults);\n" +
			"run('KARL About');\n");
		assertTrue(out, out.contains("DEFAULT d KARL map 4"));
		assertTrue(out, out.contains("model: " + Path.of("models/default").toAbsolutePath()));
	}

	@Test
	public void aboutLogsVersionsDeviceCardAndSignatures() {
		final String out = ij.run("run('KARL About', '" + m() + "');\n");
		assertTrue(out, out.contains("ImageJ 1.54p"));
		assertTrue(out, out.contains("device: CPU"));
		assertTrue(out, out.contains("signatures:"));
		assertTrue(out, out.contains("  decode ("));
		assertTrue(out, out.contains("\"maxTokens\": 8"));
	}

	@Test
	public void trainNewModelBaseThenKarlWithCurve() throws IOException {
		final Path out = tmp.getRoot().toPath().resolve("new-model");
		final String log = ij.run("newImage('t', '8-bit noise', 64, 64, 2);\n" +
			"run('KARL Train...', 'output=[" + Ij1Env.path(out) + "] steps=2 model=new preset=test');\n" +
			"print('PLOT ' + getTitle());\n");
		assertTrue(log, log.contains("new model, preset test"));
		assertTrue(log, log.contains("base step 2/2"));
		assertTrue(log, log.contains("karl step 2/2"));
		assertTrue(log, log.contains("PLOT new-model KARL training"));
		assertTrue(Files.isRegularFile(out.resolve("saved_model.pb")));
		// the card says how the training pixels were read (the default: per-plane percentiles)
		assertEquals("percentile 1-99.8 per plane", org.karl.engine.config.ModelCard.read(out)
			.normalization());
	}
}
