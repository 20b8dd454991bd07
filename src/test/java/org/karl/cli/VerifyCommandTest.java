package org.karl.cli;

import static org.junit.Assert.*;

import ij.IJ;
import ij.ImagePlus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.runtime.KarlModel;
import org.karl.image.ij.Normalization;
import org.karl.image.ij.TestImages;
import org.karl.ops.ComplexityMapOp;
import org.karl.ops.ModelLocator;
import org.karl.ops.ReconstructOp;
import org.karl.testing.NoisyFlat;
import org.karl.testing.VerifyChecks;

/**
 * {@code --verify} on the noisy-flat tiles, where the shipped model's single pass
 * under-reports: {@code karl map} as a child process, then tokenize and reconstruct in this JVM
 * (one TensorFlow start less each), give verified counts that meet the invariants of
 * {@link VerifyChecks} against an oracle decoded here, the map's flags match the table, each
 * prints its summary line, and without --verify the map is as before.
 */
public class VerifyCommandTest {

	@ClassRule
	public static TemporaryFolder tmp = new TemporaryFolder();

	private static final Path MODEL = Path.of("models/default");
	private static final String EPS = "0.1";

	private static Path image;
	private static VerifyChecks.Oracle oracle;

	@BeforeClass
	public static void setUp() throws Exception {
		org.junit.Assert.assertTrue("no shipped models/default in this checkout", ModelLocator.isModel(
			MODEL));
		final ImagePlus imp = NoisyFlat.image("nf", 4, 4, 11);
		image = TestImages.save(imp, tmp.getRoot().toPath().resolve("nf.tif"));
		try (KarlModel m = KarlModel.load(MODEL)) {
			oracle = VerifyChecks.Oracle.of(m, IJ.openImage(image.toString()), Normalization.TYPE_RANGE,
				Float.parseFloat(EPS));
		}
	}

	@Test
	public void mapTokenizeAndReconstructVerify() throws Exception {
		final Path maps = tmp.getRoot().toPath().resolve("maps"), plain = tmp.getRoot().toPath()
			.resolve("plain"), csv = tmp.getRoot().toPath().resolve("t.csv"), rec = tmp.getRoot()
				.toPath().resolve("rec.tif"), recCsv = tmp.getRoot().toPath().resolve("rec.csv");
		final String map = karl("map", "--model", MODEL.toString(), "--normalize", "range",
			"--epsilon", EPS, "--verify", "--output", maps.toString(), image.toString());
		final List<String> lines = Files.readAllLines(maps.resolve("nf_tokens.csv"));
		assertEquals(String.join(",", ComplexityMapOp.columns(true)), lines.get(0));
		final List<VerifyChecks.Row> rows = VerifyChecks.fromCsv(lines);
		assertEquals(16, rows.size());
		final ImagePlus tif = IJ.openImage(maps.resolve("nf_map.tif").toString());
		VerifyChecks.check(rows, oracle, VerifyChecks.flags(tif));
		for (final VerifyChecks.Row r : rows)
			assertEquals("the map holds the verified count", r.tokens(), tif.getProcessor().getPixelValue(r
				.tx(), r.ty()), 0);
		assertTrue(map, map.contains(VerifyChecks.summary(rows, image.toString()) + "\n"));
		System.out.print(map);

		// without --verify: the columns and the map of before, the single pass's counts
		final Cli cli = new Cli();
		cli.ok("map", "--model", MODEL.toString(), "--normalize", "range", "--epsilon", EPS, "--output",
			plain.toString(), image.toString());
		final List<String> single = Files.readAllLines(plain.resolve("nf_tokens.csv"));
		assertEquals(String.join(",", ComplexityMapOp.COLUMNS), single.get(0));
		assertNull("no flags without --verify", IJ.openImage(plain.resolve("nf_map.tif").toString())
			.getOverlay());
		for (int k = 0; k < 16; k++)
			assertEquals("predicted = the single pass", single.get(k + 1).split(",")[8], String.valueOf(
				rows.get(k).predicted()));

		cli.ok("tokenize", "--model", MODEL.toString(), "--normalize", "range",
			"--epsilon", EPS, "--verify", "--ids", "--csv", csv.toString(), image.toString());
		final List<String> t = Files.readAllLines(csv);
		assertEquals(rows, VerifyChecks.fromCsv(t));
		final List<String> h = List.of(t.get(0).split(","));
		assertEquals("l1,met,predicted,token_ids,keep_mask", String.join(",", h.subList(13, h.size())));
		for (final String line : t.subList(1, t.size())) {
			final String[] f = line.split(",");
			final int n = Integer.parseInt(f[h.indexOf("tokens")]);
			final StringBuilder prefix = new StringBuilder();
			for (int j = 0; j < 32; j++) prefix.append(j == 0 ? "" : " ").append(j < n ? 1 : 0);
			assertEquals("keep_mask is the verified prefix", prefix.toString(), f[h.indexOf("keep_mask")]);
		}
		assertTrue(cli.out(), cli.out().contains(VerifyChecks.summary(rows, image.toString()) + "\n"));

		cli.ok("reconstruct", "--model", MODEL.toString(), "--normalize", "range",
			"--epsilon", EPS, "--verify", "--csv", recCsv.toString(), "--output", rec.toString(), image
				.toString());
		final List<String> rc = Files.readAllLines(recCsv);
		assertEquals(String.join(",", ReconstructOp.columns(true)), rc.get(0));
		final String[] f = rc.get(1).split(",");
		final double mean = rows.stream().mapToInt(VerifyChecks.Row::tokens).average().orElseThrow();
		final double pred = rows.stream().mapToInt(VerifyChecks.Row::predicted).average().orElseThrow();
		final long unreachable = rows.stream().filter(x -> !x.met()).count();
		assertEquals(mean, Double.parseDouble(f[6]), 1e-9);
		assertEquals(pred, Double.parseDouble(f[12]), 1e-9);
		assertEquals("unmet tiles are all at the budget", f[8], f[9]);
		assertEquals(unreachable, (long) Double.parseDouble(f[8]));
		assertTrue(cli.out(), cli.out().contains(VerifyChecks.summary(rows, image.toString()) + "\n"));
	}

	@Test
	public void verifyWithAFixedTokenCountIsRefusedInOneLine() {
		final Cli cli = new Cli();
		assertEquals(Main.EXIT_FAILURE, cli.run("reconstruct", "--model", MODEL.toString(), "--verify",
			"--tokens", "4", "--output", tmp.getRoot().toPath().resolve("x.tif").toString(), image
				.toString()));
		assertEquals("karl reconstruct: verify checks the counts epsilon gives, but tokens=4 fixes " +
			"them; use tokens=0 with verify, or leave verify off\n", cli.err());
	}

	/** Runs {@code karl ARGS} as a child process that must succeed; returns its stdout. */
	private static String karl(final String... args) throws Exception {
		final List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty(
			"java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"), Main.class
				.getName()));
		cmd.addAll(List.of(args));
		final Path err = Files.createTempFile(tmp.getRoot().toPath(), "err", ".txt");
		final ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err.toFile());
		pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
		final Process p = pb.start();
		final String out = new String(p.getInputStream().readAllBytes());
		assertTrue("did not finish: " + out, p.waitFor(300, TimeUnit.SECONDS));
		assertEquals(out + Files.readString(err), 0, p.exitValue());
		return out;
	}
}
