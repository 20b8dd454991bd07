package org.karl.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * {@link Rows} written straight to CSV (RFC 4180 quoting), header first: rows never pile up in
 * memory. Write failures surface as {@link UncheckedIOException}.
 */
public final class CsvRows implements Rows {

	private final List<String> columns;
	private final Writer out;

	/** Writes the header line to {@code out} at once. */
	public CsvRows(final Writer out, final List<String> columns) throws IOException {
		this.out = out;
		this.columns = List.copyOf(columns);
		out.write(String.join(",", columns));
		out.write('\n');
	}

	@Override
	public List<String> columns() {
		return columns;
	}

	@Override
	public void add(final Object... values) {
		if (values.length != columns.size()) throw new IllegalArgumentException("CsvRows: " +
			values.length + " values for columns " + columns);
		try {
			for (int c = 0; c < values.length; c++) {
				if (c > 0) out.write(',');
				out.write(field(values[c]));
			}
			out.write('\n');
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * One CSV field: booleans as 1/0, int arrays space-separated, quoted when it holds a comma,
	 * quote or line break.
	 */
	public static String field(final Object v) {
		final String s = v instanceof Boolean b ? (b ? "1" : "0") : v instanceof int[] a ? Table.join(
			a) : String.valueOf(v);
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0)
			return s;
		return '"' + s.replace("\"", "\"\"") + '"';
	}
}
