package org.karl.fiji.commands;

import static org.junit.Assert.*;

import ij.ImagePlus;
import ij.gui.NewImage;
import ij.measure.ResultsTable;

import java.nio.file.Path;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.experimental.categories.Category;
import org.karl.engine.runtime.TestModels;
import org.karl.testing.NoisyFlat;
import org.karl.testing.VerifyChecks;
import org.karl.testing.Slow;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogListener;
import org.scijava.log.LogService;

/**
 * The SciJava doors, run through CommandService in a plain SciJava context (no imagej-legacy):
 * the same work as the ImageJ 1 menu doors, outputs as module outputs, failures as a cancel.
 */
@Category(Slow.class) // a SciJava context per test
public class SciJavaCommandsTest {

	private static Context context;
	private static CommandService commands;
	private static Path model;

	@BeforeClass
	public static void setUp() {
		model = TestModels.model();
		context = new Context();
		commands = context.service(CommandService.class);
	}

	@AfterClass
	public static void tearDown() {
		context.dispose();
	}

	@Test
	public void complexityMapGivesTheMapAndOneRowPerTile() throws Exception {
		final ImagePlus imp = NewImage.createFloatImage("f", 96, 40, 1, NewImage.FILL_RAMP);
		final CommandModule m = commands.run(ComplexityMapCommand.class, true, "image", imp, "model",
			model.toString(), "epsilon", 0.1).get();
		assertFalse(m.getCancelReason(), m.isCanceled());
		final ImagePlus map = (ImagePlus) m.getOutput("map");
		assertEquals("f KARL map", map.getTitle());
		assertEquals(3, map.getWidth());
		assertEquals(2, map.getHeight());
		assertEquals(8, map.getDisplayRangeMax(), 0);
		final ResultsTable t = (ResultsTable) m.getOutput("table");
		assertEquals(6, t.size());
		assertEquals(map.getProcessor().getPixelValue(2, 1), t.getValue("tokens", 5), 0);
	}

	@Test
	public void reconstructWithAFixedTokenCount() throws Exception {
		final ImagePlus imp = NewImage.createByteImage("b", 64, 64, 1, NewImage.FILL_RANDOM);
		final CommandModule m = commands.run(ReconstructImageCommand.class, true, "image", imp,
			"model", model.toString(), "tokens", 3).get();
		assertFalse(m.getCancelReason(), m.isCanceled());
		assertEquals(64, ((ImagePlus) m.getOutput("reconstruction")).getWidth());
		assertEquals(3, ((ResultsTable) m.getOutput("table")).getValue("tokens", 0), 0);
	}

	@Test
	public void tokenizeGivesTheTokenIdsOneColumnPerToken() throws Exception {
		final ImagePlus imp = NewImage.createByteImage("b", 64, 32, 1, NewImage.FILL_RANDOM);
		final java.nio.file.Path csv = java.nio.file.Files.createTempFile("karl-tokens", ".csv");
		final CommandModule m = commands.run(TokenizeImageCommand.class, true, "image", imp, "model",
			model.toString(), "epsilon", 0.05, "budget", 6, "save", csv.toString()).get();
		assertFalse(m.getCancelReason(), m.isCanceled());
		final ResultsTable rows = (ResultsTable) m.getOutput("table");
		final ResultsTable ids = (ResultsTable) m.getOutput("tokens");
		assertEquals(2, rows.size());
		assertEquals(2, ids.size());
		// the ids as the CSV writes them (space-separated text), one column per token in "tokens"
		final java.util.List<String> lines = java.nio.file.Files.readAllLines(csv);
		final java.util.List<String> head = java.util.List.of(lines.get(0).split(","));
		assertFalse("ids are in the tokens table, not in the tile table", rows.columnExists("token_ids"));
		for (int i = 0; i < 2; i++) {
			final String[] cells = lines.get(i + 1).split(",");
			final String[] text = cells[head.indexOf("token_ids")].split(" ");
			final String[] keep = cells[head.indexOf("keep_mask")].split(" ");
			int kept = 0;
			for (int j = 0; j < text.length; j++) {
				assertEquals(Integer.parseInt(text[j]), ids.getValue("id_" + (j + 1), i), 0);
				assertEquals(Integer.parseInt(keep[j]), ids.getValue("keep_" + (j + 1), i), 0);
				kept += Integer.parseInt(keep[j]);
			}
			assertEquals(rows.getValue("tokens", i), kept, 0);
			assertEquals(-1, ids.getValue("id_" + text.length, i), 0); // past budget 6
		}
	}

	/** A sparse puncta field at the default percentiles: the one-line noise warning in the log. */
	@Test
	public void aSparsePunctaFieldLogsTheNoiseWarning() throws Exception {
		final ImagePlus imp = org.karl.image.ij.TestImages.sparsePuncta(256, 256, 2, 1);
		final java.util.List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
		final LogListener listen = m -> logged.add(m.text());
		context.service(LogService.class).addLogListener(listen);
		// NB: SciJava keeps the last values of unset inputs, so the defaults are given
		final CommandModule m = commands.run(ComplexityMapCommand.class, true, "image", imp, "model",
			model.toString(), "normalize", "percentile", "verify", false).get();
		context.service(LogService.class).removeLogListener(listen);
		assertFalse(m.getCancelReason(), m.isCanceled());
		assertTrue(logged.toString(), logged.stream().anyMatch(l -> l.startsWith(
			"KARL Complexity Map: note: plane 1 of 'puncta': the scaled range ") && l.contains(
				"use normalize=range")));
	}

	/**
	 * verify on the noisy-flat tiles with the shipped model: the rows and the map's flags as every
	 * door's ({@link VerifyChecks}), and the summary line in the log.
	 */
	@Test
	public void complexityMapVerifiesCountsFlagsUnreachableTilesAndLogsTheSummary()
		throws Exception
	{
		final Path shipped = Path.of("models/default");
		org.junit.Assume.assumeTrue("no shipped models/default", org.karl.ops.ModelLocator.isModel(
			shipped));
		final ImagePlus imp = NoisyFlat.image("nf", 4, 4, 11);
		final java.util.List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
		final LogListener listen = m -> logged.add(m.text());
		context.service(LogService.class).addLogListener(listen);
		final CommandModule m = commands.run(ComplexityMapCommand.class, true, "image", imp, "model",
			shipped.toString(), "epsilon", 0.1, "normalize", "range", "verify", true).get();
		context.service(LogService.class).removeLogListener(listen);
		assertFalse(m.getCancelReason(), m.isCanceled());
		final ResultsTable t = (ResultsTable) m.getOutput("table");
		final java.util.List<VerifyChecks.Row> rows = new java.util.ArrayList<>();
		for (int i = 0; i < t.size(); i++)
			rows.add(new VerifyChecks.Row((int) t.getValue("slice", i), (int) t.getValue("tile_x", i),
				(int) t.getValue("tile_y", i), (int) t.getValue("tokens", i), (int) t.getValue("predicted",
					i), (int) t.getValue("budget", i), t.getValue("met", i) == 1));
		assertEquals(16, rows.size());
		final VerifyChecks.Oracle oracle;
		try (org.karl.engine.runtime.KarlModel k = org.karl.engine.runtime.KarlModel.load(shipped)) {
			oracle = VerifyChecks.Oracle.of(k, imp, org.karl.image.ij.Normalization.TYPE_RANGE, 0.1f);
		}
		final ImagePlus map = (ImagePlus) m.getOutput("map");
		VerifyChecks.check(rows, oracle, VerifyChecks.flags(map));
		assertTrue(logged.toString(), logged.contains("KARL Complexity Map: " + VerifyChecks.summary(
			rows, "nf")));
	}

	@Test
	public void badValueCancelsWithTheReason() throws Exception {
		final ImagePlus imp = NewImage.createByteImage("b", 64, 64, 1, NewImage.FILL_RANDOM);
		final CommandModule m = commands.run(TokenizeImageCommand.class, true, "image", imp, "model",
			model.toString(), "epsilon", 0.9).get();
		assertTrue(m.isCanceled());
		assertTrue(m.getCancelReason(), m.getCancelReason().startsWith(
			"KARL Tokenize: epsilon = 0.9 is outside (0, 0.38]"));
	}

	@Test
	public void aboutNamesTheEngineAndTheModelSignatures() throws Exception {
		final String text = (String) commands.run(AboutCommand.class, true, "model", model.toString())
			.get().getOutput("text");
		assertTrue(text, text.contains("engine: TensorFlow Java engine (direct)"));
		assertTrue(text, text.contains("TensorFlow 2.18"));
		assertTrue(text, text.contains("  tokenize ("));
		assertTrue(text, text.contains("\"format\": \"karl-savedmodel/1\""));
	}
}
