package org.karl;

/**
 * Every user-facing option name, each next to its default. One vocabulary: a key is the CLI flag
 * ({@code --epsilon=0.05}), the macro key ({@code epsilon=0.05}) and the model-card field.
 * Keys are snake_case single tokens and are never renamed once released (a rename is a new key
 * plus a deprecated alias).
 */
public final class Keys {

	private Keys() {}

	/**
	 * Model folder (a KARL SavedModel with its card); tokenize, info, train, reconstruct. In the
	 * ImageJ commands, empty means the default model in every command: KARL Train then fine-tunes
	 * it; {@link #MODEL_NEW} asks KARL Train for a new model of {@link #KEY_PRESET}'s size.
	 */
	public static final String KEY_MODEL = "model";
	/** No default in the CLI: the model folder must be given (ImageJ: empty = the default model). */
	public static final String DEFAULT_MODEL = null;
	/** KARL Train's {@link #KEY_MODEL} value for "train a new model" (a folder named so: ./new). */
	public static final String MODEL_NEW = "new";

	/** Target reconstruction error ε (mean L1 in [0,1] units), in (0, the model's last ε bin]. */
	public static final String KEY_EPSILON = "epsilon";
	/** A default value for the {@link #KEY_EPSILON} parameter. */
	public static final double DEFAULT_EPSILON = 0.05;

	/**
	 * Several ε to compare, separated by commas ("0.02,0.05,0.1"): the map at each, as a stack
	 * with one slice per ε, and a table of how graded each map is (mean tokens, shares at the
	 * lowest count, at the budget and between); KARL Complexity Map, karl map. Given, it replaces
	 * {@link #KEY_EPSILON}, which keeps meaning one ε everywhere.
	 */
	public static final String KEY_SWEEP = "sweep";
	/** Empty: no sweep, the map at {@link #KEY_EPSILON}. */
	public static final String DEFAULT_SWEEP = "";

	/** Most tokens a tile may use, in [1, the model's T_max]; tokenize, reconstruct. */
	public static final String KEY_BUDGET = "budget";
	/** 0 means the model's T_max (its maximum number of tokens per tile). */
	public static final int DEFAULT_BUDGET = 0;

	/** Path of the CSV file to write (one row per tile); tokenize. */
	public static final String KEY_CSV = "csv";
	/** No default: the CSV path must be given. */
	public static final String DEFAULT_CSV = null;

	/**
	 * Boolean: run the single pass (encoder + decoder) and also report per-tile L1 and whether it
	 * meets ε (columns l1, met); karl tokenize, KARL Tokenize.
	 */
	public static final String KEY_RECONSTRUCT = "reconstruct";
	/** A default value for the {@link #KEY_RECONSTRUCT} parameter. */
	public static final boolean DEFAULT_RECONSTRUCT = false;

	/**
	 * Boolean: check every tile's count by decoding it and raise it along the budget ladder 2, 4,
	 * 6, 8, 12, 16, 24, 32 (capped at the budget) until ε is met: a count that never under-reports
	 * (columns l1, met, predicted; unreachable tiles outlined in the map; a summary line per
	 * image); karl map, tokenize, reconstruct, KARL Complexity Map, Tokenize, Reconstruct, Spark.
	 */
	public static final String KEY_VERIFY = "verify";
	/** Off: the single pass alone, as fast as before. */
	public static final boolean DEFAULT_VERIFY = false;

	/**
	 * How raw pixels become the model's [0,1] values, in every image command and training:
	 * percentile (per-image percentiles, as StarDist), range (fixed min..max, or the type's) or
	 * none (32-bit data already in [0,1]); see {@code Normalization}.
	 */
	public static final String KEY_NORMALIZE = "normalize";
	/** A default value for the {@link #KEY_NORMALIZE} parameter. */
	public static final String DEFAULT_NORMALIZE = "percentile";

	/** Lower percentile of {@link #KEY_NORMALIZE} percentile, read as 0. */
	public static final String KEY_PERCENTILE_LOW = "percentile_low";
	/** A default value for the {@link #KEY_PERCENTILE_LOW} parameter (StarDist's). */
	public static final double DEFAULT_PERCENTILE_LOW = 1;

	/** Upper percentile of {@link #KEY_NORMALIZE} percentile, read as 1. */
	public static final String KEY_PERCENTILE_HIGH = "percentile_high";
	/** A default value for the {@link #KEY_PERCENTILE_HIGH} parameter (StarDist's). */
	public static final double DEFAULT_PERCENTILE_HIGH = 99.8;

	/** Percentiles of each plane ("plane") or of the whole stack ("stack", planes compare). */
	public static final String KEY_NORMALIZE_SCOPE = "normalize_scope";
	/** A default value for the {@link #KEY_NORMALIZE_SCOPE} parameter. */
	public static final String DEFAULT_NORMALIZE_SCOPE = "plane";

	/** Raw value read as 0 by {@link #KEY_NORMALIZE} range; empty: the pixel type's. */
	public static final String KEY_RANGE_MIN = "range_min";
	/** Raw value read as 1 by {@link #KEY_NORMALIZE} range; empty: the pixel type's. */
	public static final String KEY_RANGE_MAX = "range_max";

	/** Part I of N of a batch's inputs, "I/N" (1-based); karl map, for cluster array jobs. */
	public static final String KEY_SHARD = "shard";

	/** Boolean: skip inputs whose outputs exist; karl map. */
	public static final String KEY_SKIP_DONE = "skip_done";

	/** Megabytes of the generated stack of {@code karl bench}'s streaming figure; 0 skips it. */
	public static final String KEY_STREAM_MB = "stream_mb";

	/** Boolean: progress lines on stderr even when it is not a terminal; CLI. */
	public static final String KEY_PROGRESS = "progress";
	/** A default value for the {@link #KEY_PROGRESS} parameter. */
	public static final boolean DEFAULT_PROGRESS = false;

	/** Boolean: also report each tile's token ids and kept flags; tokenize (CLI). */
	public static final String KEY_IDS = "ids";
	/** A default value for the {@link #KEY_IDS} parameter. */
	public static final boolean DEFAULT_IDS = false;

	/**
	 * Optimiser steps this run adds, the same in every door (KARL Train..., karl train-base, karl
	 * train): fine-tuning a trained model or resuming a run trains that many more, a new model that
	 * many. Left out in the CLI, a new model trains to the card's total (TrainConfig defaults: 2000
	 * base steps, 3000 KARL steps) and a resume finishes the interrupted run.
	 */
	public static final String KEY_STEPS = "steps";
	/** A default value for the {@link #KEY_STEPS} parameter in KARL Train...: a short fine-tune. */
	public static final int DEFAULT_STEPS = 200;

	/** Output folder or file (a model folder for training, images for reconstruct). */
	public static final String KEY_OUTPUT = "output";
	/** No default: the output must be given. */
	public static final String DEFAULT_OUTPUT = null;

	/** Data folder holding fashion-mnist/ and skimage/ (see scripts/fetch-data.sh); training. */
	public static final String KEY_DATA = "data";
	/** A default value for the {@link #KEY_DATA} parameter, relative to the working directory. */
	public static final String DEFAULT_DATA = "data";

	/** Seed of every random choice (data sampling, initialisation, budgets); training, data. */
	public static final String KEY_SEED = "seed";
	/** A default value for the {@link #KEY_SEED} parameter. */
	public static final long DEFAULT_SEED = 42;

	/** Tiles per optimiser step (train-base, train); tiles per TensorFlow call (bench). */
	public static final String KEY_BATCH = "batch";
	/**
	 * 0 means the card's value (TrainConfig defaults: 128 base, 32 KARL, docs/algorithm.md §2); for
	 * bench, choose the fastest by measurement.
	 */
	public static final int DEFAULT_BATCH = 0;

	/** Train on this many generated tiles (blank, smooth, shapes, noise) instead of --data. */
	public static final String KEY_SYNTHETIC = "synthetic";
	/** 0 means: use the data folder. */
	public static final int DEFAULT_SYNTHETIC = 0;

	/**
	 * Add this many generated tiles to --data: half microscopy-like fields (nuclei, filaments,
	 * puncta, haze, uneven light, camera noise), half blank/smooth/shapes/noise.
	 */
	public static final String KEY_GENERATED = "generated";
	/** 0 means: the data folder only. */
	public static final int DEFAULT_GENERATED = 0;

	/**
	 * What the halting head learns: minimum (smallest budget meeting ε) or paper
	 * (docs/algorithm.md §4.4).
	 */
	public static final String KEY_HALTING_TARGETS = "halting_targets";

	/**
	 * What phase 1 of KARL training decodes at its budget T: prefix (the first T tokens of a T_max
	 * encoding, as inference keeps them) or queries (the paper's encoding with T queries).
	 */
	public static final String KEY_PHASE1_TOKENS = "phase1_tokens";

	/** The range of phase-1 budgets T a KARL training run samples, "MIN..MAX" (CLI only). */
	public static final String KEY_PHASE1_BUDGETS = "phase1_budgets";

	/** The peak learning rate of a KARL training run (CLI only). */
	public static final String KEY_PEAK_LR = "peak_lr";

	/**
	 * Preset of a new model: a size, small (the "S" recipe), medium ("M") or test, then -latent
	 * (continuous base, the decoder regresses it) or -codes (VQ base, the decoder predicts codes),
	 * and optionally -wide (base channels doubled) or -deep (KARL decoder layers doubled).
	 */
	public static final String KEY_PRESET = "preset";
	/** A default value for the {@link #KEY_PRESET} parameter: the shipped model's. */
	public static final String DEFAULT_PRESET = "small-latent";
	/** The presets the dialogs offer (any size-modifier name is accepted in macros and the CLI). */
	public static final String[] PRESETS = { "small-latent", "small-codes", "medium-latent",
		"medium-codes", "test-latent", "test-codes" };

	/** Boolean: on failure print the stack trace as well as the one-line message; all commands. */
	public static final String KEY_DEBUG = "debug";
	/** A default value for the {@link #KEY_DEBUG} parameter. */
	public static final boolean DEFAULT_DEBUG = false;

	/** Boolean: print the usage and exit; all commands. */
	public static final String KEY_HELP = "help";
	/** A default value for the {@link #KEY_HELP} parameter. */
	public static final boolean DEFAULT_HELP = false;

	/** Path of a CSV file to write as well as the table; KARL Complexity Map, Tokenize. */
	public static final String KEY_SAVE = "save";
	/** Empty: no CSV, only the table ({@link #KEY_TABLE}). */
	public static final String DEFAULT_SAVE = "";

	/**
	 * Title of the table the ImageJ commands fill with their per-tile rows; KARL Complexity Map,
	 * Tokenize, Reconstruct. A named table leaves the user's Results table alone; "Results" fills
	 * the system Results table (macros read it with nResults/getResult). Without a display
	 * (headless) named tables cannot exist, so the rows go to Results, with a Log note.
	 */
	public static final String KEY_TABLE = "table";
	/** The table of per-tile rows of KARL Complexity Map and KARL Tokenize. */
	public static final String DEFAULT_TABLE = "KARL tiles";
	/** The table of KARL Complexity Map's {@link #KEY_SWEEP} summary, one row per ε. */
	public static final String DEFAULT_TABLE_SWEEP = "KARL sweep";
	/** The table of per-tile rows of KARL Reconstruct (other columns than the map's). */
	public static final String DEFAULT_TABLE_RECONSTRUCT = "KARL reconstruct";
	/** The system Results table, as a {@link #KEY_TABLE} value. */
	public static final String TABLE_RESULTS = "Results";
	/**
	 * KARL Tokenize's table of token ids, beside a named tile table: one row per tile, columns
	 * {@code id_1..id_T} (the code index at each position) and {@code keep_1..keep_T} (1: kept).
	 */
	public static final String TOKENS_TABLE = "KARL tokens";

	/** Training images: a folder of image files; empty means the current image; KARL Train. */
	public static final String KEY_IMAGES = "images";
	/** Empty: train on the current image (every plane). */
	public static final String DEFAULT_IMAGES = "";

	/** Boolean: continue the model already in {@link #KEY_OUTPUT}; KARL Train. */
	public static final String KEY_RESUME = "resume";
	/** A default value for the {@link #KEY_RESUME} parameter. */
	public static final boolean DEFAULT_RESUME = false;

	/**
	 * What KARL Complexity Map shows: "tiles" (one pixel per tile, at a zoom that matches the
	 * input), "full" (the input's size and calibration) or "overlay" (the map over the input).
	 */
	public static final String KEY_SHOW = "show";
	/** A default value for the {@link #KEY_SHOW} parameter. */
	public static final String DEFAULT_SHOW = "tiles";

	/** Display range of maps: "auto" (the data's range) or "fixed" (0..T_max, maps compare). */
	public static final String KEY_DISPLAY = "display";
	/** A default value for the {@link #KEY_DISPLAY} parameter. */
	public static final String DEFAULT_DISPLAY = "auto";

	/** Lookup table of a complexity map: fire or viridis; KARL Complexity Map, karl map. */
	public static final String KEY_LUT = "lut";
	/** ImageJ's Fire lookup table, a value of {@link #KEY_LUT}. */
	public static final String LUT_FIRE = "fire";
	/** Viridis, a value of {@link #KEY_LUT}. */
	public static final String LUT_VIRIDIS = "viridis";
	/** The values of {@link #KEY_LUT}, in the order the dialogs offer them. */
	public static final String[] LUTS = { LUT_FIRE, LUT_VIRIDIS };
	/** A default value for the {@link #KEY_LUT} parameter. */
	public static final String DEFAULT_LUT = LUT_FIRE;

	/**
	 * Fixed kept-token count per tile instead of ε: the first N tokens are decoded whatever the
	 * halting head says; KARL Reconstruct. In [1, T_max].
	 */
	public static final String KEY_TOKENS = "tokens";
	/** 0 means: reconstruct at ε (the halting head chooses the count). */
	public static final int DEFAULT_TOKENS = 0;

	/** Evaluation tiles per source (Fashion-MNIST test split, held-out patches); eval. */
	public static final String KEY_N = "n";
	/** A default value for the {@link #KEY_N} parameter. */
	public static final int DEFAULT_N = 1000;

	/** Edge in pixels of the square plane the benchmark tokenizes (tiles = (edge/32)²); bench. */
	public static final String KEY_PLANE = "plane";
	/** A default value for the {@link #KEY_PLANE} parameter: 4096 tiles. */
	public static final int DEFAULT_PLANE = 2048;

	/** Single-tile tokenize calls of the benchmark's memory-growth check; bench. */
	public static final String KEY_CALLS = "calls";
	/** A default value for the {@link #KEY_CALLS} parameter. */
	public static final int DEFAULT_CALLS = 10000;

	/**
	 * The GenericDialog label of {@code key}: its first letter upper-cased, e.g. "Epsilon".
	 * ImageJ records a dialog field as {@code Macro.trimKey(label)}, which gives the key back.
	 */
	public static String label(final String key) {
		// NB: ImageJ records a dialog field under its label's first word, so the key comes first
		final String hint = HINTS.get(key);
		return Character.toUpperCase(key.charAt(0)) + key.substring(1) + (hint == null ? "" : " (" +
			hint + ")");
	}

	/** What a dialog field means, with its unit, after the key in {@link #label}. */
	private static final java.util.Map<String, String> HINTS = java.util.Map.ofEntries( //
		java.util.Map.entry(KEY_EPSILON, "mean |error| per tile"), //
		java.util.Map.entry(KEY_SWEEP, "epsilons to compare, e.g. 0.02,0.05,0.1; empty = none"), //
		java.util.Map.entry(KEY_BUDGET, "most tokens per tile; 0 = all"), //
		java.util.Map.entry(KEY_TOKENS, "fixed tokens per tile; 0 = use epsilon"), //
		java.util.Map.entry(KEY_MODEL, "folder; empty = the default model"), //
		java.util.Map.entry(KEY_LUT, "lookup table"), //
		java.util.Map.entry(KEY_SHOW, "what to open"), //
		java.util.Map.entry(KEY_DISPLAY, "display range"), //
		java.util.Map.entry(KEY_SAVE, "CSV file, optional"), //
		java.util.Map.entry(KEY_RECONSTRUCT, "also each tile's error and whether it meets epsilon"), //
		java.util.Map.entry(KEY_VERIFY, "decode to check each count; raise it until epsilon is met"), //
		java.util.Map.entry(KEY_TABLE, "title; Results = the Results table"), //
		java.util.Map.entry(KEY_NORMALIZE, "pixels to 0..1"), //
		java.util.Map.entry(KEY_PERCENTILE_LOW, "read as 0"), //
		java.util.Map.entry(KEY_PERCENTILE_HIGH, "read as 1"), //
		java.util.Map.entry(KEY_NORMALIZE_SCOPE, "percentiles of"), //
		java.util.Map.entry(KEY_RANGE_MIN, "raw value read as 0, for range"), //
		java.util.Map.entry(KEY_RANGE_MAX, "raw value read as 1, for range"), //
		java.util.Map.entry(KEY_IMAGES, "folder; empty = the current image"), //
		java.util.Map.entry(KEY_OUTPUT, "folder for the trained model"), //
		java.util.Map.entry(KEY_STEPS, "training steps to add"), //
		java.util.Map.entry(KEY_RESUME, "continue the model in the output folder"), //
		java.util.Map.entry(KEY_PRESET, "size of a new model (model=new)"), //
		java.util.Map.entry(KEY_SEED, "random seed"));

	/**
	 * The line every image dialog shows about ε, the one number users choose: what it is and
	 * which way it moves the count.
	 */
	public static final String EPSILON_HELP = "Epsilon: the error each tile may keep after " +
		"reconstruction (mean absolute difference, image scaled to 0..1).\nSmaller epsilon: more " +
		"tokens kept; the kept count per tile is its complexity at that tolerance.";
}
