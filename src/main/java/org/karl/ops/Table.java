package org.karl.ops;

import ij.measure.ResultsTable;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.karl.Keys;


/**
 * Rows of named columns that a command produces: shown in an ImageJ table ({@link #show}: a named
 * one, so the user's Results table is left alone, or the system Results table on request) and
 * written as CSV with the same header. Numbers stay numbers; Strings and int arrays become text
 * columns.
 */
public final class Table implements Rows {

	private final List<String> columns;
	private final List<Object[]> rows = new ArrayList<>();

	public Table(final String... columns) {
		this.columns = List.of(columns);
	}

	public Table(final List<String> columns) {
		this.columns = List.copyOf(columns);
	}

	@Override
	public void add(final Object... values) {
		if (values.length != columns.size()) throw new IllegalArgumentException("Table: " + values
			.length + " values for columns " + columns);
		rows.add(values.clone());
	}

	@Override
	public List<String> columns() {
		return columns;
	}

	public int size() {
		return rows.size();
	}

	/** These rows without {@code drop}'s columns. */
	public Table without(final List<String> drop) {
		final List<Integer> keep = new ArrayList<>();
		for (int c = 0; c < columns.size(); c++) if (!drop.contains(columns.get(c))) keep.add(c);
		final Table t = new Table(keep.stream().map(columns::get).toList());
		for (final Object[] r : rows) t.add(keep.stream().map(c -> r[c]).toArray());
		return t;
	}

	/** Value of {@code column} in row {@code i}. */
	public Object get(final int i, final String column) {
		return rows.get(i)[columns.indexOf(column)];
	}

	/** Replaces the content of {@code rt} with these rows. */
	public void fill(final ResultsTable rt) {
		rt.reset();
		rt.showRowNumbers(false);
		for (final Object[] r : rows) {
			rt.incrementCounter();
			for (int c = 0; c < r.length; c++) {
				final Object v = r[c];
				if (v instanceof Number n) rt.addValue(columns.get(c), n.doubleValue());
				else if (v instanceof Boolean b) rt.addValue(columns.get(c), b ? 1 : 0);
				else if (v instanceof int[] a) rt.addValue(columns.get(c), join(a));
				else rt.addValue(columns.get(c), String.valueOf(v));
			}
		}
		// NB: whole numbers print without decimals, fractions with 4.
		rt.setDecimalPlaces(0, 0);
		for (int c = 0; c < columns.size(); c++)
			if (!rows.isEmpty() && (rows.get(0)[c] instanceof Float || rows.get(0)[c] instanceof Double))
				rt.setDecimalPlaces(rt.getColumnIndex(columns.get(c)), 4);
	}

	/**
	 * Shows the rows in the table titled {@code title} (its window is reused: the rows replace
	 * its content), or in the system Results table when {@code title} is
	 * {@value Keys#TABLE_RESULTS} or not {@link #named}. Returns a note for the Log when the rows
	 * went to Results instead of the table asked for, else null.
	 */
	public String show(final String title) {
		if (!named(title)) {
			final ResultsTable rt = ResultsTable.getResultsTable();
			fill(rt);
			rt.show(Keys.TABLE_RESULTS);
			return isResults(title) ? null : "no display, so the rows are in the Results table " +
				"instead of \"" + title + "\" (ImageJ keeps named tables in windows; " + Keys.KEY_TABLE +
				"=" + Keys.TABLE_RESULTS + " asks for this)";
		}
		final ResultsTable rt = new ResultsTable();
		fill(rt);
		rt.show(title);
		return null;
	}

	/**
	 * Whether rows shown under {@code title} get a table of that name: not for
	 * {@value Keys#TABLE_RESULTS} (or blank), and not without a display (headless), where ImageJ
	 * has no named tables, so the rows go to Results, where headless macros read them.
	 */
	public static boolean named(final String title) {
		return !isResults(title) && !GraphicsEnvironment.isHeadless();
	}

	private static boolean isResults(final String title) {
		return title == null || title.isBlank() || title.trim().equals(Keys.TABLE_RESULTS);
	}

	/** {@code a} as space-separated numbers, the text form of an int[] value. */
	static String join(final int[] a) {
		final StringBuilder s = new StringBuilder();
		for (int j = 0; j < a.length; j++) s.append(j == 0 ? "" : " ").append(a[j]);
		return s.toString();
	}

	/** Writes the rows as CSV, atomically (nothing half-written on failure). */
	public void writeCsv(final Path csv) throws IOException {
		AtomicFiles.write(csv, out -> {
			final CsvRows w = new CsvRows(out, columns);
			for (final Object[] r : rows) w.add(r);
		});
	}
}
