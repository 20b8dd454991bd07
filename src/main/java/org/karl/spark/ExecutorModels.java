package org.karl.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.karl.engine.runtime.KarlModel;

/**
 * The models of this JVM, loaded once per executor (not per task) and shared by its task
 * threads: {@link KarlModel} is thread-safe, and a load costs seconds and a TensorFlow session.
 * Kept until the JVM exits, when the executor goes away.
 */
final class ExecutorModels {

	/** A loaded model and what its load cost, told once to the driver. */
	record Loaded(KarlModel model, long loadNanos, AtomicBoolean told) {

		/** The load time for the first caller, 0 for the others: each load is counted once. */
		long takeLoadNanos() {
			return told.compareAndSet(false, true) ? loadNanos : 0;
		}
	}

	private static final Map<Path, Loaded> MODELS = new ConcurrentHashMap<>();

	private ExecutorModels() {}

	/** The model in {@code dir}, loaded by the first task of this JVM that asks. */
	static Loaded get(final Path dir) throws IOException {
		try {
			return MODELS.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> {
				final long t0 = System.nanoTime();
				try {
					return new Loaded(KarlModel.load(d), System.nanoTime() - t0, new AtomicBoolean());
				}
				catch (final IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		catch (final UncheckedIOException e) {
			throw e.getCause(); // NB: not cached: the next task tries again and says why
		}
	}
}
