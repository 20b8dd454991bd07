package org.karl.engine.train;

import static org.junit.Assert.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.experimental.categories.Category;
import org.karl.engine.api.Progress;
import org.karl.engine.api.TileSet;
import org.karl.engine.config.ModelCard;
import org.karl.engine.config.ModelConfig;
import org.karl.engine.config.TrainConfig;
import org.karl.engine.runtime.ModelSession;
import org.karl.image.SyntheticTiles;
import org.karl.testing.Slow;

/** A run canceled, saved and resumed from its SavedModel equals a run never interrupted. */
@Category(Slow.class) // two short trainings and a resume
public class ResumeTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void resumedRunEqualsUninterruptedRun() throws Exception {
		check(TrainConfig.builder().steps(10).batch(8).baseBatch(8).calibrationSteps(0).codeInitStep(0)
			.deadCodeSteps(100).logEvery(1).checkpointEvery(0).build());
	}

	/**
	 * A run with its own schedule (as a fine-tune has) resumes from the card's record of it: the
	 * resumed half reads its config from the saved card, not from the test.
	 */
	@Test
	public void resumedRunWithItsOwnScheduleEqualsUninterruptedRun() throws Exception {
		check(TrainConfig.builder().steps(10).batch(8).baseBatch(8).calibrationSteps(0).codeInitStep(0)
			.deadCodeSteps(100).logEvery(1).checkpointEvery(0)
			.lrSchedule(new TrainConfig.LrRun(0, 3e-4f, 0.05f, 0.1f)).build());
	}

	private void check(final TrainConfig tc) throws Exception {
		final TileSet data = SyntheticTiles.mixed(3, 64);
		final ModelCard card = ModelCard.of(ModelConfig.test(), tc);

		final List<Float> straight = new ArrayList<>();
		try (ModelSession m = ModelSession.create(card)) {
			KarlTrainer.train(m, data, tc, tmp.getRoot().toPath().resolve("a"),
				e -> straight.add(e.loss()), Progress.NONE);
		}

		final Path b = tmp.getRoot().toPath().resolve("b");
		final List<Float> resumed = new ArrayList<>();
		try (ModelSession m = ModelSession.create(card)) {
			final Progress stopAt4 = new Progress() {
				@Override public void status(final String s) {}
				@Override public void fraction(final double f) {}
				@Override public boolean isCanceled() { return resumed.size() >= 4; }
			};
			KarlTrainer.train(m, data, tc, b, e -> resumed.add(e.loss()), stopAt4);
			fail("training should have been canceled");
		}
		catch (final TrainingCanceled e) {
			assertTrue(e.getMessage(), e.getMessage().contains("step 4"));
		}
		try (ModelSession m = ModelSession.load(b)) {
			assertEquals(4, m.step());
			assertEquals(tc, m.card().training());
			KarlTrainer.train(m, data, m.card().training(), b, e -> resumed.add(e.loss()), Progress.NONE);
			assertEquals(10, m.step());
		}
		assertEquals(10, straight.size());
		assertEquals("losses step by step, bit for bit", straight, resumed);
	}
}
