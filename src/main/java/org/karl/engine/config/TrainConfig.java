package org.karl.engine.config;

/**
 * What may change between training runs of the same model (nanoGPT's {@code config} vs
 * {@code model_args}). Resuming keeps the {@link ModelConfig} from the card and may override this.
 * Built by name ({@link TrainConfigBuilder}): {@code TrainConfig.builder().steps(500).batch(16).build()}.
 *
 * @param steps total KARL steps (the run stops when the model's step counter reaches it)
 * @param batch images per step
 * @param peakLr peak learning rate after warmup
 * @param warmupFraction fraction of steps with linear warmup
 * @param weightDecay AdamW decoupled decay on rank >= 2 parameters
 * @param beta1 AdamW beta1
 * @param beta2 AdamW beta2
 * @param clipNorm global gradient-norm clip
 * @param calibrationSteps steps over which ε0 is collected for the bin check of
 *          docs/algorithm.md §4.8 (0 = off)
 * @param baseSteps base VQ-VAE steps
 * @param baseBatch base VQ-VAE batch
 * @param baseLr base VQ-VAE Adam learning rate
 * @param codeInitStep base step at which the codebook is set from encoder outputs
 * @param latentCodeInitStep KARL step at which the 1D-token codebook is set from encoder outputs
 *          and VQ is switched on (continuous latents before it)
 * @param deadCodeSteps a base code unused for this many steps is restarted
 * @param logEvery steps between progress events
 * @param checkpointEvery steps between checkpoints (0 = only at the end)
 * @param seed data-order and sampling seed
 * @param haltingTargets what the phase-2 halting head learns: {@value #MINIMUM} (the smallest
 *          budget of a prefix ladder whose error meets the sampled ε bin; the default) or
 *          {@value #PAPER} (the paper's split at the phase-1 budget T, conditioned on bin(ε0)).
 *          Absent in cards written before the option existed, which all used the paper's.
 * @param phase1Tokens what phase 1 decodes at its budget T: {@value #PREFIX} (the first T tokens
 *          of an encoding with T_max queries, the tokens inference keeps; the default) or
 *          {@value #QUERIES} (the paper's: an encoding with T queries, all decoded). Absent in
 *          cards written before the option existed, which all used the paper's.
 * @param phase1Budgets the phase-1 budgets T as "MIN..MAX", sampled uniformly over the multiples
 *          of the model's budget step in that range; null (and cards written before the option)
 *          for the paper's 2..46 (every budget the latent-query table holds)
 * @param lrSchedule the learning-rate schedule of the run that trains to {@code steps}: null for
 *          the paper's (docs/algorithm.md §4.6: warmup over {@code warmupFraction} of
 *          {@code steps} from step 0 to {@code peakLr}, half-cosine to 0 at {@code steps}); else
 *          a run's own schedule over the steps it adds (a fine-tune, or a resume that adds steps),
 *          recorded so that resuming an interrupted fine-tune continues it exactly. Absent in
 *          cards before fine-tuning had one.
 */
public record TrainConfig(int steps, int batch, float peakLr, float warmupFraction,
	float weightDecay, float beta1, float beta2, float clipNorm, int calibrationSteps, int baseSteps,
	int baseBatch, float baseLr, int codeInitStep, int latentCodeInitStep, int deadCodeSteps, int logEvery,
	int checkpointEvery, long seed, String haltingTargets, String phase1Tokens, String phase1Budgets, LrRun lrSchedule)
{

	/** Halting targets of the paper (docs/algorithm.md §4.4). */
	public static final String PAPER = "paper";
	/** Minimum-budget halting targets (docs/algorithm.md §4.4). */
	public static final String MINIMUM = "minimum";
	/** Phase 1 as the paper: T latent queries, all decoded (docs/algorithm.md §4.1). */
	public static final String QUERIES = "queries";
	/** Phase 1 on prefixes: T_max latent queries, the decoder sees the first T (docs/engine.md). */
	public static final String PREFIX = "prefix";

	/**
	 * The learning-rate schedule of one run that continues a trained model: linear warmup over
	 * {@code warmupFraction} of the steps from {@code start} to the run's target (at least one
	 * step) up to {@code peak}, then a half-cosine down to {@code floorFraction * peak} at the
	 * target. A function of (step - start), so a fine-tune at step 10,000 learns as much as one
	 * at step 0 would.
	 *
	 * @param start the model's step when the run began (its first step is start + 1)
	 * @param peak learning rate after warmup
	 * @param warmupFraction fraction of the run's steps with linear warmup
	 * @param floorFraction the learning rate at the target, as a fraction of {@code peak}
	 */
	public record LrRun(long start, float peak, float warmupFraction, float floorFraction) {

		/**
		 * Peak of a run that adds steps, fine-tunes included, as a fraction of the training peak:
		 * 0.3 (3e-3 for the shipped model, whose card says 1e-2; its long continuation runs were
		 * measured best there, docs/engine.md). FineTuneMeasurement in the tests fine-tunes
		 * models/default 200 steps on generated microscopy-like tiles and reads, at ε 0.05, the
		 * mean count on 256 held-out microscopy tiles and on 256 mixed synthetic tiles the
		 * fine-tune never sees (the drift). On the codes default of commit 6ea107b (training peak
		 * 1e-3), from 15.37 and 17.17: peak 1.0 gave 17.20 and 20.14, 0.3 gave 16.85 and 18.36,
		 * 0.1 gave 15.83 and 17.99, so 0.3 was chosen. On the 33500-step default, from 10.94 and
		 * 16.29 (search T* 8.67 and 16.02; microscopy tiles within ε + 0.005: 0.88): 1.0 gave 13.39
		 * and 27.13, 0.3 gave 11.84 and 17.79, 0.1 gave 11.64 and 16.49, with T* 8.47-8.50 and
		 * 0.91 within ε at 0.3 and 0.1 alike: the fine-tune gains the same there at 0.1 with a
		 * seventh of the drift, and the count's rise on microscopy is the head over-reporting
		 * after a warm restart (|k - T*| 2.62 -> 3.50), not the content. 0.3 stays while it is
		 * also the long runs' rate; a user's short fine-tune can set {@code --peak_lr}.
		 */
		public static final float FINE_TUNE_PEAK_FRACTION = 0.3f;
		/** Warmup of a fine-tune: 5% of its steps (10 of 200). */
		public static final float FINE_TUNE_WARMUP = 0.05f;
		/** A fine-tune decays to 10% of its peak, not 0: its last steps still learn. */
		public static final float FINE_TUNE_FLOOR = 0.1f;

		public LrRun {
			if (start < 0) throw new IllegalArgumentException("TrainConfig: lrSchedule start must be >= 0, got " + start);
			if (!(peak > 0)) throw new IllegalArgumentException("TrainConfig: lrSchedule peak must be > 0, got " + peak);
			if (!(warmupFraction >= 0 && warmupFraction < 1)) throw new IllegalArgumentException(
				"TrainConfig: lrSchedule warmupFraction must be in [0,1), got " + warmupFraction);
			if (!(floorFraction >= 0 && floorFraction <= 1)) throw new IllegalArgumentException(
				"TrainConfig: lrSchedule floorFraction must be in [0,1], got " + floorFraction);
		}

		/** The schedule of a fine-tune that starts at {@code start} of a model trained at {@code trainingPeak}. */
		public static LrRun fineTune(final long start, final float trainingPeak) {
			return new LrRun(start, FINE_TUNE_PEAK_FRACTION * trainingPeak, FINE_TUNE_WARMUP,
				FINE_TUNE_FLOOR);
		}
	}

	public TrainConfig {
		if (haltingTargets == null) haltingTargets = PAPER; // a card from before the option
		if (!haltingTargets.equals(PAPER) && !haltingTargets.equals(MINIMUM))
			throw new IllegalArgumentException("TrainConfig: halting targets must be '" + MINIMUM +
				"' or '" + PAPER + "', got '" + haltingTargets + "'");
		if (phase1Tokens == null) phase1Tokens = QUERIES; // a card from before the option
		if (!phase1Tokens.equals(QUERIES) && !phase1Tokens.equals(PREFIX))
			throw new IllegalArgumentException("TrainConfig: phase-1 tokens must be '" + PREFIX +
				"' or '" + QUERIES + "', got '" + phase1Tokens + "'");
		if (phase1Budgets != null) Phase1Budgets.parse(phase1Budgets); // throws when malformed
		positive("steps", steps, true);
		positive("batch", batch, false);
		positive("baseSteps", baseSteps, true);
		positive("baseBatch", baseBatch, false);
		positive("logEvery", logEvery, false);
		positive("checkpointEvery", checkpointEvery, true);
		positive("calibrationSteps", calibrationSteps, true);
		positive("codeInitStep", codeInitStep, true);
		positive("latentCodeInitStep", latentCodeInitStep, true);
		positive("deadCodeSteps", deadCodeSteps, false);
		if (!(peakLr > 0) || !(baseLr > 0)) throw new IllegalArgumentException(
			"TrainConfig: learning rates must be > 0 (peakLr " + peakLr + ", baseLr " + baseLr + ")");
		if (!(warmupFraction >= 0 && warmupFraction < 1)) throw new IllegalArgumentException(
			"TrainConfig: warmupFraction must be in [0,1), got " + warmupFraction);
		if (!(clipNorm > 0)) throw new IllegalArgumentException("TrainConfig: clipNorm must be > 0");
	}

	/**
	 * The "S" training recipe (docs/algorithm.md §2): batch 32, lr 1e-3, 10% warmup, AdamW (0.9,
	 * 0.95), wd 0.05, clip 3.0; the values of a fresh {@link #builder()}.
	 */
	public static TrainConfig defaults() {
		return builder().build();
	}

	/** A builder that starts from the "S" recipe ({@link #defaults()}); set what differs by name. */
	public static TrainConfigBuilder builder() {
		return new TrainConfigBuilder();
	}

	/** A builder that starts from this config. */
	public TrainConfigBuilder toBuilder() {
		return new TrainConfigBuilder(this);
	}

	public TrainConfig withSteps(final int s) {
		return toBuilder().steps(s).build();
	}

	public TrainConfig withBaseSteps(final int s) {
		return toBuilder().baseSteps(s).build();
	}

	public TrainConfig withLatentCodeInit(final int step) {
		return toBuilder().latentCodeInitStep(step).build();
	}

	public TrainConfig withSeed(final long s) {
		return toBuilder().seed(s).build();
	}

	public TrainConfig withHaltingTargets(final String mode) {
		return toBuilder().haltingTargets(mode).build();
	}

	public TrainConfig withPhase1Tokens(final String mode) {
		return toBuilder().phase1Tokens(mode).build();
	}

	public TrainConfig withPhase1Budgets(final String range) {
		return toBuilder().phase1Budgets(range).build();
	}

	/** The same with a run's own learning-rate schedule; null for the paper's. */
	public TrainConfig withLrSchedule(final LrRun run) {
		return toBuilder().lrSchedule(run).build();
	}

	/** True when phase 1 decodes prefixes of a T_max encoding ({@link #PREFIX}). */
	public boolean prefixPhase1() {
		return PREFIX.equals(phase1Tokens);
	}

	/** True for {@link #MINIMUM} targets. */
	public boolean minimumTargets() {
		return MINIMUM.equals(haltingTargets);
	}


	private static void positive(final String f, final int v, final boolean zeroOk) {
		if (v < (zeroOk ? 0 : 1)) throw new IllegalArgumentException(
			"TrainConfig: " + f + " must be " + (zeroOk ? ">= 0" : ">= 1") + ", got " + v);
	}
}
