package org.karl.fiji.ij1;

import static org.karl.Keys.*;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;

import java.util.Set;

import org.karl.ops.Models;

/**
 * Plugins › KARL › KARL Reconstruct...: the single-pass reconstruction of the current image at
 * ε (or with a fixed token count, tokens=N), with per-plane kept tokens and L1 as rows of the
 * table table= (default {@value org.karl.Keys#DEFAULT_TABLE_RECONSTRUCT}).
 * Keys: epsilon, budget, tokens, model, verify (each tile at its verified count, the mean
 * single-pass count in the column predicted, a summary line in the Log), table and the
 * normalisation keys.
 */
public class ReconstructPlugIn extends KarlPlugIn {

	@Override
	protected String title() {
		return "KARL Reconstruct";
	}

	@Override
	protected Set<String> keys() {
		return withNormalize(KEY_EPSILON, KEY_BUDGET, KEY_TOKENS, KEY_MODEL, KEY_VERIFY, KEY_TABLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		gd.addNumericField(label(KEY_EPSILON), DEFAULT_EPSILON, 3);
		gd.addNumericField(label(KEY_BUDGET), DEFAULT_BUDGET, 0, 6, "tokens");
		gd.addNumericField(label(KEY_TOKENS), DEFAULT_TOKENS, 0, 6, "tokens");
		gd.addDirectoryField(label(KEY_MODEL), "", 30);
		gd.addCheckbox(label(KEY_VERIFY), DEFAULT_VERIFY);
		gd.addStringField(label(KEY_TABLE), DEFAULT_TABLE_RECONSTRUCT, 20);
		addNormalizeFields(gd);
	}

	@Override
	protected String readFields(final GenericDialog gd) {
		return opt(KEY_EPSILON, gd.getNextNumber()) + opt(KEY_BUDGET, (int) gd.getNextNumber()) +
			opt(KEY_TOKENS, (int) gd.getNextNumber()) + opt(KEY_MODEL, gd.getNextString()) + flag(
				KEY_VERIFY, gd.getNextBoolean()) + opt(KEY_TABLE, gd.getNextString()) +
			readNormalizeFields(gd);
	}

	@Override
	protected void execute(final MacroArgs a) throws Exception {
		final ImagePlus imp = WindowManager.getCurrentImage();
		if (imp == null) throw new IllegalArgumentException("no image is open; open or create an " +
			"image first (File>Open..., File>New>Image...)");
		final float eps = epsilon(a);
		final int budget = a.integer(KEY_BUDGET, DEFAULT_BUDGET);
		final int tokens = a.integer(KEY_TOKENS, DEFAULT_TOKENS);
		final Models.Loaded m = model(a);
		final TableResult out = Shown.reconstruct(imp, m.model(), eps, budget, tokens, normalization(a),
			a.flag(KEY_VERIFY), new IjProgress());
		show(out, a, DEFAULT_TABLE_RECONSTRUCT);
		out.image().show();
		WindowPlacement.beside(out.image(), a.string(KEY_TABLE, DEFAULT_TABLE_RECONSTRUCT));
	}
}
