package org.karl.ops;

import static org.junit.Assert.*;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The default model: bundled in a jar and extracted once; a clear message when there is none. */
public class ModelLocatorTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private Path jar(final String... entries) throws IOException {
		final Path jar = tmp.getRoot().toPath().resolve("KARL_Tokenizer-test.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			for (int i = 0; i < entries.length; i += 2) {
				out.putNextEntry(new JarEntry(entries[i]));
				out.write(entries[i + 1].getBytes());
				out.closeEntry();
			}
		}
		return jar;
	}

	@Test
	public void bundledModelIsExtractedOnceToTheCache() throws IOException {
		final String r = ModelLocator.RESOURCE;
		final Path jar = jar(r + "karl.json", "{card}", r + "saved_model.pb", "pb", r +
			"variables/variables.index", "idx", "plugins.config", "x");
		final Path cache = tmp.newFolder("cache").toPath();
		try (URLClassLoader cl = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			final Path dir = ModelLocator.extractBundled(cl, cache);
			assertTrue(dir.startsWith(cache.resolve("models")));
			assertTrue(ModelLocator.isModel(dir));
			assertEquals("idx", Files.readString(dir.resolve("variables/variables.index")));
			assertFalse(Files.exists(dir.resolve("plugins.config")));
			Files.writeString(dir.resolve("marker"), "kept");
			assertEquals(dir, ModelLocator.extractBundled(cl, cache)); // second call: no re-extraction
			assertTrue(Files.exists(dir.resolve("marker")));
		}
	}

	@Test
	public void noBundledModelAndNoFolderSaysWhatToDo() throws IOException {
		final Path ijDir = tmp.newFolder("Fiji.app").toPath();
		// NB: this repository's models/default is left out of the search, so the test means the
		// same whether or not a trained model sits there.
		final List<Path> folders = List.of(tmp.getRoot().toPath().resolve("repo/models/default"),
			ijDir.resolve("models/karl/default"));
		try (URLClassLoader cl = new URLClassLoader(new URL[] { jar("other.txt", "x").toUri()
			.toURL() }, null))
		{
			assertNull(ModelLocator.extractBundled(cl, tmp.getRoot().toPath()));
			final IOException e = assertThrows(IOException.class, () -> ModelLocator.defaultModel(
				folders, cl, tmp.getRoot().toPath()));
			assertTrue(e.getMessage(), e.getMessage().startsWith("no default KARL model: none is " +
				"bundled in the KARL jar and none is at ["));
			assertTrue(e.getMessage(), e.getMessage().contains(ijDir.resolve("models/karl/default")
				.toString()));
			assertTrue(e.getMessage(), e.getMessage().contains("; pass model=[/path/to/model]"));
		}
	}

	@Test
	public void theImageJFolderModelIsFound() throws IOException {
		final Path ijDir = tmp.newFolder("Fiji.app").toPath();
		final Path m = Files.createDirectories(ijDir.resolve("models/karl/default"));
		Files.writeString(m.resolve("saved_model.pb"), "");
		Files.writeString(m.resolve("karl.json"), "");
		final List<Path> folders = List.of(tmp.getRoot().toPath().resolve("repo/models/default"), m);
		try (URLClassLoader cl = new URLClassLoader(new URL[0], null)) {
			assertEquals(m, ModelLocator.defaultModel(folders, cl, tmp.getRoot().toPath()));
		}
	}

	@Test
	public void thisRepositorysModelComesBeforeTheImageJFolders() {
		final Path ijDir = tmp.getRoot().toPath().resolve("Fiji.app");
		final List<Path> folders = ModelLocator.candidates(ijDir);
		assertEquals(ijDir.resolve("models/karl/default"), folders.get(folders.size() - 1));
		assertTrue(folders.toString(), folders.size() >= 2);
		for (final Path p : folders.subList(0, folders.size() - 1))
			assertTrue(folders.toString(), p.endsWith("models/default") && p.isAbsolute());
	}
}
