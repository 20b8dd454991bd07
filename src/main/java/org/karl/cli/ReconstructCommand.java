package org.karl.cli;

import org.karl.ops.AtomicFiles;
import static org.karl.Keys.*;

import java.nio.file.Path;

import org.karl.engine.api.Progress;
import org.karl.engine.api.ReconstructResult;
import org.karl.engine.runtime.KarlModel;
import org.karl.image.PlaneTokenizer;
import org.karl.image.Stitcher;
import org.karl.image.TileGrid;
import org.karl.image.Tiler;
import org.karl.image.ij.ImageFiles;
import org.karl.image.ij.Plane;
import org.karl.image.ij.Planes;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.FloatProcessor;

/**
 * {@code karl reconstruct}: the single pass (1 encoder + 1 decoder run per tile) on an image file;
 * writes the reconstruction as a 32-bit TIFF and prints kept tokens and L1 per plane.
 */
public final class ReconstructCommand implements Subcommand {

	@Override
	public String name() {
		return "reconstruct";
	}

	@Override
	public String usage() {
		return "karl reconstruct --" + KEY_MODEL + " DIR [--" + KEY_EPSILON + " E] [--" + KEY_BUDGET +
			" T] --" + KEY_OUTPUT + " OUT.tif FILE\n" +
			"Reconstructs every plane of an image at target error E in one pass per tile.\n" +
			"  --" + KEY_MODEL + " DIR      model folder\n" +
			"  --" + KEY_EPSILON + " E      target mean L1 error; default " + DEFAULT_EPSILON + "\n" +
			"  --" + KEY_BUDGET + " T       most tokens per tile; default (or 0): T_max\n" +
			"  --" + KEY_OUTPUT + " OUT.tif 32-bit TIFF to write (atomically), values in [0,1] units\n" +
			"  FILE             one image ImageJ opens; stacks: every plane\n";
	}

	@Override
	public Args.Spec spec() {
		return new Args.Spec().value(KEY_MODEL).value(KEY_EPSILON).value(KEY_BUDGET).value(KEY_OUTPUT);
	}

	@Override
	public int run(final Args args) throws Exception {
		final Path modelDir = args.path(KEY_MODEL);
		final Path out = args.path(KEY_OUTPUT);
		final float epsilon = (float) args.getDouble(KEY_EPSILON, DEFAULT_EPSILON);
		if (args.positionalPaths().size() != 1) throw new UsageException("give exactly one image file");
		final Path file = args.positionalPaths().get(0);
		final ImagePlus imp = ImageFiles.open(file);
		try (KarlModel model = KarlModel.load(modelDir)) {
			final int budget = args.getInt(KEY_BUDGET, DEFAULT_BUDGET) == 0 ? model.maxTokens()
				: args.getInt(KEY_BUDGET, DEFAULT_BUDGET);
			model.checkRequest(epsilon, budget);
			final ImageStack stack = new ImageStack(imp.getWidth(), imp.getHeight());
			for (final Plane p : Planes.of(imp)) {
				final TileGrid grid = Tiler.grid(p.img(), model.tileSize());
				final ReconstructResult r = model.reconstruct(Tiler.extract(p.img(), grid), grid.count(),
					epsilon, budget, Progress.NONE);
				final float[] rec = Stitcher.stitch(grid, r.images());
				double l1 = 0, tokens = 0;
				for (int i = 0; i < rec.length; i++) l1 += Math.abs(rec[i] - p.pixels()[i]);
				for (final int c : r.counts()) tokens += c;
				final ReconstructResult.Unmet unmet = r.unmet(epsilon, budget);
				args.out().printf("plane %d: tiles %d, mean tokens %.2f, L1 %.4f, epsilon not met by %d " +
					"tiles (%d at the full budget)%n", p.index(), grid.count(), tokens / grid.count(), l1 /
						rec.length, unmet.missed(), unmet.atBudget());
				stack.addSlice(imp.getStack().getSliceLabel(p.index()), new FloatProcessor(p.width(),
					p.height(), rec));
			}
			final ImagePlus result = new ImagePlus(imp.getTitle() + " KARL reconstruction", stack);
			result.setDimensions(imp.getNChannels(), imp.getNSlices(), imp.getNFrames());
			result.setCalibration(imp.getCalibration());
			AtomicFiles.writeFile(out, tmp -> {
				// NB: FileSaver refuses saveAsTiffStack for a single plane; a 2D image is saveAsTiff
				final FileSaver saver = new FileSaver(result);
				if (!(result.getStackSize() > 1 ? saver.saveAsTiffStack(tmp.toString()) : saver.saveAsTiff(
					tmp.toString()))) throw new java.io.IOException(
					"could not write " + tmp);
			});
			args.out().println("wrote " + out);
		}
		return Main.EXIT_OK;
	}
}
