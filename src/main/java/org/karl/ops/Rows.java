package org.karl.ops;

import java.util.List;

/**
 * Where an operation puts its result rows: a {@link Table} in memory (shown in ImageJ) or
 * {@link CsvRows} streaming to a file (the CLI), so that every door gets the same columns from
 * the same code.
 */
public interface Rows {

	/** The column names, in order. */
	List<String> columns();

	/** Appends one row; values in column order (Number, Boolean as 0/1, String, or
	 * int[] written as space-separated numbers). */
	void add(Object... values);
}
