package org.karl.fiji.ij1;

import ij.IJ;

import java.io.IOException;

import org.karl.ops.ModelLocator;

/**
 * Static helpers for macros, reached with {@code call("org.karl.fiji.ij1.Macros.name", ...)}.
 * <p>
 * NB: ImageJ 1's {@code call()} loads the class with {@code IJ.getClassLoader()}, which sees the
 * jars of {@code plugins/} only once ImageJ knows its plugins folder: always in Fiji and in the
 * ImageJ GUI, but in plain ImageJ {@code -batch} only after the menus are built (the first
 * {@code run(...)}); before that the call fails with "Could not load class" in a modal dialog.
 * A macro that may call here first therefore starts with {@code List.setCommands; List.clear();}
 * (builds the menus, nothing else), as {@code macros/train_finetune.ijm} does.
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
