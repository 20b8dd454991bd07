package org.karl.fiji.ij1;

import static org.karl.Keys.KEY_MODEL;

import ij.IJ;
import ij.gui.GenericDialog;

import java.util.Set;

import org.karl.ops.InfoOp;

/**
 * Plugins › KARL › KARL About: versions (KARL, ImageJ, Java, TensorFlow, protobuf, javacpp),
 * device (CPU or the GPU's name), and the default model's card and signatures, in the Log.
 */
public class AboutPlugIn extends KarlPlugIn {

	@Override
	protected String title() {
		return "KARL About";
	}

	@Override
	protected Set<String> keys() {
		return Set.of(KEY_MODEL);
	}

	@Override
	protected boolean hasDialog() {
		return false;
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		// NB: no dialog; model= is for macros
	}

	@Override
	protected String readFields(final GenericDialog gd) {
		return "";
	}

	@Override
	protected void execute(final MacroArgs a) throws Exception {
		IJ.log(InfoOp.text(a.string(KEY_MODEL, ""), imagejDir(), "ImageJ " + IJ.getFullVersion()));
	}
}
