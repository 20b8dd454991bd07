package org.karl.image.ij;

import ij.gui.Roi;
import ij.process.ImageProcessor;

import java.awt.Rectangle;

import org.karl.image.TileGrid;

/**
 * The tiles an ImageJ selection touches: what an image command computes when the image has an
 * area selection (the Fiji doors pass the image's, the others none).
 */
public final class TileSelection {

	private TileSelection() {}

	/** The tiles an area selection touches (any of its pixels in the tile), or null for all. */
	public static boolean[] touched(final Roi roi, final TileGrid g) {
		if (roi == null || !roi.isArea()) return null;
		final Rectangle r = roi.getBounds();
		final ImageProcessor mask = roi.getMask(); // NB: null for a rectangle
		final boolean[] sel = new boolean[g.count()];
		final int s = g.tileSize();
		for (int k = 0; k < g.count(); k++) {
			final int x0 = Math.max(g.tileX(k) * s, r.x), y0 = Math.max(g.tileY(k) * s, r.y);
			final int x1 = Math.min((g.tileX(k) + 1) * s, r.x + r.width), y1 = Math.min((g.tileY(k) + 1) *
				s, r.y + r.height);
			for (int y = y0; y < y1 && !sel[k]; y++)
				for (int x = x0; x < x1 && !sel[k]; x++)
					sel[k] = mask == null || mask.get(x - r.x, y - r.y) != 0;
		}
		return sel;
	}
}
