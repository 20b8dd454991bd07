package org.karl.cli;

import org.karl.ops.ModelLocator;
import org.karl.ops.AtomicFiles;
import org.karl.ops.EpsilonList;
import static org.karl.Keys.*;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.karl.engine.api.Progress;
import org.karl.engine.api.Tokenizer;
import org.karl.engine.config.ModelCard;
import org.karl.engine.config.ModelConfig;
import org.karl.eval.EvalJson;
import org.karl.eval.EvalReport;
import org.karl.eval.EvalResult;
import org.karl.data.EvalSet;
import org.karl.eval.Evaluation;
import org.karl.eval.Goals;
import org.karl.eval.ij.EvalFigures;
import org.karl.ops.Models;

import ij.ImagePlus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code karl eval}: KARL's single pass against ALIT-style and prefix search, classical
 * complexity and probe groups on held-out tiles ({@link Evaluation}); writes {@code eval.json},
 * {@code evaluation.md} and three PNG figures into the output folder.
 */
@Command(name = "eval", description = "Single pass vs search baselines, classical complexity " +
	"and probes on held-out tiles.")
public final class EvalCommand extends KarlCommand {

	/** File names written into the output folder. */
	public static final String JSON = "eval.json", MARKDOWN = "evaluation.md";

	@Option(names = "--" + KEY_MODEL, paramLabel = "DIR", required = true,
		description = "model folder")
	Path model;

	@Option(names = "--" + KEY_DATA, paramLabel = "DIR",
		description = "data folder (scripts/fetch-data.sh); default ${DEFAULT-VALUE}")
	String data = DEFAULT_DATA;

	@Option(names = "--" + KEY_N, paramLabel = "N",
		description = "tiles per source (Fashion-MNIST test, patches); default ${DEFAULT-VALUE}")
	int n = DEFAULT_N;

	@Option(names = "--" + KEY_EPSILON, paramLabel = "E,E,...", description = "targets ε; " +
		"default: the model's bins in [" + Evaluation.EPS_MIN + ", " + Evaluation.EPS_MAX + "]")
	String epsilon;

	@Option(names = "--" + KEY_SYNTHETIC, paramLabel = "N",
		description = "evaluate N generated tiles instead of --" + KEY_DATA)
	int synthetic = DEFAULT_SYNTHETIC;

	@Option(names = "--" + KEY_SEED, paramLabel = "S",
		description = "seed of held-out patches and probes; default ${DEFAULT-VALUE}")
	long seed = DEFAULT_SEED;

	@Option(names = "--" + KEY_OUTPUT, paramLabel = "DIR", required = true,
		description = "folder for " + JSON + ", " + MARKDOWN + " and the PNG figures (" +
			EvalReport.RD_PNG + ", " + EvalReport.HISTOGRAM_PNG + ", " + EvalReport.MONTAGE_PNG + ")")
	Path output;

	@Override
	public Integer call() throws Exception {
		final Path modelDir = model, out = output;
		if (n < 1 || synthetic < 0) throw usage("--" + KEY_N + " must be >= 1 and --" +
			KEY_SYNTHETIC + " >= 0");
		ModelLocator.existing(modelDir.toString(), null, "--" + KEY_MODEL);
		// NB: the settings come from the card, as the model itself comes from the one loader
		// (ops.Models), which hands out the engine's Tokenizer and not its TensorFlow class
		final ModelCard card = ModelCard.read(modelDir);
		final ModelConfig config = card.model();
		try (Tokenizer model = Models.load(modelDir, Models.Policy.ONCE).model()) {
			Evaluation.Options o = Evaluation.Options.defaults(model, seed).withTraining(config
				.budgetStep(), config.tableTokens(), config.haltThreshold());
			if (epsilon != null) o = o.withEpsilons(epsilons(epsilon, model));
			final EvalSet set = synthetic > 0 ? EvalSet.synthetic(synthetic, seed) : EvalSet.heldOut(
				Path.of(data), n, seed);
			out().println("eval: " + set + " tiles, epsilon " + Arrays.toString(o.epsilons()));
			final EvalResult r = Evaluation.run(model, modelDir + " (halting targets: " + card
				.training().haltingTargets() + ")", config.latentCodes(), set, o, status());
			final String command = "karl eval " + String.join(" ", raw());
			AtomicFiles.write(out.resolve(JSON), w -> w.write(EvalJson.toJson(r)));
			AtomicFiles.write(out.resolve(MARKDOWN), w -> w.write(EvalReport.markdown(r, command)));
			png(EvalFigures.rateDistortion(r), out.resolve(EvalReport.RD_PNG));
			png(EvalFigures.histogram(r), out.resolve(EvalReport.HISTOGRAM_PNG));
			png(EvalFigures.montage(r), out.resolve(EvalReport.MONTAGE_PNG));
			for (final Goals.Goal g : Goals.of(r))
				out().printf(Locale.ROOT, "goal: %s = %.3f (%s): %s%n", g.goal(), g.value(), g
					.target(), g.met() == null ? "not measured" : g.met() ? "met" : "missed");
			out().printf(Locale.ROOT, "wrote %s in %.0f s%n", out, r.setup().seconds());
		}
		return Main.EXIT_OK;
	}

	/**
	 * The ε of {@code list} ("0.02,0.05"), read as every door reads a list of ε
	 * ({@link EpsilonList}), each checked against the model's range; a list that is not one is a
	 * usage error.
	 */
	private float[] epsilons(final String list, final Tokenizer model) {
		final float[] e;
		try {
			e = EpsilonList.parse(KEY_EPSILON, list);
		}
		catch (final EpsilonList.Malformed m) {
			throw usage(m.getMessage());
		}
		for (final float v : e) model.checkRequest(v, model.maxTokens());
		return e;
	}

	private static void png(final ImagePlus imp, final Path file) throws java.io.IOException {
		AtomicFiles.writeFile(file, tmp -> EvalFigures.writePng(imp, tmp));
	}

	/** Prints each new status line with the elapsed seconds. */
	private Progress status() {
		final long t0 = System.nanoTime();
		return new Progress() {

			@Override
			public void status(final String message) {
				out().printf(Locale.ROOT, "[%5.0f s] %s%n", (System.nanoTime() - t0) / 1e9, message);
			}

			@Override
			public void fraction(final double done) {}
		};
	}
}
