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

/**
 * Lays out an ImageJ folder as a user would install KARL: {@code plugins/KARL_Tokenizer-test.jar}
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
