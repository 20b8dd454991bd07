package org.karl.ops.engine;

import static org.junit.Assert.*;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.experimental.categories.Category;
import org.karl.engine.api.Progress;
import org.karl.engine.api.TileSet;
import org.karl.engine.runtime.KarlModel;
import org.karl.engine.runtime.TestModels;
import org.karl.fiji.FijiLayout;
import org.karl.testing.Slow;

/**
 * Fiji's protobuf 4.28.2 and javacpp 1.5.10 FIRST on the class path of a child JVM (as in
 * Fiji's jars/). With TensorFlow on that class path too, it fails (the control: the clash is
 * real, and the message says what to do); with TensorFlow only in an engine folder, the
 * child-first loader gives the same token counts as this JVM.
 */
@Category(Slow.class) // a child JVM with Fiji's protobuf and javacpp
public class FijiClashTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static List<String> fijiClassPath(final boolean withTf) {
		final List<String> cp = new ArrayList<>();
		cp.add("target/fiji-clash/protobuf-java-4.28.2.jar");
		cp.add("target/fiji-clash/javacpp-1.5.10.jar");
		for (final Path p : FijiLayout.classPath()) {
			final String n = p.getFileName().toString();
			final boolean engine = FijiLayout.engineJars().contains(p);
			if (engine && !(withTf && (n.startsWith("tensorflow-") || n.startsWith("ndarray-")))) continue;
			cp.add(p.toString());
		}
		return cp;
	}

	private static String run(final List<String> cp, final String... props) throws Exception {
		final List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
			"java").toString()));
		cmd.addAll(Arrays.asList(props));
		cmd.addAll(List.of("-cp", String.join(File.pathSeparator, cp), ClashProbe.class.getName(),
			TestModels.model().toString()));
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		final String out = new String(p.getInputStream().readAllBytes());
		assertTrue("probe did not finish", p.waitFor(120, TimeUnit.SECONDS));
		return out;
	}

	@Test
	public void fijiVersionsFirstBreakDirectTensorFlowButNotTheEngineFolder() throws Exception {
		assertTrue("run mvn generate-test-resources first", Files.exists(Path.of(
			"target/fiji-clash/protobuf-java-4.28.2.jar")));
		final int[] expected;
		try (KarlModel m = KarlModel.load(TestModels.model())) {
			final TileSet t = ClashProbe.tiles();
			expected = m.tokenize(t.pixels(), t.n(), 0.05f, 8, Progress.NONE).counts();
		}
		final String direct = run(fijiClassPath(true));
		assertTrue(direct, direct.contains("PARENT_PROTOBUF protobuf-java-4.28.2.jar"));
		assertTrue(direct, direct.contains("FAILED TensorFlow Java failed to link"));
		assertTrue(direct, direct.contains("install the engine folder engines/karl-tf"));

		final Path engine = tmp.newFolder("karl-tf").toPath();
		for (final Path p : FijiLayout.engineJars())
			Files.createSymbolicLink(engine.resolve(p.getFileName()), p.toAbsolutePath());
		final String isolated = run(fijiClassPath(false), "-D" + Engines.ENGINE_DIR_PROPERTY + "=" +
			engine);
		assertTrue(isolated, isolated.contains("PARENT_PROTOBUF protobuf-java-4.28.2.jar"));
		assertTrue(isolated, isolated.contains("PARENT_JAVACPP javacpp-1.5.10.jar"));
		assertTrue(isolated, isolated.contains("protobuf protobuf-java-3.21.9.jar, javacpp " +
			"javacpp-1.5.11.jar"));
		assertTrue(isolated, isolated.contains("TOKENIZER_LOADER ChildFirstClassLoader"));
		assertTrue(isolated, isolated.contains("COUNTS " + Arrays.toString(expected)));
	}
}
