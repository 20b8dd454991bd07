package org.karl.fiji.ij1;

import static org.junit.Assert.*;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.NewImage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.experimental.categories.Category;
import org.karl.engine.config.ModelCard;
import org.karl.fiji.Ij1Env;
import org.karl.image.ij.ImageFiles;
import org.karl.image.ij.TestImages;
import org.karl.testing.Slow;

/** Every macro of {@code macros/}, run by a real headless ImageJ 1, with its outputs checked. */
@Category(Slow.class) // every example macro, a fine-tune with resume included
public class ExampleMacrosTest extends MacroTestFixture {

	private String arg(final String key, final Path p) {
		return " " + key + "=[" + Ij1Env.path(p) + "]";
	}

	/** Two 8-bit images in a new folder: a 72x40 ramp (TIFF) and a 64x64 noise (PNG). */
	private Path images() throws IOException {
		final Path dir = tmp.newFolder("images").toPath();
		TestImages.save(NewImage.createByteImage("a", 72, 40, 1, NewImage.FILL_RAMP), dir.resolve(
			"a.tif"));
		final ImagePlus b = NewImage.createByteImage("b", 64, 64, 1, NewImage.FILL_RANDOM);
		TestImages.save(b, dir.resolve("b.png"));
		return dir;
	}

	@Test
	public void complexityMapOfAStack() {
		final String out = ij.runFile(Path.of("macros/complexity_map_of_stack.ijm"), arg("model",
			model) + " lut=viridis");
		assertTrue(out, out.contains("map 'demo KARL map': 5x3 tiles, C=2 Z=3 T=1, pixel 32 pixel"));
		final Matcher m = Pattern.compile("c=(\\d) z=(\\d) mean tokens ([0-9.]+) over 15 tiles").matcher(
			out);
		int planes = 0;
		while (m.find()) {
			final double mean = Double.parseDouble(m.group(3));
			assertTrue(out, mean >= 1 && mean <= 8);
			planes++;
		}
		assertEquals(out, 6, planes);
	}

	@Test
	public void batchOverAFolderWritesMapsAndCsvs() throws IOException {
		final Path in = images(), out = tmp.getRoot().toPath().resolve("maps");
		final String log = ij.runFile(Path.of("macros/batch_folder.ijm"), arg("input", in) + arg(
			"output", out) + arg("model", model));
		assertTrue(log, log.contains("batch: 2 image(s) mapped"));
		final ImagePlus a = ImageFiles.open(out.resolve("a_map.tif"));
		assertEquals(3, a.getWidth()); // ceil(72 / 32)
		assertEquals(2, a.getHeight()); // ceil(40 / 32)
		assertEquals(ImagePlus.GRAY32, a.getType());
		final List<String> csv = Files.readAllLines(out.resolve("a_tokens.csv"));
		assertEquals(String.join(",", org.karl.ops.ComplexityMapOp.COLUMNS), csv.get(0));
		assertEquals(1 + 6, csv.size());
		// every CSV count is the map's pixel at (tile_x, tile_y)
		for (final String row : csv.subList(1, csv.size())) {
			final String[] f = row.split(",");
			assertEquals(row, Float.parseFloat(f[col(csv, "tokens")]), a.getProcessor().getPixelValue(
				Integer.parseInt(f[col(csv, "tile_x")]), Integer.parseInt(f[col(csv, "tile_y")])), 0f);
		}
		assertEquals("1", csv.get(6).split(",")[col(csv, "padded")]); // last tile (2,1) is padded
		assertEquals(1 + 4, Files.readAllLines(out.resolve("b_tokens.csv")).size());
	}

	@Test
	public void shardMacroMapsEveryNthImageAndSkipsFinishedOnes() throws IOException {
		final Path in = images(), out = tmp.getRoot().toPath().resolve("maps");
		TestImages.save(NewImage.createByteImage("c", 40, 40, 1, NewImage.FILL_RAMP), in.resolve(
			"c.tif"));
		final String macro = "scripts/karl-map-fiji.ijm";
		String log = ij.runFile(Path.of(macro), arg("input", in) + arg("output", out) + arg("model",
			model) + " shard=[2/2]");
		assertTrue(log, log.contains("karl-map-fiji: shard 2/2: 1 image(s) mapped"));
		assertTrue("b.png is the 2nd of a, b, c", Files.exists(out.resolve("b_map.tif")));
		assertFalse(Files.exists(out.resolve("a_map.tif")));
		log = ij.runFile(Path.of(macro), arg("input", in) + arg("output", out) + arg("model", model) +
			" shard=[1/2]");
		assertTrue(log, log.contains("karl-map-fiji: shard 1/2: 2 image(s) mapped"));
		for (final String n : new String[] { "a", "b", "c" }) {
			assertTrue(n, Files.exists(out.resolve(n + "_tokens.csv")));
			assertNotNull(n, IJ.openImage(out.resolve(n + "_map.tif").toString()));
		}
		try (var files = Files.list(out)) {
			assertEquals("maps are written under a temp name and renamed: none left", List.of(), files
				.map(p -> p.getFileName().toString()).filter(f -> f.startsWith(".")).toList());
		}
		log = ij.runFile(Path.of(macro), arg("input", in) + arg("output", out) + arg("model", model) +
			" shard=[1/1]");
		assertTrue("all done before: " + log, log.contains("shard 1/1: 0 image(s) mapped"));
	}

	@Test
	public void reconstructAtSeveralEpsilon() {
		final String out = ij.runFile(Path.of("macros/reconstruct_epsilons.ijm"), arg("model",
			model));
		for (final String e : new String[] { "0.02", "0.05", "0.1", "0.2" })
			assertTrue(out, Pattern.compile("epsilon " + e + ": mean tokens [0-9.]+, L1 0\\.\\d{4} -> " +
				"demo KARL reconstruction").matcher(out).find());
		assertTrue(out, out.contains("fixed 4 tokens: mean tokens 4.00, L1 0."));
	}

	@Test
	public void fineTuneThenResumeThenMap() throws IOException {
		final Path in = images(), out = tmp.getRoot().toPath().resolve("tuned");
		final String log = ij.runFile(Path.of("macros/train_finetune.ijm"), arg("images", in) + arg(
			"output", out) + arg("model", model) + " steps=2");
		// NB: the test model's KARL is untrained, so the log says so; a trained one is "fine-tuning"
		assertTrue(log, log.contains("fine-tuning") || log.contains("training KARL on"));
		assertTrue(log, log.contains("resuming"));
		assertTrue(log, log.contains("KARL Train: saved " + out + " at step 3"));
		assertTrue(log, log.contains("map of a.tif with the fine-tuned model: 3x2 tiles, 6 rows"));
		final ModelCard card = ModelCard.read(out);
		assertEquals(3L, ((Number) card.provenance().get("karl.steps")).longValue());
		// the card says how this fine-tune read pixels, and keeps the start model's as history
		assertEquals("percentile 1-99.8 per plane", card.normalization());
		assertEquals(ModelCard.read(model).normalization(), card.provenance().get(
			"normalization.before"));
		try (var s = Files.list(out.getParent())) {
			assertTrue("temp folders left", s.noneMatch(p -> p.getFileName().toString().startsWith(".")));
		}
	}

	private static int col(final List<String> csv, final String name) {
		return List.of(csv.get(0).split(",")).indexOf(name);
	}
}
