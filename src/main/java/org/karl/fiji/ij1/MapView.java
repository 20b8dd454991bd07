package org.karl.fiji.ij1;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;
import ij.process.StackStatistics;

import java.awt.Rectangle;

import java.util.List;
import java.util.Locale;

import org.karl.image.ij.UnreachableFlags;
import org.karl.ops.ComplexityMapOp;
import org.karl.ops.TokenizeOp;

/**
 * How a complexity map is shown, for both Fiji doors (plug-ins and SciJava commands): the tile
 * map itself ({@value #TILES}), the map at the input's size and calibration ({@value #FULL}), or
 * an ImageJ {@link Overlay} of the map over the input ({@value #OVERLAY}, with a colour legend;
 * the input's pixels are untouched); display range {@value #AUTO} (the data's range, for
 * contrast) or {@value #FIXED} (0..T_max, the same in every map, so maps compare). The map itself
 * is made, once for every door, by {@link ComplexityMapOp}; this class only shows it.
 */
public final class MapView {

	public static final String TILES = "tiles", FULL = "full", OVERLAY = "overlay";
	public static final String AUTO = "auto", FIXED = "fixed";

	/** Image property of a tile map: the zoom (percent) that shows it at the input's size. */
	public static final String PROP_ZOOM = "karl.zoom";

	/** Values of the {@code show} and {@code display} keys. */
	public static final List<String> SHOWS = List.of(TILES, FULL, OVERLAY), DISPLAYS = List.of(AUTO,
		FIXED);

	private MapView() {}

	/** Refuses unknown values, before any work. */
	public static void check(final String show, final String display) {
		if (!SHOWS.contains(show)) throw new IllegalArgumentException(org.karl.Keys.KEY_SHOW + "=" + show + " is not " +
			"known; use tiles (one pixel per tile), full (the input's size) or overlay (over the input)");
		if (!DISPLAYS.contains(display)) throw new IllegalArgumentException(org.karl.Keys.KEY_DISPLAY + "=" + display +
			" is not known; use auto (the data's range) or fixed (0 to the model's tokens per tile)");
	}

	/**
	 * The image to show for {@code map} (from {@link ComplexityMapOp}) of {@code input}: a new
	 * image for tiles and full, {@code input} itself with an overlay for overlay.
	 */
	public static ImagePlus render(final ImagePlus map, final ImagePlus input, final int tile,
		final int tmax, final String show, final String display)
	{
		check(show, display);
		final double[] range = range(map, tmax, display);
		if (show.equals(TILES)) {
			setRange(map, range);
			map.setProp(PROP_ZOOM, Math.max(1, Math.min(tile, 1600 / Math.max(map.getWidth(), map
				.getHeight()))) * 100);
			return map;
		}
		if (show.equals(FULL)) return full(map, input, tile, range);
		return overlay(map, input, tile, range);
	}

	/** The map's display range: the data's (auto) or 0..T_max (fixed). */
	static double[] range(final ImagePlus map, final int tmax, final String display) {
		if (display.equals(FIXED)) return new double[] { 0, tmax };
		final StackStatistics s = new StackStatistics(map);
		return s.max > s.min ? new double[] { s.min, s.max } : new double[] { 0, tmax };
	}

	private static void setRange(final ImagePlus imp, final double[] r) {
		if (imp.isComposite()) for (int c = 1; c <= imp.getNChannels(); c++) {
			imp.setPositionWithoutUpdate(c, 1, 1);
			imp.setDisplayRange(r[0], r[1]);
		}
		else imp.setDisplayRange(r[0], r[1]);
		imp.setProp("karl.display_range", String.format(Locale.ROOT, "%s..%s", num(r[0]), num(r[1])));
	}

	/** Each tile's count repeated over its pixels, cropped to the input's size. */
	static ImagePlus full(final ImagePlus map, final ImagePlus input, final int tile,
		final double[] range)
	{
		final ImageStack s = new ImageStack(input.getWidth(), input.getHeight());
		for (int i = 1; i <= map.getStackSize(); i++)
			s.addSlice(map.getStack().getSliceLabel(i), upsample(map.getStack().getProcessor(i), tile,
				input.getWidth(), input.getHeight()));
		final ImagePlus full = new ImagePlus(map.getTitle(), s);
		full.setDimensions(map.getNChannels(), map.getNSlices(), map.getNFrames());
		if (s.getSize() > 1) full.setOpenAsHyperStack(true);
		final ij.measure.Calibration cal = input.getCalibration().copy();
		cal.disableDensityCalibration();
		full.setCalibration(cal);
		full.setLut(lutOf(map));
		for (final String k : new String[] { TokenizeOp.PROP_EPSILON, TokenizeOp.PROP_BUDGET,
			TokenizeOp.PROP_NORMALIZE, UnreachableFlags.PROP })
			if (map.getProp(k) != null) full.setProp(k, map.getProp(k));
		final Overlay flags = new Overlay();
		final boolean flagged = flags(map, tile, full, flags) > 0;
		legend(flags, map, lutOf(map), false, range, flagged, full);
		full.setOverlay(flags);
		setRange(full, range);
		return full;
	}

	/**
	 * The map over {@code input}: one tinted image per plane ({@link MapTint}: colours that stay
	 * visible on dark images, opacity growing with the count), bound to that plane, in the
	 * input's overlay, plus the unreachable tiles' outlines and the {@link MapLegend}.
	 */
	static ImagePlus overlay(final ImagePlus map, final ImagePlus input, final int tile,
		final double[] range)
	{
		final Overlay o = new Overlay();
		final LUT lut = lutOf(map);
		for (int i = 1; i <= map.getStackSize(); i++) {
			final ImageProcessor up = upsample(map.getStack().getProcessor(i), tile, input.getWidth(),
				input.getHeight());
			final ImageRoi roi = new ImageRoi(0, 0, MapTint.image(up, lut, range));
			roi.setOpacity(MapTint.ROI_OPACITY);
			roi.setName("KARL map " + i);
			if (map.getStackSize() > 1) {
				final int[] czt = input.convertIndexToPosition(i);
				if (input.isHyperStack()) roi.setPosition(czt[0], czt[1], czt[2]);
				else roi.setPosition(i);
			}
			o.add(roi);
		}
		final boolean flagged = flags(map, tile, input, o) > 0;
		legend(o, map, lut, true, range, flagged, input);
		input.setOverlay(o);
		if (map.getProp(UnreachableFlags.PROP) != null) input.setProp(UnreachableFlags.PROP, map
			.getProp(UnreachableFlags.PROP));
		input.setProp("karl.map", map.getTitle());
		return input;
	}

	/** Adds the {@link MapLegend} of {@code map} to {@code o} and its title to {@code target}. */
	private static void legend(final Overlay o, final ImagePlus map, final LUT lut,
		final boolean tinted, final double[] range, final boolean flagged, final ImagePlus target)
	{
		final String eps = map.getProp(TokenizeOp.PROP_EPSILON);
		final String title = MapLegend.title(eps == null ? "?" : eps);
		MapLegend.add(o, title, lut, tinted, range, flagged, target.getWidth(), target.getHeight());
		target.setProp(MapLegend.PROP, title);
	}

	/**
	 * The {@link UnreachableFlags} of {@code map} scaled by {@code tile}, positioned for
	 * {@code target} (the map at the input's size, or the input itself), added to {@code out};
	 * returns how many.
	 */
	static int flags(final ImagePlus map, final int tile, final ImagePlus target,
		final Overlay out)
	{
		final Overlay flags = map.getOverlay();
		if (flags == null) return 0;
		int n = 0;
		for (final Roi f : flags) {
			if (!UnreachableFlags.NAME.equals(f.getName())) continue;
			final Rectangle b = f.getBounds();
			// NB: the map's flags are 1 pixel per tile
			final Roi r = UnreachableFlags.outline(b.x, b.y, tile);
			if (target.getStackSize() > 1) {
				// NB: as the map's planes are bound: c, z, t on a hyperstack, else the index
				if (target.isHyperStack()) r.setPosition(f.getCPosition(), f.getZPosition(), f
					.getTPosition());
				else r.setPosition(target.getStackIndex(f.getCPosition(), f.getZPosition(), f
					.getTPosition()));
			}
			out.add(r);
			n++;
		}
		return n;
	}

	private static LUT lutOf(final ImagePlus map) {
		return map.isComposite() ? ((ij.CompositeImage) map).getChannelLut(1) : map.getProcessor()
			.getLut();
	}

	private static String num(final double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}

	/** Nearest-neighbour upsampling of a tile map to {@code w x h} pixels. */
	static FloatProcessor upsample(final ImageProcessor tiles, final int tile, final int w,
		final int h)
	{
		final float[] out = new float[w * h];
		final int tw = tiles.getWidth();
		final float[] t = (float[]) tiles.getPixels();
		for (int y = 0; y < h; y++) {
			final int row = (y / tile) * tw;
			for (int x = 0; x < w; x++) out[y * w + x] = t[row + x / tile];
		}
		return new FloatProcessor(w, h, out);
	}
}
