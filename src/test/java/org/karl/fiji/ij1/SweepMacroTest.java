package org.karl.fiji.ij1;

import static org.junit.Assert.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.karl.fiji.Ij1Env;
import org.karl.ops.ModelLocator;

/**
 * KARL Complexity Map's sweep= in plain headless ImageJ 1, with the shipped model: one slice per
 * ε labelled "ε = ...", each tile's count non-increasing as ε grows, and a summary row per ε
 * equal to the numbers of the map that a single-ε run of the same image gives.
 */
public class SweepMacroTest extends MacroTestFixture {

	private static final double[] EPS = { 0.02, 0.05, 0.1 };

	/** A 192x128 field: blurred noise on the left, sharp noise and a ramp on the right. */
	private static final String IMAGE = "newImage('field', '8-bit ramp', 192, 128, 1);\n" +
		"run('Add Specified Noise...', 'standard=40');\n" +
		"makeRectangle(0, 0, 96, 128); run('Gaussian Blur...', 'sigma=3'); run('Select None');\n" +
		"id = getImageID();\n";

	@Test
	public void aSweepGivesOneSlicePerEpsilonAndTheSingleRunsNumbers() {
		final Path shipped = Path.of("models/default");
		assertTrue("no shipped models/default: it is part of the repository", ModelLocator.isModel(
			shipped));
		final String m = Ij1Env.model(shipped);
		final String out = ij.run(IMAGE + "run('KARL Complexity Map...', '" + m +
			" sweep=0.1,0.02,0.05 table=Results');\n" +
			"print('SLICES ' + nSlices + ' ' + getWidth() + 'x' + getHeight());\n" +
			"for (s = 1; s <= nSlices; s++) { setSlice(s); line = 'SLICE ' + getInfo('slice.label') +" +
			" ':'; for (y = 0; y < getHeight(); y++) for (x = 0; x < getWidth(); x++)" +
			" line = line + ' ' + getPixel(x, y); print(line); }\n" +
			"for (i = 0; i < nResults; i++) print('SWEEP ' + d2s(getResult('epsilon', i), 4) + ' ' +" +
			" getResult('tiles', i) + ' ' + d2s(getResult('mean_tokens', i), 9) + ' ' +" +
			" d2s(getResult('at_min', i), 9) + ' ' + d2s(getResult('at_max', i), 9) + ' ' +" +
			" d2s(getResult('graded', i), 9));\n" +
			"eps = newArray(" + EPS[0] + ", " + EPS[1] + ", " + EPS[2] + ");\n" +
			"for (k = 0; k < eps.length; k++) { selectImage(id); run('KARL Complexity Map...', '" + m +
			" epsilon=' + eps[k] + ' table=Results'); line = 'SINGLE ' + eps[k] + ':';" +
			" for (i = 0; i < nResults; i++) line = line + ' ' + getResult('tokens', i); print(line); }\n");
		final Matcher sz = Pattern.compile("SLICES (\\d+) (\\d+)x(\\d+)").matcher(out);
		assertTrue(out, sz.find());
		assertEquals(out, EPS.length, Integer.parseInt(sz.group(1)));
		assertEquals(out, 6 * 4, Integer.parseInt(sz.group(2)) * Integer.parseInt(sz.group(3)));
		final List<float[]> slices = rows(out, "SLICE ε = ", EPS.length);
		int at = -1;
		for (final double e : EPS) {
			final int i = out.indexOf("SLICE ε = " + (float) e + ":");
			assertTrue("slices labelled in ascending ε: " + out, i > at);
			at = i;
		}
		final List<float[]> singles = rows(out, "SINGLE ", EPS.length);
		for (int k = 0; k + 1 < EPS.length; k++)
			for (int i = 0; i < 24; i++)
				assertTrue("tile " + i + ": count grows from ε " + EPS[k] + " to " + EPS[k + 1] + ": " + out,
					slices.get(k + 1)[i] <= slices.get(k)[i]);
		final Matcher sw = Pattern.compile("(?m)^\\p{Cntrl}*SWEEP ([0-9.]+) (\\d+) ([0-9.]+) ([0-9.]+) ([0-9.]+) " +
			"([0-9.]+)$").matcher(out);
		for (int k = 0; k < EPS.length; k++) {
			assertTrue(out, sw.find());
			assertEquals(out, EPS[k], Double.parseDouble(sw.group(1)), 1e-6);
			final float[] single = singles.get(k);
			final float[] slice = slices.get(k).clone();
			final float[] sorted = single.clone();
			Arrays.sort(sorted);
			Arrays.sort(slice);
			assertArrayEquals("slice " + (k + 1) + " is the single run's map: " + out, sorted, slice, 0f);
			double sum = 0;
			int low = 0, high = 0;
			for (final float c : single) {
				sum += c;
				if (c <= 2) low++;
				else if (c >= 32) high++;
			}
			final int n = single.length;
			assertEquals(out, n, Integer.parseInt(sw.group(2)));
			assertEquals("mean tokens: " + out, sum / n, Double.parseDouble(sw.group(3)), 1e-6);
			assertEquals("at min: " + out, (double) low / n, Double.parseDouble(sw.group(4)), 1e-6);
			assertEquals("at max: " + out, (double) high / n, Double.parseDouble(sw.group(5)), 1e-6);
			assertEquals("graded: " + out, (double) (n - low - high) / n, Double.parseDouble(sw.group(6)),
				1e-6);
		}
		assertFalse("three rows, not more: " + out, sw.find());
		assertTrue("the Log names the most graded ε: " + out, out.contains("KARL Complexity Map: most " +
			"graded at ε = ") || out.contains("KARL Complexity Map: no epsilon of the sweep"));
	}

	@Test
	public void anEpsilonOutsideTheModelsRangeIsOneLineNamingTheRange() {
		final String out = ij.run(IMAGE + "run('KARL Complexity Map...', '" + Ij1Env.model(model) +
			" sweep=0.05,0.9');\nprint('AFTER');\n");
		assertTrue(out, out.contains("KARL Complexity Map: epsilon = 0.9 is outside (0, 0.38], the " +
			"range this model was trained for"));
		assertFalse("the macro is aborted: " + out, out.contains("AFTER"));
	}

	/** The {@code n} lines starting with {@code prefix}, each "label: v v v" as numbers. */
	private static List<float[]> rows(final String out, final String prefix, final int n) {
		final List<float[]> rows = new ArrayList<>();
		// NB: a line printed after a command that filled Results may start with a control character
		for (final String l : out.lines().map(x -> x.replaceAll("^\\p{Cntrl}+", "")).filter(x -> x
			.startsWith(prefix)).toList()) {
			final String[] v = l.substring(l.indexOf(':') + 1).trim().split(" ");
			final float[] f = new float[v.length];
			for (int i = 0; i < v.length; i++) f[i] = Float.parseFloat(v[i]);
			rows.add(f);
		}
		assertEquals(out, n, rows.size());
		return rows;
	}
}
