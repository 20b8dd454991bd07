package org.karl.image.ij;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;

import java.awt.Color;

/**
 * How a complexity map made with {@code verify} marks the tiles where ε is out of reach even at
 * the budget (their row says met = 0): one rule, a cyan outline around each such tile in the
 * map's overlay (2 pixels wide over the input or the full-size map, with its entry in the
 * legend), named {@value #NAME} and bound to its plane. The overlay is saved with the map
 * TIFF (ImageJ and Fiji show it; {@code Overlay.size} and the ROI names read it in a macro), and
 * the image property {@value #PROP} holds how many there are. Cyan, because the maps' lookup
 * tables end in white (fire) or yellow (viridis), the colour of a tile at the budget.
 * <p>
 * Here, beside the files, and not with the Fiji doors' presentation: the flags are part of the
 * map that {@code karl map} and the Spark job write (1 pixel per tile, in the TIFF's overlay);
 * the Fiji doors scale them over the input or the full-size map ({@code fiji.ij1.MapView}).
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
	public static void add(final ImagePlus map, final int c, final int z, final int t, final int tx,
		final int ty, final int planes)
	{
		Overlay o = map.getOverlay();
		if (o == null) map.setOverlay(o = new Overlay());
		final Roi r = outline(tx, ty, 1);
		if (planes > 1) r.setPosition(c, z, t);
		o.add(r);
	}

	/**
	 * The outline of tile {@code (tx, ty)} on an image with {@code tile} pixels per tile (1: the
	 * map itself), named {@value #NAME}.
	 */
	public static Roi outline(final int tx, final int ty, final int tile) {
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
