package org.karl.fiji.commands;

import ij.ImagePlus;

import java.nio.file.Path;

import org.karl.Keys;
import org.karl.engine.api.Progress;
import org.karl.ops.TrainOp;
import org.karl.ops.engine.Engines;
import org.karl.ops.engine.TrainLog;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** SciJava door to KARL Train; the menu door is {@link org.karl.fiji.ij1.TrainPlugIn}. */
@Plugin(type = Command.class, label = "KARL Train")
public class TrainModelCommand extends NormalizingCommand {

	@Parameter(required = false)
	private ImagePlus image;

	@Parameter(required = false)
	private String images = Keys.DEFAULT_IMAGES;

	@Parameter
	private String output;

	@Parameter(required = false)
	private int steps = Keys.DEFAULT_STEPS;

	@Parameter(required = false)
	private String model = "";

	@Parameter(required = false)
	private boolean resume = Keys.DEFAULT_RESUME;

	@Parameter(required = false)
	private String preset = Keys.DEFAULT_PRESET;

	@Parameter(required = false)
	private long seed = Keys.DEFAULT_SEED;

	@Parameter
	private LogService log;

	@Parameter(type = ItemIO.OUTPUT)
	private long step;

	@Override
	public void run() {
		Commands.run(this, "KARL Train", () -> {
			final Path out = Path.of(output), start = TrainOp.startModel(model, resume, null);
			final TrainOp.Output o = TrainOp.runOnImages(Engines.get(null), image, images, start, out,
				resume, steps, preset, seed, normalization(), "KARL Train (SciJava) output=" + output,
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
