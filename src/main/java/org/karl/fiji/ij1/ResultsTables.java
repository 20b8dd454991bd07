package org.karl.fiji.ij1;

import ij.measure.ResultsTable;

import java.awt.GraphicsEnvironment;
import java.util.List;

import org.karl.Keys;
import org.karl.ops.Table;

/**
 * The rows of a {@link Table} in an ImageJ table, as the Fiji doors show them: a named one
 * ({@link #show}), so the user's Results table is left alone, or the system Results table on
 * request; and the {@link ResultsTable} outputs of the SciJava commands ({@link #fill}). The
 * columns are the CSV's; numbers stay numbers, Strings and int arrays become text columns.
 */
public final class ResultsTables {

	private ResultsTables() {}

	/** Replaces the content of {@code rt} with the rows of {@code t}. */
	public static void fill(final Table t, final ResultsTable rt) {
		final List<String> columns = t.columns();
		rt.reset();
		rt.showRowNumbers(false);
		for (int i = 0; i < t.size(); i++) {
			final Object[] r = t.row(i);
			rt.incrementCounter();
			for (int c = 0; c < r.length; c++) {
				final Object v = r[c];
				if (v instanceof Number n) rt.addValue(columns.get(c), n.doubleValue());
				else if (v instanceof Boolean b) rt.addValue(columns.get(c), b ? 1 : 0);
				else if (v instanceof int[] a) rt.addValue(columns.get(c), Table.join(a));
				else rt.addValue(columns.get(c), String.valueOf(v));
			}
		}
		// NB: whole numbers print without decimals, fractions with 4.
		rt.setDecimalPlaces(0, 0);
		if (t.size() == 0) return;
		final Object[] first = t.row(0);
		for (int c = 0; c < columns.size(); c++)
			if (first[c] instanceof Float || first[c] instanceof Double) rt.setDecimalPlaces(rt
				.getColumnIndex(columns.get(c)), 4);
	}

	/**
	 * Shows the rows of {@code t} in the table titled {@code title} (its window is reused: the
	 * rows replace its content), or in the system Results table when {@code title} is
	 * {@value Keys#TABLE_RESULTS} or not {@link #named}. Returns a note for the Log when the rows
	 * went to Results instead of the table asked for, else null.
	 */
	public static String show(final Table t, final String title) {
		if (!named(title)) {
			final ResultsTable rt = ResultsTable.getResultsTable();
			fill(t, rt);
			rt.show(Keys.TABLE_RESULTS);
			return isResults(title) ? null : "no display, so the rows are in the Results table " +
				"instead of \"" + title + "\" (ImageJ keeps named tables in windows; " + Keys.KEY_TABLE +
				"=" + Keys.TABLE_RESULTS + " asks for this)";
		}
		final ResultsTable rt = new ResultsTable();
		fill(t, rt);
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
}
