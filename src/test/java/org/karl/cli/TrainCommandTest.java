package org.karl.cli;

import static org.junit.Assert.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.experimental.categories.Category;
import org.karl.engine.config.ModelCard;
import org.karl.engine.config.ModelConfig;
import org.karl.engine.config.TrainConfig;
import org.karl.testing.Slow;

/**
 * {@code karl train-base} and {@code karl train} through {@link Main#run} on a test-sized model:
 * the halting-target choice reaches the card and survives resuming, switching it rebuilds the
 * training graph with the same weights, and a trained --output is never silently replaced.
 */
@Category(Slow.class) // short trainings through the command line
public class TrainCommandTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private final Cli cli = new Cli();

	private int karl(final String... argv) {
		return cli.run(argv);
	}

	/**
	 * The default preset's decoder target through the door: a latent-variant base, then KARL, each
	 * reporting its held-out numbers (the base's floor, KARL's fixed-budget curve) in the output
	 * and the card.
	 */
	@Test
	public void latentPresetTrainsAndReportsTheHeldOutCurve() throws Exception {
		final Path root = tmp.getRoot().toPath(), base = root.resolve("base"), k = root.resolve("k");
		cli.ok("train-base", "--preset", "test-latent", "--synthetic", "64", "--steps", "3",
			"--output", base.toString());
		assertTrue(cli.out(), cli.out().contains("base held-out L1 "));
		assertEquals(ModelConfig.LATENT, ModelCard.read(base).model().decoderTarget());
		assertFalse("a base without codes reports none in use", cli.out().contains("codes in use"));
		cli.ok("train", "--model", base.toString(), "--synthetic", "64", "--steps", "2", "--output",
			k.toString());
		final java.util.regex.Matcher m = java.util.regex.Pattern.compile(
			"karl held-out L1 at fixed budgets \\(first k tokens\\) 2: (\\d\\.\\d{4}), 4: \\d\\.\\d{4}, " +
				"8: \\d\\.\\d{4}(; continuous tokens, VQ not switched on yet)? \\(128 generated tiles").matcher(
					cli.out());
		assertTrue(cli.out(), m.find());
		assertTrue(m.group(1), Double.parseDouble(m.group(1)) > 0);
		assertNotNull("2 steps, VQ switched on at 500: the line says its tokens were continuous", m
			.group(2));
		final ModelCard card = ModelCard.read(k);
		assertEquals(ModelConfig.LATENT, card.model().decoderTarget());
		assertTrue(String.valueOf(card.provenance()), String.valueOf(card.provenance().get(
			"karl.heldout_l1_at_budget")).startsWith("2: "));
	}

	@Test
	public void haltingTargetsAreRecordedSwitchedAndResumed() throws Exception {
		final Path root = tmp.getRoot().toPath(), base = root.resolve("base"), k = root.resolve("k");
		cli.ok("train-base", "--preset", "test",
			"--synthetic", "64", "--steps", "3", "--halting_targets", "paper", "--output", base
				.toString());
		assertEquals(TrainConfig.PAPER, ModelCard.read(base).training().haltingTargets());
		assertEquals("new models decode prefixes in phase 1", TrainConfig.PREFIX, ModelCard.read(base)
			.training().phase1Tokens());

		cli.ok("train", "--model", base.toString(),
			"--synthetic", "64", "--steps", "2", "--halting_targets", "minimum", "--phase1_tokens",
			"queries", "--output", k.toString());
		assertTrue(cli.out(), cli.out().contains("rebuilding the training graph"));
		assertTrue(cli.out(), cli.out().contains("target_tokens"));
		ModelCard card = ModelCard.read(k);
		assertEquals(TrainConfig.MINIMUM, card.training().haltingTargets());
		assertEquals(TrainConfig.MINIMUM, card.provenance().get("halting_targets"));
		assertEquals(TrainConfig.QUERIES, card.training().phase1Tokens());
		assertEquals(TrainConfig.QUERIES, card.provenance().get("phase1_tokens"));

		// a checkpoint export a kill -9 interrupted is removed by the next export beside it
		final Path stale = root.resolve(".k." + org.karl.engine.runtime.TempPaths.OWNER.replaceAll(
			"-\\d+$", "") + "-2147483646.abc.tmp");
		Files.createDirectories(stale.resolve("variables"));
		// --resume keeps the card's choice and adds --steps, as KARL Train... does
		cli.ok("train", "--synthetic", "64", "--steps", "4", "--resume",
			"--output", k.toString());
		assertTrue(cli.out(), cli.out().contains("resuming " + k));
		card = ModelCard.read(k);
		assertEquals(TrainConfig.MINIMUM, card.training().haltingTargets());
		assertEquals(TrainConfig.QUERIES, card.training().phase1Tokens());
		assertEquals(6.0, ((Number) card.provenance().get("karl.steps")).doubleValue(), 0);
		assertTrue("the serving export is always written", Files.isRegularFile(k.resolve(
			"serving/saved_model.pb")));
		assertFalse("stale export folder removed", Files.exists(stale));
		// --resume without --steps finishes an interrupted run; this one is finished
		cli.ok("train", "--synthetic", "64", "--resume", "--output", k.toString());
		assertEquals(6.0, ((Number) ModelCard.read(k).provenance().get("karl.steps")).doubleValue(), 0);

		// --model into a trained --output would replace it: refused, one line
		assertEquals(Main.EXIT_FAILURE, karl("train", "--model", base.toString(), "--synthetic", "64",
			"--output", k.toString()));
		assertTrue(cli.err(), cli.err().contains("already holds a KARL model, which would be " +
			"replaced; add --resume to continue it"));
		// so is an --output with a model and no --resume, before any data is read
		assertEquals(Main.EXIT_FAILURE, karl("train", "--data", "/nonexistent", "--output", k
			.toString()));
		assertTrue(cli.err(), cli.err().contains("add --resume"));
		assertEquals(Main.EXIT_USAGE, karl("train", "--output", k.toString(), "--synthetic", "8",
			"--halting_targets", "median"));
		assertEquals(Main.EXIT_USAGE, karl("train", "--output", k.toString(), "--synthetic", "8",
			"--phase1_tokens", "suffix"));
		assertTrue(cli.err(), cli.err().contains("--phase1_tokens must be prefix or queries, got 'suffix'"));
		assertEquals(Main.EXIT_USAGE, karl("train", "--output", k.toString(), "--synthetic", "8",
			"--phase1_budgets", "16-46"));
		assertTrue(cli.err(), cli.err().contains("--phase1_budgets: phase-1 budgets '16-46': use MIN..MAX"));
		assertEquals(Main.EXIT_USAGE, karl("train", "--output", k.toString(), "--synthetic", "8",
			"--peak_lr", "3"));
		assertTrue(cli.err(), cli.err().contains("--peak_lr must be in (0, 1), got 3.0"));
	}

	/**
	 * --phase1_budgets and --peak_lr through the door: the run samples that range and peaks at
	 * that rate, and the card records both.
	 */
	@Test
	public void phase1BudgetsAreUsedAndRecorded() throws Exception {
		final Path root = tmp.getRoot().toPath(), base = root.resolve("base"), k = root.resolve("k");
		cli.ok("train-base", "--preset", "test", "--synthetic", "32", "--steps", "2", "--output", base
			.toString());
		cli.ok("train", "--model", base.toString(), "--synthetic", "32", "--steps", "2",
			"--phase1_budgets", "4..6", "--peak_lr", "0.003", "--output", k.toString());
		assertTrue(cli.out(), cli.out().contains("phase-1 budgets 4..6"));
		assertTrue(cli.out(), cli.out().contains("warmup 0 steps to 3.0e-03"));
		final ModelCard card = ModelCard.read(k);
		assertEquals("4..6", card.training().phase1Budgets());
		assertEquals("4..6", card.provenance().get("phase1_budgets"));
		assertEquals(0.003f, card.training().peakLr(), 0f);
		assertEquals(0.003, ((Number) card.provenance().get("karl.schedule_peak")).doubleValue(), 1e-6);
	}

	/** karl train --images: a fine-tune on the user's image files, normalised as asked. */
	@Test
	public void fineTuneOnAnImagesFolderRecordsItsNormalisation() throws Exception {
		final Path root = tmp.getRoot().toPath(), images = root.resolve("images"), out = root.resolve(
			"tuned");
		Files.createDirectories(images);
		for (final String n : new String[] { "a", "b" }) ij.IJ.saveAsTiff(ij.gui.NewImage
			.createShortImage(n, 96, 64, 1, ij.gui.NewImage.FILL_RANDOM), images.resolve(n + ".tif")
				.toString());
		Files.writeString(images.resolve("notes.txt"), "not an image");
		final Path start = org.karl.engine.runtime.TestModels.model();
		cli.ok("train", "--model", start.toString(), "--images", images.toString(), "--normalize",
			"range", "--steps", "2", "--output", out.toString());
		// 2 images of 3x2 tiles of 32 pixels; the text file is skipped with a note
		assertTrue(cli.out(), cli.out().contains("data: 12 tiles of the images in " + images +
			" (normalize range of the pixel type)"));
		assertTrue(cli.err(), cli.err().contains("note: skipped"));
		final ModelCard card = ModelCard.read(out);
		assertEquals("range of the pixel type", card.normalization());
		assertEquals(ModelCard.read(start).normalization(), card.provenance().get("normalization.before"));
		final Object before = ModelCard.read(start).provenance().get("karl.steps");
		assertEquals((before == null ? 0 : ((Number) before).longValue()) + 2, ((Number) card
			.provenance().get("karl.steps")).longValue());
	}

	@Test
	public void aCardFromBeforeTheOptionReadsAsThePapersTargets() {
		final String json = ModelCard.of(org.karl.engine.config.ModelConfig.test(), TrainConfig
			.defaults()).toJson().replaceAll(",\\s*\"haltingTargets\": \"minimum\"", "");
		assertFalse(json, json.contains("haltingTargets"));
		assertEquals(TrainConfig.PAPER, ModelCard.fromJson(json).training().haltingTargets());
	}

	@Test
	public void aCardFromBeforeThePhaseOneOptionReadsAsThePapersPhaseOne() {
		final String json = ModelCard.of(org.karl.engine.config.ModelConfig.test(), TrainConfig
			.defaults()).toJson().replaceAll(",\\s*\"phase1Tokens\": \"prefix\"", "");
		assertFalse(json, json.contains("phase1Tokens"));
		assertEquals(TrainConfig.QUERIES, ModelCard.fromJson(json).training().phase1Tokens());
	}
}
