package org.karl.engine.runtime;

import static org.junit.Assert.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.experimental.categories.Category;
import org.karl.engine.api.Progress;
import org.karl.engine.api.ReconstructResult;
import org.karl.engine.api.TokenizeResult;
import org.karl.engine.config.ModelCard;
import org.karl.engine.config.ModelConfig;
import org.karl.engine.config.TrainConfig;
import org.karl.testing.Slow;

/** SavedModel export and reload, and the messages a bad model folder gets. */
@Category(Slow.class) // five full model builds, exports and loads
public class ModelSessionTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	static float[] tiles(final int n, final long seed) {
		final Random r = new Random(seed);
		final float[] x = new float[n * 32 * 32];
		for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
		return x;
	}

	@Test
	public void exportedModelGivesTheSameOutputsInAFreshLoader() throws Exception {
		final Path dir = tmp.getRoot().toPath().resolve("model");
		final float[] x = tiles(5, 1);
		final TokenizeResult before;
		final ReconstructResult recBefore;
		try (KarlModel m = KarlModel.of(ModelSession.create(ModelCard.of(ModelConfig.test(),
			TrainConfig.defaults()))))
		{
			before = m.tokenize(x, 5, 0.05f, 6, Progress.NONE);
			recBefore = m.reconstruct(x, 5, 0.05f, 6, Progress.NONE);
			m.session().export(dir);
		}
		assertTrue(Files.exists(dir.resolve("saved_model.pb")));
		assertTrue(Files.exists(dir.resolve("karl.json")));
		try (KarlModel m = KarlModel.load(dir, 2)) { // batch 2: 5 tiles span three calls
			final TokenizeResult after = m.tokenize(x, 5, 0.05f, 6, Progress.NONE);
			assertArrayEquals(before.tokens(), after.tokens());
			assertArrayEquals(before.keep(), after.keep());
			assertArrayEquals(before.counts(), after.counts());
			assertArrayEquals(before.haltProb(), after.haltProb(), 1e-6f);
			final ReconstructResult rec = m.reconstruct(x, 5, 0.05f, 6, Progress.NONE);
			assertArrayEquals(recBefore.images(), rec.images(), 1e-5f); // batch 2 vs 5: last bits
			assertArrayEquals(recBefore.l1(), rec.l1(), 1e-6f);
			// slots past the budget are padding
			for (int i = 0; i < 5; i++) for (int j = 6; j < 8; j++) {
				assertEquals(-1, after.tokens()[i * 8 + j]);
				assertEquals(0, after.keep()[i * 8 + j]);
			}
			// decode(tokenize(x)) is the reconstruct pass
			final float[] decoded = m.decode(after.tokens(), after.keep(), 5, Progress.NONE);
			assertArrayEquals(rec.images(), decoded, 1e-4f);
		}
	}

	@Test
	public void servingExportGivesTheSameOutputsAsTheFullModel() throws Exception {
		final Path dir = tmp.getRoot().toPath().resolve("served");
		final float[] x = tiles(6, 3);
		final TokenizeResult full;
		final ReconstructResult fullRec;
		try (ModelSession s = ModelSession.create(ModelCard.of(ModelConfig.test(), TrainConfig.defaults()))) {
			s.export(dir);
			try (KarlModel m = KarlModel.of(ModelSession.load(dir))) {
				full = m.tokenize(x, 6, 0.1f, 8, Progress.NONE);
				fullRec = m.reconstruct(x, 6, 0.1f, 8, Progress.NONE);
			}
			s.exportServing(dir);
		}
		assertTrue(Files.exists(dir.resolve("serving").resolve("saved_model.pb")));
		try (KarlModel m = KarlModel.load(dir)) { // prefers serving/
			final TokenizeResult served = m.tokenize(x, 6, 0.1f, 8, Progress.NONE);
			assertArrayEquals(full.tokens(), served.tokens());
			assertArrayEquals(full.counts(), served.counts());
			assertArrayEquals(fullRec.images(), m.reconstruct(x, 6, 0.1f, 8, Progress.NONE).images(), 1e-6f);
		}
		// re-exporting the full model replaces the folder, serving/ included: never stale
		try (ModelSession s = ModelSession.load(dir)) {
			s.export(dir);
		}
		assertFalse(Files.exists(dir.resolve("serving")));
	}

	@Test
	public void badRequestsAreRefusedWithTheAllowedRange() throws Exception {
		try (KarlModel m = KarlModel.of(ModelSession.create(ModelCard.of(ModelConfig.test(),
			TrainConfig.defaults()))))
		{
			final float[] x = tiles(1, 2);
			assertMessage(() -> m.tokenize(x, 1, 0f, 8, Progress.NONE), "outside (0, 0.38]");
			assertMessage(() -> m.tokenize(x, 1, 0.5f, 8, Progress.NONE), "outside (0, 0.38]");
			assertMessage(() -> m.tokenize(x, 1, 0.05f, 0, Progress.NONE), "outside [1, 8]");
			assertMessage(() -> m.tokenize(x, 1, 0.05f, 9, Progress.NONE), "outside [1, 8]");
			x[3] = Float.NaN;
			assertMessage(() -> m.tokenize(x, 1, 0.05f, 8, Progress.NONE), "non-finite");
		}
	}

	@Test
	public void missingFolderAndNonModelFolderGetClearMessages() throws Exception {
		final Path missing = tmp.getRoot().toPath().resolve("nope");
		assertIo(missing, "does not exist");
		final Path empty = tmp.newFolder("empty").toPath();
		assertIo(empty, "not a TensorFlow SavedModel");
	}

	@Test
	public void aSavedModelMissingASignatureNamesIt() throws Exception {
		final Path dir = tmp.getRoot().toPath().resolve("partial");
		try (ModelSession s = ModelSession.create(ModelCard.of(ModelConfig.test(), TrainConfig.defaults()))) {
			s.exportWithout(dir, "train_step");
		}
		assertIo(dir, "signature 'train_step' is missing");
	}

	private static void assertIo(final Path dir, final String fragment) {
		try {
			KarlModel.load(dir).close();
			fail("expected an IOException for " + dir);
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains(fragment));
		}
	}

	private static void assertMessage(final Runnable r, final String fragment) {
		try {
			r.run();
			fail("expected an IllegalArgumentException containing " + fragment);
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains(fragment));
		}
	}
}
