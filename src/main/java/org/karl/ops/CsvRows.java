package org.karl.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * {@link Rows} written straight to CSV (RFC 4180 quoting), header first: rows never pile up in
 * memory; spreadsheet-safe ({@link #spreadsheetSafe}). Write failures surface as
 * {@link UncheckedIOException}.
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
	 * quote or line break. Text that a spreadsheet would run as a formula is neutralised: see
	 * {@link #spreadsheetSafe}. Numbers are written as they are, so numeric columns stay
	 * numeric (a negative norm_low keeps its minus).
	 */
	public static String field(final Object v) {
		final String s = v instanceof Boolean b ? (b ? "1" : "0") : v instanceof int[] a ? Table.join(
			a) : String.valueOf(v);
		if (v instanceof CharSequence && !spreadsheetSafe(s)) return quote("'" + s);
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0)
			return s;
		return quote(s);
	}

	/**
	 * False for text that starts with {@code = + - @}, a tab or a carriage return: spreadsheet
	 * programs (Excel, LibreOffice, Sheets) read such a cell as a formula, so a file named
	 * {@code =HYPERLINK(...).tif} would run in the table (CSV or formula injection). As OWASP's
	 * advice on CSV injection says, such text cells are written with a leading {@code '} and in
	 * double quotes: spreadsheets show the text, and the {@code '} is visible to other readers.
	 */
	public static boolean spreadsheetSafe(final String text) {
		if (text.isEmpty()) return true;
		final char c = text.charAt(0);
		return c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r';
	}

	private static String quote(final String s) {
		return '"' + s.replace("\"", "\"\"") + '"';
	}
}
