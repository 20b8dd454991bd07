package org.karl.fiji.ij1;

import static org.junit.Assert.*;

import java.nio.file.Path;

import org.junit.BeforeClass;
import org.junit.Test;
import org.karl.engine.runtime.TestModels;
import org.karl.fiji.Ij1Env;

/** KARL Complexity Map... run by real ImageJ 1 macros, headless. */
public class ComplexityMapMacroTest {

	private static Path model;

	@BeforeClass
	public static void buildModel() {
		model = TestModels.model();
	}

	@Test
	public void mapHasOnePixelPerTileAndOneResultsRowPerTile() {
		final String out = new Ij1Env().run("newImage('blobs', '8-bit ramp', 100, 70, 1);\n" +
			"run('Properties...', 'unit=um pixel_width=0.5 pixel_height=0.25');\n" +
			"run('KARL Complexity Map...', 'epsilon=0.1 model=[" + Ij1Env.path(model) + "]');\n" +
			"print('MAP ' + getTitle() + '|' + getWidth() + '|' + getHeight() + '|' + bitDepth());\n" +
			"getPixelSize(unit, pw, ph); print('CAL ' + unit + '|' + pw + '|' + ph);\n" +
			"print('ROWS ' + nResults + '|' + getResult('tokens', 0) + '|' + getResultString('image', 0));\n");
		assertTrue(out, out.contains("MAP blobs KARL map|4|3|32"));
		assertTrue(out, out.contains("CAL µm|16|8"));
		assertTrue(out, out.contains("ROWS 12|"));
	}
}
