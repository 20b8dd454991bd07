package org.karl.ops;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the model folder for {@code model=}: the path given, or else the default model, found
 * with no configuration, in this order:
 * <ol>
 * <li>{@code -Dkarl.model=DIR};</li>
 * <li>{@code models/default} of this repository (walking up from the classes' location, then
 * the working directory);</li>
 * <li>{@code models/karl/default} under the ImageJ folder;</li>
 * <li>the model bundled in the plugin jar under {@value #RESOURCE}, extracted once to a cache
 * folder ({@code -Dkarl.cache.dir}, else {@code $XDG_CACHE_HOME/karl}, else
 * {@code ~/.cache/karl}) keyed by a hash of its files.</li>
 * </ol>
 */
public final class ModelLocator {

	/** System property naming the default model folder. */
	public static final String MODEL_PROPERTY = "karl.model";

	/** System property naming the cache folder for the extracted bundled model. */
	public static final String CACHE_PROPERTY = "karl.cache.dir";

	/** Where the build puts {@code models/default} inside the jar. */
	public static final String RESOURCE = "karl/models/default/";

	private ModelLocator() {}

	/** The folder for option {@code model}: itself when given, else the default model. */
	public static Path resolve(final String model, final Path imagejDir) throws IOException {
		if (model != null && !model.isBlank()) return Path.of(model.trim());
		return defaultModel(imagejDir, ModelLocator.class.getClassLoader(), cacheRoot());
	}

	/**
	 * As {@link #resolve}, and a given folder must exist: else one line naming the option
	 * ({@code key}, e.g. "--model" or "model=") and what to do.
	 */
	public static Path existing(final String model, final Path imagejDir, final String key)
		throws IOException
	{
		final Path dir = resolve(model, imagejDir);
		if (!Files.isDirectory(dir)) throw new IllegalArgumentException(key + " " + dir + " is not a " +
			"folder; pass a model folder written by karl train (or KARL Train...), or leave " + key +
			" out for the default model");
		return dir;
	}

	/** The default model (see the class comment), or an IOException saying what to do. */
	public static Path defaultModel(final Path imagejDir, final ClassLoader bundle,
		final Path cache) throws IOException
	{
		return defaultModel(candidates(imagejDir), bundle, cache);
	}

	/**
	 * As {@link #defaultModel(Path, ClassLoader, Path)} with the folders to search given, in order
	 * (the seam that lets a test leave out this repository's own models/default).
	 */
	static Path defaultModel(final List<Path> candidates, final ClassLoader bundle,
		final Path cache) throws IOException
	{
		final String prop = System.getProperty(MODEL_PROPERTY);
		if (prop != null && !prop.isBlank()) {
			if (isModel(Path.of(prop))) return Path.of(prop);
			throw new IOException("-D" + MODEL_PROPERTY + "=" + prop + " is not a KARL model folder " +
				"(saved_model.pb + karl.json); fix the path or unset it");
		}
		final List<Path> searched = new ArrayList<>();
		for (final Path p : candidates) {
			if (isModel(p)) return p;
			searched.add(p);
		}
		final Path extracted = extractBundled(bundle, cache);
		if (extracted != null) return extracted;
		throw new IOException("no default KARL model: none is bundled in the KARL jar and none is at " +
			searched + "; pass model=[/path/to/model] or put a model folder (saved_model.pb, " +
			"variables/, karl.json) at " + (searched.isEmpty() ? "models/default" : searched.get(
				searched.size() - 1)) + ", or train one with KARL Train...");
	}

	/** True when {@code dir} has a SavedModel and a KARL card. */
	public static boolean isModel(final Path dir) {
		return Files.isRegularFile(dir.resolve("saved_model.pb")) && Files.isRegularFile(dir.resolve(
			"karl.json"));
	}

	/**
	 * Extracts the model bundled as resources under {@value #RESOURCE} of {@code bundle} into
	 * {@code cache}, once per content hash; returns its folder, or null when none is bundled.
	 */
	public static Path extractBundled(final ClassLoader bundle, final Path cache)
		throws IOException
	{
		final URL card = bundle.getResource(RESOURCE + "karl.json");
		if (card == null) return null;
		final String hash;
		try (InputStream in = card.openStream()) {
			hash = sha256(in.readAllBytes()).substring(0, 16);
		}
		final Path target = cache.resolve("models").resolve("default-" + hash);
		if (isModel(target)) return target;
		Files.createDirectories(target.getParent());
		final Path tmp = Files.createTempDirectory(target.getParent(), ".default-" + hash);
		try {
			if ("jar".equals(card.getProtocol())) copyFromJar(card, tmp);
			else copyFromFolder(card, tmp);
			Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (final IOException e) {
			deleteTree(tmp);
			if (isModel(target)) return target; // NB: another JVM extracted it at the same time
			throw new IOException("could not extract the bundled default model to " + target + ": " +
				e.getMessage() + "; set -D" + CACHE_PROPERTY + " to a writable folder", e);
		}
		return target;
	}

	/** The cache folder for extracted models. */
	public static Path cacheRoot() {
		final String p = System.getProperty(CACHE_PROPERTY);
		if (p != null && !p.isBlank()) return Path.of(p);
		final String xdg = System.getenv("XDG_CACHE_HOME");
		if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "karl");
		return Path.of(System.getProperty("user.home"), ".cache", "karl");
	}

	// -- Helpers --

	/** The folders searched for the default model, in order (items 2 and 3 of the class comment). */
	static List<Path> candidates(final Path imagejDir) {
		final List<Path> c = new ArrayList<>();
		try {
			Path p = Path.of(ModelLocator.class.getProtectionDomain().getCodeSource().getLocation()
				.toURI()).getParent();
			for (int up = 0; p != null && up < 3; up++, p = p.getParent())
				if (Files.isRegularFile(p.resolve("pom.xml"))) {
					c.add(p.resolve("models/default"));
					break;
				}
		}
		catch (final URISyntaxException | RuntimeException e) {
			// NB: no code source (unusual class loader): the working directory is tried below.
		}
		final Path cwd = Path.of("models/default").toAbsolutePath();
		if (!c.contains(cwd)) c.add(cwd);
		if (imagejDir != null) c.add(imagejDir.resolve("models/karl/default"));
		return c;
	}

	private static void copyFromJar(final URL card, final Path dst) throws IOException {
		final JarURLConnection conn = (JarURLConnection) card.openConnection();
		conn.setUseCaches(false);
		try (JarFile jar = conn.getJarFile()) {
			final Enumeration<JarEntry> entries = jar.entries();
			while (entries.hasMoreElements()) {
				final JarEntry e = entries.nextElement();
				if (!e.getName().startsWith(RESOURCE) || e.isDirectory()) continue;
				final Path out = dst.resolve(e.getName().substring(RESOURCE.length())).normalize();
				if (!out.startsWith(dst)) throw new IOException("bad entry " + e.getName());
				Files.createDirectories(out.getParent());
				try (InputStream in = jar.getInputStream(e)) {
					Files.copy(in, out);
				}
			}
		}
	}

	private static void copyFromFolder(final URL card, final Path dst) throws IOException {
		final Path src;
		try {
			src = Path.of(card.toURI()).getParent();
		}
		catch (final URISyntaxException e) {
			throw new IOException("bundled model at " + card + " is neither in a jar nor a folder");
		}
		try (Stream<Path> s = Files.walk(src)) {
			for (final Path f : s.filter(Files::isRegularFile).toList()) {
				final Path out = dst.resolve(src.relativize(f).toString());
				Files.createDirectories(out.getParent());
				Files.copy(f, out);
			}
		}
	}

	private static String sha256(final byte[] data) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	static void deleteTree(final Path p) throws IOException {
		if (!Files.exists(p)) return;
		try (Stream<Path> s = Files.walk(p)) {
			for (final Path q : s.sorted(Comparator.reverseOrder()).toList())
				Files.deleteIfExists(q);
		}
	}
}
