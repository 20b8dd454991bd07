package org.karl.ops;

import static org.junit.Assert.*;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Shards of a map batch: a disjoint, balanced, deterministic split, and the merged table. */
public class ShardsTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void shardsAreDisjointBalancedAndTogetherTheWholeListInOrder() {
		final List<Integer> items = new ArrayList<>();
		for (int k = 0; k < 23; k++) items.add(k);
		for (int n = 1; n <= 30; n++) {
			final List<Integer> union = new ArrayList<>();
			final Set<Integer> seen = new HashSet<>();
			int min = Integer.MAX_VALUE, max = 0;
			for (int i = 1; i <= n; i++) {
				final List<Integer> s = Shards.select(items, new Shards.Shard(i, n));
				assertEquals("deterministic", s, Shards.select(items, Shards.Shard.parse(i + "/" + n)));
				for (final Integer x : s) assertTrue(n + ": " + x + " in two shards", seen.add(x));
				union.addAll(s);
				min = Math.min(min, s.size());
				max = Math.max(max, s.size());
			}
			union.sort(null);
			assertEquals(items, union);
			assertTrue(n + ": shard sizes " + min + ".." + max, max - min <= 1);
		}
		assertEquals(List.of(1, 4, 7), Shards.select(List.of(0, 1, 2, 3, 4, 5, 6, 7), Shards.Shard
			.parse("2/3")));
	}

	@Test
	public void planNamesLikeTheUnshardedRun() {
		final List<Path> files = List.of(Path.of("x/a.tif"), Path.of("y/a.tif"), Path.of("x/a.png"),
			Path.of("x/b.tif"));
		final Map<Path, String> all = Outputs.names(files);
		final Map<Path, String> union = new java.util.HashMap<>();
		for (int i = 1; i <= 3; i++) union.putAll(Shards.plan(files, new Shards.Shard(i, 3)));
		assertEquals(all, union);
		assertEquals(List.of(Path.of("y/a.tif")), List.copyOf(Shards.plan(files, Shards.Shard.parse(
			" 2 / 3 ")).keySet()));
	}

	@Test
	public void badShardsSayWhatToGive() {
		for (final String s : new String[] { "0/3", "4/3", "1/0", "3", "a/b", "", "-1/2" }) try {
			Shards.Shard.parse(s);
			fail(s);
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().startsWith("shard ") && e.getMessage().contains(
				"; give "));
		}
	}

	private static Path table(final Path dir, final String name, final String... images)
		throws IOException
	{
		final Path f = dir.resolve(name + MapFiles.CSV_SUFFIX);
		try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
			final CsvRows rows = new CsvRows(w, ComplexityMapOp.COLUMNS);
			for (final String im : images)
				for (int k = 0; k < 2; k++) {
					final Object[] v = new Object[ComplexityMapOp.COLUMNS.size()];
					java.util.Arrays.fill(v, k);
					v[0] = im;
					rows.add(v);
				}
		}
		return f;
	}

	private static String rows(final Path table) throws IOException {
		final String s = Files.readString(table);
		return s.substring(s.indexOf('\n') + 1);
	}

	@Test
	public void mergeConcatenatesTablesInInputOrder() throws IOException {
		final Path dir = tmp.newFolder("maps").toPath();
		// NB: file names sort otherwise than the images; a quoted image name with a comma and a line break
		final Path b = table(dir, "a_b", "/in/b.tif"), a = table(dir, "z", "/in/a,\n\"x\".tif"), c =
			table(dir, "c", "/in/c.tif");
		Files.writeString(dir.resolve("notes.txt"), "not a table");
		Files.writeString(dir.resolve(Shards.MERGED), "an earlier merge\n");
		final Path out = dir.resolve("merged" + MapFiles.CSV_SUFFIX);
		Files.writeString(out, "stale\n");
		assertEquals(List.of(a, b, c), Shards.merge(dir, out));
		final String header = String.join(",", ComplexityMapOp.COLUMNS) + "\n";
		assertEquals(header + rows(a) + rows(b) + rows(c), Files.readString(out));
		assertEquals("the same again: the output is no input", List.of(a, b, c), Shards.merge(dir,
			out));
		Shards.merge(List.of(), out);
		assertEquals(header, Files.readString(out));
	}

	@Test
	public void mergeRefusesTablesOfAnotherKind() throws IOException {
		final Path dir = tmp.newFolder("maps").toPath();
		table(dir, "a", "/a.tif");
		Files.writeString(dir.resolve("b" + MapFiles.CSV_SUFFIX), "image,x\n/b.tif,1\n");
		try {
			Shards.merge(dir, dir.resolve("m.csv"));
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().endsWith("; merge only the tables of one map run"));
		}
		assertFalse(Files.exists(dir.resolve("m.csv")));
		try {
			Shards.merge(tmp.newFolder("empty").toPath(), dir.resolve("m.csv"));
			fail();
		}
		catch (final IllegalArgumentException e) {
			assertTrue(e.getMessage(), e.getMessage().contains("no *_tokens.csv tables in "));
		}
	}
}
