package org.karl.data;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.api.TileSet;

public class FashionMnistTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	/** Writes {@code n} 28x28 images where image i has pixel (x,y) = (i + x + y) mod 256. */
	private Path idx(final String name, final int magic, final int n, final int size)
		throws IOException
	{
		final Path file = tmp.getRoot().toPath().resolve(name);
		try (OutputStream raw = Files.newOutputStream(file); DataOutputStream out =
			new DataOutputStream(name.endsWith(".gz") ? new GZIPOutputStream(raw) : raw))
		{
			out.writeInt(magic);
			out.writeInt(n);
			out.writeInt(size);
			out.writeInt(size);
			for (int i = 0; i < n; i++)
				for (int y = 0; y < size; y++)
					for (int x = 0; x < size; x++)
						out.writeByte((i + x + y) % 256);
		}
		return file;
	}

	@Test
	public void imagesAreCentredInZeroPaddedTilesAndScaled() throws IOException {
		idx(FashionMnist.TRAIN_IMAGES, FashionMnist.IDX3_UBYTE, 3, 28);
		final TileSet s = FashionMnist.train(tmp.getRoot().toPath());
		assertEquals(3, s.n());
		assertEquals(32, s.tileSize());
		final float[] t = s.pixels();
		final int tile2 = 2 * 1024;
		assertEquals(0, t[tile2 + 1 * 32 + 5], 0); // row 1 is padding
		assertEquals(0, t[tile2 + 5 * 32 + 1], 0); // column 1 is padding
		assertEquals(2 / 255f, t[tile2 + 2 * 32 + 2], 1e-7); // image 2, pixel (0,0)
		assertEquals((2 + 27 + 27) / 255f, t[tile2 + 29 * 32 + 29], 1e-7); // pixel (27,27)
		assertEquals(0, t[tile2 + 30 * 32 + 30], 0);
	}

	@Test
	public void plainIdxAndLimitAreSupported() throws IOException {
		final Path file = idx("x-images-idx3-ubyte", FashionMnist.IDX3_UBYTE, 5, 28);
		assertEquals(2, FashionMnist.read(file, 2).n());
	}

	@Test
	public void labelFileIsRejectedByItsMagic() throws IOException {
		final Path file = idx("labels.gz", 0x801, 1, 28);
		try {
			FashionMnist.read(file, 10);
			fail();
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("0x801"));
		}
	}

	@Test
	public void missingFileSaysHowToFetchIt() {
		try {
			FashionMnist.test(tmp.getRoot().toPath());
			fail();
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("fetch-data.sh"));
		}
	}

	@Test
	public void truncatedFileIsReported() throws IOException {
		final Path plain = idx("p", FashionMnist.IDX3_UBYTE, 2, 28);
		final Path cut = tmp.getRoot().toPath().resolve("cut");
		Files.write(cut, Arrays.copyOf(Files.readAllBytes(plain), 16 + 28 * 28 + 5));
		try {
			FashionMnist.read(cut, 10);
			fail();
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("truncated"));
		}
	}
}
