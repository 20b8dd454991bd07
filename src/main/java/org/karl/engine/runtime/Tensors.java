package org.karl.engine.runtime;

import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Copies between Java arrays and TF tensors. Every tensor made here must be closed by the caller
 * (try-with-resources); values read out are copies, never views of a tensor that may be closed.
 */
public final class Tensors {

	private Tensors() {}

	public static TFloat32 floats(final float[] data, final int offset, final long... shape) {
		final int len = (int) Shape.of(shape).size();
		return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(data, true, false).slice(offset, len));
	}

	public static TInt32 ints(final int[] data, final int offset, final long... shape) {
		final int len = (int) Shape.of(shape).size();
		return TInt32.tensorOf(Shape.of(shape), DataBuffers.of(data, true, false).slice(offset, len));
	}

	public static TFloat32 scalar(final float v) {
		return TFloat32.scalarOf(v);
	}

	public static TInt32 scalar(final int v) {
		return TInt32.scalarOf(v);
	}

	public static float[] floats(final Result r, final String key) {
		final TFloat32 t = (TFloat32) get(r, key);
		final float[] out = new float[(int) t.shape().size()];
		t.copyTo(DataBuffers.of(out, false, false));
		return out;
	}

	public static int[] ints(final Result r, final String key) {
		final TInt32 t = (TInt32) get(r, key);
		final int[] out = new int[(int) t.shape().size()];
		t.copyTo(DataBuffers.of(out, false, false));
		return out;
	}

	public static float scalarFloat(final Result r, final String key) {
		return ((TFloat32) get(r, key)).getFloat();
	}

	public static int scalarInt(final Result r, final String key) {
		return ((TInt32) get(r, key)).getInt();
	}

	public static long scalarLong(final Result r, final String key) {
		return ((TInt64) get(r, key)).getLong();
	}

	private static Tensor get(final Result r, final String key) {
		return r.get(key).orElseThrow(() -> new IllegalStateException(
			"signature output '" + key + "' missing; outputs are " + r.keySet()));
	}
}
