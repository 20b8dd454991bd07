package org.karl.fiji.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;


import org.karl.Keys;
import org.karl.image.ij.Normalization;
import org.karl.engine.api.Progress;
import org.karl.ops.Models;
import org.karl.ops.TableResult;
import org.karl.ops.TokenizeOp;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** SciJava door to KARL Tokenize; the menu door is {@link org.karl.fiji.ij1.TokenizePlugIn}. */
@Plugin(type = Command.class, label = "KARL Tokenize")
public class TokenizeImageCommand extends ContextCommand {

	@Parameter
	private ImagePlus image;

	@Parameter(required = false)
	private double epsilon = Keys.DEFAULT_EPSILON;

	@Parameter(required = false)
	private int budget = Keys.DEFAULT_BUDGET;

	@Parameter(required = false)
	private String model = "";

	@Parameter(required = false)
	private String save = Keys.DEFAULT_SAVE;

	@Parameter(required = false, choices = { "percentile", "range", "none" },
		description = "how raw pixels become [0,1]: per-image percentiles, a fixed range, or none")
	private String normalize = Keys.DEFAULT_NORMALIZE;

	@Parameter(required = false)
	private double percentile_low = Keys.DEFAULT_PERCENTILE_LOW;

	@Parameter(required = false)
	private double percentile_high = Keys.DEFAULT_PERCENTILE_HIGH;

	@Parameter(required = false, choices = { "plane", "stack" })
	private String normalize_scope = Keys.DEFAULT_NORMALIZE_SCOPE;

	@Parameter(required = false, description = "raw value read as 0 (range); empty: the type's")
	private String range_min = "";

	@Parameter(required = false, description = "raw value read as 1 (range); empty: the type's")
	private String range_max = "";

	@Parameter(type = ItemIO.OUTPUT)
	private ResultsTable table;

	@Override
	public void run() {
		Commands.run(this, "KARL Tokenize", () -> {
			final TableResult o = TokenizeOp.run(image, Models.get(model, null).model(),
				(float) epsilon, budget, Normalization.of(normalize, percentile_low, percentile_high, normalize_scope, range_min,
				range_max), save, Progress.NONE);
			table = new ResultsTable();
			o.table().fill(table);
		});
	}
}
