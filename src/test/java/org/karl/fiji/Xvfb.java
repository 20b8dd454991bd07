package org.karl.fiji;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * A virtual X display for tests of the real ImageJ GUI: the DISPLAY already set, or a new
 * {@code Xvfb} server started here (and stopped by {@link #close()}); null when neither exists.
 */
public final class Xvfb implements AutoCloseable {

	private final Process server;
	public final String display;

	private Xvfb(final Process server, final String display) {
		this.server = server;
		this.display = display;
	}

	/** A display, or null when none can be made (no DISPLAY and no Xvfb installed). */
	public static Xvfb start() throws IOException, InterruptedException {
		final String d = System.getenv("DISPLAY");
		if (d != null && !d.isBlank()) return new Xvfb(null, d);
		if (!new File("/usr/bin/Xvfb").canExecute()) return null;
		for (int n = 90 + (int) (ProcessHandle.current().pid() % 50); n < 200; n++) {
			if (new File("/tmp/.X11-unix/X" + n).exists() || new File("/tmp/.X" + n + "-lock").exists())
				continue;
			final Process p = new ProcessBuilder("/usr/bin/Xvfb", ":" + n, "-screen", "0", "1280x900x24",
				"-nolisten", "tcp").redirectErrorStream(true).redirectOutput(new File("/dev/null")).start();
			for (int i = 0; i < 50 && p.isAlive(); i++) {
				if (new File("/tmp/.X11-unix/X" + n).exists()) return new Xvfb(p, ":" + n);
				Thread.sleep(100);
			}
			p.destroy();
		}
		return null;
	}

	@Override
	public void close() throws InterruptedException {
		if (server == null) return;
		server.destroy();
		server.waitFor(5, TimeUnit.SECONDS);
	}
}
