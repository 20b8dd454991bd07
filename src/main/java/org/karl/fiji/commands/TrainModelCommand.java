package org.karl.fiji.commands;

import ij.ImagePlus;

import java.nio.file.Path;

import org.karl.Keys;
import org.karl.image.ij.Normalization;
import org.karl.engine.api.Progress;
import org.karl.ops.TrainOp;
import org.karl.ops.engine.Engines;
import org.karl.ops.engine.TrainLog;
import org.karl.fiji.ij1.TrainPlugIn;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** SciJava door to KARL Train; the menu door is {@link TrainPlugIn}. */
@Plugin(type = Command.class, label = "KARL Train")
public class TrainModelCommand extends ContextCommand {

	@Parameter(required = false)
	private ImagePlus image;

	@Parameter(required = false)
	private String images = Keys.DEFAULT_IMAGES;

	@Parameter
	private String output;

	@Parameter(required = false)
	private int steps = TrainPlugIn.DEFAULT_FIJI_STEPS;

	@Parameter(required = false)
	private String model = "";

	@Parameter(required = false)
	private boolean resume = Keys.DEFAULT_RESUME;

	@Parameter(required = false)
	private String preset = Keys.DEFAULT_PRESET;

	@Parameter(required = false)
	private long seed = Keys.DEFAULT_SEED;

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

	@Parameter
	private LogService log;

	@Parameter(type = ItemIO.OUTPUT)
	private long step;

	@Override
	public void run() {
		Commands.run(this, "KARL Train", () -> {
			final Path out = Path.of(output), start = model == null || model.isBlank() ? null : Path.of(
				model);
			final TrainOp.Output o = TrainOp.runOnImages(Engines.get(null), image, images, start, out,
				resume, steps, preset, seed, Normalization.of(normalize, percentile_low, percentile_high,
					normalize_scope, range_min, range_max), "KARL Train (SciJava) output=" + output,
				new TrainLog() {

					@Override
					public void line(final String text) {
						log.info(text);
					}

					@Override
					public void point(final String phase, final long s, final float loss) {}
				}, Progress.NONE);
			step = o.outcome().step();
		});
	}
}
