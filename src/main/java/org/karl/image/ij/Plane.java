package org.karl.image.ij;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

/**
 * One 2D plane of an ImagePlus, converted to floats in [0,1] by {@link Planes#toUnit}. A plane is
 * a copy: tokenizing it never touches the user's image.
 *
 * @param index 1-based stack index, as {@code ImageStack.getProcessor(index)} takes it
 * @param channel 1-based channel (c)
 * @param slice 1-based z slice (z)
 * @param frame 1-based time frame (t)
 * @param width plane width in pixels
 * @param height plane height in pixels
 * @param pixels row-major values in [0,1], {@code width * height} of them
 */
public record Plane(int index, int channel, int slice, int frame, int width, int height,
	float[] pixels)
{

	public Plane {
		if ((long) width * height != pixels.length) throw new IllegalArgumentException("Plane: " +
			width + "x" + height + " needs " + ((long) width * height) + " pixels, got " +
			pixels.length);
	}

	/** The pixels as an ImgLib2 image, zero-copy. */
	public ArrayImg<FloatType, FloatArray> img() {
		return ArrayImgs.floats(pixels, width, height);
	}
}
