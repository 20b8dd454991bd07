package org.karl.fiji.ij1;

import static org.karl.Keys.*;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;

import java.util.Set;

import org.karl.ops.Models;
import org.karl.ops.TokenizeOp;

/**
 * Plugins › KARL › KARL Tokenize...: kept count of every tile of every plane in the table
 * {@value org.karl.Keys#DEFAULT_TABLE}, and token ids and kept flags one column per token in
 * {@value org.karl.Keys#TOKENS_TABLE} (table=Results: all in the Results table; CSV with
 * save=); per-plane counts become the image property {@value TokenizeOp#PROP_TOKENS}. Keys:
 * epsilon, budget, model, reconstruct (also each tile's L1 and whether it meets ε: columns l1,
 * met), verify (verified counts, columns l1, met, predicted, a summary line in the Log), save,
 * table.
 */
public class TokenizePlugIn extends KarlPlugIn {

	@Override
	protected String title() {
		return "KARL Tokenize";
	}

	@Override
	protected Set<String> keys() {
		return withNormalize(KEY_EPSILON, KEY_BUDGET, KEY_MODEL, KEY_RECONSTRUCT, KEY_VERIFY, KEY_SAVE,
			KEY_TABLE);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		gd.addNumericField(label(KEY_EPSILON), DEFAULT_EPSILON, 3);
		gd.addNumericField(label(KEY_BUDGET), DEFAULT_BUDGET, 0, 6, "tokens");
		gd.addDirectoryField(label(KEY_MODEL), "", 30);
		gd.addCheckbox(label(KEY_RECONSTRUCT), DEFAULT_RECONSTRUCT);
		gd.addCheckbox(label(KEY_VERIFY), DEFAULT_VERIFY);
		gd.addFileField(label(KEY_SAVE), DEFAULT_SAVE, 30);
		gd.addStringField(label(KEY_TABLE), DEFAULT_TABLE, 20);
		addNormalizeFields(gd);
	}

	@Override
	protected String readFields(final GenericDialog gd) {
		return opt(KEY_EPSILON, gd.getNextNumber()) + opt(KEY_BUDGET, (int) gd.getNextNumber()) +
			opt(KEY_MODEL, gd.getNextString()) + flag(KEY_RECONSTRUCT, gd.getNextBoolean()) + flag(
				KEY_VERIFY, gd.getNextBoolean()) + opt(KEY_SAVE, gd.getNextString()) + opt(KEY_TABLE, gd.getNextString()) +
			readNormalizeFields(gd);
	}

	@Override
	protected void execute(final MacroArgs a) throws Exception {
		final ImagePlus imp = WindowManager.getCurrentImage();
		if (imp == null) throw new IllegalArgumentException("no image is open; open or create an " +
			"image first (File>Open..., File>New>Image...)");
		final float eps = epsilon(a);
		final int budget = a.integer(KEY_BUDGET, DEFAULT_BUDGET);
		final String save = a.string(KEY_SAVE, DEFAULT_SAVE);
		final Models.Loaded m = model(a);
		final TableResult out = Shown.tokenize(imp, m.model(), eps, budget, a.flag(KEY_RECONSTRUCT),
			normalization(a), save, a.flag(KEY_VERIFY), new IjProgress());
		show(out, a, DEFAULT_TABLE);
		WindowPlacement.beside(imp, a.string(KEY_TABLE, DEFAULT_TABLE));
		IJ.showStatus(title() + ": " + out.table().size() + " tiles");
	}
}
