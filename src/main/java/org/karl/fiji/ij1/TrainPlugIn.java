package org.karl.fiji.ij1;

import static org.karl.Keys.*;

import ij.IJ;
import ij.WindowManager;
import ij.gui.GenericDialog;

import java.nio.file.Path;
import java.util.Set;

import org.karl.ops.TrainOp;
import org.karl.ops.engine.Engines;
import org.karl.ops.engine.TrainLog;

/**
 * Plugins › KARL › KARL Train...: fine-tunes model=[dir] (empty: the default model; its base
 * tokenizer reused), trains a new model (model=new) or resumes output=[dir], on the current image
 * or images=[folder]. Blocking; a log line per N steps; a loss plot at the end; Esc stops after
 * the current step and keeps that checkpoint. Keys: images, output, steps, model, resume, preset,
 * seed and the normalisation keys.
 */
public class TrainPlugIn extends KarlPlugIn {

	@Override
	protected String title() {
		return "KARL Train";
	}

	@Override
	protected Set<String> keys() {
		return withNormalize(KEY_IMAGES, KEY_OUTPUT, KEY_STEPS, KEY_MODEL, KEY_RESUME, KEY_PRESET,
			KEY_SEED);
	}

	@Override
	protected void addFields(final GenericDialog gd) {
		gd.addDirectoryField(label(KEY_IMAGES), DEFAULT_IMAGES, 30);
		gd.addDirectoryField(label(KEY_OUTPUT), "", 30);
		gd.addNumericField(label(KEY_STEPS), DEFAULT_STEPS, 0);
		gd.addDirectoryField(label(KEY_MODEL), "", 30);
		gd.addCheckbox(label(KEY_RESUME), DEFAULT_RESUME);
		gd.addChoice(label(KEY_PRESET), PRESETS, DEFAULT_PRESET);
		gd.addNumericField(label(KEY_SEED), DEFAULT_SEED, 0);
		addNormalizeFields(gd);
		gd.addMessage("Images: empty = the current image. Model: the model to fine-tune; empty =\n" +
			"the default model; " + MODEL_NEW + " = a new model of the preset's size. Esc stops and " +
			"keeps the last step.");
	}

	@Override
	protected String readFields(final GenericDialog gd) {
		return opt(KEY_IMAGES, gd.getNextString()) + opt(KEY_OUTPUT, gd.getNextString()) + opt(
			KEY_STEPS, (int) gd.getNextNumber()) + opt(KEY_MODEL, gd.getNextString()) + (gd
				.getNextBoolean() ? " " + KEY_RESUME : "") + opt(KEY_PRESET, gd.getNextChoice()) + opt(
					KEY_SEED, (long) gd.getNextNumber()) + readNormalizeFields(gd);
	}

	@Override
	protected void execute(final MacroArgs a) throws Exception {
		final String out = a.string(KEY_OUTPUT, "");
		if (out.isBlank()) throw new IllegalArgumentException("no output folder; give output=[dir] " +
			"for the trained model");
		final Path output = Path.of(out);
		final boolean resume = a.flag(KEY_RESUME);
		final Path model = TrainOp.startModel(a.string(KEY_MODEL, ""), resume, imagejDir());
		final int steps = a.integer(KEY_STEPS, DEFAULT_STEPS);
		final String preset = a.string(KEY_PRESET, DEFAULT_PRESET);
		final String images = a.string(KEY_IMAGES, DEFAULT_IMAGES);
		final TrainLog log = new TrainLog() {

			@Override
			public void line(final String text) {
				IJ.log(title() + ": " + text);
			}

			@Override
			public void point(final String phase, final long step, final float loss) {}
		};
		final TrainOp.Output o = TrainOp.runOnImages(Engines.get(imagejDir()), WindowManager
			.getCurrentImage(), images, model, output, resume, steps, preset, a.integer(KEY_SEED,
				(int) DEFAULT_SEED), normalization(a), "KARL Train " + a.options(), log, new IjProgress());
		LossPlot.of(o.curve()).show();
		IJ.log(title() + ": " + (o.outcome().canceled() ? "canceled (Esc) at step " + o.outcome()
			.step() + "; that checkpoint is saved in " + output + " (continue with resume)"
			: "saved " + output + " at step " + o.outcome().step() + " (base " + o.outcome().baseStep() +
				"), last loss " + o.outcome().loss()));
	}
}
