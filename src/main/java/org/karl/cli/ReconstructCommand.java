package org.karl.cli;

import static org.karl.Keys.*;

import ij.ImagePlus;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.karl.engine.api.Tokenizer;
import org.karl.engine.runtime.KarlModel;
import org.karl.image.ij.ImageFiles;
import org.karl.ops.ModelLocator;
import org.karl.ops.Outputs;
import org.karl.ops.ReconstructOp;
import org.karl.ops.Table;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code karl reconstruct}: the single pass (1 encoder + 1 decoder run per tile) on an image
 * file with {@link ReconstructOp}, as KARL Reconstruct in Fiji: writes the reconstruction as a
 * 32-bit TIFF with the input's layout, prints one line per plane, and optionally the rows as CSV.
 */
@Command(name = "reconstruct", description = "Reconstructs every plane of an image at target " +
	"error E in one pass per tile.")
public final class ReconstructCommand extends KarlCommand {

	private final TokenizeCommand.Loader loader;

	public ReconstructCommand() {
		this(KarlModel::load);
	}

	public ReconstructCommand(final TokenizeCommand.Loader loader) {
		this.loader = loader;
	}

	@Mixin
	RequestOptions request;

	@Mixin
	NormalizeOptions normalize;

	@Option(names = "--" + KEY_TOKENS, paramLabel = "N",
		description = "decode the first N tokens of every tile instead of asking for E")
	int tokens = DEFAULT_TOKENS;

	@Option(names = "--" + KEY_CSV, paramLabel = "OUT.csv",
		description = "also write one row per plane (columns below)")
	Path csv;

	@Option(names = "--" + KEY_OUTPUT, paramLabel = "OUT.tif", required = true,
		description = "32-bit TIFF to write (atomically), values in [0,1] units")
	Path output;

	@Parameters(paramLabel = "FILE", arity = "1",
		description = "one image ImageJ opens; stacks and hyperstacks: every plane")
	Path file;

	@Override
	String[] footer() {
		return new String[] { "", "CSV columns: " + String.join(", ", ReconstructOp.COLUMNS),
			"  + " + String.join(",", org.karl.ops.TokenizeOp.VERIFY_COLUMNS) + " (mean single-pass count) " +
				"with --" + KEY_VERIFY + ", where tokens is the mean verified count" };
	}

	@Override
	public Integer call() throws Exception {
		final Path out = output;
		final float epsilon = request.epsilon();
		ReconstructOp.checkCount(request.budget, tokens);
		ReconstructOp.checkVerify(request.verify, tokens);
		Outputs.refuseInputs(out, List.of(file), "--" + KEY_OUTPUT);
		Outputs.refuseSame(csv, "--" + KEY_CSV, out, "--" + KEY_OUTPUT);
		Outputs.refuseInputs(csv, List.of(file), "--" + KEY_CSV);
		Outputs.checkWritableFile(out, "--" + KEY_OUTPUT);
		if (csv != null) Outputs.checkWritableFile(csv, "--" + KEY_CSV);
		final ImagePlus imp = ImageFiles.openPlanes(file);
		try (Tokenizer tokenizer = loader.load(ModelLocator.existing(request.model, null, "--" + KEY_MODEL))) {
			final Table rows = new Table(ReconstructOp.columns(request.verify));
			// NB: planes are computed as the TIFF is written, so memory stays bounded
			final ReconstructOp.Output o = ReconstructOp.runToTiff(imp, file.toString(), tokenizer,
				epsilon, request.budget, tokens, normalize.get(), rows, request.verify, out,
				progress(file.toString()));
			if (csv != null) rows.writeCsv(csv);
			for (int i = 0; i < rows.size(); i++) out().println(line(rows, i));
			o.notes().forEach(n -> err().println("karl reconstruct: note: " + n));
			if (o.verified() != null) out().println(o.verified().line(file.toString()));
			out().println("wrote " + out);
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
