package org.karl.ops;

import static org.junit.Assert.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.experimental.categories.Category;
import org.karl.engine.api.Progress;
import org.karl.engine.runtime.KarlModel;
import org.karl.engine.runtime.TestModels;
import org.karl.ops.engine.Engines;
import org.karl.ops.engine.TrainLog;
import org.karl.ops.engine.TrainRequest;
import org.karl.image.SyntheticTiles;
import org.karl.testing.Slow;

/** KARL Train's core: Esc leaves the last finished step saved; refusals that protect data. */
@Category(Slow.class) // short trainings
public class TrainOpTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	/** model= means the same in KARL Train as in every command: empty is the default model. */
	@Test
	public void emptyModelIsTheDefaultModelAndNewIsANewOne() throws Exception {
		final String was = System.getProperty(ModelLocator.MODEL_PROPERTY);
		System.setProperty(ModelLocator.MODEL_PROPERTY, TestModels.model().toString());
		try {
			assertEquals(TestModels.model(), TrainOp.startModel("", false, null));
			assertEquals(TestModels.model(), TrainOp.startModel(" ", false, null));
			assertNull(TrainOp.startModel("new", false, null));
			assertNull("resume continues output=", TrainOp.startModel("", true, null));
			assertEquals(Path.of("m"), TrainOp.startModel("m", false, null));
			// resume with a folder given is left for check() to refuse, not silently dropped
			assertEquals(Path.of("m"), TrainOp.startModel("m", true, null));
			assertEquals(Path.of("new"), TrainOp.startModel("./new", false, null).normalize());
		}
		finally {
			if (was == null) System.clearProperty(ModelLocator.MODEL_PROPERTY);
			else System.setProperty(ModelLocator.MODEL_PROPERTY, was);
		}
	}

	@Test
	public void cancelKeepsTheLastFinishedStepAsALoadableModel() throws Exception {
		final Path out = tmp.getRoot().toPath().resolve("tuned");
		final List<String> lines = new ArrayList<>();
		final boolean[] cancel = { false };
		final Progress escAfterFirstStep = new Progress() {

			@Override
			public void status(final String message) {}

			@Override
			public void fraction(final double done) {
				cancel[0] = true;
			}

			@Override
			public boolean isCanceled() {
				return cancel[0];
			}
		};
		final TrainRequest r = TrainRequest.builder().phase(TrainRequest.Phase.KARL)
			.data(SyntheticTiles.mixed(3, 64)).dataNote("64 generated").start(TestModels.model())
			.output(out).steps(50).preset("test").seed(1).command("test").build();
		final TrainOp.Output o = TrainOp.run(Engines.direct(), r, new TrainLog() {

			@Override
			public void line(final String text) {
				lines.add(text);
			}

			@Override
			public void point(final String phase, final long step, final float loss) {}
		}, escAfterFirstStep);
		assertTrue(o.outcome().canceled());
		assertEquals(1, o.outcome().step());
		assertTrue(lines.toString(), lines.stream().anyMatch(l -> l.contains("training canceled at step 1")));
		try (KarlModel m = KarlModel.load(out)) {
			assertEquals(1, m.session().step());
		}
		try (var s = Files.list(tmp.getRoot().toPath())) {
			assertEquals("temp folders left", 1, s.count());
		}
	}

	private static void check(final Path output, final boolean resume, final int steps)
		throws java.io.IOException
	{
		TrainOp.check(TrainRequest.Phase.BOTH, null, output, resume, steps, "output=", "resume",
			"model=");
	}

	@Test
	public void refusesToOverwriteAModelOrAFolderOfOtherFiles() throws Exception {
		final Path model = TestModels.model();
		assertThrows("already holds a KARL model", IllegalArgumentException.class, () -> check( model, false, 5));
		final Path data = tmp.newFolder("my-data").toPath();
		Files.writeString(data.resolve("precious.tif"), "x");
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> check( data, false, 5));
		assertTrue(e.getMessage(), e.getMessage().contains("exists and is not empty"));
		assertThrows(IllegalArgumentException.class, () -> check( tmp.newFolder("x")
			.toPath(), true, 5)); // resume onto no model
		assertThrows(IllegalArgumentException.class, () -> check( tmp.getRoot().toPath()
			.resolve("y"), false, 0)); // steps 0
	}
}
