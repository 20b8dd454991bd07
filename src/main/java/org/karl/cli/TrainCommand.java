package org.karl.cli;

import static org.karl.Keys.*;

import java.nio.file.Path;

import org.karl.engine.config.TrainConfig;
import org.karl.ops.TrainData;
import org.karl.ops.TrainOp;
import org.karl.ops.engine.Engines;
import org.karl.ops.engine.TrainLog;
import org.karl.ops.engine.TrainOutcome;
import org.karl.ops.engine.TrainRequest;

/**
 * {@code karl train-base} (the base VQ-VAE, §7.2) and {@code karl train} (KARL with the base frozen,
 * §7.4), through {@link TrainOp} like KARL Train... in Fiji. Both start from --model, or
 * continue the --output folder with --resume, or (base only) build a new model from --preset;
 * both checkpoint into --output atomically and write its serving/ export.
 */
public final class TrainCommand implements Subcommand {

	private final boolean base;

	private TrainCommand(final boolean base) {
		this.base = base;
	}

	public static TrainCommand base() {
		return new TrainCommand(true);
	}

	public static TrainCommand karl() {
		return new TrainCommand(false);
	}

	@Override
	public String name() {
		return base ? "train-base" : "train";
	}

	@Override
	public String usage() {
		return "karl " + name() + " --" + KEY_OUTPUT + " DIR [--" + KEY_MODEL + " DIR | --" + KEY_RESUME +
			"] [--" + KEY_DATA + " DIR | --" + KEY_IMAGES + " DIR | --" + KEY_SYNTHETIC + " N] [--" +
			KEY_STEPS + " N] [--" + KEY_BATCH + " B] [--" + KEY_SEED + " S] [--" + KEY_GENERATED +
			" N] [--" + KEY_HALTING_TARGETS + " minimum|paper]" + (base ? " [--" + KEY_PRESET + " NAME]"
				: "") + "\n" +
			(base ? "Trains the base VQ-VAE tokenizer (step 1 of 2; then karl train).\n"
				: "Trains KARL on a model whose base tokenizer is trained (step 2 of 2).\n") +
			"  --" + KEY_OUTPUT + " DIR    model folder to write (checkpoints too); never replaced: a\n" +
			"                  folder holding a model is only continued, with --" + KEY_RESUME + "\n" +
			"  --" + KEY_MODEL + " DIR     start from this model folder" + (base ? ""
				: " (the output of karl train-base, or a model to fine-tune)") + "\n" +
			"  --" + KEY_RESUME + "        continue the model in --" + KEY_OUTPUT + " in place: with --" +
			KEY_STEPS + " N, N more steps;\n" +
			"                  without, finish the interrupted run (up to the steps it was started for)\n" +
			"  --" + KEY_DATA + " DIR      folder from scripts/fetch-data.sh (Fashion-MNIST + skimage); " +
			"default " + DEFAULT_DATA + "\n" +
			"  --" + KEY_IMAGES + " DIR    train on every tile of the image files in DIR instead\n" +
			"  --" + KEY_SYNTHETIC + " N   train on N generated tiles instead (no data needed)\n" +
			"  --" + KEY_STEPS + " N       steps to add (as in KARL Train...); default " + (base
				? TrainConfig.defaults().baseSteps() : TrainConfig.defaults().steps()) + "\n" +
			"  --" + KEY_BATCH + " B       tiles per step; default: the card's (" + (base ? TrainConfig
				.defaults().baseBatch() : TrainConfig.defaults().batch()) + ")\n" +
			"  --" + KEY_SEED + " S        data and sampling seed; default " + DEFAULT_SEED + "\n" +
			"  --" + KEY_GENERATED + " N   add N generated tiles (half microscopy-like, half " +
			"blank/smooth/shapes/noise)\n" +
			"  --" + KEY_HALTING_TARGETS + " M  halting targets of KARL training: minimum (the " +
			"smallest budget whose error meets ε; default) or paper (§4.1); recorded in the card\n" +
			(base ? "  --" + KEY_PRESET + " NAME    size of a new model: small, medium or test; default " +
				DEFAULT_PRESET + "\n" : "");
	}

	@Override
	public Args.Spec spec() {
		final Args.Spec s = new Args.Spec().value(KEY_OUTPUT).value(KEY_MODEL).flag(KEY_RESUME).value(
			KEY_DATA).value(KEY_IMAGES).value(KEY_SYNTHETIC).value(KEY_STEPS).value(KEY_BATCH).value(
				KEY_SEED).value(KEY_GENERATED).value(KEY_HALTING_TARGETS);
		return base ? s.value(KEY_PRESET) : s;
	}

	@Override
	public int run(final Args args) throws Exception {
		final Path out = args.path(KEY_OUTPUT);
		final Path start = args.has(KEY_MODEL) ? args.path(KEY_MODEL) : null;
		final boolean resume = args.flag(KEY_RESUME);
		final long seed = args.getLong(KEY_SEED, DEFAULT_SEED);
		final int synthetic = args.getInt(KEY_SYNTHETIC, DEFAULT_SYNTHETIC);
		final int generated = args.getInt(KEY_GENERATED, DEFAULT_GENERATED);
		final int batch = args.getInt(KEY_BATCH, DEFAULT_BATCH);
		if (generated < 0 || synthetic < 0 || batch < 0) throw new UsageException("--" +
			KEY_GENERATED + ", --" + KEY_SYNTHETIC + " and --" + KEY_BATCH + " must be >= 0");
		if (synthetic > 0 && args.has(KEY_IMAGES)) throw new UsageException("give --" + KEY_SYNTHETIC +
			" or --" + KEY_IMAGES + ", not both");
		final int steps = args.has(KEY_STEPS) ? args.getInt(KEY_STEPS, 0) : resume ? 0 : base
			? TrainConfig.defaults().baseSteps() : TrainConfig.defaults().steps();
		final String mode = args.get(KEY_HALTING_TARGETS, null);
		if (mode != null && !mode.equals(TrainConfig.MINIMUM) && !mode.equals(TrainConfig.PAPER))
			throw new UsageException("--" + KEY_HALTING_TARGETS + " must be " + TrainConfig.MINIMUM +
				" or " + TrainConfig.PAPER + ", got '" + mode + "'");
		final TrainRequest.Phase phase = base ? TrainRequest.Phase.BASE : TrainRequest.Phase.KARL;
		final String preset = base ? args.get(KEY_PRESET, DEFAULT_PRESET) : DEFAULT_PRESET;
		// NB: every refusal before the data is read (minutes for the data folder)
		TrainOp.check(phase, start, out, resume, steps, "--" + KEY_OUTPUT, "--" + KEY_RESUME, "--" +
			KEY_MODEL);
		final long t0 = System.nanoTime();
		TrainData data = synthetic > 0 ? TrainData.synthetic(synthetic, seed) : args.has(KEY_IMAGES)
			? TrainData.ofImages(args.path(KEY_IMAGES), TrainOp.tileSize(start, out, resume, preset))
			: TrainData.ofDataFolder(Path.of(args.get(KEY_DATA, DEFAULT_DATA)), seed);
		data = data.plusGenerated(generated, seed);
		data.skipped().forEach(s -> args.err().println("karl " + name() + ": note: skipped " + s));
		args.out().printf("data: %s, loaded in %.1f s%n", data.note(), (System.nanoTime() - t0) / 1e9);
		final TrainRequest r = new TrainRequest(phase, data.tiles(), data.note(), base ? data.heldOut()
			: null, data.heldOutNote(), start, out, resume, steps, batch, preset, mode, seed, "karl " +
				name() + " " + String.join(" ", args.raw()));
		final TrainOutcome o = TrainOp.run(Engines.get(null), r, new TrainLog() {

			@Override
			public void line(final String text) {
				args.out().println(text);
			}

			@Override
			public void point(final String phase, final long step, final float loss) {}
		}, args.progress("karl " + name())).outcome();
		return o.canceled() ? Main.EXIT_FAILURE : Main.EXIT_OK;
	}
}
