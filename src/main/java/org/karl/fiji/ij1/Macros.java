package org.karl.fiji.ij1;

import ij.IJ;

import java.io.IOException;

import org.karl.ops.ModelLocator;

/**
 * Static helpers for macros, reached with {@code call("org.karl.fiji.ij1.Macros.name", ...)}.
 */
public final class Macros {

	private Macros() {}

	/** The default model's folder, or "" (and a Log line saying why) when there is none. */
	public static String defaultModel() {
		try {
			return ModelLocator.resolve("", KarlPlugIn.imagejDir()).toString();
		}
		catch (final IOException e) {
			IJ.log("KARL: " + e.getMessage());
			return "";
		}
	}
}
