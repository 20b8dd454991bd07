package org.karl.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory of this process from {@code /proc/self/status} (Linux): the current resident
 * set (VmRSS) and its peak (VmHWM), in MiB. Both include the JVM heap that has been touched and
 * TensorFlow's native allocations, which the Java heap statistics do not see.
 */
public final class ProcessMemory {

	private static final Path STATUS = Path.of("/proc/self/status");

	private ProcessMemory() {}

	/** VmRSS in MiB; NaN where /proc is not available. */
	public static double rssMiB() {
		return field("VmRSS:");
	}

	/** VmHWM (peak resident set) in MiB; NaN where /proc is not available. */
	public static double peakMiB() {
		return field("VmHWM:");
	}

	/** The kB value of a /proc/self/status line, in MiB. */
	static double field(final String name) {
		return field(STATUS, name);
	}

	/** The kB value of a line of a /proc/PID/status file, in MiB; NaN when gone or not Linux. */
	public static double field(final java.nio.file.Path status, final String name) {
		try {
			for (final String line : Files.readAllLines(status))
				if (line.startsWith(name)) return parseKb(line.substring(name.length())) / 1024.0;
		}
		catch (final IOException | UnsupportedOperationException e) {
			return Double.NaN; // NB: not Linux; the benchmark reports "n/a"
		}
		return Double.NaN;
	}

	/** "  123456 kB" -> 123456. */
	static long parseKb(final String value) {
		return Long.parseLong(value.trim().split("\\s+")[0]);
	}
}
