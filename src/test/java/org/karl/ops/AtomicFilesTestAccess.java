package org.karl.ops;

/** Lets tests elsewhere build a temp-file name the way {@link AtomicFiles} does. */
public final class AtomicFilesTestAccess {

	private AtomicFilesTestAccess() {}

	/** This JVM's {@code host-pid} mark. */
	public static String owner() {
		return AtomicFiles.OWNER;
	}
}
