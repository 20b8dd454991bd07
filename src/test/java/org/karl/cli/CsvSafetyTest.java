package org.karl.cli;

import static org.junit.Assert.*;

import ij.gui.NewImage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.runtime.TestModels;
import org.karl.image.ij.Int16Tiffs;
import org.karl.image.ij.TestImages;
import org.karl.ops.ComplexityMapOp;

/**
 * CSV at the CLI door (a child karl): text cells that a spreadsheet would run as a formula
 * (file names starting with = + - @) are written neutralised, while numbers stay numbers; and
 * karl merge parses every table and refuses a malformed one, naming file and line, before it
 * writes anything.
 */
public class CsvSafetyTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private Path dir() {
		return tmp.getRoot().toPath();
	}

	@Test
	public void fileNamesThatLookLikeFormulasAreNeutralisedAndNumbersStayNumbers() throws Exception {
		for (final String n : new String[] { "=1+2.tif", "+x.tif", "@y.tif" })
			TestImages.save(NewImage.createByteImage("x", 32, 32, 1, NewImage.FILL_RAMP), dir().resolve(
				n));
		// a signed image, so that a number column holds negative numbers
		Int16Tiffs.write(dir().resolve("-s.tif"), 64, 64, Int16Tiffs.pattern(-1000), true);
		// NB: "--" ends the options, so that -s.tif is a file
		final KarlProcess.Result r = KarlProcess.run(dir(), "tokenize", "--model", TestModels.model()
			.toString(), "--csv", "t.csv", "--", "=1+2.tif", "+x.tif", "@y.tif", "-s.tif");
		assertEquals(r.toString(), Main.EXIT_OK, r.rc());
		final List<String> rows = Files.readAllLines(dir().resolve("t.csv"));
		assertTrue(rows.get(1), rows.get(1).startsWith("\"'=1+2.tif\",1,1,1,1,0,0,0,"));
		assertTrue(rows.stream().anyMatch(l -> l.startsWith("\"'+x.tif\",")));
		assertTrue(rows.stream().anyMatch(l -> l.startsWith("\"'@y.tif\",")));
		final String signed = rows.stream().filter(l -> l.startsWith("\"'-s.tif\",")).findFirst()
			.orElseThrow();
		final String[] f = signed.split(",");
		final int low = List.of(rows.get(0).split(",")).indexOf("norm_low");
		assertTrue("norm_low is a plain negative number: " + signed, f[low].matches("-\\d+\\.\\d+"));
		for (final String l : rows)
			assertFalse("no cell starts a formula: " + l, l.matches("(^|.*,)[=+@].*"));
	}

	/** A table of a map run: the header and one row per image given. */
	private Path table(final String name, final String... rows) throws Exception {
		final StringBuilder s = new StringBuilder(String.join(",", ComplexityMapOp.COLUMNS) + "\n");
		for (final String r : rows) s.append(r).append('\n');
		return Files.writeString(dir().resolve(name + "_tokens.csv"), s.toString());
	}

	private static String row(final String image) {
		return image + ",1,1,1,1,0,0,0,8,8,0.05,0.0,255.0";
	}

	@Test
	public void mergeRefusesAMalformedTableNamingFileAndLine() throws Exception {
		table("a", row("a.tif"), row("a.tif"));
		final Path b = table("b", row("b.tif"), row("\"b.tif"), row("b.tif"));
		KarlProcess.Result r = KarlProcess.run(dir(), "merge", dir().toString());
		assertEquals(r.toString(), Main.EXIT_FAILURE, r.rc());
		assertEquals(r.toString(), "karl merge: table " + b + " is malformed at line 3 (a quoted " +
			"field is never closed (a \" without its closing \")); map its image again (karl map " +
			"--skip_done redoes damaged outputs) or move the table out of the folder\n", r.err());
		assertFalse("nothing written", Files.exists(dir().resolve("all_tokens.csv")));

		table("b", row("b.tif"), "b.tif,1,1");
		r = KarlProcess.run(dir(), "merge", dir().toString());
		assertEquals(r.toString(), "karl merge: table " + b + " is malformed at line 3 (the row has 3 " +
			"fields, the header 13); map its image again (karl map --skip_done redoes damaged outputs) " +
			"or move the table out of the folder\n", r.err());

		table("b", row("b.tif"));
		r = KarlProcess.run(dir(), "merge", dir().toString());
		assertEquals(r.toString(), Main.EXIT_OK, r.rc());
		assertEquals(4, Files.readAllLines(dir().resolve("all_tokens.csv")).size());
	}
}
