package org.karl.fiji.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;


import org.karl.Keys;
import org.karl.engine.api.Progress;
import org.karl.fiji.ij1.MapView;
import org.karl.fiji.ij1.ResultsTables;
import org.karl.fiji.ij1.Shown;
import org.karl.fiji.ij1.TableResult;
import org.karl.ops.EpsilonSweep;
import org.karl.ops.Inputs;
import org.karl.ops.Models;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * SciJava door to KARL Complexity Map (scripts, CommandService); the menu door is
 * {@link org.karl.fiji.ij1.ComplexityMapPlugIn}. No menuPath, so Fiji shows one menu entry.
 * Field names are the macro keys. With {@code sweep}, {@code map} is the stack of one map per ε
 * and {@code table} the summary per ε ({@link EpsilonSweep}).
 */
@Plugin(type = Command.class, label = "KARL Complexity Map")
public class ComplexityMapCommand extends NormalizingCommand {

	@Parameter
	private ImagePlus image;

	@Parameter(required = false)
	private double epsilon = Keys.DEFAULT_EPSILON;

	@Parameter(required = false, description = "epsilons to compare, e.g. 0.02,0.05,0.1: a stack " +
		"with one map per epsilon and a table of how graded each is; replaces epsilon; empty: none")
	private String sweep = Keys.DEFAULT_SWEEP;

	@Parameter(required = false)
	private int budget = Keys.DEFAULT_BUDGET;

	@Parameter(required = false, description = "model folder; empty: the default model")
	private String model = "";

	@Parameter(required = false, description = "check each count by decoding; raise it until " +
		"epsilon is met (columns l1, met, predicted; a summary line in the log)")
	private boolean verify = Keys.DEFAULT_VERIFY;

	@Parameter(required = false, choices = { Keys.LUT_FIRE, Keys.LUT_VIRIDIS })
	private String lut = Keys.DEFAULT_LUT;

	@Parameter(required = false, choices = { MapView.TILES, MapView.FULL, MapView.OVERLAY },
		description = "tiles: one pixel per tile; full: the input's size; overlay: over the input")
	private String show = Keys.DEFAULT_SHOW;

	@Parameter(required = false, choices = { MapView.AUTO, MapView.FIXED },
		description = "display range: the data's (auto) or 0..T_max (fixed, maps compare)")
	private String display = Keys.DEFAULT_DISPLAY;

	@Parameter(required = false, description = "CSV path; empty: none")
	private String save = Keys.DEFAULT_SAVE;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus map;

	@Parameter(type = ItemIO.OUTPUT)
	private ResultsTable table;

	@Override
	public void run() {
		Commands.run(this, "KARL Complexity Map", () -> {
			final TableResult o = sweep != null && !sweep.isBlank() ? Shown.sweep(image, Models.get(
				model, null).model(), EpsilonSweep.parse(sweep), budget, normalization(), lut, show, display,
				save, verify, Progress.NONE) : Shown.complexityMap(image, Models.get(model, null).model(),
				Inputs.epsilon(String.valueOf(epsilon), epsilon), budget, normalization(), lut, show, display, save,
				verify, Progress.NONE);
			Commands.report(this, "KARL Complexity Map", o);
			map = o.image();
			table = new ResultsTable();
			ResultsTables.fill(o.table(), table);
		});
	}
}
