package org.karl.cli;

import static org.junit.Assert.*;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.experimental.categories.Category;
import org.karl.engine.runtime.TestModels;
import org.karl.eval.EvalReport;
import org.karl.testing.Slow;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** {@code karl eval} and {@code karl bench} end to end through {@link Main#run}. */
@Category(Slow.class) // a whole karl eval
public class EvalCommandTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private final Cli cli = new Cli();

	private int karl(final String... argv) {
		return cli.run(argv);
	}

	@Test
	public void evalWritesJsonMarkdownAndFigures() throws Exception {
		final Path dir = tmp.getRoot().toPath().resolve("eval");
		cli.ok("eval", "--model", TestModels.model().toString(), "--synthetic", "12", "--epsilon",
			"0.1,0.05", "--output", dir.toString());
		final JsonObject json = JsonParser.parseString(Files.readString(dir.resolve(EvalCommand.JSON)))
			.getAsJsonObject();
		final String md = Files.readString(dir.resolve(EvalCommand.MARKDOWN));
		assertTrue(md.contains("karl eval "));
		assertTrue(md.contains("| 0.050 |") && md.contains("| 0.100 |"));
		// the classical anchor: JPEG at every fixed budget, falling with bits; graded share per ε
		final JsonObject jpeg = json.getAsJsonObject("jpeg");
		final JsonArray budgets = jpeg.getAsJsonArray("budgets"), l1 = jpeg.getAsJsonArray("l1"),
			ratio = jpeg.getAsJsonArray("karlOverJpeg");
		assertEquals(json.getAsJsonObject("curves").getAsJsonArray("budgets"), budgets);
		for (int i = 0; i < budgets.size(); i++) {
			assertTrue(jpeg.toString(), l1.get(i).getAsDouble() > 0 && l1.get(i).getAsDouble() < 0.5 &&
				ratio.get(i).getAsDouble() > 0);
			if (i > 0) assertTrue(jpeg.toString(), l1.get(i).getAsDouble() <= l1.get(i - 1)
				.getAsDouble());
		}
		assertTrue(md.contains("| JPEG L1 | KARL / JPEG |") && md.contains("| JPEG L1, fitted |") && md
			.contains("\n## 4c. Graded"));
		for (final var e : json.getAsJsonArray("epsilons")) {
			final double graded = e.getAsJsonObject().getAsJsonObject("graded").get("graded")
				.getAsDouble();
			assertTrue(e.toString(), graded >= 0 && graded <= 1);
		}
		for (final String png : new String[] { EvalReport.RD_PNG, EvalReport.HISTOGRAM_PNG,
			EvalReport.MONTAGE_PNG }) assertNotNull(png, ImageIO.read(dir.resolve(png).toFile()));
		try (var files = Files.list(dir)) {
			assertEquals("no temp files left", 5, files.count());
		}
		assertTrue(cli.out().contains("goal: "));
	}

	@Test
	public void evalRejectsEpsilonOutsideTheBins() {
		assertEquals(Main.EXIT_FAILURE, karl("eval", "--model", TestModels.model().toString(),
			"--synthetic", "4", "--epsilon", "0.5", "--output", tmp.getRoot().toString()));
		assertTrue(cli.err(), cli.err().contains("epsilon = 0.5 is outside"));
		assertEquals(Main.EXIT_USAGE, karl("eval", "--model", TestModels.model().toString(),
			"--epsilon", "0.05,x", "--output", tmp.getRoot().toString()));
		assertTrue("the message of every list of epsilons (ops.EpsilonList): " + cli.err(), cli.err()
			.contains("epsilon=0.05,x: 'x' is not a number; write the epsilons separated by commas"));
		assertEquals(Main.EXIT_USAGE, karl("eval", "--model", TestModels.model().toString(),
			"--epsilon", " , ", "--output", tmp.getRoot().toString()));
		assertTrue(cli.err(), cli.err().contains("epsilon lists no epsilon"));
	}

	@Test
	public void benchPrintsATableAndWritesJson() throws Exception {
		final Path dir = tmp.getRoot().toPath();
		cli.ok("bench", "--model", TestModels.model().toString(), "--plane", "64", "--batch", "4",
			"--calls", "110", "--stream_mb", "4", "--output", dir.toString());
		final String s = cli.out();
		assertTrue(s, s.contains("map 64x64 (4 tiles") && s.contains("cold start") && s.contains(
			"GFLOP/s") && s.contains("after 1110"));
		assertEquals(4, JsonParser.parseString(Files.readString(dir.resolve(BenchCommand.JSON)))
			.getAsJsonObject().get("tiles").getAsInt());
		// --stream_mb 4: one 2048² 8-bit plane (4 MiB) mapped by a child karl map, heap-bounded
		assertTrue(s, s.contains("streaming: 1 planes of 2048² 8-bit (4 MiB) mapped with -Xmx"));
		final var st = JsonParser.parseString(Files.readString(dir.resolve(BenchCommand.STREAM_JSON)))
			.getAsJsonObject();
		assertEquals(4096, st.get("tiles").getAsLong());
		assertTrue(st.toString(), st.get("peakHeapMiB").getAsDouble() > 0 && st.get("peakHeapMiB")
			.getAsDouble() <= st.get("xmxMiB").getAsInt());
	}
}
