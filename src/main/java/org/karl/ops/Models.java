package org.karl.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.karl.engine.api.Tokenizer;
import org.karl.ops.engine.Engine;
import org.karl.ops.engine.Engines;

/**
 * The one model loader of every door, with an explicit cache {@link Policy}: the CLI loads a
 * model for one command and closes it ({@link Policy#ONCE}); the Fiji commands keep the last
 * {@value #KEEP} loaded, so that a batch macro calling a command per image loads the model once
 * ({@link Policy#RECENT}); a Spark executor loads each model once and shares it between its task
 * threads until the JVM exits ({@link Policy#JVM}). Every model is loaded by the engine of this
 * JVM ({@link Engines#get}: isolated behind its own class loader where an engine folder is set
 * up), and what the load cost is told once ({@link Loaded#takeLoadNanos}).
 */
public final class Models {

	/** How long a loaded model is kept, and who closes it. */
	public enum Policy {
		/** Loaded for one command, not kept: the caller closes it. */
		ONCE,
		/**
		 * The last {@value Models#KEEP} kept, shared (callers never close them), reloaded when the
		 * card or the SavedModel of the folder changes. Callers run one after another (ImageJ
		 * commands), so an evicted model is no longer in use.
		 */
		RECENT,
		/**
		 * Kept until the JVM exits, shared by concurrent threads ({@link Tokenizer}s are
		 * thread-safe), never closed: a Spark executor's tasks. A load that fails is not kept,
		 * so the next caller tries again and says why.
		 */
		JVM
	}

	/** How many loaded models {@link Policy#RECENT} keeps. */
	public static final int KEEP = 2;

	/**
	 * A loaded model with the engine that loaded it, its folder and what its load cost
	 * ({@code loadNanos}; told once, by {@link #takeLoadNanos}).
	 */
	public record Loaded(Tokenizer model, Engine engine, Path dir, long loadNanos,
		AtomicBoolean told)
	{

		/** The load time for the first caller, 0 for the others: each load is counted once. */
		public long takeLoadNanos() {
			return told.compareAndSet(false, true) ? loadNanos : 0;
		}
	}

	private static final Map<String, Loaded> RECENT = new LinkedHashMap<>(4, 0.75f, true);
	private static final Map<Path, Loaded> JVM = new ConcurrentHashMap<>();

	private Models() {}

	/**
	 * The model for option {@code model} (blank: the default model) with {@link Policy#RECENT},
	 * for the Fiji commands; {@code imagejDir} (may be null) is where the default model and the
	 * engine folder are looked for.
	 */
	public static Loaded get(final String model, final Path imagejDir) throws IOException {
		return load(ModelLocator.existing(model, imagejDir, org.karl.Keys.KEY_MODEL + "="), imagejDir,
			Policy.RECENT);
	}

	/** The model in folder {@code dir}, by {@code policy}, with the engine of a JVM outside ImageJ. */
	public static Loaded load(final Path dir, final Policy policy) throws IOException {
		return load(dir, null, policy);
	}

	/** The model in folder {@code dir}, by {@code policy}; {@code imagejDir} may be null. */
	public static Loaded load(final Path dir, final Path imagejDir, final Policy policy)
		throws IOException
	{
		return switch (policy) {
			case ONCE -> fresh(dir, imagejDir);
			case RECENT -> recent(dir, imagejDir);
			case JVM -> kept(dir, imagejDir);
		};
	}

	/** Closes and forgets every {@link Policy#RECENT} model (e.g. after training into its folder). */
	public static synchronized void clear() {
		for (final Loaded l : RECENT.values()) l.model().close();
		RECENT.clear();
	}

	// -- Policies --

	private static Loaded fresh(final Path dir, final Path imagejDir) throws IOException {
		final Engine engine = Engines.get(imagejDir);
		final long t0 = System.nanoTime();
		final Tokenizer model = engine.load(dir);
		return new Loaded(model, engine, dir, System.nanoTime() - t0, new AtomicBoolean());
	}

	private static synchronized Loaded recent(final Path dir, final Path imagejDir)
		throws IOException
	{
		final String key = key(dir);
		Loaded l = RECENT.get(key);
		if (l != null) return l;
		l = fresh(dir, imagejDir);
		RECENT.put(key, l);
		for (final Iterator<Loaded> it = RECENT.values().iterator(); RECENT.size() > KEEP;) {
			it.next().model().close();
			it.remove();
		}
		return l;
	}

	private static Loaded kept(final Path dir, final Path imagejDir) throws IOException {
		try {
			// NB: concurrent callers of one folder wait for its one load
			return JVM.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> {
				try {
					return fresh(d, imagejDir);
				}
				catch (final IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		catch (final UncheckedIOException e) {
			throw e.getCause(); // NB: not kept: the next caller tries again and says why
		}
	}

	// -- Helpers --
	private static String key(final Path dir) throws IOException {
		final Path abs = dir.toAbsolutePath().normalize();
		return abs + "|" + mtime(abs.resolve("karl.json")) + "|" + mtime(abs.resolve(
			"saved_model.pb"));
	}

	private static long mtime(final Path f) {
		try {
			return Files.getLastModifiedTime(f).toMillis();
		}
		catch (final IOException e) {
			return -1;
		}
	}
}
