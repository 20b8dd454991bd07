package org.karl.engine.train;

import static org.karl.engine.graph.GraphNames.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.karl.engine.api.BudgetLadder;
import org.karl.engine.api.Progress;
import org.karl.engine.api.TileSet;
import org.karl.engine.config.ModelConfig;
import org.karl.engine.config.TrainConfig;
import org.karl.engine.runtime.ModelSession;
import org.karl.engine.runtime.Tensors;
import org.tensorflow.Result;
import org.tensorflow.Tensor;

/**
 * Trains KARL with the base tokenizer frozen (docs/algorithm.md §4.1) through the
 * {@code train_step} signature: every call runs phase 1 (EIC) and phase 2 (LTC) on the same batch
 * and applies one AdamW step; the budget T and the phase-1 ε bins are sampled in the graph from
 * (seed, step). The host feeds the batch and the learning rate, runs the ε-bin check of
 * docs/algorithm.md §4.8 once, reports progress, checkpoints (atomic SavedModel export) and stops
 * cleanly on cancel.
 */
public final class KarlTrainer {

	private KarlTrainer() {}

	/** Runs until the model's step counter reaches {@code tc.steps()}; returns the last loss. */
	public static float train(final ModelSession m, final TileSet data, final TrainConfig tc,
		final Path out, final TrainListener listener, final Progress progress) throws IOException
	{
		final ModelConfig c = m.card().model();
		BaseTrainer.checkData(data, c);
		final int px = c.tileSize() * c.tileSize();
		long step = m.step();
		float[] bins = m.epsilonBins();
		final EpsilonCalibration calibration = step < tc.calibrationSteps()
			? new EpsilonCalibration(bins, c.budgetStep(), c.budgetCount(), c.maxTokens()) : null;
		final float[] batch = new float[tc.batch() * px];
		int[] histogram = new int[bins.length];
		float loss = Float.NaN, kept = 0, lr = 0;
		final Map<String, Float> terms = new LinkedHashMap<>();
		long t0 = System.nanoTime(), since = step;
		String message = "";
		while (step < tc.steps()) {
			if (progress.isCanceled()) {
				m.export(out);
				throw new TrainingCanceled("training canceled at step " + step + "; saved " + out);
			}
			data.gather(BatchSampler.indices(tc.seed(), step, tc.batch(), data.n()), batch);
			lr = LrSchedule.at(tc, step);
			final float[] eps0, latents, usage;
			final int budget;
			try (Tensor img = Tensors.floats(batch, 0, tc.batch(), c.tileSize(), c.tileSize(), 1);
				Tensor lrT = Tensors.scalar(lr);
				Result r = m.call(TRAIN_STEP, Map.of(IMAGES, img, LEARNING_RATE, lrT)))
			{
				loss = Tensors.scalarFloat(r, LOSS);
				for (final String term : LOSS_TERMS) terms.put(term, Tensors.scalarFloat(r, term));
				eps0 = Tensors.floats(r, EPS0);
				budget = Tensors.scalarInt(r, BUDGET);
				kept = Tensors.scalarFloat(r, KEPT_MEAN);
				// NB: models trained before target_mean existed lack the output
				if (r.get(TARGET_MEAN).isPresent()) terms.put("target_tokens", Tensors.scalarFloat(r,
					TARGET_MEAN));
				step = Tensors.scalarLong(r, STEP);
				latents = Tensors.floats(r, LATENTS);
				usage = Tensors.floats(r, USAGE);
			}
			final String codes = LatentCodes.maintain(m, tc, step, latents, usage);
			if (!codes.isEmpty()) message = message.isEmpty() ? codes : message + "; " + codes;
			if (!Float.isFinite(loss)) throw new IllegalStateException("loss became " + loss +
				" at step " + step + "; lower the learning rate (now " + lr + ")");
			for (final float e : eps0) histogram[EpsilonCalibration.binOf(bins, e)]++;
			if (calibration != null && step <= tc.calibrationSteps()) {
				// NB: only the second half of the window: the first steps reconstruct too poorly
				// (continuous latents, untrained decoder) to say where ε0 will live.
				if (2 * step > tc.calibrationSteps()) calibration.add(budget, eps0);
				if (step == tc.calibrationSteps()) {
					message = calibrate(m, calibration, !tc.minimumTargets());
					bins = m.epsilonBins();
				}
			}
			if (step % tc.logEvery() == 0 || step == tc.steps()) {
				final double sps = (System.nanoTime() - t0) / 1e9 / Math.max(1, step - since);
				listener.onEvent(new TrainEvent("karl", step, tc.steps(), loss, new LinkedHashMap<>(terms),
					kept, histogram, lr, sps, message));
				histogram = new int[bins.length];
				message = "";
				t0 = System.nanoTime();
				since = step;
			}
			if (tc.checkpointEvery() > 0 && step % tc.checkpointEvery() == 0) m.export(out);
			progress.fraction((double) step / tc.steps());
		}
		m.export(out);
		return loss;
	}

	/** Budgets of the held-out fixed-budget curve a training run reports: 2, 4, 8, ... up to T_max. */
	public static int[] curveBudgets(final int tmax) {
		final java.util.TreeSet<Integer> k = new java.util.TreeSet<>();
		for (int b = 2; b < tmax; b *= 2) k.add(b);
		k.add(tmax);
		return k.stream().mapToInt(Integer::intValue).toArray();
	}

	/**
	 * Mean L1 on {@code tiles} of the first k tokens of one encoding at T_max and the smallest ε
	 * bin, for each k of {@code budgets} (capped at T_max): the rate–distortion curve a training
	 * run should make fall with every token. Decoder only after one encode, as prefix search.
	 */
	public static double[] heldOutCurve(final ModelSession m, final TileSet tiles, final int[] budgets) {
		return m.has(PREFIX_L1) ? ladderCurve(m, tiles, budgets) : heldOutCurveDecoded(m, tiles, budgets);
	}

	/** {@link #heldOutCurve} by tokenize at T_max and one decode per budget (the inference path). */
	static double[] heldOutCurveDecoded(final ModelSession m, final TileSet tiles, final int[] budgets) {
		final ModelConfig c = m.card().model();
		final int px = tiles.tilePixels(), side = tiles.tileSize(), tmax = c.maxTokens(), batch = 256;
		final float eps = m.epsilonBins()[0];
		final double[] sum = new double[budgets.length];
		for (int from = 0; from < tiles.n(); from += batch) {
			final int n = Math.min(batch, tiles.n() - from);
			final int[] tokens;
			final float[] epsilon = new float[n];
			java.util.Arrays.fill(epsilon, eps);
			try (Tensor img = Tensors.floats(tiles.pixels(), from * px, n, side, side, 1);
				Tensor e = Tensors.floats(epsilon, 0, n);
				Tensor b = Tensors.scalar(tmax);
				Result r = m.call(TOKENIZE, Map.of(IMAGES, img, EPSILON, e, BUDGET, b)))
			{
				tokens = Tensors.ints(r, TOKENS);
			}
			for (int j = 0; j < budgets.length; j++) {
				final int[] keep = BudgetLadder.prefixMask(n, tmax, Math.min(budgets[j], tmax));
				try (Tensor tok = Tensors.ints(tokens, 0, n, tmax);
					Tensor km = Tensors.ints(keep, 0, n, tmax);
					Result r = m.call(DECODE, Map.of(TOKENS, tok, KEEP_MASK, km)))
				{
					final float[] rec = Tensors.floats(r, IMAGES);
					for (int i = 0; i < n * px; i++) sum[j] += Math.abs(rec[i] - tiles.pixels()[from * px + i]) / px;
				}
			}
		}
		for (int j = 0; j < sum.length; j++) sum[j] /= tiles.n();
		return sum;
	}

	/**
	 * {@link #heldOutCurve} through the {@code prefix_l1} signature: one call per batch decodes
	 * every rung, with the model's VQ state (continuous tokens when VQ was never switched on).
	 * Budgets that are not rungs fall back to tokenize and decode.
	 */
	private static double[] ladderCurve(final ModelSession m, final TileSet tiles, final int[] budgets) {
		final int tmax = m.card().model().maxTokens();
		final int[] rungs = BudgetLadder.rungs(tmax);
		final int[] at = new int[budgets.length];
		for (int j = 0; j < budgets.length; j++) {
			at[j] = Arrays.binarySearch(rungs, Math.min(budgets[j], tmax));
			if (at[j] < 0) return heldOutCurveDecoded(m, tiles, budgets);
		}
		final int px = tiles.tilePixels(), side = tiles.tileSize(), batch = 64;
		final double[] sum = new double[budgets.length];
		for (int from = 0; from < tiles.n(); from += batch) {
			final int n = Math.min(batch, tiles.n() - from);
			final float[] epsilon = new float[n];
			Arrays.fill(epsilon, m.epsilonBins()[0]);
			try (Tensor img = Tensors.floats(tiles.pixels(), from * px, n, side, side, 1);
				Tensor e = Tensors.floats(epsilon, 0, n);
				Result r = m.call(PREFIX_L1, Map.of(IMAGES, img, EPSILON, e)))
			{
				final float[] l1 = Tensors.floats(r, L1); // [R, n], rung-major
				for (int j = 0; j < budgets.length; j++)
					for (int i = 0; i < n; i++) sum[j] += l1[at[j] * n + i];
			}
		}
		for (int j = 0; j < sum.length; j++) sum[j] /= tiles.n();
		return sum;
	}

	/**
	 * docs/algorithm.md §4.8: log the per-T histogram; re-space the bins in the graph and the card
	 * if collapsed and {@code respace}. NB: only for the paper's targets, where phase 2 is
	 * conditioned on bin(ε0) and the bins must resolve where ε0 lives. Minimum-budget targets
	 * sample every bin, so the bins stay the tolerances users ask for (re-spaced at step 1000 of a
	 * real run they became 0.016, 0.046, 0.074, ...: ε 0.05 would have been answered at 0.074).
	 */
	private static String calibrate(final ModelSession m, final EpsilonCalibration calibration,
		final boolean respace)
	{
		final EpsilonCalibration.Decision d = calibration.check();
		String msg = calibration.report() + "calibration: " + d.reason();
		if (d.collapsed() && !respace) msg += "; bins kept (minimum-budget targets train every bin)";
		else if (d.collapsed()) {
			try (Tensor b = Tensors.floats(d.bins(), 0, d.bins().length);
				Result r = m.call(SET_EPSILON_BINS, Map.of(BINS, b)))
			{
				// the graph now bins with the new values; its ε table rows restart at r_i
			}
			m.card(m.card().withModel(m.card().model().withEpsilonBins(d.bins()))
				.with("epsilon_bins_calibrated", Arrays.toString(d.bins())));
			msg += "; bins re-spaced to quantiles " + Arrays.toString(d.bins());
		}
		else msg += "; bins kept";
		return msg;
	}
}
