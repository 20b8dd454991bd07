package org.karl.ops;

import static org.junit.Assert.*;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The strict CSV reader behind karl merge and the done check reads back what {@link CsvRows}
 * writes (quotes, commas and line breaks in a field, neutralised formulas) and names the line
 * of each kind of malformed input.
 */
public class CsvReaderTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private Path file(final String text) throws Exception {
		return Files.writeString(tmp.newFile().toPath(), text);
	}

	private String problem(final String text) throws Exception {
		return problemWith(text, null);
	}

	@Test
	public void readsBackWhatCsvRowsWrites() throws Exception {
		final StringWriter w = new StringWriter();
		final CsvRows rows = new CsvRows(w, List.of("image", "n", "x"));
		rows.add("a,\n\"b\".tif", -3, -0.5);
		rows.add("=1+2", 1, 2.0);
		final Path f = file(w.toString());
		assertEquals(2, CsvReader.rows(f, List.of("image", "n", "x")));
		try (CsvReader r = new CsvReader(f)) {
			r.next();
			assertEquals(List.of("a,\n\"b\".tif", "-3", "-0.5"), r.next());
			assertEquals(List.of("'=1+2", "1", "2.0"), r.next());
			assertEquals("the record's first line", 4, r.line());
			assertNull(r.next());
		}
		assertEquals(1, CsvReader.rows(file("a,b\r\n1,2\r\n"), null));
	}

	@Test
	public void namesTheLineOfEachKindOfMalformedTable() throws Exception {
		assertEquals("1: the table is empty (no header)", problem(""));
		assertEquals("2: a quoted field is never closed (a \" without its closing \")", problem(
			"a,b\n\"1,2\n3,4\n"));
		assertEquals("2: a quote inside a field that does not start with one", problem(
			"a,b\n1\"x,2\n"));
		assertEquals("3: text after a closing quote", problem("a,b\n1,2\n\"x\"y,2\n"));
		assertEquals("3: the row has 3 fields, the header 2", problem("a,b\n1,2\n1,2,3\n"));
		assertEquals("2: the last row has no line break after it: the table was cut off", problem(
			"a,b\n1,2"));
		assertEquals("1: its columns are a,b, not a,c", problemWith("a,b\n1,2\n", List.of("a", "c")));
	}

	private String problemWith(final String text, final List<String> columns) throws Exception {
		try {
			CsvReader.rows(file(text), columns);
			fail("accepted: " + text);
			return null;
		}
		catch (final CsvReader.Malformed e) {
			return e.line() + ": " + e.problem();
		}
	}
}
