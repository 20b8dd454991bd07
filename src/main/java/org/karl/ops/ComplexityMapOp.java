package org.karl.ops;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import ij.process.LUT;

import java.util.List;

import org.karl.engine.api.Progress;
import org.karl.engine.api.Tokenizer;
import org.karl.image.PlaneTokenizer;
import org.karl.image.PlaneTokens;
import org.karl.image.TileGrid;
import org.karl.image.ij.Luts;
import org.karl.image.ij.Plane;
import org.karl.image.ij.PlaneReader;

/**
 * KARL Complexity Map: the kept-token count of every tile of every plane (encoder only), as a
 * new 32-bit image with one pixel per tile and the input's C/Z/T layout, plus one table row per
 * tile. The one implementation behind the ImageJ 1 plugin, the SciJava command and
 * {@code karl map}.
 */
public final class ComplexityMapOp {

	/** Suffix of the map's title: {@code "<title> KARL map"}. */
	public static final String SUFFIX = " KARL map";

	/** The table's columns. */
	public static final String[] COLUMNS = { "image", "c", "z", "t", "tile_x", "tile_y", "padded",
		"tokens" };

	/** The map, its rows, and notes for the log. */
	public record Output(ImagePlus map, Table table, List<String> notes) {}

	private ComplexityMapOp() {}

	/**
	 * @param budget tokens per tile in [1, T_max], or 0 for T_max
	 * @param lut "fire" or "viridis"
	 */
	public static Output run(final ImagePlus imp, final Tokenizer t, final float epsilon,
		final int budget, final String lut, final Progress progress)
	{
		Inputs.checkImage(imp, t.tileSize());
		final int b = Inputs.budget(t, epsilon, budget);
		final LUT table = Luts.get(lut);
		final TileGrid grid = new TileGrid(imp.getWidth(), imp.getHeight(), t.tileSize());
		final ImageStack maps = new ImageStack(grid.tilesX(), grid.tilesY());
		final Table rows = new Table(COLUMNS);
		final PlaneReader reader = new PlaneReader(imp);
		final int n = imp.getStackSize();
		for (int i = 1; i <= n; i++) {
			progress.status(imp.getTitle() + ": plane " + i + "/" + n);
			final Plane p = reader.read(i);
			final PlaneTokens pt = PlaneTokenizer.tokenize(t, p.img(), epsilon, b, false, progress.sub(
				(i - 1.0) / n, (double) i / n));
			final float[] px = new float[grid.count()];
			for (int k = 0; k < grid.count(); k++) {
				px[k] = pt.counts()[k];
				rows.add(imp.getTitle(), p.channel(), p.slice(), p.frame(), grid.tileX(k), grid.tileY(k),
					grid.isPadded(grid.tileX(k), grid.tileY(k)), pt.counts()[k]);
			}
			maps.addSlice(n == 1 ? null : imp.getStack().getSliceLabel(i), new FloatProcessor(grid
				.tilesX(), grid.tilesY(), px));
		}
		final ImagePlus map = layout(new ImagePlus(imp.getTitle() + SUFFIX, maps), imp, t.tileSize(),
			table, t.maxTokens());
		map.setProp("karl.epsilon", epsilon);
		map.setProp("karl.budget", b);
		return new Output(map, rows, Inputs.notes(imp, reader));
	}

	/**
	 * Gives {@code map} the C/Z/T layout of {@code imp}, its calibration scaled by the tile
	 * size, the LUT and the display range 0..tmax (the same in every plane, so maps compare).
	 */
	static ImagePlus layout(final ImagePlus map, final ImagePlus imp, final int tile,
		final LUT lut, final int tmax)
	{
		final int c = imp.getNChannels(), z = imp.getNSlices(), t = imp.getNFrames();
		map.setDimensions(c, z, t);
		if (map.getStackSize() > 1) map.setOpenAsHyperStack(true);
		final Calibration cal = imp.getCalibration().copy();
		cal.disableDensityCalibration();
		cal.pixelWidth *= tile;
		cal.pixelHeight *= tile;
		cal.xOrigin /= tile;
		cal.yOrigin /= tile;
		map.setCalibration(cal);
		if (c > 1) {
			final CompositeImage ci = new CompositeImage(map, IJ.GRAYSCALE);
			for (int ch = 1; ch <= c; ch++) {
				ci.setChannelLut(lut, ch);
				ci.setPositionWithoutUpdate(ch, 1, 1);
				ci.setDisplayRange(0, tmax);
			}
			ci.setPositionWithoutUpdate(1, 1, 1);
			return ci;
		}
		map.getProcessor().setLut(lut);
		map.setLut(lut);
		map.setDisplayRange(0, tmax);
		return map;
	}
}
