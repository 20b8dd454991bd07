package org.karl.ops;

import java.util.Arrays;

/**
 * A list of target errors ε as a user types it ("0.02,0.05,0.1"): the one reading of every door
 * that takes several ε, KARL Complexity Map's {@code sweep} (plug-in, SciJava command,
 * {@code karl map --sweep}) and {@code karl eval --epsilon}. Separators are commas (or
 * semicolons), with spaces around them allowed and empty entries skipped; the result is
 * ascending, each ε once. Whether an ε is in a model's range is the model's to say
 * ({@link Inputs#budget}), once it is loaded.
 */
public final class EpsilonList {

	/** The list is not one: an entry is not a number, or there is none. */
	public static final class Malformed extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		Malformed(final String message) {
			super(message);
		}
	}

	private EpsilonList() {}

	/**
	 * The ε of {@code typed}, given for the key {@code key} (it names the key in messages),
	 * ascending, each once. Refuses, as typed, an entry that is not a number and a list without
	 * one ({@link Malformed}), and an ε that a float cannot hold ({@link Inputs#epsilon}).
	 */
	public static float[] parse(final String key, final String typed) {
		final String[] parts = typed == null ? new String[0] : typed.trim().split("\\s*[,;]\\s*");
		final float[] eps = new float[parts.length];
		int n = 0;
		for (final String p : parts) {
			if (p.isBlank()) continue;
			final double v;
			try {
				v = Double.parseDouble(p.trim());
			}
			catch (final NumberFormatException e) {
				throw new Malformed(key + "=" + typed.trim() + ": '" + p.trim() + "' is not a number; " +
					"write the epsilons separated by commas, e.g. " + key + "=0.02,0.05,0.1");
			}
			eps[n++] = Inputs.epsilon(p, v);
		}
		if (n == 0) throw new Malformed(key + " lists no epsilon; write them separated by commas, " +
			"e.g. " + key + "=0.02,0.05,0.1");
		final float[] sorted = Arrays.copyOf(eps, n);
		Arrays.sort(sorted);
		final float[] out = new float[n];
		int m = 0;
		for (final float e : sorted) if (m == 0 || out[m - 1] != e) out[m++] = e;
		return Arrays.copyOf(out, m);
	}

	/** The list as the user writes it: "0.02,0.05,0.1". */
	public static String describe(final float[] eps) {
		final StringBuilder b = new StringBuilder();
		for (final float e : eps) b.append(b.length() == 0 ? "" : ",").append(Float.toString(e));
		return b.toString();
	}
}
