package org.karl.ops;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A strict CSV reader, RFC 4180 as {@link CsvRows} writes it: fields separated by commas,
 * records by line breaks (LF or CRLF), a field in double quotes may hold commas, line breaks and
 * doubled quotes. Anything else is a {@link Malformed} naming the line: a quote never closed, a
 * quote inside an unquoted field, text after a closing quote. Records are read one at a time,
 * so a table never has to fit in memory.
 */
public final class CsvReader implements Closeable {

	/** A table that is not valid CSV, or not the shape expected; the message names file and line. */
	public static final class Malformed extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		private final String problem;
		private final int line;

		public Malformed(final Path file, final int line, final String problem) {
			super(file + " line " + line + ": " + problem);
			this.problem = problem;
			this.line = line;
		}

		/** What is wrong, without the place. */
		public String problem() {
			return problem;
		}

		/** The line (1-based) where the record with the problem starts. */
		public int line() {
			return line;
		}
	}

	private final Reader in;
	private final Path file;
	private int line = 1, recordLine;
	private boolean lineBreakAtEnd = true;

	public CsvReader(final Path file) throws IOException {
		this.file = file;
		this.in = new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), 1 << 16);
	}

	/**
	 * Reads all of {@code table}, checking its shape: a header with {@code columns} (null: any),
	 * the same number of fields in every row, a line break after the last row.
	 *
	 * @return the number of rows after the header
	 * @throws Malformed naming the first line that is wrong
	 */
	public static long rows(final Path table, final List<String> columns) throws IOException {
		try (CsvReader r = new CsvReader(table)) {
			final List<String> header = r.next();
			if (header == null) throw new Malformed(table, 1, "the table is empty (no header)");
			if (columns != null && !header.equals(columns)) throw new Malformed(table, 1, "its " +
				"columns are " + String.join(",", header) + ", not " + String.join(",", columns));
			long rows = 0;
			for (List<String> row; (row = r.next()) != null; rows++)
				if (row.size() != header.size()) throw new Malformed(table, r.line(), "the row has " +
					row.size() + " field" + (row.size() == 1 ? "" : "s") + ", the header " + header.size());
			if (!r.lineBreakAtEnd()) throw new Malformed(table, r.line(), "the last row has no line " +
				"break after it: the table was cut off");
			return rows;
		}
	}

	/** The fields of the next record, or null at the end of the file. */
	public List<String> next() throws IOException {
		int c = in.read();
		if (c < 0) return null;
		recordLine = line;
		final List<String> fields = new ArrayList<>();
		final StringBuilder b = new StringBuilder();
		while (true) {
			if (c == '"') {
				final int opened = line;
				while (true) {
					c = in.read();
					if (c < 0) throw new Malformed(file, opened, "a quoted field is never closed (a \" " +
						"without its closing \")");
					if (c == '"' && (c = in.read()) != '"') break;
					if (c == '\n') line++;
					b.append((char) c);
				}
				if (c >= 0 && c != ',' && c != '\n' && c != '\r') throw new Malformed(file, line,
					"text after a closing quote");
			}
			else {
				for (; c >= 0 && c != ',' && c != '\n' && c != '\r'; c = in.read()) {
					if (c == '"') throw new Malformed(file, line, "a quote inside a field that does not " +
						"start with one");
					b.append((char) c);
				}
			}
			fields.add(b.toString());
			b.setLength(0);
			if (c == ',') {
				c = in.read();
				continue;
			}
			if (c == '\r' && in.read() != '\n') throw new Malformed(file, line, "a carriage return " +
				"that does not end the line");
			lineBreakAtEnd = c >= 0;
			if (c >= 0) line++;
			return fields;
		}
	}

	/** The line (1-based) where the record last returned by {@link #next} starts. */
	public int line() {
		return recordLine;
	}

	/**
	 * True when the last record read ended with a line break, as every record {@link CsvRows}
	 * writes does; a table cut off inside its last row does not.
	 */
	public boolean lineBreakAtEnd() {
		return lineBreakAtEnd;
	}

	/** The file read. */
	public Path file() {
		return file;
	}

	@Override
	public void close() throws IOException {
		in.close();
	}
}
