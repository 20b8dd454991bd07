package org.karl.image.ij;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import ij.ImagePlus;
import ij.gui.NewImage;
import ij.io.FileInfo;
import ij.process.ByteProcessor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Damaged and odd files are refused with one line before ImageJ reads their pixels. */
public class ImageFilesTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	/** A copy of {@code file} cut to {@code fraction} of its length. */
	static Path truncated(final Path file, final double fraction) throws IOException {
		return truncated(file, (long) (Files.size(file) * fraction));
	}

	/** A copy of {@code file} cut to {@code bytes}. */
	static Path truncated(final Path file, final long bytes) throws IOException {
		final Path cut = file.resolveSibling("cut-" + bytes + "-" + file.getFileName());
		Files.copy(file, cut);
		try (FileChannel c = FileChannel.open(cut, StandardOpenOption.WRITE)) {
			c.truncate(bytes);
		}
		return cut;
	}

	/**
	 * A 1 KB little-endian TIFF whose one directory declares {@code w x h} uncompressed pixels of
	 * {@code bits} bits, stored from byte 256 on; only the header is in the file.
	 */
	public static byte[] header(final int w, final int h, final int bits) {
		final ByteBuffer b = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		final int short_ = 3, long_ = 4;
		final int[][] tags = { { 256, long_, w }, { 257, long_, h }, { 258, short_, bits }, { 259,
			short_, 1 }, { 262, short_, 1 }, { 273, long_, 256 }, { 277, short_, 1 }, { 278, long_,
				h }, { 279, long_, (int) Math.min(Integer.MAX_VALUE, (long) w * h * bits / 8) } };
		b.putShort((short) tags.length);
		for (final int[] t : tags) {
			b.putShort((short) t[0]).putShort((short) t[1]).putInt(1);
			if (t[1] == short_) b.putShort((short) t[2]).putShort((short) 0);
			else b.putInt(t[2]);
		}
		b.putInt(0); // no next directory
		return b.array();
	}

	/**
	 * An uncompressed 8-bit TIFF of {@code pages} {@code w x h} pages, one directory each (as
	 * most software writes them, unlike ImageJ), each followed by its pixels ({@code 1 + page}).
	 * The last directory points to {@code lastNext} (0: none).
	 */
	static byte[] pages(final int w, final int h, final int pages, final int lastNext) {
		final int ifd = 2 + 9 * 12 + 4, page = ifd + w * h;
		final ByteBuffer b = ByteBuffer.allocate(8 + pages * page).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
		for (int p = 0; p < pages; p++) {
			final int at = 8 + p * page;
			final int[][] tags = { { 256, 4, w }, { 257, 4, h }, { 258, 3, 8 }, { 259, 3, 1 }, { 262,
				3, 1 }, { 273, 4, at + ifd }, { 277, 3, 1 }, { 278, 4, h }, { 279, 4, w * h } };
			b.putShort((short) tags.length);
			for (final int[] t : tags) {
				b.putShort((short) t[0]).putShort((short) t[1]).putInt(1);
				if (t[1] == 3) b.putShort((short) t[2]).putShort((short) 0);
				else b.putInt(t[2]);
			}
			b.putInt(p == pages - 1 ? lastNext : at + page);
			for (int i = 0; i < w * h; i++)
				b.put((byte) (1 + p));
		}
		return b.array();
	}

	private static String refusal(final Path file) {
		try {
			ImageFiles.open(file).flush();
		}
		catch (final IOException e) {
			assertFalse(e.getMessage(), e.getMessage().contains("\n"));
			assertTrue(e.getMessage(), e.getMessage().startsWith(file.toString() + ": "));
			return e.getMessage();
		}
		throw new AssertionError(file + " was opened");
	}

	@Test
	public void truncatedTiffsAreRefusedAndWholeOnesOpen() throws Exception {
		final Path root = tmp.getRoot().toPath();
		final ImagePlus[] images = { NewImage.createByteImage("b", 70, 50, 1, NewImage.FILL_RAMP),
			NewImage.createShortImage("s", 70, 50, 1, NewImage.FILL_RAMP), NewImage.createShortImage(
				"st", 64, 48, 3, NewImage.FILL_RAMP) };
		for (final ImagePlus imp : images) {
			final Path whole = TestImages.save(imp, root.resolve(imp.getTitle() + ".tif"));
			final ImagePlus back = ImageFiles.open(whole);
			assertEquals(imp.getStackSize(), back.getStackSize());
			assertEquals(imp.getBitDepth(), back.getBitDepth());
			final String m = refusal(truncated(whole, 0.6));
			assertTrue(m, m.contains("truncated"));
			assertTrue(m, m.contains(imp.getWidth() + "x" + imp.getHeight()));
		}
	}

	@Test
	public void aMultiPageTiffCutBeforeItsLastPagesIsRefusedNotShortened() throws Exception {
		final Path root = tmp.getRoot().toPath();
		final Path whole = Files.write(root.resolve("p.tif"), pages(40, 30, 3, 0));
		final ImagePlus imp = ImageFiles.open(whole);
		assertEquals(3, imp.getStackSize());
		assertEquals(3, imp.getStack().getProcessor(3).get(0));
		// NB: ImageJ alone opens the first two pages of this copy and drops the third silently
		final String m = refusal(truncated(whole, 8 + 2 * (114 + 40 * 30)));
		assertTrue(m, m.contains("truncated TIFF: its image directory 3 starts at byte 2636 but the " +
			"file holds 2.6 KB"));
		final String m60 = refusal(truncated(whole, 0.6));
		assertTrue(m60, m60.contains("truncated TIFF: it declares 40x30x2 8-bit pixels"));
	}

	@Test
	public void aLoopOfDirectoriesIsRefused() throws Exception {
		final String m = refusal(Files.write(tmp.getRoot().toPath().resolve("loop.tif"), pages(8, 8,
			2, 8)));
		assertTrue(m, m.contains("damaged TIFF: its image directories form a loop"));
	}

	@Test
	public void aHugeDeclaredImageInATinyFileIsRefusedAtOnce() throws Exception {
		final Path f = Files.write(tmp.getRoot().toPath().resolve("x.tif"), header(20000, 20000,
			16));
		final long t0 = System.nanoTime();
		final String m = refusal(f);
		final double s = (System.nanoTime() - t0) / 1e9;
		assertTrue(s + " s", s < 2);
		assertTrue(m, m.contains("damaged or truncated TIFF: it declares 20000x20000 16-bit pixels " +
			"(800 MB) but the file holds 1.0 KB"));
	}

	@Test
	public void aTiffMagicWithGarbageIsOneLine() throws Exception {
		final byte[] g = new byte[1024];
		new Random(1).nextBytes(g);
		g[0] = 'I';
		g[1] = 'I';
		g[2] = 42;
		g[3] = 0;
		final Path root = tmp.getRoot().toPath();
		// first directory offset: random (past the end), then one at byte 8 of random entries
		assertTrue(refusal(Files.write(root.resolve("g1.tif"), g)).contains("damaged"));
		for (int seed = 2; seed < 12; seed++) {
			new Random(seed).nextBytes(g);
			g[0] = 'I';
			g[1] = 'I';
			g[2] = 42;
			g[3] = 0;
			g[4] = 8;
			g[5] = g[6] = g[7] = 0;
			final String m = refusal(Files.write(root.resolve("g" + seed + ".tif"), g));
			assertTrue(m, m.contains("damaged"));
		}
	}

	@Test
	public void aPngStillOpens() throws Exception {
		final Path f = TestImages.save(new ImagePlus("p", new ByteProcessor(40, 30)), tmp.getRoot()
			.toPath().resolve("p.png"));
		final ImagePlus imp = ImageFiles.open(f);
		assertEquals(40, imp.getWidth());
		assertEquals(30, imp.getHeight());
	}

	@Test
	public void anImageBeyondTheHeapIsRefusedWithItsSizeAndWhatToDo() throws Exception {
		final Path f = TestImages.save(NewImage.createShortImage("st", 64, 48, 3,
			NewImage.FILL_RAMP), tmp.getRoot().toPath().resolve("st.tif"));
		final FileInfo[] info = ImageFiles.tiffInfo(f);
		ImageFiles.checkFitsInMemory(f, info, 64 * 48 * 3 * 2);
		try {
			ImageFiles.checkFitsInMemory(f, info, 64 * 48 * 3 * 2 - 1);
			fail();
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("64x48x3 16-bit pixels, 18 KB in " +
				"memory"));
			assertTrue(e.getMessage(), e.getMessage().contains("KARL_JAVA_OPTS=-Xmx"));
		}
	}

	@Test
	public void bytesAreForPeople() {
		assertEquals("999 bytes", ImageFiles.bytes(999));
		assertEquals("1.0 KB", ImageFiles.bytes(1024));
		assertEquals("800 MB", ImageFiles.bytes(800_000_256L));
	}
}
