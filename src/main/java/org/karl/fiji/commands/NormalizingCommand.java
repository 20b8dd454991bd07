package org.karl.fiji.commands;

import org.karl.Keys;
import org.karl.image.ij.Normalization;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;

/**
 * The normalisation parameters every SciJava image command takes (inherited fields are
 * parameters too), with the macro keys of {@link Keys}; {@link Normalization} is the rule.
 */
public abstract class NormalizingCommand extends ContextCommand {

	@Parameter(required = false, choices = { Normalization.PERCENTILE, Normalization.RANGE,
		Normalization.NONE },
		description = "how raw pixels become [0,1]: per-image percentiles, a fixed range, or none")
	private String normalize = Keys.DEFAULT_NORMALIZE;

	@Parameter(required = false)
	private double percentile_low = Keys.DEFAULT_PERCENTILE_LOW;

	@Parameter(required = false)
	private double percentile_high = Keys.DEFAULT_PERCENTILE_HIGH;

	@Parameter(required = false, choices = { Normalization.PLANE, Normalization.STACK })
	private String normalize_scope = Keys.DEFAULT_NORMALIZE_SCOPE;

	@Parameter(required = false, description = "raw value read as 0 (range); empty: the type's")
	private String range_min = "";

	@Parameter(required = false, description = "raw value read as 1 (range); empty: the type's")
	private String range_max = "";

	/** The normalisation the parameters ask for. */
	protected Normalization normalization() {
		return Normalization.of(normalize, percentile_low, percentile_high, normalize_scope, range_min,
			range_max);
	}
}
