package org.karl.fiji;

import static org.junit.Assert.*;
import static org.junit.Assume.assumeNotNull;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.runtime.TestModels;

/**
 * The menu route a user gets: plain ImageJ 1.54p started as its own JVM
 * ({@code java -Djava.awt.headless=false -jar ij.jar -ijpath DIR -batch m.ijm}) under a virtual
 * X display, with KARL installed as a jar whose name has a '_' in {@code DIR/plugins/} and the
 * TensorFlow engine folder in {@code DIR/engines/karl-tf}. Skipped, saying why, when no display
 * can be made.
 */
public class PlainImageJSmokeTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	@Test
	public void pluginsConfigPutsTheCommandsUnderPluginsKarlAndTheMapRuns() throws Exception {
		try (Xvfb x = Xvfb.start()) {
			assumeNotNull("no X display and no /usr/bin/Xvfb (apt-get install -y xvfb); skipped", x);
			final Path ij = tmp.newFolder("ImageJ").toPath();
			FijiLayout.create(ij);
			final boolean bundled = Files.exists(Path.of("target/classes/karl/models/default/karl.json"));
			if (bundled) Files.createDirectories(ij.resolve("bundled"));
			final Path out = ij.resolve("out.txt"), csv = ij.resolve("tiles.csv");
			final Path macro = ij.resolve("m.ijm");
			Files.writeString(macro, String.join("\n", //
				"List.setCommands;", //
				"s = 'class ' + List.get('KARL Complexity Map...') + '\\n';", //
				"newImage('cells', '8-bit ramp', 128, 96, 1);", //
				"run('KARL Complexity Map...', 'epsilon=0.1 model=[" + TestModels.model() + "]');", //
				"s = s + 'map ' + getTitle() + ' ' + getWidth() + 'x' + getHeight() + ' rows ' + nResults + '\\n';", //
				"saveAs('Results', '" + csv + "');", //
				"run('KARL About');", //
				// NB: no model=: the default model bundled in the jar (when the build had one).
				"if (File.exists('" + ij + "/bundled')) {", //
				"  selectImage('cells'); run('KARL Complexity Map...', 'epsilon=0.1');", //
				"  s = s + 'default ' + getTitle() + ' ' + nResults + '\\n';", //
				"}", //
				"File.saveString(s, '" + out + "');", ""));
			final ProcessBuilder pb = new ProcessBuilder(javaBin(), "-Djava.awt.headless=false",
				"-jar", FijiLayout.jar("ij-1.54").toString(), "-ijpath", ij.toString(), "-batch", macro
					.toString()).redirectErrorStream(true).redirectOutput(ij.resolve("console.txt").toFile());
			// NB: run in the ImageJ folder, so the repository's models/default is not found.
			pb.directory(ij.toFile());
			pb.environment().put("DISPLAY", x.display);
			pb.environment().put("XDG_CACHE_HOME", ij.resolve("cache").toString());
			pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
			final Process p = pb.start();
			assertTrue("ImageJ did not finish in 300 s", p.waitFor(300, TimeUnit.SECONDS));
			final String console = Files.readString(ij.resolve("console.txt"));
			assertTrue("no output; console:\n" + console, Files.exists(out));
			final String s = Files.readString(out);
			assertTrue(s, s.contains("class org.karl.fiji.ij1.ComplexityMapPlugIn"));
			assertTrue(s, s.contains("map cells KARL map 4x3 rows 12"));
			// NB: with -batch, IJ.log goes to stdout: KARL About's lines are in the console.
			assertTrue(console, console.contains("engine: TensorFlow Java engine (isolated: " + ij
				.resolve("engines/karl-tf")));
			assertTrue(console, console.contains("protobuf protobuf-java-3.21.9.jar"));
			if (bundled) {
				assertTrue(s, s.contains("default cells KARL map 12"));
				try (var d = Files.list(ij.resolve("cache/karl/models"))) {
					assertTrue("bundled model not extracted to the cache", d.anyMatch(f -> f.getFileName()
						.toString().startsWith("default-")));
				}
			}
			final List<String> rows = Files.readAllLines(csv);
			assertEquals(13, rows.size());
		}
	}

	static String javaBin() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}
}
