package org.karl.ops.engine.tf;

import static org.junit.Assert.*;

import java.nio.file.Path;

import org.junit.Test;
import org.karl.engine.config.TrainConfig;
import org.karl.engine.train.LrSchedule;
import org.karl.ops.engine.TrainRequest;

/**
 * Which learning-rate schedule each kind of run gets: training from step 0 the paper's, a run
 * that adds steps to a trained model its own (a fine-tune, resume with steps), and resume
 * without steps the card's, so an interrupted run (fresh or fine-tune) continues exactly.
 */
public class TfTrainingScheduleTest {

	private static TrainRequest request(final boolean resume, final int steps) {
		return TrainRequest.builder().phase(TrainRequest.Phase.KARL).dataNote("")
			.start(resume ? null : Path.of("start")).output(Path.of("out")).resume(resume).steps(steps)
			.preset("test").seed(1).command("test").build();
	}

	@Test
	public void freshTrainingKeepsThePapersSchedule() {
		final TrainConfig tc = TfTraining.schedule(request(false, 3000), 0, TrainConfig.defaults()
			.withSteps(10));
		assertEquals(3000, tc.steps());
		assertNull(tc.lrSchedule());
		assertEquals(LrSchedule.at(0, 3000, 1e-3f, 0.1f), LrSchedule.at(tc, 0), 0f);
	}

	@Test
	public void aFineTuneOfATrainedModelGetsItsOwnScheduleOverTheStepsItAdds() {
		final TrainConfig trained = TrainConfig.defaults().withSteps(10000);
		// the old behaviour: the paper's schedule at step 10,000 of 10,200 learns at ~0.1% of peak
		assertTrue(LrSchedule.at(10000, 10200, 1e-3f, 0.1f) < 2e-6f);
		final TrainConfig tc = TfTraining.schedule(request(false, 200), 10000, trained);
		assertEquals(10200, tc.steps());
		assertEquals(new TrainConfig.LrRun(10000, TrainConfig.LrRun.FINE_TUNE_PEAK_FRACTION * 1e-3f,
			TrainConfig.LrRun.FINE_TUNE_WARMUP, TrainConfig.LrRun.FINE_TUNE_FLOOR), tc.lrSchedule());
		final float peak = tc.lrSchedule().peak();
		assertEquals(peak / 10, LrSchedule.at(tc, 10000), 1e-9f); // warmup 10 steps
		assertEquals(peak, LrSchedule.at(tc, 10009), 1e-9f);
		for (long s = 10011; s < 10200; s++) assertTrue(LrSchedule.at(tc, s) < LrSchedule.at(tc, s - 1));
		assertEquals(0.1f * peak, LrSchedule.at(tc, 10200), 1e-9f);
		assertTrue(LrSchedule.at(tc, 10199) > 0.1f * peak);
		// resume with steps: a new schedule over the steps it adds, from the same training peak
		final TrainConfig more = TfTraining.schedule(request(true, 500), 10200, tc);
		assertEquals(10700, more.steps());
		assertEquals(10200, more.lrSchedule().start());
		assertEquals(peak, more.lrSchedule().peak(), 0f);
	}

	@Test
	public void resumeWithoutStepsContinuesTheRecordedSchedule() {
		final TrainConfig tuning = TfTraining.schedule(request(false, 200), 10000, TrainConfig.defaults()
			.withSteps(10000));
		final TrainConfig resumed = TfTraining.schedule(request(true, 0), 10080, tuning);
		assertEquals(tuning, resumed);
		final TrainConfig fresh = TrainConfig.defaults().withSteps(3000);
		assertEquals(fresh, TfTraining.schedule(request(true, 0), 1500, fresh));
	}
}
