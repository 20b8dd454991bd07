package org.karl.cli;

import static org.karl.Keys.DEFAULT_BUDGET;
import static org.karl.Keys.DEFAULT_EPSILON;
import static org.karl.Keys.KEY_BUDGET;
import static org.karl.Keys.KEY_CSV;
import static org.karl.Keys.KEY_EPSILON;
import static org.karl.Keys.KEY_MODEL;
import static org.karl.Keys.KEY_RECONSTRUCT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.karl.engine.api.Progress;
import org.karl.engine.api.Tokenizer;
import org.karl.engine.runtime.KarlModel;

/** {@code karl tokenize}: token counts per tile of image files, as CSV ({@link TokenizeCsv}). */
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
		return "karl tokenize --" + KEY_MODEL + " DIR [--" + KEY_EPSILON + " E] [--" + KEY_BUDGET +
			" T] [--" + KEY_RECONSTRUCT + "] --" + KEY_CSV + " OUT FILE...\n" +
			"Counts KARL tokens for every tile of every plane of each image file.\n" +
			"  --" + KEY_MODEL + " DIR      model folder (written by karl train)\n" +
			"  --" + KEY_EPSILON + " E      target error in (0, the model's last epsilon bin]; " +
			"default " + DEFAULT_EPSILON + "\n" +
			"  --" + KEY_BUDGET + " T       most tokens per tile, in [1, T_max]; default (or 0): " +
			"T_max\n" +
			"  --" + KEY_RECONSTRUCT + "    also decode each tile and report its error (column l1)\n" +
			"  --" + KEY_CSV + " OUT        CSV to write (atomically), one row per tile:\n" +
			"                   " + TokenizeCsv.HEADER + "[," + TokenizeCsv.L1 + "]\n" +
			"                   slice = 1-based stack index; tile_x, tile_y = tile column, row;\n" +
			"                   padded = 1 when the tile extends past the image (mirror-filled)\n" +
			"  FILE...          images ImageJ opens (TIFF, PNG, JPEG, ...); stacks: every plane\n";
	}

	@Override
	public Args.Spec spec() {
		return new Args.Spec().value(KEY_MODEL).value(KEY_EPSILON).value(KEY_BUDGET).flag(
			KEY_RECONSTRUCT).value(KEY_CSV);
	}

	@Override
	public int run(final Args args) throws Exception {
		final Path modelDir = args.path(KEY_MODEL);
		final Path csv = args.path(KEY_CSV);
		final double epsilon = args.getDouble(KEY_EPSILON, DEFAULT_EPSILON);
		final int budget = args.getInt(KEY_BUDGET, DEFAULT_BUDGET);
		final List<Path> files = args.positionalPaths();
		if (files.isEmpty()) throw new UsageException("no image files given");
		// NB: cheap checks first, so that a typo fails before the model loads.
		for (final Path f : files)
			if (!Files.isRegularFile(f)) throw new IllegalArgumentException("input " + f +
				" is not a file; check the path");
		if (Files.isDirectory(csv)) throw new IllegalArgumentException("--" + KEY_CSV + " " + csv +
			" is a folder; give a file name such as " + csv.resolve("tokens.csv"));
		if (!Files.isDirectory(modelDir)) throw new IllegalArgumentException("--" + KEY_MODEL +
			" " + modelDir + " is not a folder; pass a model folder written by karl train");
		try (Tokenizer model = loader.load(modelDir)) {
			final TokenizeCsv job = new TokenizeCsv(model, (float) epsilon, budget, args.flag(
				KEY_RECONSTRUCT));
			final long rows = job.write(files, csv, Progress.NONE);
			args.out().println("wrote " + rows + " tile rows for " + files.size() + " file(s) to " +
				csv);
		}
		return Main.EXIT_OK;
	}
}
