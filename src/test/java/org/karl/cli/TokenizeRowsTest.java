package org.karl.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.ops.TokenizeOp;
import org.karl.image.ij.TestImages;
import org.karl.testing.FakeTokenizer;

/**
 * The rows of {@code karl tokenize} ({@link org.karl.ops.TokenizeOp}) with a fake tokenizer:
 * tile order, padded flags, planes, reconstruction columns, quoting, failures.
 */
public class TokenizeRowsTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private final FakeTokenizer fake = new FakeTokenizer(32, 16, 0.02f, 0.05f, 0.1f);

	private Path save(final ImagePlus imp, final String name) throws Exception {
		return TestImages.save(imp, tmp.getRoot().toPath().resolve(name));
	}

	private static FloatProcessor noise(final int w, final int h, final long seed) {
		final Random r = new Random(seed);
		final float[] px = new float[w * h];
		for (int i = 0; i < px.length; i++)
			px[i] = r.nextFloat();
		return new FloatProcessor(w, h, px);
	}

	/** karl tokenize with the fake model; returns the CSV's lines. */
	private List<String> run(final float eps, final int budget, final boolean reconstruct,
		final Path... files) throws Exception
	{
		final Path csv = tmp.getRoot().toPath().resolve("out/tokens.csv");
		tokenize(csv, eps, budget, reconstruct, files);
		return Files.readAllLines(csv);
	}

	private void tokenize(final Path csv, final float eps, final int budget,
		final boolean reconstruct, final Path... files) throws Exception
	{
		final List<String> argv = new java.util.ArrayList<>(List.of("--model", tmp.getRoot()
			.toString(), "--csv", csv.toString(), "--epsilon", Float.toString(eps), "--budget", Integer
				.toString(budget)));
		if (reconstruct) argv.add("--reconstruct");
		for (final Path f : files) argv.add(f.toString());
		final TokenizeCommand cmd = new TokenizeCommand(dir -> fake);
		Main.call(cmd, System.out, System.err, argv.toArray(String[]::new));
	}

	private static final String HEADER = String.join(",", TokenizeOp.COLUMNS);

	@Test
	public void exactTileImageIsOneRow() throws Exception {
		final Path f = save(new ImagePlus("b", new ByteProcessor(32, 32)), "blank.png");
		final List<String> lines = run(0.05f, 0, false, f);
		assertEquals(List.of(HEADER, f + ",1,1,1,1,0,0,0,1,16,0.05,0.0,0.0"), lines);
	}

	@Test
	public void rowsFollowTilesRowMajorWithPaddedFlags() throws Exception {
		final Path f = save(new ImagePlus("n", noise(70, 40, 1)), "noise.tif");
		final List<String> lines = run(0.05f, 8, false, f);
		assertEquals(1 + 3 * 2, lines.size());
		assertTrue(lines.get(1), lines.get(1).startsWith(f + ",1,1,1,1,0,0,0,8,8,0.05" + ","));
		assertTrue(lines.get(2), lines.get(2).startsWith(f + ",1,1,1,1,1,0,0,8,8,0.05" + ","));
		assertTrue(lines.get(3), lines.get(3).startsWith(f + ",1,1,1,1,2,0,1,8,8,0.05" + ","));
		assertTrue(lines.get(4), lines.get(4).startsWith(f + ",1,1,1,1,0,1,1,8,8,0.05" + ","));
		assertTrue(lines.get(6), lines.get(6).startsWith(f + ",1,1,1,1,2,1,1,8,8,0.05" + ","));
	}

	@Test
	public void everyStackPlaneIsTokenized() throws Exception {
		final ImageStack stack = new ImageStack(32, 32);
		stack.addSlice(new ByteProcessor(32, 32));
		stack.addSlice(noise(32, 32, 2).convertToByteProcessor(true));
		stack.addSlice(new ByteProcessor(32, 32));
		final Path f = save(new ImagePlus("s", stack), "stack.tif");
		final List<String> lines = run(0.05f, 0, false, f);
		assertEquals(4, lines.size());
		assertTrue(lines.get(1).startsWith(f + ",1,1,1,1,0,0,0,1,"));
		assertTrue(lines.get(2).startsWith(f + ",2,1,2,1,0,0,0,16,"));
		assertTrue(lines.get(3).startsWith(f + ",3,1,3,1,0,0,0,1,"));
	}

	@Test
	public void reconstructAddsL1AndMetColumns() throws Exception {
		final Path f = save(new ImagePlus("n", noise(32, 32, 3)), "n.tif");
		final List<String> lines = run(0.1f, 4, true, f);
		assertEquals(HEADER + ",l1,met", lines.get(0));
		final String[] cols = lines.get(1).split(",");
		assertEquals(15, cols.length);
		assertEquals("4", cols[8]);
		assertEquals(0.25, Double.parseDouble(cols[13]), 0.02); // mean |u - 1/2| of uniform noise
		assertEquals("noise at the full budget cannot reach ε 0.1", "0", cols[14]);
		final Path b = save(new ImagePlus("b", new ByteProcessor(32, 32)), "b.tif");
		final String[] blank = run(0.1f, 4, true, b).get(1).split(",");
		assertEquals("a blank tile meets ε", "1", blank[14]);
	}

	@Test
	public void filesWithCommasAreQuoted() throws Exception {
		final Path f = save(new ImagePlus("b", new ByteProcessor(32, 32)), "a,\"b\".png");
		final List<String> lines = run(0.05f, 0, false, f);
		assertEquals("\"" + f.toString().replace("\"", "\"\"") + "\",1,1,1,1,0,0,0,1,16,0.05,0.0,0.0", lines.get(
			1));
	}

	@Test
	public void failedRunLeavesThePreviousCsvAndNoTempFile() throws Exception {
		final Path good = save(new ImagePlus("b", new ByteProcessor(32, 32)), "good.png");
		final Path bad = tmp.getRoot().toPath().resolve("bad.png");
		Files.write(bad, new byte[] { 1, 2, 3 });
		final Path csv = tmp.getRoot().toPath().resolve("tokens.csv");
		Files.writeString(csv, "previous\n");
		try {
			tokenize(csv, 0.05f, 0, false, good, bad);
			fail();
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("bad.png"));
		}
		assertEquals("previous\n", Files.readString(csv));
		try (var listing = Files.list(tmp.getRoot().toPath())) {
			assertEquals(0, listing.filter(p -> p.getFileName().toString().endsWith(".part"))
				.count());
		}
	}

	@Test
	public void epsilonAndBudgetAreCheckedAgainstTheModel() throws Exception {
		try {
			run(0.2f, 0, false, save(new ImagePlus("b", new ByteProcessor(32, 32)), "e.png"));
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("(0, 0.1]"));
		}
		try {
			run(0.05f, 17, false, save(new ImagePlus("b", new ByteProcessor(32, 32)), "e.png"));
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("[1, 16]"));
		}
	}
}
