package org.karl.ops.engine;

/**
 * Quiets TensorFlow's native INFO and WARNING start-up lines (oneDNN, CPU features, "Reading
 * SavedModel", ...) in hosts that start Java without {@value #VAR}: the native code reads that
 * environment variable at its first log line and writes straight to the process's stderr, where
 * Java cannot filter. Java SE cannot set an environment variable, so this calls the C library's
 * {@code setenv} through JNA when the host has it on the class path (Fiji ships it; plain ImageJ
 * and the command line do not, and the {@code karl} script sets the variable itself). A value the
 * user set is kept, so {@code TF_CPP_MIN_LOG_LEVEL=0} shows every line for debugging. Two lines
 * remain either way: TensorFlow 2.18 writes an absl banner and one MLIR line before it reads the
 * variable.
 */
final class TfLogLevel {

	/** The variable TensorFlow's native logging reads once, at its first line. */
	static final String VAR = "TF_CPP_MIN_LOG_LEVEL";

	/** 2: errors only. */
	static final String QUIET = "2";

	private TfLogLevel() {}

	/** Sets {@value #VAR} to {@value #QUIET} unless the user set it; true when it is now set so. */
	static boolean quiet() {
		if (System.getenv(VAR) != null) return false;
		return setenv(VAR, QUIET);
	}

	/**
	 * The C library's {@code setenv(name, value, 1)} through JNA, found by reflection so that JNA
	 * is no dependency; false without JNA or where the call fails (e.g. Windows has no setenv).
	 */
	static boolean setenv(final String name, final String value) {
		try {
			final Class<?> f = Class.forName("com.sun.jna.Function", true, TfLogLevel.class
				.getClassLoader());
			final Object fn = f.getMethod("getFunction", String.class, String.class).invoke(null, "c",
				"setenv");
			final Object rc = f.getMethod("invokeInt", Object[].class).invoke(fn, (Object) new Object[] {
				name, value, 1 });
			return Integer.valueOf(0).equals(rc);
		}
		catch (final ReflectiveOperationException | LinkageError | RuntimeException e) {
			return false; // NB: no JNA, or no setenv: TensorFlow then logs as before
		}
	}
}
