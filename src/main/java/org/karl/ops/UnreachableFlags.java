package org.karl.ops;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;

import java.awt.Color;

/**
 * How a complexity map made with {@code verify} marks the tiles where ε is out of reach even at
 * the budget (their row says met = 0): one rule, a cyan outline around each such tile in the
 * map's overlay (2 pixels wide over the input or the full-size map, with its entry in the
 * {@link MapLegend}), named {@value #NAME} and bound to its plane. The overlay is saved with the map
 * TIFF (ImageJ and Fiji show it; {@code Overlay.size} and the ROI names read it in a macro), and
 * the image property {@value #PROP} holds how many there are. Cyan, because the maps' lookup
 * tables end in white (fire) or yellow (viridis), the colour of a tile at the budget.
 */
public final class UnreachableFlags {

	/** Name of every flag's ROI. */
	public static final String NAME = "KARL unreachable";

	/** Image property of a verified map: the number of flagged tiles, over all planes. */
	public static final String PROP = "karl.unreachable";

	/** The outline colour. */
	public static final Color COLOR = Color.cyan;

	private UnreachableFlags() {}

	/**
	 * Outlines tile {@code (tx, ty)} of the plane at {@code (c, z, t)} in {@code map}'s overlay
	 * ({@code planes}: the map's; one plane needs no position).
	 */
	static void add(final ImagePlus map, final int c, final int z, final int t, final int tx,
		final int ty, final int planes)
	{
		Overlay o = map.getOverlay();
		if (o == null) map.setOverlay(o = new Overlay());
		final Roi r = outline(tx, ty, 1);
		if (planes > 1) r.setPosition(c, z, t);
		o.add(r);
	}

	/**
	 * The flags of {@code map} scaled by {@code tile}, positioned for {@code target} (the map at
	 * the input's size, or the input itself), added to {@code out}; returns how many.
	 */
	static int scaled(final ImagePlus map, final int tile, final ImagePlus target,
		final Overlay out)
	{
		final Overlay flags = map.getOverlay();
		if (flags == null) return 0;
		int n = 0;
		for (final Roi f : flags) {
			if (!NAME.equals(f.getName())) continue;
			final java.awt.Rectangle b = f.getBounds();
			final Roi r = outline(b.x, b.y, tile); // NB: the map's flags are 1 pixel per tile
			if (target.getStackSize() > 1) {
				// NB: as MapView binds the map's planes: c, z, t on a hyperstack, else the index
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

	private static Roi outline(final int tx, final int ty, final int tile) {
		// NB: over the input, 2 pixels wide (a 1-pixel line is easily missed over a busy image) and
		// inside the tile, so neighbours' outlines do not overlap and none is cut at the border
		final Roi r = tile > 1 ? new Roi(tx * tile + 1, ty * tile + 1, tile - 2, tile - 2) : new Roi(tx,
			ty, 1, 1);
		r.setStrokeColor(COLOR);
		if (tile > 1) r.setStrokeWidth(2);
		r.setName(NAME);
		return r;
	}
}
