package org.karl.fiji.ij1;

import static org.karl.Keys.*;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;

import java.util.Set;

import org.karl.ops.Models;
import org.karl.image.ij.Luts;

/**
 * Plugins › KARL › KARL Complexity Map...: kept tokens per tile of the current image as a new
 * 32-bit map (or over the input) and one row per tile in the table table= (default
 * {@value org.karl.Keys#DEFAULT_TABLE}). Keys: epsilon, sweep (several ε: a stack with one
 * slice per ε and one summary row per ε in {@value org.karl.Keys#DEFAULT_TABLE_SWEEP}; see
 * {@link SweepDoor}), budget, model, verify (verified counts, unreachable tiles outlined, a summary
 * line in the Log), lut, show, display, save, table and the normalisation keys.
 */
public class ComplexityMapPlugIn extends KarlPlugIn {

	@Override
	protected String title() {
		return "KARL Complexity Map";
	}

	@Override
	protected Set<String> keys() {
		return withNormalize(KEY_EPSILON, KEY_SWEEP, KEY_BUDGET, KEY_MODEL, KEY_VERIFY, KEY_LUT, KEY_SHOW,
			KEY_DISPLAY, KEY_SAVE, KEY_TABLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		gd.addNumericField(label(KEY_EPSILON), DEFAULT_EPSILON, 3);
		gd.addStringField(label(KEY_SWEEP), DEFAULT_SWEEP, 20);
		gd.addNumericField(label(KEY_BUDGET), DEFAULT_BUDGET, 0, 6, "tokens");
		gd.addDirectoryField(label(KEY_MODEL), "", 30);
		gd.addCheckbox(label(KEY_VERIFY), DEFAULT_VERIFY);
		gd.addChoice(label(KEY_LUT), Luts.NAMES, DEFAULT_LUT);
		gd.addChoice(label(KEY_SHOW), MapView.SHOWS.toArray(String[]::new), DEFAULT_SHOW);
		gd.addChoice(label(KEY_DISPLAY), MapView.DISPLAYS.toArray(String[]::new), DEFAULT_DISPLAY);
		gd.addFileField(label(KEY_SAVE), DEFAULT_SAVE, 30);
		gd.addStringField(label(KEY_TABLE), DEFAULT_TABLE, 20);
		addNormalizeFields(gd);
		gd.addMessage("Model: empty = the default model. Save: optional CSV path.\nSweep: " +
			"epsilons to compare (a stack, one slice per epsilon, and a table); empty = one map.");
	}

	@Override
	protected String readFields(final GenericDialog gd) {
		return opt(KEY_EPSILON, gd.getNextNumber()) + opt(KEY_SWEEP, gd.getNextString()) + opt(KEY_BUDGET, (int) gd.getNextNumber()) +
			opt(KEY_MODEL, gd.getNextString()) + flag(KEY_VERIFY, gd.getNextBoolean()) + opt(KEY_LUT, gd
				.getNextChoice()) + opt(KEY_SHOW, gd.getNextChoice()) + opt(
				KEY_DISPLAY, gd.getNextChoice()) + opt(KEY_SAVE, gd
				.getNextString()) + opt(KEY_TABLE, gd.getNextString()) + readNormalizeFields(gd);
	}

	@Override
	protected void execute(final MacroArgs a) throws Exception {
		final ImagePlus imp = WindowManager.getCurrentImage();
		if (imp == null) throw new IllegalArgumentException("no image is open; open or create an " +
			"image first (File>Open..., File>New>Image...)");
		if (!a.string(KEY_SWEEP, DEFAULT_SWEEP).isBlank()) {
			SweepDoor.run(this, imp, a);
			return;
		}
		final float eps = epsilon(a);
		final int budget = a.integer(KEY_BUDGET, DEFAULT_BUDGET);
		final String save = a.string(KEY_SAVE, DEFAULT_SAVE);
		final Models.Loaded m = model(a);
		final long t0 = System.nanoTime();
		final TableResult out = Shown.complexityMap(imp, m.model(), eps, budget, normalization(a), a
			.string(KEY_LUT, DEFAULT_LUT), a.string(KEY_SHOW, DEFAULT_SHOW), a.string(KEY_DISPLAY,
				DEFAULT_DISPLAY), save, a.flag(KEY_VERIFY), new IjProgress());
		show(out, a, DEFAULT_TABLE);
		if (out.image() == imp) imp.updateAndDraw(); // NB: show=overlay draws over the input
		else {
			out.image().show();
			final Object zoom = out.image().getProp(MapView.PROP_ZOOM);
			if (zoom != null && out.image().getWindow() != null) ij.plugin.Zoom.set(out.image(), Double
				.parseDouble(zoom.toString()) / 100);
		}
		WindowPlacement.beside(out.image(), a.string(KEY_TABLE, DEFAULT_TABLE));
		IJ.showStatus(String.format("%s: %d tiles in %.1f s", title(), out.table().size(), (System
			.nanoTime() - t0) / 1e9));
	}
}
