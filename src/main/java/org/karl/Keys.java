package org.karl;

/**
 * Every user-facing option name, each next to its default. One vocabulary: a key is the CLI flag
 * ({@code --epsilon=0.05}), the macro key ({@code epsilon=0.05}) and the model-card field.
 * Keys are snake_case single tokens and are never renamed once released (a rename is a new key
 * plus a deprecated alias).
 */
public final class Keys {

	private Keys() {}

	/** Model folder (a KARL SavedModel with its card); tokenize, info, train, reconstruct. */
	public static final String KEY_MODEL = "model";
	/** No default: the model folder must be given. */
	public static final String DEFAULT_MODEL = null;

	/** Target reconstruction error ε (mean L1 in [0,1] units), in (0, the model's last ε bin]. */
	public static final String KEY_EPSILON = "epsilon";
	/** A default value for the {@link #KEY_EPSILON} parameter. */
	public static final double DEFAULT_EPSILON = 0.05;

	/** Most tokens a tile may use, in [1, the model's T_max]; tokenize, reconstruct. */
	public static final String KEY_BUDGET = "budget";
	/** 0 means the model's T_max (its maximum number of tokens per tile). */
	public static final int DEFAULT_BUDGET = 0;

	/** Path of the CSV file to write (one row per tile); tokenize. */
	public static final String KEY_CSV = "csv";
	/** No default: the CSV path must be given. */
	public static final String DEFAULT_CSV = null;

	/** Boolean: run the single pass (encoder + decoder) and also report per-tile L1; tokenize. */
	public static final String KEY_RECONSTRUCT = "reconstruct";
	/** A default value for the {@link #KEY_RECONSTRUCT} parameter. */
	public static final boolean DEFAULT_RECONSTRUCT = false;

	/** Number of optimiser steps; train-base, train. */
	public static final String KEY_STEPS = "steps";
	/** A default value for the {@link #KEY_STEPS} parameter. */
	public static final int DEFAULT_STEPS = 10000;

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

	/** Tiles per optimiser step; train-base, train. */
	public static final String KEY_BATCH = "batch";
	/** A default value for the {@link #KEY_BATCH} parameter. */
	public static final int DEFAULT_BATCH = 64;

	/** Boolean: on failure print the stack trace as well as the one-line message; all commands. */
	public static final String KEY_DEBUG = "debug";
	/** A default value for the {@link #KEY_DEBUG} parameter. */
	public static final boolean DEFAULT_DEBUG = false;

	/** Boolean: print the usage and exit; all commands. */
	public static final String KEY_HELP = "help";
	/** A default value for the {@link #KEY_HELP} parameter. */
	public static final boolean DEFAULT_HELP = false;
}
