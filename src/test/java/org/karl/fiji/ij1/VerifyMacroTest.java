package org.karl.fiji.ij1;

import static org.junit.Assert.*;

import ij.IJ;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.runtime.KarlModel;
import org.karl.fiji.Ij1Env;
import org.karl.image.ij.Normalization;
import org.karl.ops.ModelLocator;
import org.karl.testing.VerifyChecks;

/**
 * The {@code verify} key in real headless ImageJ 1 macros, with the shipped model on noisy-flat
 * tiles the macro draws itself (flat background 0.15–0.7 plus Gaussian noise σ 0.08–0.15, 8-bit):
 * the rows in Results and the map's overlay flags satisfy {@link VerifyChecks} against an oracle
 * decoded here from the image the macro saved, and the Log has the summary line.
 */
public class VerifyMacroTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private static final Path MODEL = Path.of("models/default");
	private static Ij1Env ij;

	@BeforeClass
	public static void setUp() {
		org.junit.Assert.assertTrue("no shipped models/default: it is part of the repository", ModelLocator.isModel(MODEL));
		ij = new Ij1Env();
	}

	/**
	 * Macro lines that draw the 128×128 noisy-flat image and save it to {@code tif} (variables
	 * prefixed nf_, so that they leave a calling macro's alone).
	 */
	public static String noisyFlat(final Path tif) {
		return "random('seed', 11); newImage('nf', '8-bit black', 128, 128, 1);\n" +
			"for (nf_ty = 0; nf_ty < 4; nf_ty++) for (nf_tx = 0; nf_tx < 4; nf_tx++) {\n" +
			"  nf_bg = 0.15 + 0.55 * random; nf_s = 0.08 + 0.07 * random;\n" +
			"  for (nf_y = nf_ty * 32; nf_y < nf_ty * 32 + 32; nf_y++)\n" +
			"    for (nf_x = nf_tx * 32; nf_x < nf_tx * 32 + 32; nf_x++) setPixel(nf_x, nf_y,\n" +
			"      maxOf(0, minOf(255, round(255 * (nf_bg + nf_s * random('gaussian'))))));\n" +
			"}\nsaveAs('Tiff', '" + Ij1Env.path(tif) + "');\n";
	}

	@Test
	public void complexityMapAndReconstructWithVerify() throws Exception {
		final Path tif = tmp.getRoot().toPath().resolve("nf.tif");
		final String out = ij.run(noisyFlat(tif) +
			"run('KARL Complexity Map...', 'epsilon=0.1 normalize=range verify table=Results " + Ij1Env
				.model(MODEL) + "');\n" +
			"print('MAP ' + getTitle() + ' FLAGS ' + Overlay.size + ' PROP ' + Property.get('karl.unreachable'));\n" +
			"for (i = 0; i < Overlay.size; i++) { Overlay.activateSelection(i); getSelectionBounds(x, y, w, h);" +
			" print('FLAG ' + x + ' ' + y + ' ' + w + ' ' + Roi.getName); }\n" +
			"for (i = 0; i < nResults; i++) print('ROW ' + getResult('slice', i) + ' ' + getResult('tile_x', i) +" +
			" ' ' + getResult('tile_y', i) + ' ' + getResult('tokens', i) + ' ' + getResult('predicted', i) +" +
			" ' ' + getResult('budget', i) + ' ' + getResult('met', i));\n" +
			"selectImage('nf.tif');\n" +
			"run('KARL Reconstruct...', 'epsilon=0.1 normalize=range verify table=Results " + Ij1Env.model(
				MODEL) + "');\n" +
			"print('REC ' + getTitle() + ' ' + getResult('tokens', 0) + ' ' + getResult('predicted', 0) +" +
			" ' ' + getResult('unmet', 0) + ' ' + getResult('unmet_full', 0));\n");
		final List<VerifyChecks.Row> rows = new ArrayList<>();
		final Matcher m = Pattern.compile("(?m)^ROW (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) (\\d+) ([01])$")
			.matcher(out);
		while (m.find())
			rows.add(new VerifyChecks.Row(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
				Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
				Integer.parseInt(m.group(6)), m.group(7).equals("1")));
		assertEquals(out, 16, rows.size());
		final Set<String> flags = new HashSet<>();
		final Matcher f = Pattern.compile("(?m)^FLAG (\\d+) (\\d+) 1 KARL unreachable$").matcher(out);
		while (f.find())
			flags.add("1:" + f.group(1) + ":" + f.group(2));
		final VerifyChecks.Oracle oracle;
		try (KarlModel k = KarlModel.load(MODEL)) {
			oracle = VerifyChecks.Oracle.of(k, IJ.openImage(tif.toString()), Normalization.TYPE_RANGE,
				0.1f);
		}
		VerifyChecks.check(rows, oracle, flags);
		final long unreachable = rows.stream().filter(r -> !r.met()).count();
		assertTrue(out, out.contains("MAP nf.tif KARL map FLAGS " + unreachable + " PROP " +
			unreachable + "\n"));
		assertTrue(out, out.contains("KARL Complexity Map: " + VerifyChecks.summary(rows, "nf.tif")));
		assertTrue(out, out.contains("KARL Reconstruct: " + VerifyChecks.summary(rows, "nf.tif")));
		final Matcher rec = Pattern.compile("REC nf\\.tif KARL reconstruction ([0-9.]+) ([0-9.]+) (\\d+) " +
			"(\\d+)\n").matcher(out);
		assertTrue(out, rec.find());
		assertEquals("mean verified", rows.stream().mapToInt(VerifyChecks.Row::tokens).average()
			.orElseThrow(), Double.parseDouble(rec.group(1)), 1e-4);
		assertEquals("mean predicted", rows.stream().mapToInt(VerifyChecks.Row::predicted).average()
			.orElseThrow(), Double.parseDouble(rec.group(2)), 1e-4);
		assertEquals(List.of(unreachable, unreachable), List.of(Long.parseLong(rec.group(3)), Long
			.parseLong(rec.group(4))));
	}
}
