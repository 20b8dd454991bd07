package org.karl.cli;

import static org.karl.Keys.*;

import ij.ImagePlus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.karl.engine.api.Tokenizer;
import org.karl.engine.runtime.KarlModel;
import org.karl.image.ij.ImageFiles;
import org.karl.image.ij.Normalization;
import org.karl.ops.AtomicFiles;
import org.karl.ops.CsvRows;
import org.karl.ops.InputFiles;
import org.karl.ops.Inputs;
import org.karl.ops.ModelLocator;
import org.karl.ops.Outputs;
import org.karl.ops.TokenizeOp;

/**
 * {@code karl tokenize}: one CSV row per tile of every plane of the image files given, from
 * {@link TokenizeOp}: the same columns as KARL Tokenize in Fiji.
 */
public final class TokenizeCommand implements Subcommand {

	/** Opens a model folder; tests pass a fake. */
	public interface Loader {

		Tokenizer load(Path dir) throws IOException;
	}

	private final Loader loader;

	/** The real command: models are {@link KarlModel}s. */
	public TokenizeCommand() {
		this(KarlModel::load);
	}

	public TokenizeCommand(final Loader loader) {
		this.loader = loader;
	}

	@Override
	public String name() {
		return "tokenize";
	}

	@Override
	public String usage() {
		return "karl tokenize [--" + KEY_MODEL + " DIR] [--" + KEY_EPSILON + " E] [--" + KEY_BUDGET +
			" T] [--" + KEY_RECONSTRUCT + "] [--" + KEY_IDS + "] --" + KEY_CSV + " OUT FILE_OR_FOLDER...\n" +
			"Counts KARL tokens for every tile of every plane of each image file.\n" +
			"  --" + KEY_MODEL + " DIR      model folder; default: the default model\n" +
			"  --" + KEY_EPSILON + " E      target error in (0, the model's last epsilon bin]; " +
			"default " + DEFAULT_EPSILON + "\n" +
			"  --" + KEY_BUDGET + " T       most tokens per tile, in [1, T_max]; default (or 0): " +
			"T_max\n" +
			"  --" + KEY_RECONSTRUCT + "    also decode each tile: columns " + String.join(",",
				TokenizeOp.RECONSTRUCT_COLUMNS) + " (met = 1 when l1 <= epsilon)\n" +
			"  --" + KEY_IDS + "            also the token ids: columns " + String.join(",",
				TokenizeOp.ID_COLUMNS) + " (T_max space-separated values each)\n" +
			"  --" + KEY_CSV + " OUT        CSV to write (atomically), one row per tile:\n" +
			"                   " + String.join(",", TokenizeOp.COLUMNS) + "\n" +
			"                   image = the path given; slice = 1-based stack index; tile_x, tile_y =\n" +
			"                   tile column, row; padded = 1 when the tile extends past the image\n" +
			"  FILE_OR_FOLDER   images ImageJ opens (TIFF, PNG, JPEG, ...); stacks: every plane\n";
	}

	@Override
	public Args.Spec spec() {
		return new Args.Spec().value(KEY_MODEL).value(KEY_EPSILON).value(KEY_BUDGET).flag(
			KEY_RECONSTRUCT).flag(KEY_IDS).value(KEY_CSV);
	}

	@Override
	public int run(final Args args) throws Exception {
		final Path csv = args.path(KEY_CSV);
		final TokenizeOp.Options o = new TokenizeOp.Options((float) args.getDouble(KEY_EPSILON,
			DEFAULT_EPSILON), args.getInt(KEY_BUDGET, DEFAULT_BUDGET), args.flag(KEY_RECONSTRUCT), args
				.flag(KEY_IDS), Normalization.DEFAULT);
		if (args.positionalPaths().isEmpty()) throw new UsageException("no image files given");
		// NB: cheap checks first, so that a typo fails before the model loads.
		final InputFiles.Listing in = InputFiles.expand(args.positionalPaths(), f -> false);
		Outputs.refuseInputs(csv, in.files(), "--" + KEY_CSV);
		Outputs.checkWritableFile(csv, "--" + KEY_CSV);
		in.skipped().forEach(s -> args.err().println("karl tokenize: note: skipped " + s));
		final Path modelDir = ModelLocator.resolve(args.get(KEY_MODEL, ""), null);
		final List<String> notes = new ArrayList<>();
		final long[] rows = { 0 };
		try (Tokenizer model = loader.load(modelDir)) {
			Inputs.budget(model, o.epsilon(), o.budget()); // NB: a bad ε fails before any file is read
			AtomicFiles.write(csv, w -> {
				final CsvRows out = new CsvRows(w, o.columns());
				for (final Path f : in.files()) {
					final ImagePlus imp = ImageFiles.openPlanes(f);
					try {
						final TokenizeOp.Output r = TokenizeOp.run(imp, f.toString(), model, o, out, null, args
							.progress(f.toString()));
						rows[0] += r.tiles();
						notes.addAll(r.notes());
					}
					finally {
						imp.flush();
					}
				}
			});
		}
		notes.forEach(n -> args.err().println("karl tokenize: note: " + n));
		args.out().println("wrote " + rows[0] + " tile rows for " + in.files().size() +
			" file(s) to " + csv);
		return Main.EXIT_OK;
	}
}
