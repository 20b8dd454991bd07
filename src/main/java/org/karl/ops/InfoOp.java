package org.karl.ops;

import java.nio.file.Path;

import org.karl.ops.engine.Engine;
import org.karl.ops.engine.Engines;

/**
 * The text of KARL About: versions, the engine and its device, and the model's card and
 * signatures, after checking every graph of the model folder (not only the one inference
 * loads). It never fails: what cannot be found or is broken is reported with what to do.
 */
public final class InfoOp {

	private InfoOp() {}

	/** @param host e.g. "ImageJ 1.54p" */
	public static String text(final String model, final Path imagejDir, final String host) {
		try {
			return text(model, imagejDir, host, false);
		}
		catch (final java.io.IOException e) {
			throw new IllegalStateException(e); // NB: not strict, so never thrown
		}
	}

	/**
	 * The same text; when {@code strict}, a model that cannot be loaded is an exception (the
	 * CLI's exit code) instead of a line of the text.
	 */
	public static String text(final String model, final Path imagejDir, final String host,
		final boolean strict) throws java.io.IOException
	{
		final StringBuilder s = new StringBuilder();
		final Package pkg = InfoOp.class.getPackage();
		final String v = pkg == null ? null : pkg.getImplementationVersion();
		s.append("KARL Tokenizer ").append(v == null ? "(development build)" : v).append(", ")
			.append(host).append(", Java ").append(System.getProperty("java.version")).append(" (")
			.append(System.getProperty("java.vendor")).append(")\n");
		Engine engine = null;
		try {
			engine = Engines.get(imagejDir);
			s.append("engine: ").append(engine.name()).append('\n');
			s.append("versions: ").append(engine.versions()).append('\n');
		}
		catch (final Exception | LinkageError e) {
			final String why = Engines.explain(e);
			s.append("engine: not usable: ").append(why != null ? why : e.toString()).append('\n');
		}
		try {
			final Models.Loaded m = Models.get(model, imagejDir);
			s.append(m.engine().describe(m.model()));
			// NB: loading read serving/ only; the full model, which training loads, may be broken
			for (final String broken : m.engine().checkGraphs(m.dir())) {
				if (strict) throw new java.io.IOException(broken);
				s.append("model problem: ").append(broken).append('\n');
			}
			final String range = EpsilonRange.line(m.dir().toString(), imagejDir);
			if (range != null) s.append(s.charAt(s.length() - 1) == '\n' ? "" : "\n").append(range)
				.append('\n');
		}
		catch (final Exception | LinkageError e) {
			if (strict && e instanceof java.io.IOException io) throw io;
			if (strict && e instanceof RuntimeException r) throw r;
			final String why = Engines.explain(e);
			s.append("model: ").append(why != null ? why : e.getMessage()).append('\n');
		}
		return s.toString().trim();
	}
}
