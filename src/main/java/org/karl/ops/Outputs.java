package org.karl.ops;

import ij.ImagePlus;
import ij.io.FileInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rules every door applies to where results go, checked before any computing: an output
 * is never one of the inputs, two outputs are never the same file, an output is a new or
 * regular file ({@link OutputRule}), its folder must be writable (the message says why not),
 * and inputs with equal names get distinct output names.
 */
public final class Outputs {

	private Outputs() {}

	/**
	 * Refuses {@code output} when it is, or would replace, one of {@code inputs}.
	 *
	 * @param what how the user named the output, e.g. "--csv" or "save"
	 */
	public static void refuseInputs(final Path output, final Collection<Path> inputs,
		final String what)
	{
		if (output == null) return;
		for (final Path in : inputs)
			if (in != null && same(output, in)) throw new IllegalArgumentException(what + " " + output +
				" is the input " + in + ", which would be overwritten; choose another file name");
	}

	/**
	 * Refuses two outputs of one command that are the same file (by any path or link), which
	 * would overwrite each other; either may be null (not asked for).
	 */
	public static void refuseSame(final Path a, final String aKey, final Path b, final String bKey) {
		if (a != null && b != null && same(a, b)) throw new IllegalArgumentException(aKey + " " + a +
			" and " + bKey + " " + b + " are the same file; give them different names");
	}

	/** The file {@code imp} was opened from, or null (a new or unsaved image). */
	public static Path fileOf(final ImagePlus imp) {
		final FileInfo fi = imp == null ? null : imp.getOriginalFileInfo();
		if (fi == null || fi.fileName == null || fi.directory == null || fi.directory.isBlank())
			return null;
		return Path.of(fi.directory, fi.fileName);
	}

	/**
	 * Checks that files can be created in {@code dir}, before the work: in the folder itself,
	 * or, when it does not exist yet, in its nearest existing parent (by creating and deleting a
	 * hidden file). Nothing is left behind and no folder is created.
	 */
	public static void checkWritableFolder(final Path dir, final String what) throws IOException {
		checkWritable(OutputRule.folder(dir, what), dir, what);
	}

	private static void checkWritable(final Path dir, final Path named, final String what)
		throws IOException
	{
		Path p = dir.toAbsolutePath().normalize();
		while (p != null && !Files.exists(p)) p = p.getParent();
		if (p == null) return;
		if (!Files.isDirectory(p)) throw new IllegalArgumentException(what + " " + named +
			" is not writable (" + p + " is a file, not a folder); choose another path");
		try {
			Files.deleteIfExists(Files.createTempFile(p, ".karl-write-test", ".tmp"));
		}
		catch (final IOException | SecurityException e) {
			throw new IOException(what + " " + named + " is not writable (" + p + ": " + (e instanceof
				IOException io ? AtomicFiles.reason(io) : "permission denied") +
				"); choose a folder you can write to", e);
		}
	}

	/**
	 * Checks that {@code file} may be an output ({@link OutputRule}: new, a regular file, or a
	 * link to one), then as {@link #checkWritableFolder} for the folder that will hold it.
	 */
	public static void checkWritableFile(final Path file, final String what) throws IOException {
		checkWritable(OutputRule.target(file, what).getParent(), file, what);
	}

	/**
	 * A distinct output name per input: the file name without its extension; inputs whose
	 * stems collide get the extension too ({@code a_tif}, {@code a_png}), and inputs still equal
	 * (same name in different folders) the parent folder's name in front, then a number.
	 */
	public static Map<Path, String> names(final List<Path> inputs) {
		final Map<Path, String> out = new LinkedHashMap<>();
		final Map<String, Integer> stems = count(inputs, Outputs::stem);
		final Map<String, Integer> withExt = count(inputs, Outputs::stemExt);
		final Map<String, Integer> used = new HashMap<>();
		for (final Path p : inputs) {
			String n = stems.get(key(stem(p))) == 1 ? stem(p) : withExt.get(key(stemExt(p))) == 1
				? stemExt(p) : parentName(p) + "_" + stemExt(p);
			final int k = used.merge(key(n), 1, Integer::sum);
			if (k > 1) n = n + "_" + k;
			out.put(p, n);
		}
		return out;
	}

	/** The file name without its last extension. */
	public static String stem(final Path f) {
		final String n = f.getFileName().toString();
		final int dot = n.lastIndexOf('.');
		return dot > 0 ? n.substring(0, dot) : n;
	}

	private static String stemExt(final Path f) {
		final String n = f.getFileName().toString();
		final int dot = n.lastIndexOf('.');
		return dot > 0 ? n.substring(0, dot) + "_" + n.substring(dot + 1) : n;
	}

	private static String parentName(final Path f) {
		final Path p = f.toAbsolutePath().normalize().getParent();
		return p == null || p.getFileName() == null ? "root" : p.getFileName().toString();
	}

	private static Map<String, Integer> count(final List<Path> in,
		final java.util.function.Function<Path, String> f)
	{
		final Map<String, Integer> m = new HashMap<>();
		for (final Path p : in) m.merge(key(f.apply(p)), 1, Integer::sum);
		return m;
	}

	/** NB: case-insensitive, as on macOS and Windows file systems. */
	private static String key(final String name) {
		return name.toLowerCase(Locale.ROOT);
	}

	static boolean same(final Path a, final Path b) {
		try {
			if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
		}
		catch (final IOException e) {
			// fall back to comparing the paths
		}
		return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
	}
}
