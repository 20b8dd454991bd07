package org.karl.ops.engine;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Chooses and caches the {@link Engine} of this JVM. Two modes:
 * <ul>
 * <li><b>isolated</b>, when an engine folder exists ({@code -Dkarl.engine.dir=DIR}, or
 * {@code <ImageJ>/engines/karl-tf}): its jars (TensorFlow Java, its natives, protobuf,
 * javacpp, optionally gson) plus this plugin's own jar are put behind a
 * {@link ChildFirstClassLoader}, and the engine classes are loaded there;</li>
 * <li><b>direct</b> otherwise: TensorFlow comes from this class's own class path (the CLI, the
 * tests, a Fiji whose class path has compatible versions).</li>
 * </ul>
 * NB: a child-first loader rather than relocating (shading) protobuf and javacpp into our jar:
 * the TF natives bind JNI symbols to {@code org.bytedeco.javacpp} and {@code org.tensorflow} class
 * names, so those packages cannot be renamed, and one native library can only be loaded by one
 * class loader per JVM: so the engine is created once and kept for the JVM's lifetime.
 */
public final class Engines {

	/** System property naming the engine folder. */
	public static final String ENGINE_DIR_PROPERTY = "karl.engine.dir";

	/** Engine folder looked for under the ImageJ folder when the property is unset. */
	public static final String ENGINE_SUBDIR = "engines/karl-tf";

	/** Packages loaded from the engine folder first. */
	public static final List<String> CHILD_FIRST = List.of("org.tensorflow.", "com.google.protobuf.",
		"org.bytedeco.", "com.google.gson.", "org.karl.engine.", "org.karl.ops.engine.tf.");

	/** Shared packages inside {@link #CHILD_FIRST} that must stay the parent's. */
	public static final List<String> PARENT_FIRST = List.of("org.karl.engine.api.");

	private static final String IMPL = "org.karl.ops.engine.tf.TfEngine";

	private static Engine cached;
	private static String cachedKey;

	private Engines() {}

	/** The engine for this JVM, created on first use; {@code imagejDir} may be null. */
	public static synchronized Engine get(final Path imagejDir) throws IOException {
		final Path dir = engineDir(imagejDir);
		final String key = dir == null ? "direct" : dir.toAbsolutePath().normalize().toString();
		if (cached == null || !key.equals(cachedKey)) {
			final boolean first = cached == null;
			final boolean quiet = first && TfLogLevel.quiet(); // NB: before TensorFlow's natives load
			final Engine e = dir == null ? direct() : isolated(dir);
			if (quiet) TfLogLevel.withoutStartLines(e::warmUp);
			cached = e;
			cachedKey = key;
		}
		return cached;
	}

	/** The engine folder to use, or null for direct mode. */
	public static Path engineDir(final Path imagejDir) throws IOException {
		final String p = System.getProperty(ENGINE_DIR_PROPERTY);
		if (p != null && !p.isBlank()) {
			final Path dir = Path.of(p);
			if (!Files.isDirectory(dir)) throw new IOException("-D" + ENGINE_DIR_PROPERTY + "=" + p +
				" is not a folder; point it at a folder of TensorFlow Java jars or unset it");
			return dir;
		}
		if (imagejDir != null && Files.isDirectory(imagejDir.resolve(ENGINE_SUBDIR))) return imagejDir
			.resolve(ENGINE_SUBDIR);
		return null;
	}

	/** TensorFlow from this class's own class loader. */
	public static Engine direct() {
		return instantiate(Engines.class.getClassLoader(), "direct");
	}

	/** TensorFlow from the jars of {@code dir}, behind a child-first loader. */
	public static Engine isolated(final Path dir) throws IOException {
		final List<URL> urls = new ArrayList<>();
		boolean tf = false;
		try (Stream<Path> s = Files.list(dir)) {
			for (final Path jar : s.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
				urls.add(jar.toUri().toURL());
				tf |= jar.getFileName().toString().startsWith("tensorflow-core-api");
			}
		}
		if (!tf) throw new IOException("engine folder " + dir + " has no tensorflow-core-api jar; " +
			"fill it as the README's Fiji section says, or remove it to use the class path");
		urls.add(ownLocation());
		final ChildFirstClassLoader loader = new ChildFirstClassLoader(urls.toArray(URL[]::new),
			Engines.class.getClassLoader(), CHILD_FIRST, PARENT_FIRST);
		return instantiate(loader, "isolated: " + dir);
	}

	/** What to do when TensorFlow Java is missing, in Fiji's words. */
	public static final String FIJI_MISSING = "put its jars in an engine folder " + ENGINE_SUBDIR +
		" under the ImageJ folder (see the README)";

	/** What to do when TensorFlow Java fails to link, in Fiji's words. */
	public static final String FIJI_CLASH = "install the engine folder " + ENGINE_SUBDIR +
		" under the ImageJ folder (Fiji ships protobuf 4.28.2 and javacpp 1.5.10; see the README) " +
		"or set -D" + ENGINE_DIR_PROPERTY;

	/**
	 * A one-line explanation for an error that comes from TensorFlow failing to link or load,
	 * or null when {@code e} is not such an error; what to do is said as for Fiji.
	 */
	public static String explain(final Throwable e) {
		return explain(e, FIJI_MISSING, FIJI_CLASH);
	}

	/**
	 * As {@link #explain(Throwable)}, with what to do said by the caller: {@code missing} when
	 * TensorFlow's classes are not there, {@code clash} when they are there but do not link.
	 */
	public static String explain(final Throwable e, final String missing, final String clash) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof NoClassDefFoundError || t instanceof ClassNotFoundException) {
				if (String.valueOf(t.getMessage()).contains("tensorflow")) return "TensorFlow Java " +
					"is not on the class path (" + t.getMessage() + "); " + missing;
			}
			else if (t instanceof LinkageError) return "TensorFlow Java failed to link (" + t +
				"): a protobuf or javacpp version on the class path does not fit TF Java 1.1.0; " +
				clash;
		}
		return null;
	}

	private static Engine instantiate(final ClassLoader loader, final String mode) {
		try {
			return (Engine) Class.forName(IMPL, true, loader).getConstructor(String.class)
				.newInstance(mode);
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException("cannot create the KARL engine " + IMPL + " (" + mode +
				"): " + e, e);
		}
	}

	private static URL ownLocation() throws IOException {
		try {
			return Path.of(Engines.class.getProtectionDomain().getCodeSource().getLocation().toURI())
				.toUri().toURL();
		}
		catch (final URISyntaxException | MalformedURLException | RuntimeException e) {
			throw new IOException("cannot find the KARL plugin's own jar: " + e, e);
		}
	}
}
