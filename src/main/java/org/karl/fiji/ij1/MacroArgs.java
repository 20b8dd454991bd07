package org.karl.fiji.ij1;

import ij.Macro;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one command call, as ImageJ passes them ({@code "epsilon=0.1 model=[/a b]
 * resume"}): values by {@link org.karl.Keys} name, bare boolean keys, and the keys that are not
 * known. Values may be bracketed or quoted as ImageJ writes them ({@link Macro#getValue} reads
 * the same forms); a malformed number is an {@link IllegalArgumentException} naming the key.
 */
public final class MacroArgs {

	private final Map<String, String> given = new LinkedHashMap<>();
	private final List<String> unknown = new ArrayList<>();

	/** Parses {@code options} (null is no options) against the {@code known} keys. */
	public MacroArgs(final String options, final Set<String> known) {
		for (final Map.Entry<String, String> e : split(options == null ? "" : options).entrySet()) {
			given.put(e.getKey(), e.getValue());
			if (!known.contains(e.getKey())) unknown.add(e.getKey());
		}
	}

	/** The keys given that the command does not know, in order. */
	public List<String> unknown() {
		return unknown;
	}

	/** True when {@code key} was given (bare or with a value). */
	public boolean has(final String key) {
		return given.containsKey(key);
	}

	/** A bare boolean key such as {@code resume}; {@code key=false} counts as absent. */
	public boolean flag(final String key) {
		final String v = given.get(key);
		return v != null && !v.equalsIgnoreCase("false");
	}

	/** The options as given (key=value ...), for the model card's provenance. */
	public String options() {
		final StringBuilder b = new StringBuilder();
		given.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append(v == null
			|| v.isEmpty() ? "" : "=[" + v + "]"));
		return b.toString();
	}

	/** The value of {@code key}, or {@code def}. */
	public String string(final String key, final String def) {
		return given.getOrDefault(key, def);
	}

	/** The value of {@code key} as a number, or {@code def}. */
	public double number(final String key, final double def) {
		final String v = string(key, null);
		if (v == null) return def;
		try {
			return Double.parseDouble(v.trim());
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException(key + "=" + v + " is not a number; write e.g. " + key +
				"=" + def);
		}
	}

	/** The value of {@code key} as an integer, or {@code def}. */
	public int integer(final String key, final int def) {
		final double d = number(key, def);
		if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) throw new IllegalArgumentException(
			key + "=" + string(key, "") + " is not a whole number; write e.g. " + key + "=" + def);
		return (int) d;
	}

	/** Key to raw value ("" for a bare key), in order; brackets and quotes removed. */
	static Map<String, String> split(final String s) {
		final Map<String, String> out = new LinkedHashMap<>();
		int i = 0;
		final int n = s.length();
		while (i < n) {
			while (i < n && Character.isWhitespace(s.charAt(i))) i++;
			final int k = i;
			while (i < n && s.charAt(i) != '=' && !Character.isWhitespace(s.charAt(i))) i++;
			if (k == i) break;
			final String key = s.substring(k, i);
			String value = "";
			if (i < n && s.charAt(i) == '=') {
				i++;
				final char open = i < n ? s.charAt(i) : ' ';
				final char close = open == '[' ? ']' : open == '\'' ? '\'' : 0;
				if (close != 0) {
					final int end = s.indexOf(close, i + 1);
					value = s.substring(i + 1, end < 0 ? n : end);
					i = end < 0 ? n : end + 1;
				}
				else {
					final int v = i;
					while (i < n && !Character.isWhitespace(s.charAt(i))) i++;
					value = s.substring(v, i);
				}
			}
			out.put(key, value);
		}
		return out;
	}
}
