package org.karl.cli;

import static org.karl.Keys.*;

import ij.ImagePlus;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.karl.engine.api.Tokenizer;
import org.karl.engine.runtime.KarlModel;
import org.karl.image.ij.ImageFiles;
import org.karl.image.ij.Normalization;
import org.karl.ops.ModelLocator;
import org.karl.ops.Outputs;
import org.karl.ops.ReconstructOp;
import org.karl.ops.Table;

/**
 * {@code karl reconstruct}: the single pass (1 encoder + 1 decoder run per tile) on an image
 * file with {@link ReconstructOp}, as KARL Reconstruct in Fiji: writes the reconstruction as a
 * 32-bit TIFF with the input's layout, prints one line per plane, and optionally the rows as CSV.
 */
public final class ReconstructCommand implements Subcommand {

	private final TokenizeCommand.Loader loader;

	public ReconstructCommand() {
		this(KarlModel::load);
	}

	public ReconstructCommand(final TokenizeCommand.Loader loader) {
		this.loader = loader;
	}

	@Override
	public String name() {
		return "reconstruct";
	}

	@Override
	public String usage() {
		return "karl reconstruct [--" + KEY_MODEL + " DIR] [--" + KEY_EPSILON + " E] [--" + KEY_BUDGET +
			" T | --" + KEY_TOKENS + " N] [--" + KEY_CSV + " OUT.csv] --" + KEY_OUTPUT + " OUT.tif FILE\n" +
			"Reconstructs every plane of an image at target error E in one pass per tile.\n" +
			"  --" + KEY_MODEL + " DIR      model folder; default: the default model\n" +
			"  --" + KEY_EPSILON + " E      target mean L1 error; default " + DEFAULT_EPSILON + "\n" +
			"  --" + KEY_BUDGET + " T       most tokens per tile; default (or 0): T_max\n" +
			"  --" + KEY_TOKENS + " N       decode the first N tokens of every tile instead of asking " +
			"for E\n" +
			"  --" + KEY_CSV + " OUT.csv    also write one row per plane: " + String.join(",",
				ReconstructOp.COLUMNS) + "\n" +
			"  --" + KEY_OUTPUT + " OUT.tif 32-bit TIFF to write (atomically), values in [0,1] units\n" +
			"  FILE             one image ImageJ opens; stacks and hyperstacks: every plane\n";
	}

	@Override
	public Args.Spec spec() {
		return new Args.Spec().value(KEY_MODEL).value(KEY_EPSILON).value(KEY_BUDGET).value(KEY_TOKENS)
			.value(KEY_CSV).value(KEY_OUTPUT);
	}

	@Override
	public int run(final Args args) throws Exception {
		final Path out = args.path(KEY_OUTPUT);
		final Path csv = args.has(KEY_CSV) ? args.path(KEY_CSV) : null;
		final float epsilon = (float) args.getDouble(KEY_EPSILON, DEFAULT_EPSILON);
		final int budget = args.getInt(KEY_BUDGET, DEFAULT_BUDGET);
		final int tokens = args.getInt(KEY_TOKENS, DEFAULT_TOKENS);
		if (args.positionalPaths().size() != 1) throw new UsageException("give exactly one image file");
		final Path file = args.positionalPaths().get(0);
		Outputs.refuseInputs(out, List.of(file), "--" + KEY_OUTPUT);
		Outputs.refuseInputs(csv, List.of(file, out), "--" + KEY_CSV);
		Outputs.checkWritableFile(out, "--" + KEY_OUTPUT);
		if (csv != null) Outputs.checkWritableFile(csv, "--" + KEY_CSV);
		final ImagePlus imp = ImageFiles.openPlanes(file);
		try (Tokenizer model = loader.load(ModelLocator.resolve(args.get(KEY_MODEL, ""), null))) {
			final Table rows = new Table(ReconstructOp.COLUMNS);
			// NB: planes are computed as the TIFF is written, so memory stays bounded
			final ReconstructOp.Output o = ReconstructOp.runToTiff(imp, file.toString(), model, epsilon,
				budget, tokens, Normalization.DEFAULT, rows, out, args.progress(file.toString()));
			if (csv != null) rows.writeCsv(csv);
			for (int i = 0; i < rows.size(); i++) args.out().println(line(rows, i));
			o.notes().forEach(n -> args.err().println("karl reconstruct: note: " + n));
			args.out().println("wrote " + out);
		}
		finally {
			imp.flush();
		}
		return Main.EXIT_OK;
	}

	private static String line(final Table rows, final int i) {
		final double unmet = ((Number) rows.get(i, "unmet")).doubleValue();
		return String.format(Locale.ROOT, "plane %s: tiles %s, mean tokens %.2f, L1 %.4f%s", rows.get(
			i, "slice"), rows.get(i, "tiles"), ((Number) rows.get(i, "tokens")).doubleValue(),
			((Number) rows.get(i, "l1")).doubleValue(), Double.isNaN(unmet) ? ""
				: String.format(Locale.ROOT, ", epsilon not met by %d tiles (%d at the full budget)",
					(long) unmet, ((Number) rows.get(i, "unmet_full")).longValue()));
	}
}
