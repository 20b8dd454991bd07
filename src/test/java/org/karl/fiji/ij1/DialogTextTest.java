package org.karl.fiji.ij1;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import ij.Macro;

import org.junit.Test;
import org.karl.Keys;

/**
 * Dialog text: labels say what a field means with its unit yet still record as their macro
 * key; the Help button's page is the plugin's own and names every image key.
 */
public class DialogTextTest {

	@Test
	public void labelsExplainYetRecordAsTheirKey() {
		assertEquals("Epsilon (mean |error| per tile)", Keys.label(Keys.KEY_EPSILON));
		for (final String k : new String[] { Keys.KEY_EPSILON, Keys.KEY_PERCENTILE_LOW,
			Keys.KEY_NORMALIZE_SCOPE, Keys.KEY_RANGE_MIN, Keys.KEY_MODEL, Keys.KEY_SHOW })
			assertEquals(k, Macro.trimKey(Keys.label(k)));
	}

	@Test
	public void theEpsilonRangeIsTheModelsBins() {
		final java.nio.file.Path shipped = java.nio.file.Path.of("models/default");
		org.junit.Assume.assumeTrue("no shipped models/default", org.karl.ops.ModelLocator.isModel(
			shipped));
		assertEquals("Epsilon range of models/default: 0 < epsilon <= 0.38 (bins 0.005 to 0.38)",
			org.karl.ops.EpsilonRange.line(shipped.toString(), null));
		assertEquals(null, org.karl.ops.EpsilonRange.line("/nonexistent/model", null));
	}

	@Test
	public void theScalingLineSaysWhenToUseStackScope() {
		assertTrue(KarlPlugIn.NORMALIZE_HELP, KarlPlugIn.NORMALIZE_HELP.contains(
			"choose stack when planes are compared"));
	}

	@Test
	public void theHelpPageIsBundledAndNamesTheKeys() {
		final String html = KarlPlugIn.help();
		assertTrue(html, html.startsWith("<html>"));
		for (final String k : new String[] { "epsilon", "budget", "model", "normalize",
			"percentile_low", "normalize_scope", "range_min", "save", "show", "display" })
			assertTrue(k, html.contains(k));
	}
}
