package org.karl.ops.engine;

import static org.junit.Assert.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Test;
import org.junit.experimental.categories.Category;
import org.karl.testing.Slow;

/**
 * The console a Fiji user sees when TensorFlow starts: checked in a child JVM that starts it as
 * the plug-ins do ({@link Engines#get}) and loads the shipped model.
 */
@Category(Slow.class) // child JVMs that load TensorFlow
public class TfConsoleLinesTest {

	/** The child: starts TensorFlow as the plug-ins do, loads the model in args[0], says done. */
	public static void main(final String[] args) throws Exception {
		final Engine e = Engines.get(null);
		try (var model = e.load(Path.of(args[0]))) {
			System.err.println("child: loaded " + model.maxTokens() + " tokens");
		}
		TfLogLevel.withoutStartLines(() -> System.err.println("child: a line in the window"));
	}

	private static String childStderr(final String level) throws IOException, InterruptedException {
		final Path err = Files.createTempFile("karl-tf-child", ".txt");
		try {
			final List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"),
				"bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
				TfConsoleLinesTest.class.getName(), Path.of("models", "default").toAbsolutePath()
					.toString()));
			final ProcessBuilder b = new ProcessBuilder(cmd).redirectError(err.toFile())
				.redirectOutput(ProcessBuilder.Redirect.DISCARD);
			b.environment().remove(TfLogLevel.VAR);
			if (level != null) b.environment().put(TfLogLevel.VAR, level);
			final Process p = b.start();
			assertTrue("the child did not finish in 2 minutes", p.waitFor(120, TimeUnit.SECONDS));
			final String s = Files.readString(err, StandardCharsets.UTF_8);
			assertEquals(s, 0, p.exitValue());
			return s;
		}
		finally {
			Files.delete(err);
		}
	}

	private static long startLines(final String stderr) {
		return stderr.lines().filter(TfLogLevel::isStartLine).count();
	}

	@Test
	public void noTensorFlowLineReachesTheConsoleAndOtherLinesDo() throws Exception {
		final String s = childStderr(null);
		assertEquals(s, 0, startLines(s));
		assertTrue(s, s.contains("child: loaded 32 tokens"));
		assertTrue(s, s.contains("child: a line in the window"));
	}

	@Test
	public void debuggingShowsThemAll() throws Exception {
		final String s = childStderr("0");
		assertTrue(s, startLines(s) >= 2);
	}
}
