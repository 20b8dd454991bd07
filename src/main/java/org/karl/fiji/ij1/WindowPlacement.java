package org.karl.fiji.ij1;

import ij.ImagePlus;
import ij.WindowManager;

import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Window;

/**
 * Puts a results table's window beside an image's window instead of over it: a new table
 * opens where ImageJ last put one, often on top of the image the user wants to compare it with.
 * The right side is tried first, then the left, then below; when none fits on the screen the
 * table stays where it is. Does nothing headless or when either window is missing.
 */
final class WindowPlacement {

	private WindowPlacement() {}

	/** Moves the window titled {@code table} beside {@code imp}'s window. */
	static void beside(final ImagePlus imp, final String table) {
		if (GraphicsEnvironment.isHeadless() || imp == null || imp.getWindow() == null) return;
		final Window w = WindowManager.getWindow(table);
		if (w == null) return;
		final Rectangle screen = imp.getWindow().getGraphicsConfiguration().getBounds();
		final Point p = place(imp.getWindow().getBounds(), w.getSize(), screen);
		if (p != null) w.setLocation(p);
	}

	/**
	 * Where a window of size {@code table} goes beside {@code image} on {@code screen}: right,
	 * left or below, touching it; null when none fits.
	 */
	static Point place(final Rectangle image, final Dimension table, final Rectangle screen) {
		final int y = Math.max(screen.y, Math.min(image.y, screen.y + screen.height - table.height));
		final Point[] tries = { new Point(image.x + image.width, y), new Point(image.x - table.width,
			y), new Point(Math.max(screen.x, Math.min(image.x, screen.x + screen.width - table.width)),
				image.y + image.height) };
		for (final Point p : tries)
			if (screen.contains(new Rectangle(p, table))) return p;
		return null;
	}
}
