package org.karl.engine.config;

/**
 * Named construction of a {@link ModelConfig}: one method per component, named as the
 * component and documented there; {@link #build()} runs the record's checks. Starts from the
 * "S" recipe ({@link ModelConfig#builder()}) or from a config ({@link ModelConfig#toBuilder()}).
 */
public final class ModelConfigBuilder {

	private int tileSize = 32;
	private int patch = 4;
	private int[] baseChannels = { 16, 32 };
	private int dz = 16;
	private int baseCodes = 256;
	private int width = 64;
	private int encoderLayers = 3;
	private int decoderLayers = 3;
	private int heads = 4;
	private int mlpRatio = 4;
	private int maxTokens = 32;
	private int budgetStep = 2;
	private int tableTokens = 46;
	private int latentCodes = 512;
	private int latentDim = 8;
	private int haltHidden = 64;
	private float haltThreshold = 0.75f;
	private float vqBeta = 0.25f;
	private float[] epsilonBins = ModelConfig.PAPER_BINS;
	private long seed = 1234L;
	private String decoderTarget = ModelConfig.CODES;

	ModelConfigBuilder() {}

	ModelConfigBuilder(final ModelConfig c) {
		tileSize = c.tileSize();
		patch = c.patch();
		baseChannels = c.baseChannels();
		dz = c.dz();
		baseCodes = c.baseCodes();
		width = c.width();
		encoderLayers = c.encoderLayers();
		decoderLayers = c.decoderLayers();
		heads = c.heads();
		mlpRatio = c.mlpRatio();
		maxTokens = c.maxTokens();
		budgetStep = c.budgetStep();
		tableTokens = c.tableTokens();
		latentCodes = c.latentCodes();
		latentDim = c.latentDim();
		haltHidden = c.haltHidden();
		haltThreshold = c.haltThreshold();
		vqBeta = c.vqBeta();
		epsilonBins = c.epsilonBins();
		seed = c.seed();
		decoderTarget = c.decoderTarget();
	}

	public ModelConfigBuilder tileSize(final int v) {
		tileSize = v;
		return this;
	}

	public ModelConfigBuilder patch(final int v) {
		patch = v;
		return this;
	}

	/** Hidden channels of the base VQ-VAE's first and second stage. */
	public ModelConfigBuilder baseChannels(final int... v) {
		baseChannels = v;
		return this;
	}

	public ModelConfigBuilder dz(final int v) {
		dz = v;
		return this;
	}

	public ModelConfigBuilder baseCodes(final int v) {
		baseCodes = v;
		return this;
	}

	public ModelConfigBuilder width(final int v) {
		width = v;
		return this;
	}

	public ModelConfigBuilder encoderLayers(final int v) {
		encoderLayers = v;
		return this;
	}

	public ModelConfigBuilder decoderLayers(final int v) {
		decoderLayers = v;
		return this;
	}

	public ModelConfigBuilder heads(final int v) {
		heads = v;
		return this;
	}

	public ModelConfigBuilder mlpRatio(final int v) {
		mlpRatio = v;
		return this;
	}

	public ModelConfigBuilder maxTokens(final int v) {
		maxTokens = v;
		return this;
	}

	public ModelConfigBuilder budgetStep(final int v) {
		budgetStep = v;
		return this;
	}

	public ModelConfigBuilder tableTokens(final int v) {
		tableTokens = v;
		return this;
	}

	public ModelConfigBuilder latentCodes(final int v) {
		latentCodes = v;
		return this;
	}

	public ModelConfigBuilder latentDim(final int v) {
		latentDim = v;
		return this;
	}

	public ModelConfigBuilder haltHidden(final int v) {
		haltHidden = v;
		return this;
	}

	public ModelConfigBuilder haltThreshold(final float v) {
		haltThreshold = v;
		return this;
	}

	public ModelConfigBuilder vqBeta(final float v) {
		vqBeta = v;
		return this;
	}

	public ModelConfigBuilder epsilonBins(final float... v) {
		epsilonBins = v;
		return this;
	}

	public ModelConfigBuilder seed(final long v) {
		seed = v;
		return this;
	}

	public ModelConfigBuilder decoderTarget(final String v) {
		decoderTarget = v;
		return this;
	}

	/** The config (arrays copied); throws as the record's constructor does. */
	public ModelConfig build() {
		return new ModelConfig(tileSize, patch, baseChannels, dz, baseCodes, width,
			encoderLayers, decoderLayers, heads, mlpRatio, maxTokens, budgetStep, tableTokens,
			latentCodes, latentDim, haltHidden, haltThreshold, vqBeta, epsilonBins, seed,
			decoderTarget);
	}
}
