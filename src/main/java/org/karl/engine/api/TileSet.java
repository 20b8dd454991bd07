package org.karl.engine.api;

import java.util.Objects;

/**
 * An in-memory set of single-channel square tiles, row-major [n, tileSize, tileSize], values in
 * [0,1] units (fixed scaling, never per-image normalisation). Training and evaluation data.
 */
public record TileSet(int n, int tileSize, float[] pixels) {

	public TileSet {
		Objects.requireNonNull(pixels, "pixels");
		if (n < 0 || tileSize <= 0 || (long) n * tileSize * tileSize != pixels.length)
			throw new IllegalArgumentException("TileSet: " + n + " tiles of " + tileSize + "x" +
				tileSize + " need " + ((long) n * tileSize * tileSize) + " pixels, got " + pixels.length);
	}

	/** Pixels of one tile. */
	public int tilePixels() {
		return tileSize * tileSize;
	}

	/** Copies the tiles at {@code indices} into {@code dst}, back to back. */
	public void gather(final int[] indices, final float[] dst) {
		final int p = tilePixels();
		for (int i = 0; i < indices.length; i++)
			System.arraycopy(pixels, indices[i] * p, dst, i * p, p);
	}

	/** Concatenates tile sets of equal tile size. */
	public static TileSet concat(final TileSet... sets) {
		int n = 0;
		for (final TileSet s : sets) {
			if (s.tileSize != sets[0].tileSize) throw new IllegalArgumentException(
				"TileSet.concat: tile sizes differ (" + s.tileSize + " vs " + sets[0].tileSize + ")");
			n += s.n;
		}
		final float[] all = new float[n * sets[0].tilePixels()];
		int off = 0;
		for (final TileSet s : sets) {
			System.arraycopy(s.pixels, 0, all, off, s.pixels.length);
			off += s.pixels.length;
		}
		return new TileSet(n, sets[0].tileSize, all);
	}
}
