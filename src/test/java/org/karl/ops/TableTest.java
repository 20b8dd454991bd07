package org.karl.ops;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

/** Rows with token ids: one column per token in the tokens table, text in CSV, dropped columns. */
public class TableTest {

	private static Table twoTiles() {
		final List<String> cols = new ArrayList<>(TokenizeOp.COLUMNS);
		cols.addAll(TokenizeOp.ID_COLUMNS);
		final Table t = new Table(cols);
		t.add("img", 1, 1, 1, 1, 0, 0, false, 2, 3, 0.05f, 0.0, 1.0, new int[] { 7, 9, 4 }, new int[] {
			1, 0, 1 });
		t.add("img", 2, 1, 2, 1, 1, 0, true, 1, 3, 0.05f, 0.0, 1.0, new int[] { 5, -1, -1 }, new int[] {
			1, 0, 0 });
		return t;
	}

	@Test
	public void tokenTableHasOneColumnPerTokenAndKeptFlag() {
		final Table w = TokenizeOp.tokenTable(twoTiles(), 3);
		assertEquals(List.of("image", "slice", "c", "z", "t", "tile_x", "tile_y", "tokens", "id_1", "id_2",
			"id_3", "keep_1", "keep_2", "keep_3"), w.columns());
		assertEquals(2, w.size());
		assertEquals(7, w.get(0, "id_1"));
		assertEquals(9, w.get(0, "id_2"));
		assertEquals(4, w.get(0, "id_3"));
		assertEquals(0, w.get(0, "keep_2"));
		assertEquals(1, w.get(0, "keep_3"));
		assertEquals(2, w.get(0, "tokens"));
		assertEquals(-1, w.get(1, "id_2"));
		assertEquals(2, w.get(1, "slice"));
		assertEquals(1, w.get(1, "tile_x"));
	}

	@Test
	public void csvKeepsIdsAsSpaceSeparatedText() throws Exception {
		final Table t = twoTiles();
		final StringWriter out = new StringWriter();
		final CsvRows csv = new CsvRows(out, t.columns());
		for (int i = 0; i < t.size(); i++) {
			final Object[] r = new Object[t.columns().size()];
			for (int c = 0; c < r.length; c++) r[c] = t.get(i, t.columns().get(c));
			csv.add(r);
		}
		final String[] lines = out.toString().split("\n");
		assertEquals(String.join(",", t.columns()), lines[0]);
		assertEquals("img,1,1,1,1,0,0,0,2,3,0.05,0.0,1.0,7 9 4,1 0 1", lines[1]);
		assertEquals("img,2,1,2,1,1,0,1,1,3,0.05,0.0,1.0,5 -1 -1,1 0 0", lines[2]);
	}

	@Test
	public void withoutDropsColumnsAndKeepsRows() {
		final Table t = twoTiles().without(TokenizeOp.ID_COLUMNS);
		assertEquals(TokenizeOp.COLUMNS, t.columns());
		assertEquals(2, t.size());
		assertEquals(1, t.get(1, "tokens"));
		assertArrayEquals(new Object[] { "img", "img" }, new Object[] { t.get(0, "image"), t.get(1,
			"image") });
	}
}
