package org.karl.cli;

import static org.junit.Assert.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.runtime.ModelSession;
import org.karl.engine.runtime.TestModels;

/**
 * {@code karl info} at the CLI door (a child karl) checks every graph of a model folder, not
 * only the serving/ export that inference loads: a full model whose saved_model.pb is broken
 * (so karl train would fail on it) is named, exit 1.
 */
public class InfoGraphsTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	/** A copy of the test model with its serving/ export, as karl train writes it. */
	private Path modelWithServing() throws Exception {
		final Path m = tmp.getRoot().toPath().resolve("m");
		final Path src = TestModels.model();
		try (Stream<Path> s = Files.walk(src)) {
			for (final Path p : s.toList()) {
				final Path q = m.resolve(src.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(q);
				else Files.copy(p, q);
			}
		}
		try (ModelSession s = ModelSession.load(m)) {
			s.exportServing(m);
		}
		return m;
	}

	@Test
	public void aBrokenFullModelBesideAnIntactServingExportIsNamed() throws Exception {
		final Path m = modelWithServing();
		KarlProcess.Result r = KarlProcess.run(tmp.getRoot().toPath(), "info", "--model", m
			.toString());
		assertEquals(r.toString(), Main.EXIT_OK, r.rc());
		final byte[] junk = new byte[4096];
		new Random(1).nextBytes(junk);
		Files.write(m.resolve("saved_model.pb"), junk);
		r = KarlProcess.run(tmp.getRoot().toPath(), "info", "--model", m.toString());
		assertEquals(r.toString(), Main.EXIT_FAILURE, r.rc());
		assertEquals(r.toString(), 1, r.err().lines().count());
		assertTrue(r.toString(), r.err().startsWith("karl info: the full model (karl train, KARL " +
			"Train... and resume load it) is broken: model " + m + " is refused: its saved_model.pb "));
		assertTrue(r.toString(), r.err().endsWith("; copy the model folder again\n"));
	}
}
