package org.karl.image.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads the planes of an ImagePlus as floats in [0,1] with a FIXED scaling per pixel type, so
 * that a value means the same thing in every image (the model was trained that way):
 * <ul>
 * <li>8-bit: {@code v / 255} (the LUT is ignored);</li>
 * <li>16-bit: {@code v / 65535} (a signed 16-bit image, stored by ImageJ as value + 32768, reads
 * the same as its values over its type's range -32768..32767: no calibration needed here);</li>
 * <li>32-bit: {@code v} clipped to [0,1], NaN read as 0;</li>
 * <li>RGB: luminance {@code (0.299 r + 0.587 g + 0.114 b) / 255}.</li>
 * </ul>
 * Planes are read one at a time with {@code ImageStack.getProcessor(i)}, so virtual stacks are
 * never loaded whole. The user's image is only read, never written.
 */
public final class Planes {

	/** Weights of the RGB to luminance conversion (ITU-R BT.601, ImageJ's weighted default). */
	public static final double[] LUMA = { 0.299, 0.587, 0.114 };

	private Planes() {}

	/** Number of planes (channels x slices x frames) of {@code imp}. */
	public static int count(final ImagePlus imp) {
		return imp.getStackSize();
	}

	/** Plane {@code index} (1-based stack index) of {@code imp}, read and converted. */
	public static Plane plane(final ImagePlus imp, final int index) {
		final int n = count(imp);
		if (index < 1 || index > n) throw new IndexOutOfBoundsException("Planes: plane " +
			index + " of '" + imp.getTitle() + "', which has planes 1.." + n);
		// NB: for a single plane, getStack() would build a new stack around the processor;
		// reading the processor itself has no side effects.
		final ImageProcessor ip;
		if (n == 1) ip = imp.getProcessor();
		else {
			final ImageStack stack = imp.getStack();
			ip = stack.getProcessor(index);
		}
		final int[] czt = imp.convertIndexToPosition(index);
		return new Plane(index, czt[0], czt[1], czt[2], ip.getWidth(), ip.getHeight(), toUnit(ip));
	}

	/** All planes of {@code imp} in stack order, each read only when reached. */
	public static Iterable<Plane> of(final ImagePlus imp) {
		return () -> new Iterator<>() {

			private int next = 1;

			@Override
			public boolean hasNext() {
				return next <= count(imp);
			}

			@Override
			public Plane next() {
				if (!hasNext()) throw new NoSuchElementException();
				return plane(imp, next++);
			}
		};
	}

	/** A new float array in [0,1] from {@code ip}, with the fixed scaling of this class. */
	public static float[] toUnit(final ImageProcessor ip) {
		final Object px = ip.getPixels();
		final float[] out = new float[ip.getWidth() * ip.getHeight()];
		if (ip instanceof ByteProcessor) {
			final byte[] b = (byte[]) px;
			for (int i = 0; i < out.length; i++)
				out[i] = (b[i] & 0xff) / 255f;
		}
		else if (ip instanceof ShortProcessor) {
			final short[] s = (short[]) px;
			for (int i = 0; i < out.length; i++)
				out[i] = (s[i] & 0xffff) / 65535f;
		}
		else if (ip instanceof FloatProcessor) {
			final float[] f = (float[]) px;
			for (int i = 0; i < out.length; i++)
				out[i] = f[i] >= 0 ? Math.min(f[i], 1f) : 0f; // NB: NaN fails ">= 0" and becomes 0.
		}
		else if (ip instanceof ColorProcessor) {
			final int[] c = (int[]) px;
			for (int i = 0; i < out.length; i++)
				out[i] = (float) ((LUMA[0] * ((c[i] >> 16) & 0xff) + LUMA[1] * ((c[i] >> 8) & 0xff) +
					LUMA[2] * (c[i] & 0xff)) / 255);
		}
		else throw new IllegalArgumentException("Planes: unsupported processor " + ip.getClass()
			.getName() + "; convert the image to 8-, 16-, 32-bit or RGB first");
		return out;
	}
}
