package org.karl.cli;

import static org.karl.Keys.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.karl.data.Datasets;
import org.karl.engine.api.Progress;
import org.karl.engine.api.TileSet;
import org.karl.engine.config.ModelCard;
import org.karl.engine.config.ModelConfig;
import org.karl.engine.config.TrainConfig;
import org.karl.engine.runtime.ModelSession;
import org.karl.engine.train.BaseTrainer;
import org.karl.engine.train.KarlTrainer;
import org.karl.eval.EvalSet;
import org.karl.image.MicroscopyTiles;
import org.karl.image.SyntheticTiles;

/**
 * {@code karl train-base} (the base VQ-VAE, §7.2) and {@code karl train} (KARL with the base frozen,
 * §7.4). Both start from --model, or resume the --output folder if it holds a model, or (base only)
 * build a new model from --preset; both checkpoint into --output atomically.
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
		return "karl " + name() + " --" + KEY_OUTPUT + " DIR [--" + KEY_MODEL + " DIR] [--" + KEY_DATA +
			" DIR | --" + KEY_SYNTHETIC + " N] [--" + KEY_STEPS + " N] [--" + KEY_BATCH + " B] [--" +
			KEY_SEED + " S] [--" + KEY_GENERATED + " N] [--" + KEY_HALTING_TARGETS + " minimum|paper]" +
			(base ? " [--" + KEY_PRESET + " NAME]" : "") + "\n" +
			(base ? "Trains the base VQ-VAE tokenizer (step 1 of 2; then karl train).\n"
				: "Trains KARL on a model whose base tokenizer is trained (step 2 of 2).\n") +
			"  --" + KEY_OUTPUT + " DIR    model folder to write (checkpoints too); resumed if it holds one\n" +
			"  --" + KEY_MODEL + " DIR     start from this model folder" +
			(base ? "" : " (the output of karl train-base)") + "\n" +
			"  --" + KEY_DATA + " DIR      folder from scripts/fetch-data.sh (Fashion-MNIST + skimage); " +
			"default " + DEFAULT_DATA + "\n" +
			"  --" + KEY_SYNTHETIC + " N   train on N generated tiles instead (no data needed)\n" +
			"  --" + KEY_STEPS + " N       total steps; default: the card's (" + (base ? TrainConfig
				.defaults().baseSteps() : TrainConfig.defaults().steps()) + ")\n" +
			"  --" + KEY_BATCH + " B       tiles per step; default: the card's (" + (base ? TrainConfig
				.defaults().baseBatch() : TrainConfig.defaults().batch()) + ")\n" +
			"  --" + KEY_SEED + " S        data and sampling seed; default " + DEFAULT_SEED + "\n" +
			"  --" + KEY_GENERATED + " N   add N generated tiles to --data (half microscopy-like, " +
			"half blank/smooth/shapes/noise)\n" +
			"  --" + KEY_HALTING_TARGETS + " M  halting targets of KARL training: minimum (the " +
			"smallest budget whose error meets ε; default) or paper (§4.1); recorded in the card\n" +
			(base ? "  --" + KEY_PRESET + " NAME    size of a new model: small, medium or test; default " +
				DEFAULT_PRESET + "\n" : "");
	}

	@Override
	public Args.Spec spec() {
		final Args.Spec s = new Args.Spec().value(KEY_OUTPUT).value(KEY_MODEL).value(KEY_DATA).value(
			KEY_SYNTHETIC).value(KEY_STEPS).value(KEY_BATCH).value(KEY_SEED).value(KEY_GENERATED).value(
			KEY_HALTING_TARGETS);
		return base ? s.value(KEY_PRESET) : s;
	}

	@Override
	public int run(final Args args) throws Exception {
		final Path out = args.path(KEY_OUTPUT);
		final long seed = args.getLong(KEY_SEED, DEFAULT_SEED);
		final int synthetic = args.getInt(KEY_SYNTHETIC, DEFAULT_SYNTHETIC);
		final long t0 = System.nanoTime();
		final int generated = args.getInt(KEY_GENERATED, DEFAULT_GENERATED);
		if (generated < 0) throw new UsageException("--" + KEY_GENERATED + " must be >= 0");
		TileSet data = synthetic > 0 ? SyntheticTiles.mixed(seed, synthetic)
			: Datasets.training(Path.of(args.get(KEY_DATA, DEFAULT_DATA)), seed);
		String dataNote = synthetic > 0 ? synthetic + " generated tiles (seed " + seed + ")"
			: "Fashion-MNIST train + skimage patches from " + args.get(KEY_DATA, DEFAULT_DATA) + ", " +
				data.n() + " tiles (seed " + seed + ")";
		if (generated > 0) {
			data = TileSet.concat(data, MicroscopyTiles.training(seed + 101, generated / 2),
				SyntheticTiles.mixed(seed + 202, generated - generated / 2));
			dataNote += " + " + generated / 2 + " microscopy-like tiles (MicroscopyTiles seed " + (seed +
				101) + ") + " + (generated - generated / 2) + " blank/smooth/shapes/noise tiles " +
				"(SyntheticTiles.mixed seed " + (seed + 202) + ")";
		}
		args.out().println("data: " + dataNote + ", loaded in " + seconds(t0) + " s");
		ModelSession m = open(args, out);
		try {
			TrainConfig tc = m.card().training().withSeed(seed);
			final int steps = args.getInt(KEY_STEPS, DEFAULT_STEPS);
			final int batch = args.getInt(KEY_BATCH, DEFAULT_BATCH);
			if (steps < 0 || batch < 0) throw new UsageException("--steps and --batch must be >= 0");
			if (steps > 0) tc = base ? tc.withBaseSteps(steps) : tc.withSteps(steps);
			if (batch > 0) tc = base ? tc.withBatch(tc.batch(), batch) : tc.withBatch(batch, tc.baseBatch());
			final String mode = args.get(KEY_HALTING_TARGETS, tc.haltingTargets());
			if (!mode.equals(TrainConfig.MINIMUM) && !mode.equals(TrainConfig.PAPER))
				throw new UsageException("--" + KEY_HALTING_TARGETS + " must be " + TrainConfig.MINIMUM +
					" or " + TrainConfig.PAPER + ", got '" + mode + "'");
			final String was = tc.haltingTargets();
			m.card(m.card().withTraining(tc.withHaltingTargets(mode)));
			if (!mode.equals(was)) {
				// the targets are part of the train_step graph: rebuild it from our code, same weights
				args.out().println("halting targets: " + mode + " (was " + was + "); rebuilding the " +
					"training graph");
				m = m.rebuilt(m.card());
			}
			else m = m.upgraded(); // a model from an older version gets today's training graph
			tc = m.card().training();
			args.out().println(name() + ": " + m.card().model() + "\n" + tc);
			final long t1 = System.nanoTime();
			final float last = base
				? BaseTrainer.train(m, data, tc, out, e -> args.out().println(e.logLine()), Progress.NONE)
				: KarlTrainer.train(m, data, tc, out, e -> args.out().println(e.logLine()), Progress.NONE);
			final String key = base ? "base" : "karl";
			if (base && synthetic == 0) {
				// the floor KARL can at best reach: the base's own error on tiles no training sees
				final EvalSet held = EvalSet.heldOut(Path.of(args.get(KEY_DATA, DEFAULT_DATA)), 500, seed);
				final double l1 = BaseTrainer.heldOutL1(m, held.all());
				args.out().printf(java.util.Locale.ROOT, "base held-out L1 %.4f (%s)%n", l1, held);
				m.card(m.card().with("base.heldout_l1", Math.round(l1 * 1e5) / 1e5).with(
					"base.heldout_set", held.toString()));
			}
			// NB: a resumed run with no steps left keeps the provenance of the run that trained
			if (!Float.isNaN(last)) m.card(m.card().with(key + ".command", "karl " + name() + " " + String
				.join(" ", args.raw())).with(key + ".data", dataNote).with(key + ".steps", base ? m
					.baseStep() : m.step()).with(key + ".wall_seconds", seconds(t1)).with(key + ".final_" +
						(base ? "l1" : "loss"), last));
			m.card(m.card().with("halting_targets", m.card().training().haltingTargets()).with(
				"epsilon_bins", Arrays.toString(m.epsilonBins())));
			m.export(out);
			m.exportServing(out); // inference loads this faster (no gradients, no optimiser)
			args.out().println("saved " + out + " after " + seconds(t1) + " s");
		}
		finally {
			m.close();
		}
		return Main.EXIT_OK;
	}

	private ModelSession open(final Args args, final Path out) throws Exception {
		final boolean resume = Files.isRegularFile(out.resolve(ModelCard.FILE));
		if (args.has(KEY_MODEL) && resume) throw new IllegalArgumentException("--" + KEY_OUTPUT + " " +
			out + " already holds a model; to continue it, leave out --" + KEY_MODEL + "; to start " +
			"again from " + args.get(KEY_MODEL, "") + ", choose another --" + KEY_OUTPUT);
		if (args.has(KEY_MODEL)) return ModelSession.load(args.path(KEY_MODEL));
		if (resume) {
			args.out().println("resuming " + out);
			return ModelSession.load(out);
		}
		if (!base) throw new IllegalArgumentException("karl train needs a trained base tokenizer; " +
			"run karl train-base first and pass its folder with --" + KEY_MODEL);
		final ModelConfig mc = ModelConfig.preset(args.get(KEY_PRESET, DEFAULT_PRESET));
		return ModelSession.create(ModelCard.of(mc, TrainConfig.defaults()));
	}

	private static String seconds(final long t0) {
		return String.format("%.1f", (System.nanoTime() - t0) / 1e9);
	}
}
