package org.karl.ops;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of named columns that a command produces: written as CSV ({@link #writeCsv}), and shown
 * by the Fiji doors in an ImageJ table with the same header ({@code fiji.ij1.ResultsTables}).
 * Numbers stay numbers; Strings and int arrays become text columns.
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

	/** The values of row {@code i}, in column order (a copy). */
	public Object[] row(final int i) {
		return rows.get(i).clone();
	}

	/** {@code a} as space-separated numbers, the text form of an int[] value. */
	public static String join(final int[] a) {
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
