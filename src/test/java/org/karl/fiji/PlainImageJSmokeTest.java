package org.karl.fiji;

import static org.junit.Assert.*;
import static org.junit.Assume.assumeNotNull;

import ij.IJ;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.experimental.categories.Category;
import org.karl.engine.runtime.KarlModel;
import org.karl.engine.runtime.TestModels;
import org.karl.fiji.ij1.VerifyMacroTest;
import org.karl.image.ij.Normalization;
import org.karl.testing.VerifyChecks;
import org.karl.testing.Slow;

/**
 * The install a user does and the menu route they get: the zip
 * {@code target/KARL_Tokenizer-<version>-fiji.zip} unzipped into a fresh plain ImageJ 1.54p folder
 * {@code DIR} (nothing else installed), then ImageJ started as its own JVM
 * ({@code java -Djava.awt.headless=false -jar ij.jar -ijpath DIR -batch m.ijm}) under a virtual X
 * display: the commands are under Plugins › KARL, TensorFlow comes from the engine folder
 * {@code DIR/engines/karl-tf}, and a map is made with the default model bundled in the jar. Skipped,
 * saying why, when no display can be made; fails with "run mvn package first" without the zip.
 */
@Category(Slow.class) // plain ImageJ with the install zip under Xvfb
public class PlainImageJSmokeTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	/** The zip holds exactly the ImageJ folder's additions, with the versions the tests use. */
	@Test
	public void zipHoldsThePluginItsJarsAndTheEngineFolderAndNothingElse() throws Exception {
		final Matcher m = Pattern.compile("KARL_Tokenizer-(.+)-fiji\\.zip").matcher(FijiLayout.zip()
			.getFileName().toString());
		assertTrue(FijiLayout.zip().toString(), m.matches());
		final Set<String> expected = new TreeSet<>(List.of("plugins/", "plugins/jars/", "engines/",
			"engines/karl-tf/", "plugins/KARL_Tokenizer-" + m.group(1) + ".jar"));
		for (final String dep : new String[] { "imglib2-", "gson-" })
			expected.add("plugins/jars/" + FijiLayout.jar(dep).getFileName());
		for (final Path p : FijiLayout.engineJars())
			expected.add("engines/karl-tf/" + p.getFileName());
		final List<String> names = FijiLayout.entries();
		assertEquals("zip entries (no duplicates)", names.size(), new TreeSet<>(names).size());
		assertEquals(expected, new TreeSet<>(names));
		// the natives of this platform and the TF classes are both there: 6 engine jars
		assertEquals(6, names.stream().filter(n -> n.matches("engines/karl-tf/.+\\.jar")).count());
	}

	@Test
	public void unzippedIntoPlainImageJTheCommandsAreUnderPluginsKarlAndTheMapRuns()
		throws Exception
	{
		try (Xvfb x = Xvfb.start()) {
			assumeNotNull("no X display and no /usr/bin/Xvfb (apt-get install -y xvfb); skipped", x);
			final Path ij = tmp.newFolder("ImageJ").toPath();
			FijiLayout.install(ij);
			final Path out = ij.resolve("out.txt"), csv = ij.resolve("tiles.csv");
			final Path ids = ij.resolve("ids.csv"), wide = ij.resolve("tokens.csv");
			final Path macro = ij.resolve("m.ijm");
			final Path nf = ij.resolve("nf.tif"), vcsv = ij.resolve("verified.csv"), vmap = ij.resolve(
				"verified-map.tif");
			Files.writeString(macro, String.join("\n", //
				"List.setCommands;", //
				"s = 'class ' + List.get('KARL Complexity Map...') + '\\n';", //
				"newImage('cells', '8-bit ramp', 128, 96, 1);", //
				// the user's own Results, which KARL must leave alone
				"run('Measure');", //
				"run('KARL Complexity Map...', 'epsilon=0.1 model=[" + TestModels.model() + "]');", //
				"s = s + 'map ' + getTitle() + ' ' + getWidth() + 'x' + getHeight() + ' rows ' + Table.size('KARL tiles') + '\\n';", //
				"Table.save('" + csv + "', 'KARL tiles');", //
				// NB: no model=: the default model bundled in the jar.
				"selectImage('cells'); run('KARL Complexity Map...', 'epsilon=0.1');", //
				"s = s + 'default ' + getTitle() + ' ' + getWidth() + 'x' + getHeight() + ' rows ' + Table.size('KARL tiles') + '\\n';", //
				"selectImage('cells'); run('KARL Tokenize...', 'epsilon=0.1 model=[" + TestModels.model() +
					"] save=[" + ids + "]');", //
				"Table.save('" + wide + "', 'KARL tokens');", //
				"s = s + 'user results ' + nResults + ' ' + getResult('Mean', 0) + '\\n';", //
				// verify with the bundled default model on noisy-flat tiles: rows, flags, Log line
				VerifyMacroTest.noisyFlat(nf), //
				"run('KARL Complexity Map...', 'epsilon=0.1 normalize=range verify');", //
				"s = s + 'verify ' + getTitle() + ' rows ' + Table.size('KARL tiles') + '\\n';", //
				"Table.save('" + vcsv + "', 'KARL tiles'); saveAs('Tiff', '" + vmap + "');", //
				"File.saveString(s, '" + out + "');", //
				"run('KARL About');", ""));
			final String console = PlainImageJ.batch(ij, x.display, macro, "", 300);
			assertTrue("no output; console:\n" + console, Files.exists(out));
			final String s = Files.readString(out);
			assertTrue(s, s.contains("class org.karl.fiji.ij1.ComplexityMapPlugIn"));
			assertTrue(s, s.contains("map cells KARL map 4x3 rows 12"));
			assertTrue(s, s.contains("default cells KARL map 4x3 rows 12"));
			// NB: with -batch, IJ.log goes to stdout: KARL About's lines are in the console.
			assertTrue(console, console.contains("engine: TensorFlow Java engine (isolated: " + ij
				.resolve("engines/karl-tf")));
			assertTrue(console, console.contains("protobuf protobuf-java-3.21.9.jar"));
			// The default model is the copy bundled in the jar, extracted once to the cache.
			final Path cache = ij.resolve("cache/karl/models");
			assertTrue(console, Pattern.compile("(?m)^model: " + Pattern.quote(cache.toString()) +
				"/default-[0-9a-f]+$").matcher(console).find());
			try (var d = Files.list(cache)) {
				final List<Path> models = d.toList();
				assertEquals(models.toString(), 1, models.size());
				assertTrue(models.toString(), models.get(0).getFileName().toString().startsWith("default-"));
				assertEquals(Files.readString(Path.of("models/default/karl.json")), Files.readString(models
					.get(0).resolve("karl.json")));
			}
			assertEquals(13, Files.readAllLines(csv).size());
			// verify: the rows and the saved map's flags as at every door, the summary in the Log
			assertTrue(s, s.contains("verify nf.tif KARL map rows 16"));
			final List<VerifyChecks.Row> vr = VerifyChecks.fromCsv(Files
				.readAllLines(vcsv));
			try (KarlModel k = KarlModel.load(Path.of(
				"models/default")))
			{
				VerifyChecks.check(vr, VerifyChecks.Oracle.of(k, IJ
					.openImage(nf.toString()), Normalization.TYPE_RANGE, 0.1f),
					VerifyChecks.flags(IJ.openImage(vmap.toString())));
			}
			assertTrue(console, console.contains("KARL Complexity Map: " + VerifyChecks
				.summary(vr, "nf.tif")));
			// Named tables: the user's one Measure row (the ramp's mean, about 127) is still the
			// Results table, and Tokenize's ids are one column per token in "KARL tokens", equal
			// to the CSV's space-separated token_ids and keep_mask.
			assertTrue(s, Pattern.compile("(?m)^user results 1 12[0-9.]+$").matcher(s).find());
			final List<String> text = Files.readAllLines(ids), cols = Files.readAllLines(wide);
			assertEquals(13, text.size());
			assertEquals(13, cols.size());
			final List<String> h = List.of(text.get(0).split(",")), hw = List.of(cols.get(0).split(","));
			assertEquals("id_1", hw.get(hw.indexOf("tokens") + 1));
			for (int r = 1; r < 13; r++) {
				final String[] t = text.get(r).split(","), w = cols.get(r).split(",");
				final String[] tokenIds = t[h.indexOf("token_ids")].split(" ");
				final String[] keep = t[h.indexOf("keep_mask")].split(" ");
				for (int j = 0; j < tokenIds.length; j++) {
					assertEquals("row " + r + " id_" + (j + 1), tokenIds[j], w[hw.indexOf("id_" + (j + 1))]);
					assertEquals("row " + r + " keep_" + (j + 1), keep[j], w[hw.indexOf("keep_" + (j + 1))]);
				}
				assertEquals(t[h.indexOf("tokens")], w[hw.indexOf("tokens")]);
			}
		}
	}
}
