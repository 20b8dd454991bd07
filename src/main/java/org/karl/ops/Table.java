package org.karl.ops;

import ij.measure.ResultsTable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;


/**
 * Rows of named columns that a command produces: shown as ImageJ's system Results table (so
 * that {@code getResult("tokens", i)} works in a macro) and written as CSV with the same header.
 * Numbers stay numbers; Strings become text columns.
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
				else rt.addValue(columns.get(c), String.valueOf(v));
			}
		}
		// NB: whole numbers print without decimals, fractions with 4.
		rt.setDecimalPlaces(0, 0);
		for (int c = 0; c < columns.size(); c++)
			if (!rows.isEmpty() && (rows.get(0)[c] instanceof Float || rows.get(0)[c] instanceof Double))
				rt.setDecimalPlaces(rt.getColumnIndex(columns.get(c)), 4);
	}

	/** Shows the rows in ImageJ's system Results table. */
	public void showAsResults() {
		final ResultsTable rt = ResultsTable.getResultsTable();
		fill(rt);
		rt.show("Results");
	}

	/** Writes the rows as CSV, atomically (nothing half-written on failure). */
	public void writeCsv(final Path csv) throws IOException {
		AtomicFiles.write(csv, out -> {
			final CsvRows w = new CsvRows(out, columns);
			for (final Object[] r : rows) w.add(r);
		});
	}
}
