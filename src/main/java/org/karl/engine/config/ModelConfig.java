package org.karl.engine.config;

import java.util.Arrays;

/**
 * Everything that fixes the KARL graph: base tokenizer, transformer sizes, token schedule, ε bins.
 * Immutable; presets are static factories, an override is a {@code withX} copy and anything more
 * is built by name ({@link ModelConfigBuilder}). The presets and their sizes: docs/algorithm.md §2 (the "S"
 * recipe is {@link #small()}).
 *
 * @param tileSize input tile edge in pixels (32)
 * @param patch pixels per 2D token edge; grid = tileSize / patch (8, i.e. N = 64)
 * @param baseChannels hidden channels of the base VQ-VAE (first, second stage)
 * @param dz channels of the base latent h (Dz)
 * @param baseCodes base codebook size (K)
 * @param width transformer width W (encoder and decoder)
 * @param encoderLayers encoder blocks
 * @param decoderLayers decoder blocks
 * @param heads attention heads
 * @param mlpRatio MLP hidden = mlpRatio * W
 * @param maxTokens T_max, the phase-2 and inference budget
 * @param budgetStep phase-1 budgets are budgetStep, 2*budgetStep, ..., tableTokens
 * @param tableTokens rows of the latent-query and timestep tables (largest phase-1 budget)
 * @param latentCodes 1D-token codebook size
 * @param latentDim 1D-token code dimension d
 * @param haltHidden hidden width of the halting MLP
 * @param haltThreshold p_halt above which a token is dropped (0.75)
 * @param vqBeta commitment weight of both quantisers
 * @param epsilonBins ascending ε bins (mean L1 in [0,1] units); binning rounds up
 * @param seed initialisation seed
 * @param decoderTarget {@value #CODES} (the paper's VQGAN variant) or {@value #LATENT} (its VAE
 *          variant); absent in cards written before the option, which all used codes
 */
public record ModelConfig(int tileSize, int patch, int[] baseChannels, int dz, int baseCodes,
	int width, int encoderLayers, int decoderLayers, int heads, int mlpRatio, int maxTokens,
	int budgetStep, int tableTokens, int latentCodes, int latentDim, int haltHidden,
	float haltThreshold, float vqBeta, float[] epsilonBins, long seed, String decoderTarget)
{

	/** The paper's VQGAN variant: a VQ base, the decoder predicts base codes (CE + code MSE). */
	public static final String CODES = "codes";
	/**
	 * The paper's VAE variant: a continuous base latent (no base VQ), the decoder regresses it
	 * (latent MSE) and is also trained on pixel L1 through the frozen base decoder.
	 */
	public static final String LATENT = "latent";

	/** The 19 bins of the paper's released code (docs/algorithm.md §2). */
	public static final float[] PAPER_BINS = { 0.005f, 0.01f, 0.02f, 0.03f, 0.04f, 0.05f, 0.06f,
		0.07f, 0.09f, 0.1f, 0.12f, 0.14f, 0.16f, 0.18f, 0.2f, 0.24f, 0.28f, 0.32f, 0.38f };

	public ModelConfig {
		if (decoderTarget == null) decoderTarget = CODES; // a card from before the option
		if (!decoderTarget.equals(CODES) && !decoderTarget.equals(LATENT)) throw new
			IllegalArgumentException("ModelConfig: decoderTarget must be '" + CODES + "' or '" + LATENT +
				"', got '" + decoderTarget + "'");
		check("tileSize", tileSize, 8, 256);
		check("patch", patch, 1, tileSize);
		if (tileSize % patch != 0) throw new IllegalArgumentException(
			"ModelConfig: tileSize " + tileSize + " must be a multiple of patch " + patch);
		if (tileSize / patch != 8) throw new IllegalArgumentException("ModelConfig: the base " +
			"tokenizer downsamples by 4, so tileSize/patch must be 8 (got " + tileSize / patch + ")");
		if (baseChannels == null || baseChannels.length != 2) throw new IllegalArgumentException(
			"ModelConfig: baseChannels needs 2 values, got " + Arrays.toString(baseChannels));
		check("dz", dz, 1, 1024);
		check("baseCodes", baseCodes, 2, 65536);
		check("width", width, 8, 4096);
		check("encoderLayers", encoderLayers, 1, 64);
		check("decoderLayers", decoderLayers, 1, 64);
		check("heads", heads, 1, width);
		if (width % heads != 0) throw new IllegalArgumentException(
			"ModelConfig: width " + width + " must be a multiple of heads " + heads);
		if (width <= dz) throw new IllegalArgumentException(
			"ModelConfig: width " + width + " must exceed dz " + dz + " (patch embedding gets W-Dz)");
		check("mlpRatio", mlpRatio, 1, 16);
		check("maxTokens", maxTokens, 1, 4096);
		check("budgetStep", budgetStep, 1, maxTokens);
		check("tableTokens", tableTokens, maxTokens, 8192);
		check("latentCodes", latentCodes, 2, 1 << 20);
		check("latentDim", latentDim, 1, 1024);
		check("haltHidden", haltHidden, 1, 8192);
		if (!(haltThreshold > 0 && haltThreshold < 1)) throw new IllegalArgumentException(
			"ModelConfig: haltThreshold must be in (0,1), got " + haltThreshold);
		if (!(vqBeta >= 0)) throw new IllegalArgumentException("ModelConfig: vqBeta < 0: " + vqBeta);
		checkBins(epsilonBins);
		baseChannels = baseChannels.clone();
		epsilonBins = epsilonBins.clone();
	}

	/**
	 * The tiny "S" recipe (docs/algorithm.md §2): W 64, 3+3 layers, 4 heads, T_max 32, budgets
	 * 2..46.
	 */
	public static ModelConfig small() {
		return builder().build();
	}

	/**
	 * The stretch "M" recipe (docs/algorithm.md §2): W 96, 4+4 layers, 1024 x 12 latent codebook.
	 */
	public static ModelConfig medium() {
		return builder().width(96).encoderLayers(4).decoderLayers(4).latentCodes(1024).latentDim(12)
			.haltHidden(96).build();
	}

	/** A small model for short behaviour tests: W 32, 2+2 layers, T_max 16, budgets 2..22. */
	public static ModelConfig tiny() {
		return builder().baseCodes(128).width(32).encoderLayers(2).decoderLayers(2).heads(2)
			.maxTokens(16).tableTokens(22).latentCodes(128).haltHidden(32).seed(11L).build();
	}

	/** A very small model for unit tests: W 16, 1+1 layers, 2 heads, T_max 8, budgets 2..12. */
	public static ModelConfig test() {
		return builder().baseChannels(8, 8).dz(4).baseCodes(16).width(16).encoderLayers(1)
			.decoderLayers(1).heads(2).mlpRatio(2).maxTokens(8).tableTokens(12).latentCodes(32)
			.latentDim(4).haltHidden(16).seed(7L).build();
	}

	/** Number of 2D grid tokens N. */
	public int gridTokens() {
		final int g = tileSize / patch;
		return g * g;
	}

	/** Number of phase-1 budgets (23 for S). */
	public int budgetCount() {
		return tableTokens / budgetStep;
	}

	public int[] baseChannels() {
		return baseChannels.clone();
	}

	public float[] epsilonBins() {
		return epsilonBins.clone();
	}

	/**
	 * A builder that starts from the "S" recipe ({@link #small()}); set what differs by name:
	 * {@code ModelConfig.builder().width(96).encoderLayers(4).build()}.
	 */
	public static ModelConfigBuilder builder() {
		return new ModelConfigBuilder();
	}

	/** A builder that starts from this config. */
	public ModelConfigBuilder toBuilder() {
		return new ModelConfigBuilder(this);
	}

	public ModelConfig withWidth(final int w) {
		return toBuilder().width(w).build();
	}

	public ModelConfig withEpsilonBins(final float[] bins) {
		return toBuilder().epsilonBins(bins).build();
	}

	public ModelConfig withSeed(final long s) {
		return toBuilder().seed(s).build();
	}

	public ModelConfig withDecoderTarget(final String target) {
		return toBuilder().decoderTarget(target).build();
	}

	/** True for the VAE variant: continuous base latent, regressed by the decoder. */
	public boolean latentTarget() {
		return LATENT.equals(decoderTarget);
	}

	/**
	 * Looks up a preset by name: a size, small (S), medium (M), tiny or test, then optional
	 * modifiers: -codes / -latent (the decoder target), -wide (base channels doubled) and -deep
	 * (KARL decoder layers doubled).
	 */
	public static ModelConfig preset(final String name) {
		final String[] parts = name.toLowerCase().split("-");
		ModelConfig m = size(parts[0]);
		for (int i = 1; i < parts.length; i++) m = switch (parts[i]) {
			case CODES, LATENT -> m.withDecoderTarget(parts[i]);
			case "wide" -> m.toBuilder().baseChannels(2 * m.baseChannels[0], 2 * m.baseChannels[1])
				.build();
			// NB: the decoder only; the encoder-only map keeps its speed
			case "deep" -> m.toBuilder().decoderLayers(2 * m.decoderLayers).build();
			default -> throw new IllegalArgumentException("Unknown preset modifier '" + parts[i] + "' in '" +
				name + "'; use -codes, -latent, -wide or -deep after the size");
		};
		return m;
	}

	private static ModelConfig size(final String name) {
		return switch (name) {
			case "s", "small" -> small();
			case "m", "medium" -> medium();
			case "tiny" -> tiny();
			case "test" -> test();
			default -> throw new IllegalArgumentException("Unknown model preset '" + name +
				"'; use small, medium, tiny or test");
		};
	}


	static void checkBins(final float[] bins) {
		if (bins == null || bins.length < 2) throw new IllegalArgumentException(
			"ModelConfig: need at least 2 epsilon bins, got " + Arrays.toString(bins));
		for (int i = 0; i < bins.length; i++) {
			if (!(bins[i] > 0 && bins[i] <= 1)) throw new IllegalArgumentException(
				"ModelConfig: epsilon bin " + i + " = " + bins[i] + " is outside (0,1]");
			if (i > 0 && !(bins[i] > bins[i - 1])) throw new IllegalArgumentException(
				"ModelConfig: epsilon bins must be strictly ascending: " + Arrays.toString(bins));
		}
	}

	private static void check(final String field, final int v, final int lo, final int hi) {
		if (v < lo || v > hi) throw new IllegalArgumentException(
			"ModelConfig: " + field + " = " + v + " is outside [" + lo + ", " + hi + "]");
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof ModelConfig m && toString().equals(m.toString());
	}

	@Override
	public int hashCode() {
		return toString().hashCode();
	}

	@Override
	public String toString() {
		return "ModelConfig[tile=" + tileSize + " patch=" + patch + " base=" +
			Arrays.toString(baseChannels) + " dz=" + dz + " K=" + baseCodes + " W=" + width + " L=" +
			encoderLayers + "+" + decoderLayers + " H=" + heads + " mlp=" + mlpRatio + " Tmax=" +
			maxTokens + " budgets=" + budgetStep + ".." + tableTokens + " codes=" + latentCodes + "x" +
			latentDim + " halt=" + haltHidden + "@" + haltThreshold + " beta=" + vqBeta + " bins=" +
			Arrays.toString(epsilonBins) + " seed=" + seed + (latentTarget() ? " decoder=" + decoderTarget
			: "") + "]";
	}
}
