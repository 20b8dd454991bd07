package org.karl.cli;

import static org.karl.Keys.*;

import picocli.CommandLine.Option;

/**
 * What every image command asks the model: which model, at which ε, within which budget, and
 * whether to verify the counts.
 */
final class RequestOptions {

	@Option(names = "--" + KEY_MODEL, paramLabel = "DIR",
		description = "model folder; default: the default model")
	String model = "";

	@Option(names = "--" + KEY_EPSILON, paramLabel = "E",
		description = "target error (mean |error| per tile, image scaled to 0..1), in (0, the " +
			"model's last epsilon bin]; default ${DEFAULT-VALUE}")
	double epsilon = DEFAULT_EPSILON;

	@Option(names = "--" + KEY_BUDGET, paramLabel = "T",
		description = "most tokens per tile, in [1, T_max]; default (or 0): T_max")
	int budget = DEFAULT_BUDGET;

	@Option(names = "--" + KEY_VERIFY, description = "check each tile's count by decoding it: where " +
		"the reconstruction misses E, raise the count along 2,4,6,8,12,16,24,32 (capped at T) until E " +
		"is met; the count never under-reports (columns l1, met, predicted; a summary line per image)")
	boolean verify = DEFAULT_VERIFY;
}
