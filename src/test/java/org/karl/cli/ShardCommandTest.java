package org.karl.cli;

import static org.junit.Assert.*;

import ij.gui.NewImage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.runtime.TestModels;
import org.karl.image.ij.TestImages;

/**
 * SLURM-style sharding at the CLI door: the shards of {@code karl map --shard I/N} together
 * write exactly the files of the unsharded run, {@code karl merge} joins their tables into the
 * unsharded table, and {@code --skip_done} makes a rerun skip finished inputs.
 */
public class ShardCommandTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private final Cli cli = new Cli();

	@Test
	public void shardsTogetherEqualTheWholeRun() throws Exception {
		final Path in = tmp.newFolder("in").toPath(), whole = tmp.getRoot().toPath().resolve("whole"),
			parts = tmp.getRoot().toPath().resolve("parts");
		for (int i = 0; i < 5; i++)
			TestImages.save(NewImage.createByteImage("i" + i, 40 + 8 * i, 40, 1 + i % 2,
				NewImage.FILL_RANDOM), in.resolve("img" + i + ".tif"));
		final String model = TestModels.model().toString();
		cli.ok("map", "--model", model, "--output", whole.toString(), in.toString());
		cli.ok("merge", whole.toString());
		for (int s = 1; s <= 3; s++) {
			cli.ok("map", "--model", model, "--shard", s + "/3", "--output", parts.toString(), in
				.toString());
			assertEquals(cli.out(), s == 3 ? 1 : 2, cli.out().lines().filter(l -> l.contains(" tiles -> "))
				.count());
		}
		cli.ok("merge", "--output", parts.resolve("all.csv").toString(), parts.toString());
		assertEquals(Files.readString(whole.resolve("all_tokens.csv")), Files.readString(parts.resolve(
			"all.csv")));
		for (final String f : names(whole))
			if (!f.equals("all_tokens.csv")) assertArrayEquals(f, Files.readAllBytes(whole.resolve(f)),
				Files.readAllBytes(parts.resolve(f)));
		cli.ok("map", "--model", model, "--skip_done", "--output", parts.toString(), in.toString());
		assertEquals(cli.out(), 5, cli.out().lines().filter(l -> l.endsWith("done before, skipped"))
			.count());
		assertEquals(Main.EXIT_FAILURE, cli.run("map", "--model", model, "--shard", "4/3", "--output",
			parts.toString(), in.toString()));
		assertTrue(cli.err(), cli.err().startsWith("karl map: ") && cli.err().lines().count() == 1);
	}

	private static List<String> names(final Path dir) throws Exception {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}
}
