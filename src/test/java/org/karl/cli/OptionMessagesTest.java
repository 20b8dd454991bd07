package org.karl.cli;

import static org.junit.Assert.*;

import ij.gui.NewImage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.image.ij.TestImages;

/**
 * Options that contradict or cannot mean what was typed, at the CLI door (a child karl): one
 * stderr line that says what was wrong in the user's words and what to do, before any model is
 * looked for (the model given does not exist, so any later check would say so instead), and
 * nothing written.
 */
public class OptionMessagesTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static final String NO_MODEL = "/nonexistent/karl-model";

	private Path image(final String name) throws Exception {
		return TestImages.save(NewImage.createByteImage("x", 64, 64, 1, NewImage.FILL_RAMP), tmp
			.getRoot().toPath().resolve(name));
	}

	private KarlProcess.Result karl(final String... args) throws Exception {
		return KarlProcess.run(tmp.getRoot().toPath(), args);
	}

	/** Exit 1, exactly {@code line} on stderr, and no file but the inputs in the folder. */
	private void refused(final KarlProcess.Result r, final String line, final long files)
		throws Exception
	{
		assertEquals(r.toString(), Main.EXIT_FAILURE, r.rc());
		assertEquals(r.toString(), line + "\n", r.err());
		try (Stream<Path> s = Files.list(tmp.getRoot().toPath())) {
			assertEquals("nothing written", files, s.count());
		}
	}

	@Test
	public void aBudgetWithAFixedTokenCountIsRefused() throws Exception {
		image("base.png");
		refused(karl("reconstruct", "--model", NO_MODEL, "--budget", "4", "--tokens", "10",
			"--output", "rec.tif", "base.png"), "karl reconstruct: budget=4 and tokens=10 contradict: " +
				"a fixed token count decodes that many tokens of every tile, whatever the budget; give " +
				"one of them (tokens=N alone, or budget=T to let epsilon decide within T)", 1);
	}

	@Test
	public void aRangeWithoutNormalizeRangeIsRefused() throws Exception {
		image("x.png");
		refused(karl("tokenize", "--model", NO_MODEL, "--range_min", "0", "--range_max", "10",
			"--csv", "t.csv", "x.png"), "karl tokenize: range_min and range_max are read only with " +
				"normalize=range, not with normalize=percentile; add normalize=range, or leave them out",
			1);
		// and percentiles with another mode, the same rule
		refused(karl("map", "--model", NO_MODEL, "--normalize", "range", "--percentile_high", "99",
			"--output", "maps", "x.png"), "karl map: percentile_low, percentile_high and " +
				"normalize_scope are read only with normalize=percentile, not with normalize=range; use " +
				"normalize=percentile, or leave them at their defaults", 1);
	}

	@Test
	public void anEmptyShardSaysSoInOneLine() throws Exception {
		for (final String n : new String[] { "a.png", "b.png", "c.png" }) image(n);
		final KarlProcess.Result r = karl("map", "--model", NO_MODEL, "--shard", "5/5", "--output",
			"maps", "a.png", "b.png", "c.png");
		assertEquals(r.toString(), Main.EXIT_OK, r.rc());
		assertEquals(r.toString(), "karl map: note: shard 5/5 has no inputs (3 inputs over 5 " +
			"shards); nothing to map\n", r.err());
		assertEquals(r.toString(), "", r.out());
		assertFalse("no output folder", Files.exists(tmp.getRoot().toPath().resolve("maps")));
	}

	@Test
	public void anEpsilonNoFloatHoldsIsEchoedAsTyped() throws Exception {
		image("x.png");
		refused(karl("map", "--model", NO_MODEL, "--epsilon", "1e308", "--output", "maps", "x.png"),
			"karl map: epsilon = 1e308 is outside (0, 1], where a target error (a mean error of pixels " +
				"scaled to 0..1) lies; choose epsilon in the model's range, e.g. 0.05", 1);
		refused(karl("tokenize", "--model", NO_MODEL, "--epsilon=1e-50", "--csv", "t.csv", "x.png"),
			"karl tokenize: epsilon = 1e-50 is outside (0, 1], where a target error (a mean error of " +
				"pixels scaled to 0..1) lies; choose epsilon in the model's range, e.g. 0.05", 1);
	}
}
