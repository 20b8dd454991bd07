package org.karl.ops.engine;

import static org.junit.Assert.*;

import com.sun.jna.Function;

import org.junit.Test;

/**
 * The process environment that TensorFlow's native code reads is set through JNA (on the test
 * class path, as in Fiji): read back with the C library's getenv, which is what the natives see
 * ({@code System.getenv} is a copy taken at start-up). The console a Fiji user sees:
 * {@link TfConsoleLinesTest}.
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
}
