package org.karl.cli;

import static org.junit.Assert.*;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.experimental.categories.Category;
import org.karl.engine.runtime.KarlModel;
import org.karl.engine.runtime.TestModels;
import org.karl.image.ij.ImageFiles;
import org.karl.image.ij.Normalization;
import org.karl.image.ij.TestImages;
import org.karl.ops.ComplexityMapOp;
import org.karl.ops.ReconstructOp;
import org.karl.ops.Table;
import org.karl.engine.api.Progress;
import org.karl.testing.Slow;

/**
 * The headless doors read TIFF stacks plane by plane: a stack larger than the whole Java heap of
 * a child {@code karl} process is mapped and reconstructed, and on a small stack the streamed
 * results equal the in-memory ones, bit for bit; stacks and hyperstacks keep their layout.
 */
@Category(Slow.class) // child karl processes with small heaps
public class StreamingTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static Path model;
	private final Cli cli = new Cli();

	@BeforeClass
	public static void buildModel() {
		model = TestModels.model();
	}

	private Path stack(final String name, final int w, final int h, final int c, final int z,
		final int t, final long seed) throws Exception
	{
		final Random r = new Random(seed);
		final ImageStack s = new ImageStack(w, h);
		for (int i = 0; i < c * z * t; i++) {
			final byte[] px = new byte[w * h];
			for (int k = 0; k < px.length; k++) px[k] = (byte) ((k / w + i * 7) % 64 * 2 + r.nextInt(
				i % 3 == 0 ? 100 : 4));
			s.addSlice("p" + (i + 1), new ByteProcessor(w, h, px));
		}
		final ImagePlus imp = new ImagePlus(name, s);
		imp.setDimensions(c, z, t);
		imp.setOpenAsHyperStack(c * z * t > 1 && (c > 1 || t > 1));
		return TestImages.save(imp, tmp.getRoot().toPath().resolve(name));
	}

	@Test
	public void streamedResultsEqualInMemoryOnesAndKeepTheHyperstackLayout() throws Exception {
		final Path in = stack("h.tif", 70, 40, 2, 3, 2, 1);
		final ImagePlus virtual = ImageFiles.openPlanes(in);
		assertTrue("a TIFF stack is opened virtually", virtual.getStack().isVirtual());
		assertEquals(List.of(2, 3, 2), List.of(virtual.getNChannels(), virtual.getNSlices(), virtual
			.getNFrames()));
		final Path maps = tmp.getRoot().toPath().resolve("maps"), rec = maps.resolve("rec.tif");
		cli.ok("map", "--model", model.toString(), "--output", maps.toString(), in.toString());
		cli.ok("reconstruct", "--model", model.toString(), "--csv", maps.resolve("rec.csv").toString(),
			"--output", rec.toString(), in.toString());
		try (KarlModel m = KarlModel.load(model)) {
			final ImagePlus whole = ImageFiles.open(in);
			final Table rows = new Table(ComplexityMapOp.COLUMNS);
			ComplexityMapOp.run(whole, in.toString(), m, 0.05f, 0, Normalization.DEFAULT, "fire", rows,
				Progress.NONE);
			assertEquals(csv(rows), Files.readString(maps.resolve("h_tokens.csv")));
			final Table recRows = new Table(ReconstructOp.COLUMNS);
			final ImagePlus expected = ReconstructOp.run(whole, in.toString(), m, 0.05f, 0, 0,
				Normalization.DEFAULT, recRows, Progress.NONE).image();
			assertEquals(csv(recRows), Files.readString(maps.resolve("rec.csv")));
			final ImagePlus got = IJ.openImage(rec.toString());
			assertEquals(List.of(2, 3, 2), List.of(got.getNChannels(), got.getNSlices(), got
				.getNFrames()));
			for (int i = 1; i <= 12; i++)
				assertArrayEquals("plane " + i, (float[]) expected.getStack().getPixels(i), (float[]) got
					.getStack().getPixels(i), 0f);
		}
	}

	@Test
	public void aStackLargerThanTheHeapIsMappedAndReconstructedPlaneByPlane() throws Exception {
		// 72 MB of 8-bit planes, and 70 MB of 32-bit reconstruction, through a 64 MB heap
		final Path in = stack("big.tif", 1024, 1024, 1, 72, 1, 2);
		final Path out = tmp.getRoot().toPath().resolve("out");
		final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		final String cp = System.getProperty("java.class.path");
		run(java, "-Xmx64m", "-cp", cp, Main.class.getName(), "map", "--model", model.toString(),
			"--output", out.toString(), in.toString());
		assertEquals(1 + 72 * 1024, Files.readAllLines(out.resolve("big_tokens.csv")).size());
		final ImagePlus map = IJ.openImage(out.resolve("big_map.tif").toString());
		assertEquals(72, map.getStackSize());
		// the reconstruction (70 MB of floats) would not fit whole
		final Path small = stack("mid.tif", 512, 512, 1, 70, 1, 3);
		run(java, "-Xmx64m", "-cp", cp, Main.class.getName(), "reconstruct", "--model", model
			.toString(), "--output", out.resolve("mid_rec.tif").toString(), small.toString());
		final ImagePlus rec = IJ.openImage(out.resolve("mid_rec.tif").toString());
		assertEquals(70, rec.getStackSize());
		assertEquals(32, rec.getBitDepth());
		assertTrue(rec.getStack().getProcessor(70) instanceof FloatProcessor);
	}

	private static void run(final String... cmd) throws Exception {
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		final String out = new String(p.getInputStream().readAllBytes());
		assertTrue("did not finish: " + out, p.waitFor(300, TimeUnit.SECONDS));
		assertEquals(out, 0, p.exitValue());
	}

	private static String csv(final Table t) throws Exception {
		final Path f = Files.createTempFile("rows", ".csv");
		t.writeCsv(f);
		final String s = Files.readString(f);
		Files.delete(f);
		return s;
	}
}
