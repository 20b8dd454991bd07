package org.karl.engine.config;

/**
 * What may change between training runs of the same model (nanoGPT's {@code config} vs
 * {@code model_args}). Resuming keeps the {@link ModelConfig} from the card and may override this.
 *
 * @param steps total KARL steps (the run stops when the model's step counter reaches it)
 * @param batch images per step
 * @param peakLr peak learning rate after warmup
 * @param warmupFraction fraction of steps with linear warmup
 * @param weightDecay AdamW decoupled decay on rank >= 2 parameters
 * @param beta1 AdamW beta1
 * @param beta2 AdamW beta2
 * @param clipNorm global gradient-norm clip
 * @param calibrationSteps steps over which ε0 is collected for the bin check of §7.5 (0 = off)
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
 */
public record TrainConfig(int steps, int batch, float peakLr, float warmupFraction,
	float weightDecay, float beta1, float beta2, float clipNorm, int calibrationSteps, int baseSteps,
	int baseBatch, float baseLr, int codeInitStep, int latentCodeInitStep, int deadCodeSteps, int logEvery,
	int checkpointEvery, long seed, String haltingTargets)
{

	/** Halting targets of the paper (§4.1). */
	public static final String PAPER = "paper";
	/** Minimum-budget halting targets (docs/engine.md, "Halting targets"). */
	public static final String MINIMUM = "minimum";

	public TrainConfig {
		if (haltingTargets == null) haltingTargets = PAPER; // a card from before the option
		if (!haltingTargets.equals(PAPER) && !haltingTargets.equals(MINIMUM))
			throw new IllegalArgumentException("TrainConfig: halting targets must be '" + MINIMUM +
				"' or '" + PAPER + "', got '" + haltingTargets + "'");
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

	/** §7.3 "S": batch 32, lr 1e-3, 10% warmup, AdamW (0.9, 0.95), wd 0.05, clip 3.0. */
	public static TrainConfig defaults() {
		return new TrainConfig(3000, 32, 1e-3f, 0.1f, 0.05f, 0.9f, 0.95f, 3.0f, 1000, 2000, 128, 1e-3f,
			100, 500, 100, 50, 500, 42L, MINIMUM);
	}

	public TrainConfig withSteps(final int s) {
		return new TrainConfig(s, batch, peakLr, warmupFraction, weightDecay, beta1, beta2, clipNorm,
			calibrationSteps, baseSteps, baseBatch, baseLr, codeInitStep, latentCodeInitStep, deadCodeSteps, logEvery,
			checkpointEvery, seed, haltingTargets);
	}

	public TrainConfig withBaseSteps(final int s) {
		return new TrainConfig(steps, batch, peakLr, warmupFraction, weightDecay, beta1, beta2,
			clipNorm, calibrationSteps, s, baseBatch, baseLr, codeInitStep, latentCodeInitStep, deadCodeSteps, logEvery,
			checkpointEvery, seed, haltingTargets);
	}

	public TrainConfig withBatch(final int b, final int baseB) {
		return new TrainConfig(steps, b, peakLr, warmupFraction, weightDecay, beta1, beta2, clipNorm,
			calibrationSteps, baseSteps, baseB, baseLr, codeInitStep, latentCodeInitStep, deadCodeSteps, logEvery,
			checkpointEvery, seed, haltingTargets);
	}

	public TrainConfig withSchedule(final int calibration, final int codeInit, final int deadCode,
		final int log, final int checkpoint)
	{
		return new TrainConfig(steps, batch, peakLr, warmupFraction, weightDecay, beta1, beta2,
			clipNorm, calibration, baseSteps, baseBatch, baseLr, codeInit, latentCodeInitStep, deadCode, log, checkpoint,
			seed, haltingTargets);
	}

	public TrainConfig withLatentCodeInit(final int step) {
		return new TrainConfig(steps, batch, peakLr, warmupFraction, weightDecay, beta1, beta2,
			clipNorm, calibrationSteps, baseSteps, baseBatch, baseLr, codeInitStep, step, deadCodeSteps,
			logEvery, checkpointEvery, seed, haltingTargets);
	}

	public TrainConfig withSeed(final long s) {
		return new TrainConfig(steps, batch, peakLr, warmupFraction, weightDecay, beta1, beta2,
			clipNorm, calibrationSteps, baseSteps, baseBatch, baseLr, codeInitStep, latentCodeInitStep, deadCodeSteps,
			logEvery, checkpointEvery, s, haltingTargets);
	}

	public TrainConfig withLearningRate(final float lr) {
		return new TrainConfig(steps, batch, lr, warmupFraction, weightDecay, beta1, beta2, clipNorm,
			calibrationSteps, baseSteps, baseBatch, baseLr, codeInitStep, latentCodeInitStep, deadCodeSteps, logEvery,
			checkpointEvery, seed, haltingTargets);
	}

	public TrainConfig withHaltingTargets(final String mode) {
		return new TrainConfig(steps, batch, peakLr, warmupFraction, weightDecay, beta1, beta2,
			clipNorm, calibrationSteps, baseSteps, baseBatch, baseLr, codeInitStep, latentCodeInitStep,
			deadCodeSteps, logEvery, checkpointEvery, seed, mode);
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
