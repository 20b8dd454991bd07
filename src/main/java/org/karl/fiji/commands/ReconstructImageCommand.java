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
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** SciJava door to KARL Reconstruct; the menu door is {@link org.karl.fiji.ij1.ReconstructPlugIn}. */
@Plugin(type = Command.class, label = "KARL Reconstruct")
public class ReconstructImageCommand extends NormalizingCommand {

	@Parameter
	private ImagePlus image;

	@Parameter(required = false)
	private double epsilon = Keys.DEFAULT_EPSILON;

	@Parameter(required = false)
	private int budget = Keys.DEFAULT_BUDGET;

	@Parameter(required = false)
	private int tokens = Keys.DEFAULT_TOKENS;

	@Parameter(required = false)
	private String model = "";

	@Parameter(required = false, description = "check each count by decoding; raise it until " +
		"epsilon is met (column predicted: the mean single-pass count; a summary line in the log)")
	private boolean verify = Keys.DEFAULT_VERIFY;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus reconstruction;

	@Parameter(type = ItemIO.OUTPUT)
	private ResultsTable table;

	@Override
	public void run() {
		Commands.run(this, "KARL Reconstruct", () -> {
			final TableResult o = Shown.reconstruct(image, Models.get(model, null).model(),
				Inputs.epsilon(String.valueOf(epsilon), epsilon), budget, tokens, normalization(), verify,
				Progress.NONE);
			Commands.report(this, "KARL Reconstruct", o);
			reconstruction = o.image();
			table = new ResultsTable();
			ResultsTables.fill(o.table(), table);
		});
	}
}
