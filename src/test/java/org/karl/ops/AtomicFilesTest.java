package org.karl.ops;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class AtomicFilesTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void replacesAnExistingFileAndCreatesFolders() throws IOException {
		final Path f = tmp.getRoot().toPath().resolve("a/b/out.txt");
		AtomicFiles.write(f, out -> out.write("one"));
		AtomicFiles.write(f, out -> out.write("two"));
		assertEquals("two", Files.readString(f));
		try (var listing = Files.list(f.getParent())) {
			assertEquals(1, listing.count());
		}
	}

	@Test
	public void failureKeepsTheOldFileAndRemovesTheTempFile() throws IOException {
		final Path f = tmp.getRoot().toPath().resolve("out.txt");
		Files.writeString(f, "old");
		try {
			AtomicFiles.write(f, out -> {
				out.write("half");
				throw new IOException("disk full");
			});
			fail();
		}
		catch (final IOException e) {
			assertEquals("disk full", e.getMessage());
		}
		assertEquals("old", Files.readString(f));
		try (var listing = Files.list(tmp.getRoot().toPath())) {
			assertEquals(1, listing.count());
		}
	}
}
