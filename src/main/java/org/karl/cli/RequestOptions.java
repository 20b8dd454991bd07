package org.karl.cli;

import static org.karl.Keys.*;

import org.karl.ops.Inputs;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * What every image command asks the model: which model, at which ε, within which budget, and
 * whether to verify the counts.
 */
final class RequestOptions {

	/** The command this mixin is part of, for what the user typed. */
	@Spec(Spec.Target.MIXEE)
	CommandSpec mixee;

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

	/** ε as the model reads it; a value a float cannot hold is refused as typed (1e308, not Infinity). */
	float epsilon() {
		final ParseResult p = mixee == null ? null : mixee.commandLine().getParseResult();
		final OptionSpec o = p == null ? null : p.matchedOption("--" + KEY_EPSILON);
		final String typed = o == null || o.originalStringValues().isEmpty() ? Double.toString(epsilon)
			: o.originalStringValues().get(o.originalStringValues().size() - 1);
		return Inputs.epsilon(typed, epsilon);
	}
}
