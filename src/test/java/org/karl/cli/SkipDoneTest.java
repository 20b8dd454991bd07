package org.karl.cli;

import static org.junit.Assert.*;

import ij.gui.NewImage;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.runtime.TestModels;
import org.karl.image.ij.TestImages;

/**
 * {@code karl map --skip_done} at the CLI door (a child karl) recognises finished outputs by
 * their content: a map or CSV cut off, or a CSV that lost its last rows (cut at a line end), is
 * mapped again with a note naming what was wrong, and the redone files equal the first run's;
 * intact outputs are skipped.
 */
public class SkipDoneTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static void cut(final Path f, final long size) throws Exception {
		try (FileChannel c = FileChannel.open(f, StandardOpenOption.WRITE)) {
			c.truncate(size);
		}
	}

	@Test
	public void damagedOutputsAreMappedAgainWithANote() throws Exception {
		final Path dir = tmp.getRoot().toPath(), in = dir.resolve("in"), out = dir.resolve("maps");
		Files.createDirectories(in);
		for (final String n : new String[] { "a", "b", "c", "d" })
			TestImages.save(NewImage.createByteImage(n, 96, 64, 2, NewImage.FILL_RANDOM), in.resolve(n +
				".tif"));
		final String model = TestModels.model().toString();
		KarlProcess.Result r = KarlProcess.run(dir, "map", "--model", model, "--output", "maps", "in");
		assertEquals(r.toString(), Main.EXIT_OK, r.rc());
		final Map<String, byte[]> first = new HashMap<>();
		for (final String n : new String[] { "a", "b", "c", "d" })
			for (final String s : new String[] { "_map.tif", "_tokens.csv" })
				first.put(n + s, Files.readAllBytes(out.resolve(n + s)));

		final Path aCsv = out.resolve("a_tokens.csv"), bMap = out.resolve("b_map.tif"), cCsv = out
			.resolve("c_tokens.csv");
		cut(aCsv, Files.size(aCsv) - 5); // inside its last row
		cut(bMap, Files.size(bMap) - 100); // inside its pixels
		final List<String> lines = Files.readAllLines(cCsv);
		Files.write(cCsv, lines.subList(0, lines.size() - 2)); // two whole rows lost

		r = KarlProcess.run(dir, "map", "--model", model, "--skip_done", "--output", "maps", "in");
		assertEquals(r.toString(), Main.EXIT_OK, r.rc());
		assertTrue(r.toString(), r.out().contains("in/d.tif: done before, skipped"));
		assertEquals(r.toString(), 3, r.out().lines().filter(l -> l.contains(" tiles -> ")).count());
		assertTrue(r.toString(), r.err().contains("karl map: note: maps/a_tokens.csv is damaged at " +
			"line " + lines.size() + " ("));
		assertTrue(r.toString(), r.err().matches("(?s).*karl map: note: maps/b_map.tif: damaged[^\\n]*" +
			"; mapping in/b.tif again\n.*"));
		assertTrue(r.toString(), r.err().contains("karl map: note: maps/c_tokens.csv has " + (lines
			.size() - 3) + " rows, but its map " + (lines.size() - 1) + " tiles; mapping in/c.tif again"));
		for (final Map.Entry<String, byte[]> e : first.entrySet())
			assertArrayEquals(e.getKey() + " as the first run wrote it", e.getValue(), Files
				.readAllBytes(out.resolve(e.getKey())));
	}
}
