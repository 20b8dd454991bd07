package org.karl.fiji;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The install zip ({@link #zip()}, {@link #install}) and, for tests that need the class-path
 * jars, a hand-made layout ({@link #create}).
 * <p>
 * {@link #create} lays out an ImageJ folder as a user would install KARL: {@code plugins/KARL_Tokenizer-test.jar}
 * (built from target/classes, plugins.config at its root), the plugin's small dependencies in
 * {@code plugins/jars/}, and the TensorFlow engine folder {@code engines/karl-tf/} (symbolic
 * links into the Maven repository: the natives jar alone is 680 MB). Jars are taken from this
 * JVM's class path.
 */
public final class FijiLayout {

	private FijiLayout() {}

	/** Entries of this JVM's class path. */
	public static List<Path> classPath() {
		final List<Path> out = new ArrayList<>();
		for (final String s : System.getProperty("java.class.path").split(java.io.File.pathSeparator))
			out.add(Path.of(s));
		return out;
	}

	/** The class-path jar whose file name starts with {@code prefix}. */
	public static Path jar(final String prefix) {
		for (final Path p : classPath())
			if (p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".jar")) return p;
		throw new IllegalStateException("no " + prefix + "*.jar on the class path");
	}

	/** The engine folder's jars: TF Java, its natives, ndarray, protobuf 3.21.9, javacpp 1.5.11. */
	public static List<Path> engineJars() {
		final List<Path> out = new ArrayList<>();
		for (final Path p : classPath()) {
			final String n = p.getFileName().toString();
			if (n.startsWith("tensorflow-core-") || n.startsWith("ndarray-") || n.startsWith(
				"protobuf-java-") || n.startsWith("javacpp-")) out.add(p);
		}
		return out;
	}

	/** System property (set by the pom's surefire configuration) naming the install zip. */
	public static final String ZIP_PROPERTY = "karl.fiji.zip";

	/**
	 * The install zip {@code target/KARL_Tokenizer-<version>-fiji.zip} (src/assembly/fiji.xml),
	 * built by {@code mvn package} and, before the tests, by {@code mvn test}; an AssertionError
	 * saying to run {@code mvn package} when it is absent or older than target/classes.
	 */
	public static Path zip() throws IOException {
		Path zip = null;
		final String p = System.getProperty(ZIP_PROPERTY);
		if (p != null && !p.isBlank()) zip = Path.of(p);
		else if (Files.isDirectory(Path.of("target"))) {
			try (Stream<Path> s = Files.list(Path.of("target"))) {
				zip = s.filter(f -> f.getFileName().toString().matches("KARL_Tokenizer-.*-fiji\\.zip"))
					.findFirst().orElse(null);
			}
		}
		if (zip == null || !Files.isRegularFile(zip)) throw new AssertionError("no install zip " + (zip ==
			null ? "target/KARL_Tokenizer-<version>-fiji.zip" : zip) + ": run mvn package first");
		final Path classes = Path.of("target/classes");
		if (Files.isDirectory(classes)) {
			try (Stream<Path> s = Files.walk(classes)) {
				final long newest = s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().lastModified())
					.max().orElse(0);
				if (newest > zip.toFile().lastModified()) throw new AssertionError("install zip " + zip +
					" is older than target/classes: run mvn package first");
			}
		}
		return zip;
	}

	/** The install zip's entry names (folders end with '/'), in zip order. */
	public static List<String> entries() throws IOException {
		final List<String> names = new ArrayList<>();
		try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip().toFile())) {
			z.stream().forEach(e -> names.add(e.getName()));
		}
		return names;
	}

	/**
	 * Installs KARL as the README says: unzips {@link #zip()} into {@code root} (the ImageJ or
	 * Fiji.app folder). Returns the zip's entry names (folders end with '/'), in zip order.
	 */
	public static List<String> install(final Path root) throws IOException {
		final List<String> names = new ArrayList<>();
		final Path base = root.toAbsolutePath().normalize();
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip()))) {
			for (ZipEntry e; (e = in.getNextEntry()) != null;) {
				names.add(e.getName());
				final Path to = base.resolve(e.getName()).normalize();
				if (!to.startsWith(base)) throw new IOException("zip entry outside the folder: " + e);
				if (e.isDirectory()) Files.createDirectories(to);
				else {
					Files.createDirectories(to.getParent());
					Files.copy(in, to);
				}
			}
		}
		return names;
	}

	/** Creates the layout under {@code root} (the ImageJ folder); returns the plugin jar. */
	public static Path create(final Path root) throws IOException {
		final Path plugins = Files.createDirectories(root.resolve("plugins/jars"));
		final Path jar = root.resolve("plugins/KARL_Tokenizer-test.jar");
		jar(Path.of("target/classes"), jar);
		for (final String dep : new String[] { "imglib2-", "gson-" })
			Files.copy(jar(dep), plugins.resolve(jar(dep).getFileName()));
		final Path engine = Files.createDirectories(root.resolve("engines/karl-tf"));
		for (final Path p : engineJars())
			Files.createSymbolicLink(engine.resolve(p.getFileName()), p.toAbsolutePath());
		return jar;
	}

	/** Jars the folder {@code classes} into {@code jar}. */
	public static void jar(final Path classes, final Path jar) throws IOException {
		final Manifest mf = new Manifest();
		mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		mf.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "test");
		try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os,
			mf); Stream<Path> files = Files.walk(classes))
		{
			// NB: as the real plugin jar (pom.xml), without the Spark job, which needs Spark.
			for (final Path f : files.filter(Files::isRegularFile).filter(f -> !classes.relativize(f)
				.toString().replace('\\', '/').startsWith("org/karl/spark/")).sorted().toList()) {
				out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
				Files.copy(f, out);
				out.closeEntry();
			}
		}
	}

	/** {@code java FijiLayout DIR}: creates the layout (used by scripts/screenshot.sh). */
	public static void main(final String[] args) throws IOException {
		System.out.println(create(Path.of(args[0])));
	}
}
