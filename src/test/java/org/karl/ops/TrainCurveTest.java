package org.karl.ops;

import static org.junit.Assert.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.api.Progress;
import org.karl.engine.api.Tokenizer;
import org.karl.image.SyntheticTiles;
import org.karl.ops.engine.Engine;
import org.karl.ops.engine.TrainLog;
import org.karl.ops.engine.TrainOutcome;
import org.karl.ops.engine.TrainRequest;

/**
 * The loss curve of {@link TrainOp#run} ({@link TrainOp.Curve}): every point the engine
 * reports, by phase and in order, passed on to the door's log as well; an engine that trains
 * nothing but reports here, so no TensorFlow runs.
 */
public class TrainCurveTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	/** Reports base points at steps 1, 2, then KARL points at 1, 2, 3, with a log line between. */
	private static final class ReportingEngine implements Engine {

		@Override
		public String name() {
			return "reporting engine";
		}

		@Override
		public Tokenizer load(final Path dir) {
			throw new AssertionError("training loads no model");
		}

		@Override
		public String describe(final Tokenizer model) {
			return "";
		}

		@Override
		public String versions() {
			return "";
		}

		@Override
		public TrainOutcome train(final TrainRequest r, final TrainLog log, final Progress progress) {
			log.point("base", 1, 0.5f);
			log.point("base", 2, 0.25f);
			log.line("base done");
			for (int s = 1; s <= 3; s++) log.point("karl", s, 1f / s);
			return new TrainOutcome(2, 3, 1f / 3, false);
		}
	}

	@Test
	public void theCurveHoldsEveryReportedPointByPhaseAndTheLogSeesThemToo() throws Exception {
		final Path out = tmp.getRoot().toPath().resolve("tuned");
		final List<String> seen = new ArrayList<>();
		final TrainRequest r = TrainRequest.builder().phase(TrainRequest.Phase.BOTH)
			.data(SyntheticTiles.mixed(3, 4)).dataNote("4 generated").output(out).steps(3)
			.preset("test").seed(1).command("test").build();
		final TrainOp.Output o = TrainOp.run(new ReportingEngine(), r, new TrainLog() {

			@Override
			public void line(final String text) {
				seen.add(text);
			}

			@Override
			public void point(final String phase, final long step, final float loss) {
				seen.add(phase + " " + step);
			}
		}, Progress.NONE);
		assertEquals(3, o.outcome().step());
		assertEquals("tuned KARL training", o.curve().title());
		assertArrayEquals(new double[] { 1, 2 }, o.curve().base().steps(), 0);
		assertArrayEquals(new double[] { 0.5, 0.25 }, o.curve().base().losses(), 0);
		assertArrayEquals(new double[] { 1, 2, 3 }, o.curve().karl().steps(), 0);
		assertArrayEquals(new double[] { 1, 0.5, 1 / 3f }, o.curve().karl().losses(), 1e-7);
		assertEquals(List.of("base 1", "base 2", "base done", "karl 1", "karl 2", "karl 3"), seen);
	}
}
