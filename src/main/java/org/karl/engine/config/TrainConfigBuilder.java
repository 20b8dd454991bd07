package org.karl.engine.config;

/**
 * Named construction of a {@link TrainConfig}: one method per component, named as the
 * component and documented there; {@link #build()} runs the record's checks. Starts from the
 * "S" recipe ({@link TrainConfig#builder()}) or from a config ({@link TrainConfig#toBuilder()}).
 */
public final class TrainConfigBuilder {

	private int steps = 3000;
	private int batch = 32;
	private float peakLr = 1e-3f;
	private float warmupFraction = 0.1f;
	private float weightDecay = 0.05f;
	private float beta1 = 0.9f;
	private float beta2 = 0.95f;
	private float clipNorm = 3.0f;
	private int calibrationSteps = 1000;
	private int baseSteps = 2000;
	private int baseBatch = 128;
	private float baseLr = 1e-3f;
	private int codeInitStep = 100;
	private int latentCodeInitStep = 500;
	private int deadCodeSteps = 100;
	private int logEvery = 50;
	private int checkpointEvery = 500;
	private long seed = 42L;
	private String haltingTargets = TrainConfig.MINIMUM;
	private String phase1Tokens = TrainConfig.PREFIX;
	private String phase1Budgets = null;
	private TrainConfig.LrRun lrSchedule = null;

	TrainConfigBuilder() {}

	TrainConfigBuilder(final TrainConfig c) {
		steps = c.steps();
		batch = c.batch();
		peakLr = c.peakLr();
		warmupFraction = c.warmupFraction();
		weightDecay = c.weightDecay();
		beta1 = c.beta1();
		beta2 = c.beta2();
		clipNorm = c.clipNorm();
		calibrationSteps = c.calibrationSteps();
		baseSteps = c.baseSteps();
		baseBatch = c.baseBatch();
		baseLr = c.baseLr();
		codeInitStep = c.codeInitStep();
		latentCodeInitStep = c.latentCodeInitStep();
		deadCodeSteps = c.deadCodeSteps();
		logEvery = c.logEvery();
		checkpointEvery = c.checkpointEvery();
		seed = c.seed();
		haltingTargets = c.haltingTargets();
		phase1Tokens = c.phase1Tokens();
		phase1Budgets = c.phase1Budgets();
		lrSchedule = c.lrSchedule();
	}

	public TrainConfigBuilder steps(final int v) {
		steps = v;
		return this;
	}

	public TrainConfigBuilder batch(final int v) {
		batch = v;
		return this;
	}

	public TrainConfigBuilder peakLr(final float v) {
		peakLr = v;
		return this;
	}

	public TrainConfigBuilder warmupFraction(final float v) {
		warmupFraction = v;
		return this;
	}

	public TrainConfigBuilder weightDecay(final float v) {
		weightDecay = v;
		return this;
	}

	public TrainConfigBuilder beta1(final float v) {
		beta1 = v;
		return this;
	}

	public TrainConfigBuilder beta2(final float v) {
		beta2 = v;
		return this;
	}

	public TrainConfigBuilder clipNorm(final float v) {
		clipNorm = v;
		return this;
	}

	public TrainConfigBuilder calibrationSteps(final int v) {
		calibrationSteps = v;
		return this;
	}

	public TrainConfigBuilder baseSteps(final int v) {
		baseSteps = v;
		return this;
	}

	public TrainConfigBuilder baseBatch(final int v) {
		baseBatch = v;
		return this;
	}

	public TrainConfigBuilder baseLr(final float v) {
		baseLr = v;
		return this;
	}

	public TrainConfigBuilder codeInitStep(final int v) {
		codeInitStep = v;
		return this;
	}

	public TrainConfigBuilder latentCodeInitStep(final int v) {
		latentCodeInitStep = v;
		return this;
	}

	public TrainConfigBuilder deadCodeSteps(final int v) {
		deadCodeSteps = v;
		return this;
	}

	public TrainConfigBuilder logEvery(final int v) {
		logEvery = v;
		return this;
	}

	public TrainConfigBuilder checkpointEvery(final int v) {
		checkpointEvery = v;
		return this;
	}

	public TrainConfigBuilder seed(final long v) {
		seed = v;
		return this;
	}

	public TrainConfigBuilder haltingTargets(final String v) {
		haltingTargets = v;
		return this;
	}

	public TrainConfigBuilder phase1Tokens(final String v) {
		phase1Tokens = v;
		return this;
	}

	public TrainConfigBuilder phase1Budgets(final String v) {
		phase1Budgets = v;
		return this;
	}

	public TrainConfigBuilder lrSchedule(final TrainConfig.LrRun v) {
		lrSchedule = v;
		return this;
	}

	/** The config; throws {@code IllegalArgumentException} as the record's constructor does. */
	public TrainConfig build() {
		return new TrainConfig(steps, batch, peakLr, warmupFraction, weightDecay, beta1,
			beta2, clipNorm, calibrationSteps, baseSteps, baseBatch, baseLr, codeInitStep,
			latentCodeInitStep, deadCodeSteps, logEvery, checkpointEvery, seed, haltingTargets,
			phase1Tokens, phase1Budgets, lrSchedule);
	}
}
