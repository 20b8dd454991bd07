package org.karl.ops.engine.tf;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

import org.karl.engine.api.Progress;
import org.karl.engine.config.ModelCard;
import org.karl.engine.config.ModelConfig;
import org.karl.engine.config.TrainConfig;
import org.karl.engine.runtime.ModelSession;
import org.karl.engine.train.BaseTrainer;
import org.karl.engine.train.KarlTrainer;
import org.karl.engine.train.LrSchedule;
import org.karl.engine.train.TrainListener;
import org.karl.engine.train.TrainingCanceled;
import org.karl.ops.engine.TrainLog;
import org.karl.ops.engine.TrainOutcome;
import org.karl.ops.engine.TrainRequest;

/**
 * The one training entry point behind every door: opens or creates the model, applies the
 * request (steps added, batch, halting targets), runs the base and/or KARL trainer, records
 * provenance in the card, and writes the model with its {@code serving/} export, also when
 * canceled (the last finished step).
 */
final class TfTraining {

	private TfTraining() {}

	/** The phase-1 budget range as the log and the card say it ("all" = the whole table). */
	private static String budgets(final TrainConfig tc) {
		return tc.phase1Budgets() == null ? "all" : tc.phase1Budgets();
	}

	static TrainOutcome train(final TrainRequest r, final TrainLog log, final Progress progress)
		throws IOException
	{
		ModelSession m = open(r, log);
		try {
			TrainConfig tc = m.card().training().withSeed(r.seed());
			if (r.batch() > 0) tc = r.phase() == TrainRequest.Phase.BASE ? tc.toBuilder().baseBatch(r
				.batch()).build() : tc.toBuilder().batch(r.batch()).build();
			final String was = tc.haltingTargets();
			final String mode = r.haltingTargets() == null ? was : r.haltingTargets();
			tc = tc.withHaltingTargets(mode);
			final String phase1Was = tc.phase1Tokens();
			final String phase1 = r.phase1Tokens() == null ? phase1Was : r.phase1Tokens();
			tc = tc.withPhase1Tokens(phase1);
			final String budgetsWas = tc.phase1Budgets();
			if (r.phase1Budgets() != null) tc = tc.withPhase1Budgets(r.phase1Budgets());
			final boolean budgetsChanged = !java.util.Objects.equals(budgetsWas, tc.phase1Budgets());
			// NB: the rate is fed per step, not part of the graph: no rebuild
			if (r.peakLr() != null) tc = tc.toBuilder().peakLr(r.peakLr()).build();
			// NB: at least ~10 curve points and log lines, even for a short fine-tuning run.
			if (r.steps() > 0) tc = tc.toBuilder().logEvery(Math.max(1, Math.min(tc.logEvery(), r
				.steps() / 10))).build();
			m.card(m.card().withTraining(tc));
			if (r.normalization() != null && !r.normalization().equals(m.card().normalization())) {
				// NB: the card says how this run read pixels; a fine-tune keeps the start's as history
				if (r.start() != null || r.resume()) m.card(m.card().with("normalization.before", m.card()
					.normalization()));
				m.card(m.card().withNormalization(r.normalization()));
			}
			if (!mode.equals(was) || !phase1.equals(phase1Was) || budgetsChanged) {
				// the modes are part of the train_step graph: rebuild it from our code, same weights
				log.line("halting targets: " + mode + " (was " + was + "), phase-1 tokens: " + phase1 +
					" (was " + phase1Was + "), phase-1 budgets: " + budgets(tc) + " (was " + (budgetsWas ==
						null ? "all" : budgetsWas) + "); rebuilding the training graph");
				m = m.rebuilt(m.card());
			}
			else m = m.upgraded(); // a model from an older version gets today's training graph
			final TrainListener listener = e -> {
				log.line(e.logLine());
				// the internal numbers (loss terms, targets, ε0 bins) once, at the end of a phase
				if (e.step() >= e.total()) log.line(e.detailLine());
				log.point(e.phase(), e.step(), e.loss());
			};
			float loss = Float.NaN;
			boolean canceled = false;
			final long t0 = System.nanoTime();
			try {
				if (r.phase().base()) {
					final long from = m.baseStep();
					tc = m.card().training();
					tc = tc.withBaseSteps(target(r, from, tc.baseSteps()));
					m.card(m.card().withTraining(tc));
					recordPlan(m, r);
					log.line("base: steps " + from + " -> " + tc.baseSteps() + "; " + m.card().model() + "; " +
						tc);
					final float l = BaseTrainer.train(m, r.data(), tc, r.output(), listener, r.phase()
						.karl() ? progress.sub(0, 0.5) : progress);
					if (!Float.isNaN(l)) {
						loss = l;
						provenance(m, r, "base", m.baseStep(), t0, "l1", l);
					}
					if (r.heldOut() != null) {
						// the floor KARL can at best reach: the base's own error on tiles no training sees
						final double l1 = BaseTrainer.heldOutL1(m, r.heldOut());
						log.line(String.format(Locale.ROOT, "base held-out L1 %.4f (%s)", l1, r.heldOutNote()));
						m.card(m.card().with("base.heldout_l1", Math.round(l1 * 1e5) / 1e5).with(
							"base.heldout_set", r.heldOutNote()));
					}
				}
				if (r.phase().karl()) {
					final long from = m.step(), t1 = System.nanoTime();
					tc = schedule(r, from, m.card().training());
					m.card(m.card().withTraining(tc));
					recordPlan(m, r);
					log.line("karl: steps " + from + " -> " + tc.steps() + "; halting targets " + tc
						.haltingTargets() + "; phase-1 tokens " + tc.phase1Tokens() + "; phase-1 budgets " +
						budgets(tc) + "; " + LrSchedule.describe(tc));
					final float l = KarlTrainer.train(m, r.data(), tc, r.output(), listener, r.phase()
						.base() ? progress.sub(0.5, 1) : progress);
					if (!Float.isNaN(l)) {
						loss = l;
						provenance(m, r, "karl", m.step(), t1, "loss", l);
					}
					if (r.heldOut() != null) heldOutCurve(m, r, log);
				}
			}
			catch (final TrainingCanceled e) {
				canceled = true;
				log.line(e.getMessage());
			}
			m.card(m.card().with("halting_targets", m.card().training().haltingTargets()).with(
				"phase1_tokens", m.card().training().phase1Tokens()).with(
				"phase1_budgets", budgets(m.card().training())).with(
				"epsilon_bins", Arrays.toString(m.epsilonBins())));
			m.export(r.output());
			m.exportServing(r.output()); // inference loads this faster (no gradients, no optimiser)
			log.line("saved " + r.output() + " at step " + m.step() + " (base " + m.baseStep() + ") after " +
				String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9) + " s");
			return new TrainOutcome(m.baseStep(), m.step(), loss, canceled);
		}
		finally {
			m.close();
		}
	}

	/**
	 * Before the first step of a run that adds steps to the model in its output folder (resume
	 * with steps), writes the model with this run's target and schedule in its card: a kill at
	 * any later point (before the first checkpoint, or during the final save, whose export is
	 * atomic and so leaves the previous model) then leaves the plan on disk, and resume without
	 * steps finishes this run instead of finding the previous run's target already reached.
	 */
	private static void recordPlan(final ModelSession m, final TrainRequest r) throws IOException {
		if (r.resume() && r.steps() > 0) m.export(r.output());
	}

	/** Logs and records the held-out fixed-budget curve: does the error fall with every token? */
	private static void heldOutCurve(final ModelSession m, final TrainRequest r, final TrainLog log) {
		final int[] k = KarlTrainer.curveBudgets(m.card().model().maxTokens());
		final double[] l1 = KarlTrainer.heldOutCurve(m, r.heldOut(), k);
		final StringBuilder s = new StringBuilder();
		for (int j = 0; j < k.length; j++) s.append(j == 0 ? "" : ", ").append(k[j]).append(": ").append(
			String.format(Locale.ROOT, "%.4f", l1[j]));
		// NB: before VQ is switched on the run trains continuous tokens, and the curve is theirs
		if (m.step() < m.card().training().latentCodeInitStep()) s.append("; continuous tokens, VQ not " +
			"switched on yet");
		log.line("karl held-out L1 at fixed budgets (first k tokens) " + s + " (" + r.heldOutNote() + ")");
		m.card(m.card().with("karl.heldout_l1_at_budget", s.toString()).with("karl.heldout_set", r
			.heldOutNote()));
	}

	/**
	 * The KARL phase's target and learning-rate schedule. A run that adds steps to a trained
	 * model (a fine-tune from {@code start}, or resume with steps) gets its own schedule over the
	 * steps it adds, at a fraction of the training peak ({@link TrainConfig.LrRun#fineTune}): the
	 * paper's schedule is a function of the absolute step and ended at the model's step, so it
	 * would continue at ~0. Training from step 0 keeps the paper's schedule; resume without steps
	 * (finish an interrupted run) keeps the card's schedule, so it continues bit for bit.
	 */
	static TrainConfig schedule(final TrainRequest r, final long now, final TrainConfig card) {
		final TrainConfig tc = card.withSteps(target(r, now, card.steps()));
		if (r.steps() == 0) return tc;
		return tc.withLrSchedule(now == 0 ? null : TrainConfig.LrRun.fineTune(now, card.peakLr()));
	}

	/**
	 * The step a phase trains to: {@code steps} more than now; with {@code steps == 0} and
	 * resume, the target the interrupted run recorded ({@code recorded}).
	 */
	static int target(final TrainRequest r, final long now, final int recorded) {
		if (r.steps() > 0) return Math.toIntExact(now + r.steps());
		return Math.max(recorded, Math.toIntExact(now));
	}

	private static void provenance(final ModelSession m, final TrainRequest r, final String key,
		final long step, final long t0, final String lossName, final float loss)
	{
		// NB: a resumed run with no steps left returns NaN and keeps the earlier provenance
		if (key.equals("karl")) {
			final TrainConfig.LrRun run = m.card().training().lrSchedule();
			m.card(m.card().with("karl.schedule_start", run == null ? 0 : run.start()).with(
				"karl.schedule_peak", run == null ? m.card().training().peakLr() : run.peak()).with(
					"karl.lr_schedule", LrSchedule.describe(m.card().training())));
		}
		m.card(m.card().with(key + ".command", r.command()).with(key + ".data", r.dataNote()).with(
			key + ".steps", step).with(key + ".wall_seconds", Math.round((System.nanoTime() - t0) /
				1e8) / 10.0).with(key + ".final_" + lossName, loss));
	}

	private static ModelSession open(final TrainRequest r, final TrainLog log) throws IOException {
		if (r.resume()) {
			log.line("resuming " + r.output());
			return ModelSession.load(r.output());
		}
		if (r.start() != null) {
			final ModelSession m = ModelSession.load(r.start());
			// NB: a start model with trained KARL steps is fine-tuned; a base gets KARL trained
			log.line((r.phase() != TrainRequest.Phase.KARL ? "starting from " : m.step() > 0
				? "fine-tuning " : "training KARL on ") + r.start() + (r.phase() == TrainRequest.Phase.KARL
					? " (its base tokenizer is reused, frozen)" : ""));
			return m;
		}
		if (r.phase() == TrainRequest.Phase.KARL) throw new IllegalArgumentException(
			"KARL training needs a trained base tokenizer; run karl train-base first and pass its " +
				"folder as the model to start from");
		log.line("new model, preset " + r.preset());
		return ModelSession.create(ModelCard.of(ModelConfig.preset(r.preset()), TrainConfig
			.defaults()));
	}
}
