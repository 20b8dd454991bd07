package org.karl.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import ij.ImagePlus;
import ij.process.ByteProcessor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.image.ij.TestImages;
import org.karl.ops.TokenizeOp;
import org.karl.testing.FakeTokenizer;

public class TokenizeCommandTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private final FakeTokenizer fake = new FakeTokenizer(32, 16, 0.02f, 0.05f, 0.1f);
	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private int run(final String... argv) throws Exception {
		final TokenizeCommand cmd = new TokenizeCommand(dir -> fake);
		return Main.call(cmd, new PrintStream(out, true, StandardCharsets.UTF_8), System.err, argv);
	}

	@Test
	public void writesTheCsvWithDefaultEpsilonAndBudgetAndClosesTheModel() throws Exception {
		final Path root = tmp.getRoot().toPath();
		final Path img = TestImages.save(new ImagePlus("b", new ByteProcessor(40, 32)), root
			.resolve("b.png"));
		final Path csv = root.resolve("t.csv");
		assertEquals(0, run("--model", root.toString(), "--csv", csv.toString(), img.toString()));
		assertEquals(List.of(String.join(",", TokenizeOp.COLUMNS), img + ",1,1,1,1,0,0,0,1,16,0.05,0.0,0.0",
			img + ",1,1,1,1,1,0,1,1,16,0.05,0.0,0.0"), Files.readAllLines(csv));
		assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("wrote 2 tile rows"));
		assertTrue(fake.closed);
	}

	@Test
	public void reconstructAndExplicitValuesArePassedOn() throws Exception {
		final Path root = tmp.getRoot().toPath();
		final Path img = TestImages.save(new ImagePlus("b", new ByteProcessor(32, 32)), root
			.resolve("b.png"));
		final Path csv = root.resolve("t.csv");
		run("--model=" + root, "--epsilon=0.1", "--budget=3", "--reconstruct", "--csv=" + csv, img
			.toString());
		assertEquals(img + ",1,1,1,1,0,0,0,1,3,0.1,0.0,0.0,0.0,1", Files.readAllLines(csv).get(1));
	}

	@Test
	public void aFolderAsCsvIsRejectedBeforeTheModelLoads() throws Exception {
		final Path root = tmp.getRoot().toPath();
		final Path img = Files.write(root.resolve("x.png"), new byte[1]);
		try {
			Main.call(new TokenizeCommand(dir -> {
				throw new AssertionError("loaded the model");
			}), System.out, System.err, "--model", root.toString(), "--csv", root.toString(), img
				.toString());
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("is a folder; give a file name"));
		}
	}

	@Test
	public void epsilonBeyondTheModelIsReportedWithTheRange() throws Exception {
		final Path root = tmp.getRoot().toPath();
		final Path img = Files.write(root.resolve("x.png"), new byte[1]);
		try {
			run("--model", root.toString(), "--epsilon", "0.3", "--csv", root.resolve("c.csv")
				.toString(), img.toString());
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("(0, 0.1]"));
		}
		assertTrue(fake.closed);
	}
}
