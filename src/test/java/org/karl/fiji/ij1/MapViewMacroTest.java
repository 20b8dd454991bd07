package org.karl.fiji.ij1;

import static org.junit.Assert.assertTrue;


import org.junit.Test;
import org.karl.fiji.Ij1Env;

/**
 * KARL Complexity Map's views through real macros: show=full has the input's size and
 * calibration with each tile's count over its pixels, show=overlay draws on the input without
 * touching its pixels, display=auto uses the data's range and fixed 0..T_max; a selection
 * restricts the work to the tiles it touches.
 */
public class MapViewMacroTest extends MacroTestFixture {

	private static String m() {
		return Ij1Env.model(model);
	}

	@Test
	public void fullHasTheInputsSizeAndCalibrationAndAutoTheDataRange() {
		final String out = ij.run("newImage('in', '8-bit noise', 70, 40, 1);\n" +
			"makeRectangle(0, 0, 32, 40); run('Set...', 'value=0'); run('Select None');\n" +
			"run('Properties...', 'unit=um pixel_width=0.5 pixel_height=0.5');\n" +
			"run('KARL Complexity Map...', '" + m() + " show=full display=auto');\n" +
			"print('FULL ' + getTitle() + '|' + getWidth() + '|' + getHeight());\n" +
			"getPixelSize(unit, pw, ph); print('CAL ' + unit + '|' + pw);\n" +
			"getMinAndMax(lo, hi); mn = 1e9; mx = -1;\n" +
			"for (i = 0; i < nResults; i++) { mn = minOf(mn, getResult('tokens', i)); mx = maxOf(mx," +
			" getResult('tokens', i)); }\n" +
			// NB: a map with one value falls back to 0..T_max, as there is no range to show
			"print('RANGE ' + ((mx > mn && lo == mn && hi == mx) || (mx == mn && lo == 0)));\n" +
			"print('PIXEL ' + (getPixel(69, 39) == getResult('tokens', 5)) + '|' + (getPixel(40, 5) ==" +
			" getResult('tokens', 1)));\n");
		assertTrue(out, out.contains("FULL in KARL map|70|40"));
		assertTrue(out, out.contains("CAL µm|0.5"));
		assertTrue(out, out.contains("RANGE 1"));
		assertTrue(out, out.contains("PIXEL 1|1"));
	}

	@Test
	public void overlayDrawsOnTheInputAndLeavesItsPixels() {
		final String out = ij.run("newImage('in', '16-bit ramp', 64, 64, 3);\n" +
			"getRawStatistics(n, mean); before = mean;\n" +
			"run('KARL Complexity Map...', '" + m() + " show=overlay display=fixed');\n" +
			"getRawStatistics(n, mean);\n" +
			"print('OVERLAY ' + getTitle() + '|' + Overlay.size + '|' + (mean == before) + '|' + nSlices);\n");
		// 3 planes + the legend: box, title, colour bar, 5 ticks (0, 8, 16, 24, 32) and their labels
		assertTrue(out, out.contains("OVERLAY in|16|1|3"));
	}

	@Test
	public void aSelectionRestrictsTheWorkToTheTilesItTouches() {
		final String out = ij.run("newImage('in', '8-bit noise', 96, 64, 2);\n" +
			"makeRectangle(40, 10, 30, 10);\n" + // tiles (1,0) and (2,0)
			"run('KARL Complexity Map...', '" + m() + "');\n" +
			"print('ROI ' + nResults + '|' + getResult('tile_x', 0) + ',' + getResult('tile_y', 0) + '|' +" +
			" getResult('tile_x', 1) + '|' + isNaN(getPixel(0, 0)) + '|' + isNaN(getPixel(1, 0)));\n" +
			"selectImage('in'); makeOval(0, 33, 20, 20);\n" + // one tile, (0,1)
			"run('KARL Tokenize...', '" + m() + "');\n" +
			"print('OVAL ' + nResults + '|' + getResult('tile_y', 0));\n");
		assertTrue(out, out.contains("ROI 4|1,0|2|1|0")); // 2 tiles x 2 planes; (0,0) is NaN
		assertTrue(out, out.contains("OVAL 2|1"));
	}

	@Test
	public void anUnknownViewIsOneLine() {
		final String out = ij.run("newImage('in', '8-bit ramp', 64, 64, 1);\n" +
			"run('KARL Complexity Map...', '" + m() + " show=movie');\n");
		assertTrue(out, out.contains("KARL Complexity Map: show=movie is not known; use tiles"));
	}
}
