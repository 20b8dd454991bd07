package org.karl.fiji.ij1;

import static org.karl.Keys.*;

import ij.IJ;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.util.Set;

import org.karl.image.ij.Normalization;
import org.karl.ops.Failures;
import org.karl.ops.Inputs;
import org.karl.ops.Models;

/**
 * The shared door of the KARL ImageJ 1 commands. From a macro ({@code Macro.getOptions()} set)
 * the options are parsed without a dialog; otherwise a {@link GenericDialog} asks for them, and
 * ImageJ records the call. Both paths end in {@link #execute(MacroArgs)} with the same options.
 * Unknown keys are warned about in the Log. On failure the Log gets one line
 * {@code KARL <Command>: what was wrong; what to do}, and a running macro is aborted so that
 * its next line does not run (an exception alone would not stop it).
 */
public abstract class KarlPlugIn implements PlugIn {

	/** The menu label without dots, e.g. "KARL Complexity Map". */
	protected abstract String title();

	/** The option keys this command accepts. */
	protected abstract Set<String> keys();

	/** Adds the fields of the dialog, labelled with {@code Keys.label(key)}. */
	protected abstract void addFields(GenericDialog gd);

	/** Reads the shown dialog's fields back (getNext*, which records them) as an options string. */
	protected abstract String readFields(GenericDialog gd);

	/** False for a command that runs without asking (its keys come only from macros). */
	protected boolean hasDialog() {
		return true;
	}

	/** Does the work with parsed options. */
	protected abstract void execute(MacroArgs args) throws Exception;

	@Override
	public final void run(final String arg) {
		try {
			String options = Macro.getOptions();
			if (options == null && !GraphicsEnvironment.isHeadless() && hasDialog()) {
				final GenericDialog gd = new GenericDialog(title());
				addFields(gd);
				if (keys().contains(KEY_EPSILON)) {
					final String range = org.karl.ops.EpsilonRange.line("", imagejDir());
					gd.addMessage(EPSILON_HELP + (range == null ? "" : "\n" + range + "; another model: " +
						"KARL About shows its range."));
				}
				gd.addHelp(help());
				gd.showDialog();
				if (gd.wasCanceled()) return;
				options = readFields(gd);
			}
			final MacroArgs args = new MacroArgs(options, keys());
			if (!args.unknown().isEmpty()) IJ.log(title() + ": unknown key(s) " + args.unknown() +
				" ignored; this command knows " + keys());
			IJ.resetEscape();
			execute(args);
		}
		catch (final Exception | LinkageError | OutOfMemoryError e) {
			fail(e);
		}
		finally {
			IJ.showProgress(1.0);
		}
	}

	/** Logs the failure as one line and aborts a running macro (or shows an error dialog). */
	protected void fail(final Throwable e) {
		final String msg = title() + ": " + describe(e);
		IJ.log(msg);
		IJ.showStatus("");
		if (Interpreter.getInstance() != null || Interpreter.isBatchMode()) Interpreter.abort();
		else if (!GraphicsEnvironment.isHeadless()) IJ.error(title(), msg);
	}

	/** One line: what was wrong and, when known, what to do. */
	static String describe(final Throwable e) {
		return Failures.describe(e, Failures.FIJI, IJ.escapePressed());
	}

	/** The normalisation keys every image command accepts. */
	protected static final Set<String> NORMALIZE_KEYS = Set.of(KEY_NORMALIZE, KEY_PERCENTILE_LOW,
		KEY_PERCENTILE_HIGH, KEY_NORMALIZE_SCOPE, KEY_RANGE_MIN, KEY_RANGE_MAX);

	/** {@code keys} plus {@link #NORMALIZE_KEYS}. */
	protected static Set<String> withNormalize(final String... keys) {
		final Set<String> s = new java.util.HashSet<>(Set.of(keys));
		s.addAll(NORMALIZE_KEYS);
		return Set.copyOf(s);
	}

	/**
	 * Shows {@code out}'s rows in the table {@code table=} names (default {@code def}) and logs
	 * the notes, the operation's and the table's, and the verification summary when there is one.
	 */
	protected void show(final TableResult out, final MacroArgs a, final String def) {
		final java.util.List<String> notes = new java.util.ArrayList<>(out.notes());
		notes.addAll(out.show(a.string(KEY_TABLE, def)));
		notes.forEach(n -> IJ.log(title() + ": note: " + n));
		if (!out.summary().isEmpty()) IJ.log(title() + ": " + out.summary());
	}

	/** The normalisation fields of the dialog, after the command's own. */
	protected static void addNormalizeFields(final GenericDialog gd) {
		gd.addChoice(label(KEY_NORMALIZE), Normalization.MODES, DEFAULT_NORMALIZE);
		gd.addNumericField(label(KEY_PERCENTILE_LOW), DEFAULT_PERCENTILE_LOW, 1, 6, "%");
		gd.addNumericField(label(KEY_PERCENTILE_HIGH), DEFAULT_PERCENTILE_HIGH, 1, 6, "%");
		gd.addChoice(label(KEY_NORMALIZE_SCOPE), Normalization.SCOPES,
			DEFAULT_NORMALIZE_SCOPE);
		gd.addStringField(label(KEY_RANGE_MIN), "", 8);
		gd.addStringField(label(KEY_RANGE_MAX), "", 8);
		gd.addMessage(NORMALIZE_HELP);
	}

	/** The dialog's line on scaling: what the scope means for stacks, and what to do for sparse images. */
	static final String NORMALIZE_HELP = "Stacks: with normalize_scope=plane each plane is scaled on " +
		"its own, so epsilon means something different in each;\nchoose stack when planes are " +
		"compared (z, time). A mostly empty image (a few spots on noise): use range, or a higher " +
		"percentile_high.";

	/** Reads the fields {@link #addNormalizeFields} added, as options. */
	protected static String readNormalizeFields(final GenericDialog gd) {
		return opt(KEY_NORMALIZE, gd.getNextChoice()) + opt(KEY_PERCENTILE_LOW, gd.getNextNumber()) +
			opt(KEY_PERCENTILE_HIGH, gd.getNextNumber()) + opt(KEY_NORMALIZE_SCOPE, gd.getNextChoice()) +
			opt(KEY_RANGE_MIN, gd.getNextString()) + opt(KEY_RANGE_MAX, gd.getNextString());
	}

	/** The normalisation the options ask for (defaults: percentiles 1 and 99.8 per plane). */
	protected static Normalization normalization(final MacroArgs a) {
		return Normalization.of(a.string(KEY_NORMALIZE, DEFAULT_NORMALIZE), a.number(
			KEY_PERCENTILE_LOW, DEFAULT_PERCENTILE_LOW), a.number(KEY_PERCENTILE_HIGH,
				DEFAULT_PERCENTILE_HIGH), a.string(KEY_NORMALIZE_SCOPE, DEFAULT_NORMALIZE_SCOPE), a.string(
					KEY_RANGE_MIN, ""), a.string(KEY_RANGE_MAX, ""));
	}

	/** ε of {@code epsilon=}; a value a float cannot hold is refused as typed (1e308, not Infinity). */
	protected static float epsilon(final MacroArgs a) {
		final double e = a.number(KEY_EPSILON, DEFAULT_EPSILON);
		return Inputs.epsilon(a.string(KEY_EPSILON, Double.toString(e)), e);
	}

	/** Loads (or takes from the cache) the model of {@code model=}, saying so in the status bar. */
	protected Models.Loaded model(final MacroArgs a) throws java.io.IOException {
		IJ.showStatus(title() + ": loading the model...");
		final Models.Loaded m = Models.get(a.string(KEY_MODEL, ""), imagejDir());
		IJ.showStatus(title() + ": running...");
		return m;
	}

	/** The plugin's help page (HTML, in the jar), for the dialog's Help button. */
	static String help() {
		try (java.io.InputStream in = KarlPlugIn.class.getResourceAsStream("/karl/help.html")) {
			if (in != null) return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (final java.io.IOException e) {
			// fall through to the short text
		}
		return "<html><body>KARL: see the README of the KARL Fiji plugin.</body></html>";
	}

	/** The ImageJ folder, or null when ImageJ has none (headless tests). */
	protected static Path imagejDir() {
		final String d = IJ.getDir("imagej");
		return d == null || d.isBlank() ? null : Path.of(d);
	}

	/** A bare boolean key when {@code on} (as ImageJ records a checkbox), else nothing. */
	protected static String flag(final String key, final boolean on) {
		return on ? " " + key : "";
	}

	/** {@code key=value} with ImageJ's brackets when the value is empty or has spaces. */
	protected static String opt(final String key, final Object value) {
		final String v = String.valueOf(value);
		return " " + key + "=" + (v.isEmpty() || v.contains(" ") ? "[" + v + "]" : v);
	}
}
