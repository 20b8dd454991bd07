package org.karl.cli;

import static org.karl.Keys.*;

import java.nio.file.Path;

import org.karl.engine.config.Phase1Budgets;
import org.karl.engine.config.TrainConfig;
import org.karl.ops.TrainData;
import org.karl.ops.TrainOp;
import org.karl.ops.engine.Engines;
import org.karl.ops.engine.TrainLog;
import org.karl.ops.engine.TrainOutcome;
import org.karl.ops.engine.TrainRequest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code karl train-base} (the base VQ-VAE, docs/algorithm.md §5) and {@code karl train} (KARL with
 * the base frozen, docs/algorithm.md §4), through {@link TrainOp} like KARL Train... in Fiji. Both
 * start from --model, or continue the --output folder with --resume, or (base only) build a new
 * model from --preset; both checkpoint into --output atomically and write its serving/ export.
 */
public abstract class TrainCommand extends KarlCommand {

	/** How --images are read, as at inference. */
	@Mixin
	NormalizeOptions normalize;

	/** {@code karl train-base}. */
	@Command(name = "train-base", description = "Trains the base tokenizer (step 1 of 2; " +
		"then karl train).")
	static final class Base extends TrainCommand {

		@Option(names = "--" + KEY_MODEL, paramLabel = "DIR", order = 1,
			description = "start from this model folder")
		Path model;

		@Option(names = "--" + KEY_PRESET, paramLabel = "NAME", order = 11,
			description = "a new model: size small, medium or test, then -latent (continuous base, the " +
				"decoder regresses it) or -codes (VQ base, the decoder predicts codes); default ${DEFAULT-VALUE}")
		String preset = DEFAULT_PRESET;

		Base() {
			super(true);
		}

		@Override
		Path start() {
			return model;
		}

		@Override
		String preset() {
			return preset;
		}
	}

	/** {@code karl train}. */
	@Command(name = "train", description = "Trains KARL on a model whose base tokenizer is " +
		"trained (step 2 of 2).")
	static final class Karl extends TrainCommand {

		@Option(names = "--" + KEY_MODEL, paramLabel = "DIR", order = 1, description = "start from " +
			"this model folder (the output of karl train-base, or a model to fine-tune)")
		Path model;

		@Option(names = "--" + KEY_PEAK_LR, paramLabel = "LR", order = 13, description = "peak " +
			"learning rate of the schedule (default: the card's, 1e-3 for a new model; a run that " +
			"adds steps to a trained model peaks at 0.3 times it); recorded in the card")
		Float peakLr;

		Karl() {
			super(false);
		}

		@Override
		Float peakLr() {
			return peakLr;
		}

		@Override
		Path start() {
			return model;
		}

		@Override
		String preset() {
			return DEFAULT_PRESET;
		}
	}

	private final boolean base;

	@Option(names = "--" + KEY_OUTPUT, paramLabel = "DIR", required = true, order = 0, description =
		"model folder to write (checkpoints too); never replaced: a folder holding a model is only " +
			"continued, with --" + KEY_RESUME)
	Path output;

	@Option(names = "--" + KEY_RESUME, order = 2, description = "continue the model in --" +
		KEY_OUTPUT + " in place: with --" + KEY_STEPS + " N, N more steps; without, finish the " +
		"interrupted run (up to the steps it was started for)")
	boolean resume = DEFAULT_RESUME;

	@Option(names = "--" + KEY_DATA, paramLabel = "DIR", order = 3, description = "folder from " +
		"scripts/fetch-data.sh (Fashion-MNIST + skimage); default ${DEFAULT-VALUE}")
	String data = DEFAULT_DATA;

	@Option(names = "--" + KEY_IMAGES, paramLabel = "DIR", order = 4,
		description = "train on every tile of the image files in DIR instead")
	Path images;

	@Option(names = "--" + KEY_SYNTHETIC, paramLabel = "N", order = 5,
		description = "train on N generated tiles instead (no data needed)")
	int synthetic = DEFAULT_SYNTHETIC;

	@Option(names = "--" + KEY_STEPS, paramLabel = "N", order = 6,
		description = "steps to add (as in KARL Train...); default below")
	Integer steps;

	@Option(names = "--" + KEY_BATCH, paramLabel = "B", order = 7,
		description = "tiles per step; default: the card's (below)")
	int batch = DEFAULT_BATCH;

	@Option(names = "--" + KEY_SEED, paramLabel = "S", order = 8,
		description = "data and sampling seed; default ${DEFAULT-VALUE}")
	long seed = DEFAULT_SEED;

	@Option(names = "--" + KEY_GENERATED, paramLabel = "N", order = 9, description = "add N " +
		"generated tiles (half microscopy-like, half blank/smooth/shapes/noise)")
	int generated = DEFAULT_GENERATED;

	@Option(names = "--" + KEY_HALTING_TARGETS, paramLabel = TrainConfig.MINIMUM + "|" +
		TrainConfig.PAPER, order = 10, description = "halting targets of KARL training: " +
			TrainConfig.MINIMUM + " (the smallest budget whose error meets ε; default) or " +
			TrainConfig.PAPER + " (the paper's split at the phase-1 budget; docs/algorithm.md §4.4); " +
			"recorded in the card")
	String mode;

	@Option(names = "--" + KEY_PHASE1_TOKENS, paramLabel = TrainConfig.PREFIX + "|" +
		TrainConfig.QUERIES, order = 11, description = "what phase 1 of KARL training decodes at " +
			"its budget T: " + TrainConfig.PREFIX + " (the first T tokens of an encoding with T_max " +
			"queries, as inference keeps them; default for new models) or " + TrainConfig.QUERIES +
			" (the paper's encoding with T queries; docs/engine.md); recorded in the card")
	String phase1;

	@Option(names = "--" + KEY_PHASE1_BUDGETS, paramLabel = "MIN..MAX", order = 12, description =
		"the phase-1 budgets T of KARL training, sampled uniformly over the model's budget steps in " +
			"MIN..MAX (default: all, 2..46; docs/engine.md); recorded in the card")
	String phase1Budgets;

	private TrainCommand(final boolean base) {
		this.base = base;
	}

	public static TrainCommand base() {
		return new Base();
	}

	public static TrainCommand karl() {
		return new Karl();
	}

	/** The --model folder to start from, or null. */
	abstract Path start();

	/** The size preset of a new model. */
	abstract String preset();

	/** KARL's peak learning rate, or null for the card's. */
	Float peakLr() {
		return null;
	}

	@Override
	String[] footer() {
		final TrainConfig d = TrainConfig.defaults();
		return new String[] { "", "Defaults: --" + KEY_STEPS + " " + (base ? d.baseSteps() : d
			.steps()) + " (without --" + KEY_RESUME + "), --" + KEY_BATCH + " " + (base ? d.baseBatch()
				: d.batch()) };
	}

	@Override
	public Integer call() throws Exception {
		final Path out = output;
		final Path start = start();
		if (generated < 0 || synthetic < 0 || batch < 0) throw usage("--" +
			KEY_GENERATED + ", --" + KEY_SYNTHETIC + " and --" + KEY_BATCH + " must be >= 0");
		if (synthetic > 0 && images != null) throw usage("give --" + KEY_SYNTHETIC +
			" or --" + KEY_IMAGES + ", not both");
		final int steps = this.steps != null ? this.steps : resume ? 0 : base ? TrainConfig.defaults()
			.baseSteps() : TrainConfig.defaults().steps();
		if (mode != null && !mode.equals(TrainConfig.MINIMUM) && !mode.equals(TrainConfig.PAPER))
			throw usage("--" + KEY_HALTING_TARGETS + " must be " + TrainConfig.MINIMUM +
				" or " + TrainConfig.PAPER + ", got '" + mode + "'");
		if (phase1 != null && !phase1.equals(TrainConfig.PREFIX) && !phase1.equals(TrainConfig.QUERIES))
			throw usage("--" + KEY_PHASE1_TOKENS + " must be " + TrainConfig.PREFIX + " or " +
				TrainConfig.QUERIES + ", got '" + phase1 + "'");
		if (phase1Budgets != null) try {
			Phase1Budgets.parse(phase1Budgets);
		}
		catch (final IllegalArgumentException e) {
			throw usage("--" + KEY_PHASE1_BUDGETS + ": " + e.getMessage());
		}
		if (peakLr() != null && !(peakLr() > 0 && peakLr() < 1)) throw usage("--" + KEY_PEAK_LR +
			" must be in (0, 1), got " + peakLr());
		final TrainRequest.Phase phase = base ? TrainRequest.Phase.BASE : TrainRequest.Phase.KARL;
		final String preset = preset();
		// NB: every refusal before the data is read (minutes for the data folder)
		TrainOp.check(phase, start, out, resume, steps, "--" + KEY_OUTPUT, "--" + KEY_RESUME, "--" +
			KEY_MODEL);
		final long t0 = System.nanoTime();
		TrainData loaded = synthetic > 0 ? TrainData.synthetic(synthetic, seed) : images != null
			? TrainData.ofImages(images, TrainOp.tileSize(start, out, resume, preset), normalize.get())
			: TrainData.ofDataFolder(Path.of(data), seed);
		loaded = loaded.plusGenerated(generated, seed);
		loaded.skipped().forEach(s -> err().println("karl " + name() + ": note: skipped " + s));
		out().printf("data: %s, loaded in %.1f s%n", loaded.note(), (System.nanoTime() - t0) / 1e9);
		final TrainRequest r = TrainRequest.builder().phase(phase).data(loaded.tiles())
			.dataNote(loaded.note()).normalization(loaded.normalization()).heldOut(loaded.heldOut())
			.heldOutNote(loaded.heldOutNote()).start(start).output(out).resume(resume).steps(steps)
			.batch(batch).preset(preset).haltingTargets(mode).phase1Tokens(phase1).phase1Budgets(phase1Budgets).peakLr(peakLr()).seed(seed)
			.command("karl " + name() + " " + String.join(" ", raw())).build();
		final TrainOutcome o = TrainOp.run(Engines.get(null), r, new TrainLog() {

			@Override
			public void line(final String text) {
				out().println(text);
			}

			@Override
			public void point(final String phase, final long step, final float loss) {}
		}, progress("karl " + name())).outcome();
		return o.canceled() ? Main.EXIT_FAILURE : Main.EXIT_OK;
	}
}
