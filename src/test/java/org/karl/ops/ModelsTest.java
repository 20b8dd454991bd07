package org.karl.ops;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.runtime.TestModels;

/** {@link Models}: one loader, its cache policies, and the load time told once. */
public class ModelsTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void onceLoadsAFreshModelForEachCallThatTheCallerCloses() throws Exception {
		final Models.Loaded a = Models.load(TestModels.model(), Models.Policy.ONCE);
		final Models.Loaded b = Models.load(TestModels.model(), Models.Policy.ONCE);
		try {
			assertNotSame(a.model(), b.model());
			assertTrue(a.loadNanos() > 0);
		}
		finally {
			a.model().close();
			b.model().close();
		}
	}

	@Test
	public void jvmKeepsOneModelPerFolderAndTellsItsLoadTimeOnce() throws Exception {
		// NB: a copy of its own: the JVM policy keeps the model, and other tests of this JVM (the
		// Spark job's) count the load of the shared test model
		final Path dir = copy(TestModels.model(), tmp.newFolder("jvm").toPath().resolve("model"));
		final Models.Loaded a = Models.load(dir, Models.Policy.JVM);
		// NB: another spelling of the same folder finds the same model
		final Models.Loaded b = Models.load(dir.resolve("..").resolve(dir.getFileName()),
			Models.Policy.JVM);
		assertSame(a, b);
		final long first = a.takeLoadNanos(), second = b.takeLoadNanos();
		assertTrue("the first caller is told the load time", first > 0 || second > 0);
		assertEquals("the second is told 0", 0, Math.min(first, second));
	}

	private static Path copy(final Path from, final Path to) throws IOException {
		try (Stream<Path> s = Files.walk(from)) {
			for (final Path p : (Iterable<Path>) s::iterator)
				Files.copy(p, to.resolve(from.relativize(p).toString()));
		}
		return to;
	}

	@Test
	public void recentKeepsTheModelForTheNextCommand() throws Exception {
		final Models.Loaded a = Models.get(TestModels.model().toString(), null);
		assertSame(a, Models.get(TestModels.model().toString(), null));
	}

	@Test
	public void aFailedJvmLoadIsNotKeptAndSaysWhy() throws Exception {
		final Path empty = tmp.newFolder("empty").toPath();
		for (int i = 0; i < 2; i++) {
			try {
				Models.load(empty, Models.Policy.JVM).model().close();
				fail("loaded an empty folder");
			}
			catch (final IOException e) {
				assertTrue(e.getMessage(), e.getMessage().contains(empty.getFileName().toString()));
			}
		}
	}
}
