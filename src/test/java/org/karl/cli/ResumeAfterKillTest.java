package org.karl.cli;

import static org.junit.Assert.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.junit.experimental.categories.Category;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.config.ModelCard;
import org.karl.testing.Slow;

/**
 * {@code karl train --resume} without --steps after a kill -9 of a run that was adding steps
 * to the same folder (a child karl, killed as a cluster's time limit or a crash would): it
 * finishes to the step the killed run was started for, as the README says. A kill
 * that comes during the final save, which is atomic and so leaves the previous model: the same state
 * as a kill at any moment before the first checkpoint, which is what this test makes (a kill
 * inside a save cannot be timed from outside).
 */
@Category(Slow.class) // a child karl trains, is killed and resumed
public class ResumeAfterKillTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void resumeWithoutStepsFinishesTheKilledRun() throws Exception {
		final Path dir = tmp.getRoot().toPath();
		final Cli cli = new Cli();
		cli.ok("train-base", "--preset", "test", "--synthetic", "64", "--steps", "2", "--output",
			"" + dir.resolve("base"));
		cli.ok("train", "--model", "" + dir.resolve("base"), "--synthetic", "64", "--steps", "2",
			"--output", "" + dir.resolve("k"));
		assertEquals(2, ModelCard.read(dir.resolve("k")).training().steps());

		// a run for 300 more steps (no checkpoint before step 500), killed once it has started
		final Process p = KarlProcess.start(dir, "train", "--synthetic", "64", "--batch", "4",
			"--steps", "300", "--resume", "--output", "k");
		final Path log = dir.resolve(".karl-test-stdout");
		final long t0 = System.nanoTime();
		while (p.isAlive() && !Files.readString(log).contains("karl: steps 2 -> 302") && System
			.nanoTime() - t0 < 180e9) Thread.sleep(20);
		assertTrue("the run started: " + Files.readString(log), Files.readString(log).contains(
			"karl: steps 2 -> 302"));
		p.destroyForcibly(); // kill -9: no shutdown hook, no save
		assertTrue(p.waitFor(60, TimeUnit.SECONDS));
		Files.delete(log);
		Files.delete(dir.resolve(".karl-test-stderr"));
		assertEquals("the killed run's target is on disk", 302, ModelCard.read(dir.resolve("k"))
			.training().steps());

		final KarlProcess.Result r = KarlProcess.run(dir, "train", "--synthetic", "64", "--resume",
			"--output", "k");
		assertEquals(r.toString(), Main.EXIT_OK, r.rc());
		assertTrue(r.toString(), r.out().matches("(?s).*karl: steps \\d+ -> 302;.*"));
		assertEquals(302.0, ((Number) ModelCard.read(dir.resolve("k")).provenance().get("karl.steps"))
			.doubleValue(), 0);
	}
}
