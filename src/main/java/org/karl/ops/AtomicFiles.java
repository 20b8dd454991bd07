package org.karl.ops;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a text file all at once or not at all: into a hidden temp file in the same folder,
 * then renamed over the target. Readers never see a half-written file, and a failed run leaves
 * the previous file (if any) as it was.
 */
public final class AtomicFiles {

	/** Writes the body of a file. */
	public interface Body {

		void write(Writer out) throws IOException;
	}

	/** Writes a (binary) file at a temporary path, e.g. with ImageJ's FileSaver. */
	public interface PathBody {

		void write(Path tmp) throws IOException;
	}

	private AtomicFiles() {}

	/** Writes {@code target} (UTF-8) with {@code body}; creates missing parent folders. */
	public static void write(final Path target, final Body body) throws IOException {
		writeFile(target, tmp -> {
			try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8,
				StandardOpenOption.CREATE_NEW))
			{
				body.write(out);
			}
		});
	}

	/** Writes {@code target} through {@code body} at a temp path in the same folder, then renames. */
	public static void writeFile(final Path target, final PathBody body) throws IOException {
		final Path dir = target.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		// NB: not Files.createTempFile, whose 0600 permissions would end up on the user's file.
		final Path tmp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(
			ThreadLocalRandom.current().nextLong()) + ".part");
		try {
			body.write(tmp);
			// NB: same folder, so rename(2): atomic, and replaces an existing target.
			Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}
}
