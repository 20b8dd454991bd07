package org.karl.ops.engine;

import static org.junit.Assert.*;

import com.sun.jna.Function;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/**
 * The process environment that TensorFlow's native code reads is set through JNA (on the test
 * class path, as in Fiji): read back with the C library's getenv, which is what the natives see
 * ({@code System.getenv} is a copy taken at start-up). The console a Fiji user sees is checked in
 * a child JVM that starts TensorFlow as the plug-ins do ({@link Engines#get}).
 */
public class TfLogLevelTest {

	private static String nativeGetenv(final String name) {
		return Function.getFunction("c", "getenv").invokeString(new Object[] { name }, false);
	}

	@Test
	public void setenvReachesTheNativeEnvironment() {
		assertNull(nativeGetenv("KARL_TEST_SETENV"));
		assertTrue(TfLogLevel.setenv("KARL_TEST_SETENV", "2"));
		assertEquals("2", nativeGetenv("KARL_TEST_SETENV"));
	}

	@Test
	public void quietKeepsTheUsersValueElseSetsTwo() {
		final String user = System.getenv(TfLogLevel.VAR);
		TfLogLevel.quiet();
		assertEquals(user != null ? user : TfLogLevel.QUIET, nativeGetenv(TfLogLevel.VAR));
	}

	@Test
	public void startLinesAreInfoWarningAndTheBannerNotErrors() {
		assertTrue(TfLogLevel.isStartLine("WARNING: All log messages before absl::InitializeLog() " +
			"is called are written to STDERR"));
		assertTrue(TfLogLevel.isStartLine("I0000 00:00:1796514455.922977   22721 " +
			"mlir_graph_optimization_pass.cc:401] MLIR V1 optimization pass is not enabled"));
		assertTrue(TfLogLevel.isStartLine("W0000 00:00:1796514455.922977   22721 cpu_feature_guard" +
			".cc:12] This TensorFlow binary is optimized"));
		assertFalse(TfLogLevel.isStartLine("E0000 00:00:1796514455.922977   22721 loader.cc:99] " +
			"could not read the variables"));
		assertFalse(TfLogLevel.isStartLine("java.lang.IllegalStateException: boom"));
	}

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
				TfLogLevelTest.class.getName(), Path.of("models", "default").toAbsolutePath()
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
