package org.karl.engine.graph;

import java.util.List;

/**
 * Signature keys and tensor keys of the KARL SavedModel: the contract between the graph builder,
 * the runtime and the trainers. snake_case; never renamed once shipped.
 */
public final class GraphNames {

	private GraphNames() {}

	// -- Signatures --
	public static final String TOKENIZE = "tokenize";
	public static final String DECODE = "decode";
	public static final String RECONSTRUCT = "reconstruct";
	public static final String TRAIN_STEP = "train_step";
	public static final String BASE_TRAIN_STEP = "base_train_step";
	public static final String BASE_SET_CODEBOOK = "base_set_codebook";
	/** The base VQ-VAE alone: images -> quantised reconstructions and L1 (not required on load). */
	public static final String BASE_RECONSTRUCT = "base_reconstruct";
	public static final String SET_EPSILON_BINS = "set_epsilon_bins";
	/**
	 * One encoding at T_max decoded at every rung of the prefix ladder, with the model's VQ state
	 * (continuous tokens before VQ is switched on): the held-out curve of a training run (not
	 * required on load, not in the serving export).
	 */
	public static final String PREFIX_L1 = "prefix_l1";
	public static final String SET_LATENT_CODEBOOK = "set_latent_codebook";
	public static final String STATE = "state";
	public static final String SERVING_DEFAULT = "serving_default";

	/** Signatures every KARL SavedModel must have. */
	public static final List<String> REQUIRED = List.of(TOKENIZE, DECODE, RECONSTRUCT, TRAIN_STEP,
		BASE_TRAIN_STEP, BASE_SET_CODEBOOK, SET_LATENT_CODEBOOK, SET_EPSILON_BINS, STATE);

	/** Signatures a serving-only export ({@link ModelGraph#buildServing}) has. */
	public static final List<String> SERVING = List.of(TOKENIZE, DECODE, RECONSTRUCT, STATE);

	/** Sub-folder of a model folder holding its serving-only SavedModel, when exported. */
	public static final String SERVING_DIR = "serving";

	// -- Inputs --
	public static final String IMAGES = "images";
	public static final String EPSILON = "epsilon";
	public static final String BUDGET = "budget";
	public static final String TOKENS = "tokens";
	public static final String KEEP_MASK = "keep_mask";
	public static final String LEARNING_RATE = "learning_rate";
	public static final String CODEBOOK = "codebook";
	public static final String BINS = "bins";

	// -- Outputs --
	public static final String COUNTS = "counts";
	public static final String HALT_PROB = "halt_prob";
	public static final String RECONSTRUCTIONS = "reconstructions";
	public static final String L1 = "l1";
	public static final String LOSS = "loss";
	public static final String EPS0 = "eps0";
	public static final String KEPT_MEAN = "kept_mean";
	/** Mean halting target of a train step (T* or the paper's T, capped at T_max). */
	public static final String TARGET_MEAN = "target_mean";
	public static final String GRAD_NORM = "grad_norm";
	public static final String STEP = "step";
	public static final String BASE_STEP = "base_step";
	public static final String VQ = "vq";
	public static final String CODES = "codes";
	public static final String LATENTS = "latents";
	public static final String PI = "pi";
	public static final String USAGE = "usage";
	public static final String LATENT_CODEBOOK = "latent_codebook";

	/** Per-phase loss terms of train_step, in log order. */
	public static final List<String> LOSS_TERMS = List.of("p1_ce", "p1_mse", "p1_vq", "p1_halt",
		"p2_ce", "p2_mse", "p2_vq", "p2_halt");

	// -- Variables read by name --
	public static final String VAR_GLOBAL_STEP = "global_step";
	public static final String VAR_BASE_STEP = "base_step";
	public static final String VAR_BINS = "eps.bins";
	public static final String VAR_PI = "train.pi";
	public static final String VAR_VQ_ON = "karl.vq.on";
	public static final String VAR_USAGE = "karl.vq.usage";
}
