package org.karl.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.karl.engine.api.TileSet;

/**
 * Reads Fashion-MNIST images (IDX3 unsigned-byte files, gzip-compressed or not) as
 * {@value #TILE}x{@value #TILE} tiles in [0,1]: each 28x28 image is zero-padded by 2 pixels on
 * every side (centred) and divided by 255. Labels are not needed by the tokenizer and not read.
 * Fetch the files with {@code scripts/fetch-data.sh}.
 */
public final class FashionMnist {

	/** The 60000 training images. */
	public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";

	/** The 10000 test images. */
	public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";

	/** Tile edge the images are padded to. */
	public static final int TILE = 32;

	/** Magic number of an IDX file of unsigned bytes with 3 dimensions. */
	public static final int IDX3_UBYTE = 0x00000803;

	private FashionMnist() {}

	/** The training images in {@code dir} ({@value #TRAIN_IMAGES}). */
	public static TileSet train(final Path dir) throws IOException {
		return read(dir.resolve(TRAIN_IMAGES), Integer.MAX_VALUE);
	}

	/** The test images in {@code dir} ({@value #TEST_IMAGES}). */
	public static TileSet test(final Path dir) throws IOException {
		return read(dir.resolve(TEST_IMAGES), Integer.MAX_VALUE);
	}

	/**
	 * The first {@code limit} images of an IDX3 unsigned-byte file (gzip when the name ends in
	 * {@code .gz}), each at most {@value #TILE} pixels wide and high, centred in a zero tile.
	 */
	public static TileSet read(final Path file, final int limit) throws IOException {
		try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(
			new BufferedInputStream(file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw,
				1 << 16)))
		{
			final int magic = in.readInt();
			if (magic != IDX3_UBYTE) throw new IOException("FashionMnist: " + file +
				" starts with magic 0x" + Integer.toHexString(magic) + ", not 0x803 (IDX3 unsigned " +
				"bytes); pass an *-images-idx3-ubyte file");
			final int count = in.readInt(), rows = in.readInt(), cols = in.readInt();
			if (count < 0 || rows < 1 || cols < 1 || rows > TILE || cols > TILE)
				throw new IOException("FashionMnist: " + file + " holds " + count + " images of " +
					rows + "x" + cols + "; expected at most " + TILE + "x" + TILE + " pixels each");
			final int n = Math.min(count, Math.max(0, limit));
			return new TileSet(n, TILE, pad(in, n, rows, cols));
		}
		catch (final NoSuchFileException e) {
			throw new IOException("FashionMnist: " + file + " not found; run scripts/fetch-data.sh",
				e);
		}
		catch (final EOFException e) {
			throw new IOException("FashionMnist: " + file + " ends early; it is truncated, " +
				"delete it and run scripts/fetch-data.sh again", e);
		}
	}

	/** Reads {@code n} images of {@code rows x cols} bytes, each centred in a zero tile. */
	private static float[] pad(final DataInputStream in, final int n, final int rows,
		final int cols) throws IOException
	{
		final int top = (TILE - rows) / 2, left = (TILE - cols) / 2;
		final float[] tiles = new float[Math.multiplyExact(n, TILE * TILE)];
		final byte[] image = new byte[rows * cols];
		for (int i = 0; i < n; i++) {
			in.readFully(image);
			for (int y = 0; y < rows; y++)
				for (int x = 0; x < cols; x++)
					tiles[i * TILE * TILE + (y + top) * TILE + x + left] = (image[y * cols + x] & 0xff) /
						255f;
		}
		return tiles;
	}
}
