package org.karl.fiji.ij1;

import static org.karl.Keys.*;

import ij.ImagePlus;

import org.karl.ops.EpsilonSweep;
import org.karl.ops.Models;

/**
 * KARL Complexity Map with {@code sweep=0.02,0.05,0.1}: {@link EpsilonSweep}'s stack (one tile
 * map per ε, slice labels "ε = 0.05") and its summary in the table table= (default
 * {@value org.karl.Keys#DEFAULT_TABLE_SWEEP}), also written to save=; the Log says which ε gives
 * the most graded map. A non-empty sweep replaces epsilon (a recorded dialog has both).
 */
final class SweepDoor {

	private SweepDoor() {}

	static void run(final ComplexityMapPlugIn p, final ImagePlus imp, final MacroArgs a)
		throws Exception
	{
		final float[] eps = EpsilonSweep.parse(a.string(KEY_SWEEP, DEFAULT_SWEEP));
		MapView.check(a.string(KEY_SHOW, DEFAULT_SHOW), a.string(KEY_DISPLAY, DEFAULT_DISPLAY));
		final Models.Loaded m = p.model(a);
		final TableResult out = Shown.sweep(imp, m.model(), eps, a.integer(KEY_BUDGET,
			DEFAULT_BUDGET), KarlPlugIn.normalization(a), a.string(KEY_LUT, DEFAULT_LUT), a.string(
				KEY_SHOW, DEFAULT_SHOW), a.string(KEY_DISPLAY, DEFAULT_DISPLAY), a.string(KEY_SAVE,
					DEFAULT_SAVE), a.flag(KEY_VERIFY), new IjProgress());
		p.show(out, a, DEFAULT_TABLE_SWEEP);
		final ImagePlus stack = out.image();
		stack.show();
		final Object zoom = stack.getProp(MapView.PROP_ZOOM);
		if (zoom != null && stack.getWindow() != null) ij.plugin.Zoom.set(stack, Double.parseDouble(zoom
			.toString()) / 100);
		WindowPlacement.beside(stack, a.string(KEY_TABLE, DEFAULT_TABLE_SWEEP));
	}
}
