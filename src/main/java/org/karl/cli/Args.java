package org.karl.cli;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed command line: flags ({@code --key value}, {@code --key=value}, bare boolean
 * {@code --key}), positional arguments (anywhere; all after {@code --}), and the streams to
 * answer on. Which keys exist, and which of them take a value, comes from a {@link Spec}, so
 * that {@code --reconstruct a.tif} is unambiguous. Flag names are {@link org.karl.Keys} names.
 */
public final class Args {

	/** The flags a subcommand accepts: each key takes a value or is a boolean flag. */
	public static final class Spec {

		private final Map<String, Boolean> takesValue = new LinkedHashMap<>();

		/** Adds {@code --key VALUE}. */
		public Spec value(final String key) {
			takesValue.put(key, true);
			return this;
		}

		/** Adds the boolean flag {@code --key} (also {@code --key=true|false}). */
		public Spec flag(final String key) {
			takesValue.put(key, false);
			return this;
		}

		/** The declared keys, in declaration order. */
		public Set<String> keys() {
			return Collections.unmodifiableSet(takesValue.keySet());
		}

		/** True when {@code key} takes a value; null when it is not declared. */
		Boolean takesValue(final String key) {
			return takesValue.get(key);
		}
	}

	private final Spec spec;
	private final Map<String, String> values;
	private final List<String> positional;
	private final PrintStream out, err;

	private Args(final Spec spec, final Map<String, String> values, final List<String> positional,
		final PrintStream out, final PrintStream err)
	{
		this.spec = spec;
		this.values = values;
		this.positional = positional;
		this.out = out;
		this.err = err;
	}

	/** Parses {@code argv} (without the subcommand name), answering on System.out and err. */
	public static Args parse(final String[] argv, final Spec spec) throws UsageException {
		return parse(argv, spec, System.out, System.err);
	}

	/** Parses {@code argv} (without the subcommand name). */
	public static Args parse(final String[] argv, final Spec spec, final PrintStream out,
		final PrintStream err) throws UsageException
	{
		final Map<String, String> values = new HashMap<>();
		final List<String> positional = new ArrayList<>();
		for (int i = 0; i < argv.length; i++) {
			final String a = argv[i];
			if (a.equals("--")) {
				positional.addAll(List.of(argv).subList(i + 1, argv.length));
				break;
			}
			if (!a.startsWith("-") || a.equals("-")) {
				positional.add(a);
				continue;
			}
			if (!a.startsWith("--")) throw new UsageException("unknown option " + a +
				"; flags are written --key value or --key=value");
			final int eq = a.indexOf('=');
			final String key = a.substring(2, eq < 0 ? a.length() : eq);
			final Boolean takesValue = spec.takesValue(key);
			if (takesValue == null) throw new UsageException("unknown flag --" + key);
			String value;
			if (!takesValue) {
				value = eq < 0 ? "true" : a.substring(eq + 1);
				if (!value.equals("true") && !value.equals("false")) throw new UsageException("--" +
					key + " is a flag; write --" + key + " or --" + key + "=false, not '" + value + "'");
			}
			else if (eq >= 0) value = a.substring(eq + 1);
			else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) value = argv[++i];
			else value = "";
			if (takesValue && value.isEmpty()) throw new UsageException("--" + key +
				" needs a value");
			if (values.put(key, value) != null) throw new UsageException("--" + key +
				" is given twice");
		}
		return new Args(spec, values, List.copyOf(positional), out, err);
	}

	// -- Values --

	/** The command line as given, flags then files, for provenance records. */
	public List<String> raw() {
		final List<String> all = new java.util.ArrayList<>();
		values.forEach((k, v) -> all.add("--" + k + (Boolean.TRUE.equals(spec.takesValue(k)) ? " " + v : "")));
		all.addAll(positional);
		return all;
	}

	/** True when {@code --key} was given (with any value, for a boolean flag even false). */
	public boolean has(final String key) {
		return values.containsKey(declared(key));
	}

	/** The boolean flag {@code --key}: false when absent. */
	public boolean flag(final String key) {
		return "true".equals(values.get(declared(key)));
	}

	/** The value of {@code --key}, or {@code def} when absent. */
	public String get(final String key, final String def) {
		return values.getOrDefault(declared(key), def);
	}

	/** The value of {@code --key}, which must be given. */
	public String require(final String key) throws UsageException {
		final String v = get(key, null);
		if (v == null) throw new UsageException("missing --" + key);
		return v;
	}

	/** The path given by {@code --key}, which must be given; relative to the working directory. */
	public Path path(final String key) throws UsageException {
		return toPath("--" + key, require(key));
	}

	/** The value of {@code --key} as a double, or {@code def} when absent. */
	public double getDouble(final String key, final double def) throws UsageException {
		final String v = get(key, null);
		try {
			return v == null ? def : Double.parseDouble(v);
		}
		catch (final NumberFormatException e) {
			throw new UsageException("--" + key + " '" + v + "' is not a number");
		}
	}

	/** The value of {@code --key} as an int, or {@code def} when absent. */
	public int getInt(final String key, final int def) throws UsageException {
		return Math.toIntExact(getLong(key, def, Integer.MIN_VALUE, Integer.MAX_VALUE));
	}

	/** The value of {@code --key} as a long, or {@code def} when absent. */
	public long getLong(final String key, final long def) throws UsageException {
		return getLong(key, def, Long.MIN_VALUE, Long.MAX_VALUE);
	}

	/** Positional arguments (typically files), in order. */
	public List<String> positional() {
		return positional;
	}

	/** Positional arguments as paths relative to the working directory. */
	public List<Path> positionalPaths() throws UsageException {
		final List<Path> paths = new ArrayList<>();
		for (final String p : positional)
			paths.add(toPath("file", p));
		return paths;
	}

	/** Where results go. */
	public PrintStream out() {
		return out;
	}

	/** Where diagnostics go. */
	/** Progress of a long run on stderr, when stderr is a terminal. */
	public org.karl.engine.api.Progress progress(final String label) {
		return StderrProgress.of(err, label);
	}

	public PrintStream err() {
		return err;
	}

	// -- Helpers --

	private long getLong(final String key, final long def, final long min, final long max)
		throws UsageException
	{
		final String v = get(key, null);
		if (v == null) return def;
		try {
			final long x = Long.parseLong(v);
			if (x < min || x > max) throw new NumberFormatException();
			return x;
		}
		catch (final NumberFormatException e) {
			throw new UsageException("--" + key + " '" + v + "' is not an integer" + (max ==
				Integer.MAX_VALUE ? " (32-bit)" : ""));
		}
	}

	private String declared(final String key) {
		if (spec.takesValue(key) == null) throw new IllegalArgumentException("Args: key '" + key +
			"' is not in this command's spec " + spec.keys());
		return key;
	}

	private static Path toPath(final String what, final String s) throws UsageException {
		try {
			return Paths.get(s);
		}
		catch (final InvalidPathException e) {
			throw new UsageException(what + " '" + s + "' is not a valid path");
		}
	}
}
