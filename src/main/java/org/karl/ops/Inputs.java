package org.karl.ops;

import ij.ImagePlus;

import java.util.List;

import org.karl.Keys;
import org.karl.engine.api.Tokenizer;
import org.karl.image.PlaneTokenizer;
import org.karl.image.ij.PlaneReader;

/**
 * The checks every image command runs before any work, with messages that say what was wrong
 * and what to do (the doors prefix the command name).
 */
public final class Inputs {

	private Inputs() {}

	/** Refuses a missing image or one smaller than a tile in either direction. */
	public static void checkImage(final ImagePlus imp, final int tileSize) {
		if (imp == null) throw new IllegalArgumentException("no image is open; open or create " +
			"an image first (File>Open..., File>New>Image...)");
		final int w = imp.getWidth(), h = imp.getHeight();
		if (w < tileSize || h < tileSize) throw new IllegalArgumentException("image '" + imp
			.getTitle() + "' is " + w + "x" + h + " pixels, smaller than the model's " + tileSize +
			"x" + tileSize + " tile; use an image of at least " + tileSize + "x" + tileSize +
			" pixels (e.g. Image>Scale... or Image>Adjust>Canvas Size...)");
	}

	/** The budget to use: {@link Keys#DEFAULT_BUDGET} (0) means T_max; then checks ε and it. */
	public static int budget(final Tokenizer t, final float epsilon, final int budget) {
		final int b = budget == Keys.DEFAULT_BUDGET ? t.maxTokens() : budget;
		t.checkRequest(epsilon, b);
		return b;
	}

	/**
	 * The target error as the model reads it (a float), refusing, in the words the user typed
	 * ({@code typed}), a value that a float cannot hold: 1e308 would become Infinity and 1e-50
	 * zero, and a message about "Infinity" names nothing the user wrote. The model's own range
	 * is checked by {@link #budget}.
	 */
	public static float epsilon(final String typed, final double value) {
		final float f = (float) value;
		if (Float.isInfinite(f) || (f == 0 && value != 0)) throw new IllegalArgumentException(
			"epsilon = " + typed.trim() + " is outside (0, 1], where a target error (a mean error of " +
				"pixels scaled to 0..1) lies; choose epsilon in the model's range, e.g. 0.05");
		return f;
	}

	/** Notes about what was read: NaN pixels read as 0, clipped 32-bit pixels, a constant image. */
	public static List<String> notes(final ImagePlus imp, final PlaneReader reader) {
		return reader.notes(imp.getTitle());
	}
}
