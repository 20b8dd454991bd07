package org.karl.cli;

import static org.karl.Keys.*;

import org.karl.image.ij.Normalization;

import picocli.CommandLine.Option;

/**
 * The normalisation options of every image command (a picocli mixin), the same keys as the
 * Fiji dialogs and macros; {@link Normalization} is the one rule behind them.
 */
final class NormalizeOptions {

	@Option(names = "--" + KEY_NORMALIZE, paramLabel = "M", order = 50,
		description = "how raw pixels become [0,1]: percentile (per-plane percentiles, as StarDist; " +
			"default), range (fixed --" + KEY_RANGE_MIN + "..--" + KEY_RANGE_MAX + ", or the pixel " +
			"type's), none (32-bit " +
			"values as they are)")
	String normalize = DEFAULT_NORMALIZE;

	@Option(names = "--" + KEY_PERCENTILE_LOW, paramLabel = "P", order = 51,
		description = "percentile read as 0; default ${DEFAULT-VALUE}")
	double low = DEFAULT_PERCENTILE_LOW;

	@Option(names = "--" + KEY_PERCENTILE_HIGH, paramLabel = "P", order = 52,
		description = "percentile read as 1; default ${DEFAULT-VALUE}")
	double high = DEFAULT_PERCENTILE_HIGH;

	@Option(names = "--" + KEY_NORMALIZE_SCOPE, paramLabel = "S", order = 53,
		description = "percentiles of each plane, or of the whole stack (planes compare); default " +
			"${DEFAULT-VALUE}")
	String scope = DEFAULT_NORMALIZE_SCOPE;

	@Option(names = "--" + KEY_RANGE_MIN, paramLabel = "V", order = 54,
		description = "raw value read as 0 with --" + KEY_NORMALIZE + " range")
	String min = "";

	@Option(names = "--" + KEY_RANGE_MAX, paramLabel = "V", order = 55,
		description = "raw value read as 1 with --" + KEY_NORMALIZE + " range")
	String max = "";

	/** The normalisation asked for; a bad combination is one line saying what to use. */
	Normalization get() {
		return Normalization.of(normalize, low, high, scope, min, max);
	}
}
