package org.karl.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.karl.engine.api.Tokenizer;
import org.karl.ops.engine.Engine;
import org.karl.ops.engine.Engines;

/**
 * Loads models for the Fiji commands and keeps the last {@value #KEEP} loaded, so that a batch
 * macro calling a command per image loads the model once. A cached model is shared: callers
 * never close it. The key includes the modification times of the card and the SavedModel, so a
 * model retrained into the same folder is reloaded.
 */
public final class Models {

	/** How many loaded models are kept. */
	public static final int KEEP = 2;

	/** A loaded model with the engine that loaded it and its folder. */
	public record Loaded(Tokenizer model, Engine engine, Path dir) {}

	private static final Map<String, Loaded> CACHE = new LinkedHashMap<>(4, 0.75f, true);

	private Models() {}

	/** The model for option {@code model} (blank: the default model), loaded or cached. */
	public static synchronized Loaded get(final String model, final Path imagejDir)
		throws IOException
	{
		final Path dir = ModelLocator.existing(model, imagejDir, org.karl.Keys.KEY_MODEL + "=");
		final String key = key(dir);
		Loaded l = CACHE.get(key);
		if (l != null) return l;
		final Engine engine = Engines.get(imagejDir);
		l = new Loaded(engine.load(dir), engine, dir);
		CACHE.put(key, l);
		// NB: ImageJ commands run one after another, so an evicted model is no longer in use.
		for (final Iterator<Loaded> it = CACHE.values().iterator(); CACHE.size() > KEEP;) {
			it.next().model().close();
			it.remove();
		}
		return l;
	}

	/** Closes and forgets every cached model (e.g. after training into a cached folder). */
	public static synchronized void clear() {
		for (final Loaded l : CACHE.values()) l.model().close();
		CACHE.clear();
	}

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
