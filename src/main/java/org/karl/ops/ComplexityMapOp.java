package org.karl.ops;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.FloatProcessor;

import java.util.List;

import org.karl.engine.api.Progress;
import org.karl.engine.api.ReconstructResult;
import org.karl.engine.api.Tokenizer;
import org.karl.image.TileGrid;
import org.karl.image.ij.Luts;
import org.karl.image.ij.Normalization;
import org.karl.image.ij.UnreachableFlags;

/**
 * KARL Complexity Map: the kept-token count of every tile of every plane (encoder only), as a
 * new 32-bit image with one pixel per tile and the input's C/Z/T layout, plus the tile rows of
 * {@link TokenizeOp}. The one implementation behind the ImageJ 1 plugin, the SciJava command
 * and {@code karl map}. With {@code verify} the map holds the verified counts
 * ({@link VerifiedCounts}) and outlines the tiles where ε is out of reach
 * ({@link UnreachableFlags}); the rows get {@code l1}, {@code met} and {@code predicted}.
 */
public final class ComplexityMapOp {

	/** Suffix of the map's title: {@code "<title> KARL map"}. */
	public static final String SUFFIX = " KARL map";

	/** The rows' columns: those of {@link TokenizeOp} without reconstruction or ids. */
	public static final List<String> COLUMNS = options(0, 0, Normalization.DEFAULT).columns();

	/** The map, notes for the log and what verification changed (null without it). */
	public record Output(ImagePlus map, long tiles, List<String> notes, VerifySummary verified) {}

	private ComplexityMapOp() {}

	/** The tokenize options of a map. */
	public static TokenizeOp.Options options(final float epsilon, final int budget,
		final Normalization normalize)
	{
		return options(epsilon, budget, normalize, false);
	}

	/** The tokenize options of a map, verified or not. */
	public static TokenizeOp.Options options(final float epsilon, final int budget,
		final Normalization normalize, final boolean verify)
	{
		return new TokenizeOp.Options(epsilon, budget, false, false, normalize, verify);
	}

	/** The rows' columns: {@link #COLUMNS}, plus l1, met and predicted with {@code verify}. */
	public static List<String> columns(final boolean verify) {
		return options(0, 0, Normalization.DEFAULT, verify).columns();
	}

	/**
	 * @param name the image column's value (title or path)
	 * @param budget tokens per tile in [1, T_max], or 0 for T_max
	 * @param lut "fire" or "viridis"
	 * @param rows receives one row per tile, columns {@link #COLUMNS}
	 */
	public static Output run(final ImagePlus imp, final String name, final Tokenizer t,
		final float epsilon, final int budget, final Normalization normalize, final String lut,
		final Rows rows, final Progress progress)
	{
		return run(imp, name, t, epsilon, budget, normalize, lut, null, rows, progress);
	}

	/** As above for the tiles {@code roi} touches (null: all); the others are NaN in the map. */
	public static Output run(final ImagePlus imp, final String name, final Tokenizer t,
		final float epsilon, final int budget, final Normalization normalize, final String lut,
		final ij.gui.Roi roi, final Rows rows, final Progress progress)
	{
		return run(imp, name, t, epsilon, budget, normalize, lut, roi, rows, false, progress);
	}

	/** As above, with verified counts and flags when {@code verify}; rows {@link #columns}. */
	public static Output run(final ImagePlus imp, final String name, final Tokenizer t,
		final float epsilon, final int budget, final Normalization normalize, final String lut,
		final ij.gui.Roi roi, final Rows rows, final boolean verify, final Progress progress)
	{
		Inputs.checkImage(imp, t.tileSize());
		Luts.check(lut);
		final TileGrid grid = new TileGrid(imp.getWidth(), imp.getHeight(), t.tileSize());
		final ImageStack maps = new ImageStack(grid.tilesX(), grid.tilesY());
		final int n = imp.getStackSize();
		// NB: flags are collected per plane and drawn once the map has its layout
		final List<int[]> unreachable = new java.util.ArrayList<>(); // {index, c, z, t, tx, ty}
		final TokenizeOp.Output o = TokenizeOp.run(imp, name, t, options(epsilon, budget, normalize,
			verify), roi, rows, (p, pt) -> {
				final float[] px = new float[grid.count()];
				for (int k = 0; k < grid.count(); k++) {
					final boolean sel = pt.counts()[k] != org.karl.image.PlaneTokenizer.NOT_SELECTED;
					px[k] = sel ? pt.counts()[k] : Float.NaN;
					if (verify && sel && !ReconstructResult.meets(pt.l1()[k], epsilon)) unreachable.add(
						new int[] { p.index(), p.channel(), p.slice(), p.frame(), grid.tileX(k), grid.tileY(k) });
				}
				maps.addSlice(n == 1 ? null : imp.getStack().getSliceLabel(p.index()), new FloatProcessor(
					grid.tilesX(), grid.tilesY(), px));
			}, progress);
		final ImagePlus map = layout(new ImagePlus(imp.getTitle() + SUFFIX, maps), imp, t.tileSize(),
			lut, t.maxTokens());
		// NB: as typed (0.05), not the float widened to a double (0.05000000074505806)
		map.setProp(TokenizeOp.PROP_EPSILON, Float.toString(epsilon));
		map.setProp(TokenizeOp.PROP_BUDGET, Integer.toString(o.budget()));
		map.setProp(TokenizeOp.PROP_NORMALIZE, normalize.describe());
		if (verify) {
			for (final int[] f : unreachable) UnreachableFlags.add(map, f[1], f[2], f[3], f[4], f[5], n);
			map.setProp(UnreachableFlags.PROP, Integer.toString(unreachable.size()));
		}
		return new Output(map, o.tiles(), o.notes(), o.verified());
	}

	/**
	 * Gives {@code map} the C/Z/T layout of {@code imp}, its calibration scaled by the tile
	 * size, the LUT {@code lut} and the display range 0..tmax ({@link Luts#apply}).
	 */
	static ImagePlus layout(final ImagePlus map, final ImagePlus imp, final int tile,
		final String lut, final int tmax)
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
		return Luts.apply(map, lut, tmax);
	}
}
