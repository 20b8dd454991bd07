package org.karl.ops.engine;

import static org.junit.Assert.*;

import com.sun.jna.Function;

import org.junit.Test;

/**
 * The process environment that TensorFlow's native code reads is set through JNA (on the test
 * class path, as in Fiji): read back with the C library's getenv, which is what the natives see
 * ({@code System.getenv} is a copy taken at start-up).
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
}
