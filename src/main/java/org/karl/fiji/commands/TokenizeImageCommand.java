package org.karl.fiji.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;


import org.karl.Keys;
import org.karl.engine.api.Progress;
import org.karl.fiji.ij1.ResultsTables;
import org.karl.fiji.ij1.Shown;
import org.karl.fiji.ij1.TableResult;
import org.karl.ops.Inputs;
import org.karl.ops.Models;
import org.karl.ops.TokenizeOp;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** SciJava door to KARL Tokenize; the menu door is {@link org.karl.fiji.ij1.TokenizePlugIn}. */
@Plugin(type = Command.class, label = "KARL Tokenize")
public class TokenizeImageCommand extends NormalizingCommand {

	@Parameter
	private ImagePlus image;

	@Parameter(required = false)
	private double epsilon = Keys.DEFAULT_EPSILON;

	@Parameter(required = false)
	private int budget = Keys.DEFAULT_BUDGET;

	@Parameter(required = false)
	private String model = "";

	@Parameter(required = false)
	private boolean reconstruct = Keys.DEFAULT_RECONSTRUCT;

	@Parameter(required = false, description = "check each count by decoding; raise it until " +
		"epsilon is met (columns l1, met, predicted; a summary line in the log)")
	private boolean verify = Keys.DEFAULT_VERIFY;

	@Parameter(required = false)
	private String save = Keys.DEFAULT_SAVE;

	/** One row per tile: counts (as the table "KARL tiles"). */
	@Parameter(type = ItemIO.OUTPUT)
	private ResultsTable table;

	/** One row per tile, one column per token: id_1..id_T, keep_1..keep_T. */
	@Parameter(type = ItemIO.OUTPUT)
	private ResultsTable tokens;

	@Override
	public void run() {
		Commands.run(this, "KARL Tokenize", () -> {
			final TableResult o = Shown.tokenize(image, Models.get(model, null).model(),
				Inputs.epsilon(String.valueOf(epsilon), epsilon), budget, reconstruct, normalization(),
				save, verify, Progress.NONE);
			Commands.report(this, "KARL Tokenize", o);
			table = new ResultsTable();
			ResultsTables.fill(o.table().without(TokenizeOp.ID_COLUMNS), table);
			tokens = new ResultsTable();
			ResultsTables.fill(TokenizeOp.tokenTable(o.table(), o.tmax()), tokens);
		});
	}
}
