package org.karl.ops;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import ij.gui.NewImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.api.Progress;
import org.karl.image.ij.Normalization;
import org.karl.image.ij.TestImages;
import org.karl.testing.FakeTokenizer;

/** {@link MapBatch}: the plan and the per-input step that karl map and the Spark job share. */
public class MapBatchTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static final MapBatch.Settings SETTINGS = new MapBatch.Settings(0.05f, 0, "fire",
		Normalization.DEFAULT, false);

	private List<Path> images(final String... names) throws IOException {
		final Path in = tmp.newFolder("in").toPath();
		final List<Path> out = new ArrayList<>();
		for (final String n : names)
			out.add(TestImages.save(NewImage.createByteImage(n, 64, 32, 1, NewImage.FILL_RANDOM), in
				.resolve(n + ".tif")));
		return out;
	}

	@Test
	public void aShardWithoutInputsSaysSoAndNeedsNoModel() throws Exception {
		final List<Path> in = images("a");
		final List<String> notes = new ArrayList<>();
		final MapBatch.Plan p = MapBatch.plan(new MapBatch.Request(in, tmp.newFolder("o").toPath(),
			"/nonexistent/model", SETTINGS, "2/2", null), notes::add);
		assertTrue(p.names().isEmpty());
		assertEquals(1, p.total());
		assertNull("no model looked up", p.modelDir());
		assertEquals(List.of(Shards.emptyNote("2/2", 1)), notes);
	}

	@Test
	public void aMissingModelFailsThePlanBeforeAnyInputIsRead() throws Exception {
		try {
			MapBatch.plan(new MapBatch.Request(images("a"), tmp.newFolder("o").toPath(),
				"/nonexistent/model", SETTINGS, null, null), n -> {});
			fail();
		}
		catch (final IllegalArgumentException | IOException e) {
			assertTrue(e.getMessage(), e.getMessage().startsWith("--model /nonexistent/model"));
		}
	}

	@Test
	public void theMergedTableMayNotBeAnInputsTable() throws Exception {
		final Path out = tmp.newFolder("o").toPath();
		try {
			MapBatch.plan(new MapBatch.Request(images("a"), out, "", SETTINGS, null, out.resolve(
				"a" + MapFiles.CSV_SUFFIX)), n -> {});
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().endsWith(
				", the merged table's name; give --merged another file"));
		}
	}

	@Test
	public void aStepMapsThenSkipsTheFinishedInputWithoutAskingForTheModel() throws Exception {
		final Path f = images("a").get(0), out = tmp.newFolder("o").toPath();
		final FakeTokenizer fake = new FakeTokenizer(32, 16, 0.02f, 0.05f, 0.1f);
		final MapBatch.Step first = MapBatch.step(f, "a.tif", out, "a", SETTINGS, () -> fake, true,
			Failures.CLI, Progress.NONE);
		assertEquals(first.failure(), MapBatch.Status.MAPPED, first.status());
		assertEquals(2, first.result().tiles());
		assertNull(first.redo());
		assertTrue(Files.isRegularFile(MapFiles.map(out, "a")));
		final MapBatch.Step again = MapBatch.step(f, "a.tif", out, "a", SETTINGS, () -> {
			throw new AssertionError("asked for the model");
		}, true, Failures.CLI, Progress.NONE);
		assertEquals(MapBatch.Status.SKIPPED, again.status());
	}

	@Test
	public void aFailingInputIsItsOwnRecordInTheDoorsWords() throws Exception {
		final Path f = images("a").get(0), out = tmp.newFolder("o").toPath();
		final MapBatch.Step s = MapBatch.step(f, "a.tif", out, "a", SETTINGS, () -> {
			throw new OutOfMemoryError("Java heap space");
		}, false, Failures.SPARK, Progress.NONE);
		assertEquals(MapBatch.Status.FAILED, s.status());
		assertEquals("out of Java heap (Java heap space); give executors more, e.g. " +
			"--executor-memory 8g", s.failure());
	}

	@Test
	public void theClosingLineCountsTheFailedInputs() {
		assertEquals("2 of 5 inputs failed (above); the others were mapped", MapBatch.failedLine(2,
			5));
	}
}
