package org.karl.ops;

import ij.ImagePlus;

import java.io.IOException;
import java.nio.file.Path;

import org.karl.engine.api.Progress;
import org.karl.engine.api.Tokenizer;
import org.karl.image.ij.ImageFiles;
import org.karl.image.ij.Normalization;

/**
 * One input file of {@code karl map --sweep}: {@link EpsilonSweep}'s stack as
 * {@code <name>_sweep.tif} (one slice per ε, labels "ε = 0.05") and its summary as
 * {@code <name>_sweep.csv} (one row per ε). A sweep writes no {@code _map.tif} or
 * {@code _tokens.csv}: those stay the outputs of one ε.
 */
public final class SweepFiles {

	/** Suffix of the stack files. */
	public static final String TIF_SUFFIX = "_sweep.tif";

	/** Suffix of the summary files. */
	public static final String CSV_SUFFIX = "_sweep.csv";

	private SweepFiles() {}

	/** The stack file of the input named {@code name}. */
	public static Path tif(final Path out, final String name) {
		return out.resolve(name + TIF_SUFFIX);
	}

	/** The summary file of the input named {@code name}. */
	public static Path csv(final Path out, final String name) {
		return out.resolve(name + CSV_SUFFIX);
	}

	/**
	 * Sweeps {@code f} into {@code out} as {@code name}; the result's summary is the
	 * {@link EpsilonSweep.Output#line}.
	 */
	public static MapFiles.Result sweep(final Path f, final String label, final Path out,
		final String name, final Tokenizer model, final float[] eps, final int budget,
		final Normalization norm, final String lut, final boolean verify, final Progress progress)
		throws IOException
	{
		final ImagePlus imp = ImageFiles.openPlanes(f);
		try {
			final EpsilonSweep.Output o = EpsilonSweep.run(imp, label, model, eps, budget, norm, lut, null,
				verify, progress);
			final Path csv = csv(out, name), tif = tif(out, name);
			o.table(verify).writeCsv(csv);
			TiffOutput.write(o.stack(), tif);
			return new MapFiles.Result(o.summaries().isEmpty() ? 0 : o.summaries().get(0).tiles(), tif,
				csv, o.notes(), o.line());
		}
		finally {
			imp.flush();
		}
	}
}
