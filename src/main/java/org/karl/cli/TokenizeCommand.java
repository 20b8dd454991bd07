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
import org.karl.ops.AtomicFiles;
import org.karl.ops.CsvRows;
import org.karl.ops.InputFiles;
import org.karl.ops.Inputs;
import org.karl.ops.ModelLocator;
import org.karl.ops.Outputs;
import org.karl.ops.TokenizeOp;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code karl tokenize}: one CSV row per tile of every plane of the image files given, from
 * {@link TokenizeOp}: the same columns as KARL Tokenize in Fiji.
 */
@Command(name = "tokenize", description = "Counts KARL tokens for every tile of every plane of " +
	"each image file.")
public final class TokenizeCommand extends KarlCommand {

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

	@Mixin
	RequestOptions request;

	@Mixin
	NormalizeOptions normalize;

	@Option(names = "--" + KEY_RECONSTRUCT,
		description = "also decode each tile: the l1 and met columns below (met = 1 when l1 <= epsilon)")
	boolean reconstruct = DEFAULT_RECONSTRUCT;

	@Option(names = "--" + KEY_IDS,
		description = "also the token ids: the id columns below (T_max space-separated values each)")
	boolean ids = DEFAULT_IDS;

	@Option(names = "--" + KEY_CSV, paramLabel = "OUT", required = true, description = {
		"CSV to write (atomically), one row per tile (columns below)" })
	Path csv;

	@Parameters(paramLabel = "FILE_OR_FOLDER", arity = "1..*",
		description = "images ImageJ opens (TIFF, PNG, JPEG, ...); stacks: every plane")
	List<Path> files;

	@Override
	String[] footer() {
		return new String[] { "", "CSV columns: " + String.join(", ", TokenizeOp.COLUMNS),
			"  + " + String.join(",", TokenizeOp.RECONSTRUCT_COLUMNS) + " with --" + KEY_RECONSTRUCT +
				"; + " + String.join(",", TokenizeOp.ID_COLUMNS) + " with --" + KEY_IDS,
			"  with --" + KEY_VERIFY + ": + " + String.join(",", TokenizeOp.RECONSTRUCT_COLUMNS) + "," +
				String.join(",", TokenizeOp.VERIFY_COLUMNS) + " (before the ids): tokens = the verified " +
				"count, l1 and met at it, predicted = the single pass's count",
			"  image = the path given; slice = 1-based stack index;",
			"  tile_x, tile_y = tile column, row; padded = 1: the tile extends past the image" };
	}

	@Override
	public Integer call() throws Exception {
		final TokenizeOp.Options o = new TokenizeOp.Options(request.epsilon(), request.budget,
			reconstruct, ids, normalize.get(), request.verify);
		// NB: cheap checks first, so that a typo fails before the model loads.
		final InputFiles.Listing in = InputFiles.expand(files, f -> false);
		Outputs.refuseInputs(csv, in.files(), "--" + KEY_CSV);
		Outputs.checkWritableFile(csv, "--" + KEY_CSV);
		in.skipped().forEach(s -> err().println("karl tokenize: note: skipped " + s));
		final Path modelDir = ModelLocator.existing(request.model, null, "--" + KEY_MODEL);
		final List<String> notes = new ArrayList<>(), summaries = new ArrayList<>();
		final long[] rows = { 0 };
		try (Tokenizer tokenizer = loader.load(modelDir)) {
			Inputs.budget(tokenizer, o.epsilon(), o.budget()); // NB: a bad ε fails before any file is read
			AtomicFiles.write(csv, w -> {
				final CsvRows out = new CsvRows(w, o.columns());
				for (final Path f : in.files()) {
					final ImagePlus imp = ImageFiles.openPlanes(f);
					try {
						final TokenizeOp.Output r = TokenizeOp.run(imp, f.toString(), tokenizer, o, out,
							null, progress(f.toString()));
						rows[0] += r.tiles();
						notes.addAll(r.notes());
						if (r.verified() != null) summaries.add(r.verified().line(f.toString()));
					}
					finally {
						imp.flush();
					}
				}
			});
		}
		notes.forEach(n -> err().println("karl tokenize: note: " + n));
		summaries.forEach(out()::println);
		out().println("wrote " + rows[0] + " tile rows for " + in.files().size() +
			" file(s) to " + csv);
		return Main.EXIT_OK;
	}
}
