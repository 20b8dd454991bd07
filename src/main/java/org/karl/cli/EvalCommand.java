package org.karl.cli;

import org.karl.ops.AtomicFiles;
import static org.karl.Keys.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;

import org.karl.engine.api.Progress;
import org.karl.engine.runtime.KarlModel;
import org.karl.eval.EvalJson;
import org.karl.eval.EvalReport;
import org.karl.eval.EvalResult;
import org.karl.eval.EvalSet;
import org.karl.eval.Evaluation;
import org.karl.eval.Goals;
import org.karl.eval.ij.EvalFigures;

import ij.ImagePlus;

/**
 * {@code karl eval}: KARL's single pass against ALIT-style and prefix search, classical
 * complexity and probe groups on held-out tiles ({@link Evaluation}); writes {@code eval.json},
 * {@code evaluation.md} and three PNG figures into the output folder.
 */
public final class EvalCommand implements Subcommand {

	/** File names written into the output folder. */
	public static final String JSON = "eval.json", MARKDOWN = "evaluation.md";

	@Override
	public String name() {
		return "eval";
	}

	@Override
	public String usage() {
		return "karl eval --" + KEY_MODEL + " DIR [--" + KEY_DATA + " DIR] [--" + KEY_N + " N] [--" +
			KEY_EPSILON + " E,E,...] --" + KEY_OUTPUT + " DIR\n" +
			"Single pass vs search baselines, classical complexity and probes on held-out tiles.\n" +
			"  --" + KEY_MODEL + " DIR      model folder\n" +
			"  --" + KEY_DATA + " DIR       data folder (scripts/fetch-data.sh); default " +
			DEFAULT_DATA + "\n" +
			"  --" + KEY_N + " N          tiles per source (Fashion-MNIST test, patches); default " +
			DEFAULT_N + "\n" +
			"  --" + KEY_EPSILON + " E,...  targets ε; default: the model's bins in [" +
			Evaluation.EPS_MIN + ", " + Evaluation.EPS_MAX + "]\n" +
			"  --" + KEY_SYNTHETIC + " N  evaluate N generated tiles instead of --" + KEY_DATA + "\n" +
			"  --" + KEY_SEED + " S        seed of held-out patches and probes; default " +
			DEFAULT_SEED + "\n" +
			"  --" + KEY_OUTPUT + " DIR     folder for " + JSON + ", " + MARKDOWN + " and the PNGs\n";
	}

	@Override
	public Args.Spec spec() {
		return new Args.Spec().value(KEY_MODEL).value(KEY_DATA).value(KEY_N).value(KEY_EPSILON)
			.value(KEY_SYNTHETIC).value(KEY_SEED).value(KEY_OUTPUT);
	}

	@Override
	public int run(final Args args) throws Exception {
		final Path modelDir = args.path(KEY_MODEL), out = args.path(KEY_OUTPUT);
		final long seed = args.getLong(KEY_SEED, DEFAULT_SEED);
		final int n = args.getInt(KEY_N, DEFAULT_N), synthetic = args.getInt(KEY_SYNTHETIC,
			DEFAULT_SYNTHETIC);
		if (n < 1 || synthetic < 0) throw new UsageException("--" + KEY_N + " must be >= 1 and --" +
			KEY_SYNTHETIC + " >= 0");
		if (!Files.isDirectory(modelDir)) throw new IllegalArgumentException("--" + KEY_MODEL + " " +
			modelDir + " is not a folder; pass a model folder written by karl train");
		try (KarlModel model = KarlModel.load(modelDir)) {
			Evaluation.Options o = Evaluation.Options.defaults(model, seed).withTraining(model.config()
				.budgetStep(), model.config().tableTokens(), model.config().haltThreshold());
			if (args.has(KEY_EPSILON)) o = o.withEpsilons(epsilons(args.get(KEY_EPSILON, ""), model));
			final EvalSet set = synthetic > 0 ? EvalSet.synthetic(synthetic, seed) : EvalSet.heldOut(
				Path.of(args.get(KEY_DATA, DEFAULT_DATA)), n, seed);
			args.out().println("eval: " + set + " tiles, epsilon " + Arrays.toString(o.epsilons()));
			final EvalResult r = Evaluation.run(model, modelDir + " (halting targets: " + model.card()
				.training().haltingTargets() + ")", model.config()
				.latentCodes(), set, o, status(args));
			final String command = "karl eval " + String.join(" ", args.raw());
			AtomicFiles.write(out.resolve(JSON), w -> w.write(EvalJson.toJson(r)));
			AtomicFiles.write(out.resolve(MARKDOWN), w -> w.write(EvalReport.markdown(r, command)));
			png(EvalFigures.rateDistortion(r), out.resolve(EvalReport.RD_PNG));
			png(EvalFigures.histogram(r), out.resolve(EvalReport.HISTOGRAM_PNG));
			png(EvalFigures.montage(r), out.resolve(EvalReport.MONTAGE_PNG));
			for (final Goals.Goal g : Goals.of(r))
				args.out().printf(Locale.ROOT, "goal: %s = %.3f (%s): %s%n", g.goal(), g.value(), g
					.target(), g.met() == null ? "not measured" : g.met() ? "met" : "missed");
			args.out().printf(Locale.ROOT, "wrote %s in %.0f s%n", out, r.setup().seconds());
		}
		return Main.EXIT_OK;
	}

	/** Parses {@code 0.02,0.05} into ascending distinct ε, each in (0, last bin]. */
	static float[] epsilons(final String list, final KarlModel model) throws UsageException {
		final TreeSet<Float> set = new TreeSet<>();
		for (final String s : list.split(",")) {
			try {
				set.add(Float.parseFloat(s.trim()));
			}
			catch (final NumberFormatException e) {
				throw new UsageException("--" + KEY_EPSILON + " '" + s + "' is not a number");
			}
		}
		final float[] e = new float[set.size()];
		int i = 0;
		for (final float v : set) {
			model.checkRequest(v, model.maxTokens());
			e[i++] = v;
		}
		return e;
	}

	private static void png(final ImagePlus imp, final Path file) throws java.io.IOException {
		AtomicFiles.writeFile(file, tmp -> EvalFigures.writePng(imp, tmp));
	}

	/** Prints each new status line with the elapsed seconds. */
	private static Progress status(final Args args) {
		final long t0 = System.nanoTime();
		return new Progress() {

			@Override
			public void status(final String message) {
				args.out().printf(Locale.ROOT, "[%5.0f s] %s%n", (System.nanoTime() - t0) / 1e9, message);
			}

			@Override
			public void fraction(final double done) {}
		};
	}
}
