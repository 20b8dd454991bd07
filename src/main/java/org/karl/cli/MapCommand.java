package org.karl.cli;

import static org.karl.Keys.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.karl.engine.api.Tokenizer;
import org.karl.engine.runtime.KarlModel;
import org.karl.image.ij.Luts;
import org.karl.image.ij.Normalization;
import org.karl.ops.ComplexityMapOp;
import org.karl.ops.FinishedMaps;
import org.karl.ops.InputFiles;
import org.karl.ops.Inputs;
import org.karl.ops.ModelLocator;
import org.karl.ops.MapFiles;
import org.karl.ops.Outputs;
import org.karl.ops.Shards;
import org.karl.ops.UnreachableFlags;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code karl map}: the headless batch of KARL Complexity Map... with real exit codes. For every
 * image file given (or in a folder given) it writes {@code <name>_map.tif} and
 * {@code <name>_tokens.csv} with {@link ComplexityMapOp}, the map and rows the Fiji command
 * makes. An input that fails is reported and the others are still mapped (exit 1 at the end).
 */
@Command(name = "map", description = "Complexity maps (kept tokens per tile) of image files or " +
	"stacks, as KARL Complexity Map...")
public final class MapCommand extends KarlCommand {

	private final TokenizeCommand.Loader loader;

	public MapCommand() {
		this(KarlModel::load);
	}

	public MapCommand(final TokenizeCommand.Loader loader) {
		this.loader = loader;
	}

	@Mixin
	RequestOptions request;

	@Mixin
	NormalizeOptions normalize;

	@Option(names = "--" + KEY_LUT, paramLabel = "L",
		description = "fire or viridis; default ${DEFAULT-VALUE}")
	String lut = DEFAULT_LUT;

	@Option(names = "--" + KEY_OUTPUT, paramLabel = "DIR", required = true,
		description = "folder for NAME" + MapFiles.MAP_SUFFIX + " and NAME" + MapFiles.CSV_SUFFIX + " (columns below)")
	Path output;

	@Option(names = "--" + KEY_SHARD, paramLabel = "I/N",
		description = "map only part I of N of the inputs (1-based, round-robin; e.g. a SLURM array " +
			"task), with the output names of the whole run; karl merge joins the tables")
	String shard = "1/1";

	@Option(names = "--" + KEY_SKIP_DONE,
		description = "skip inputs whose map and CSV exist already (a rerun finishes a batch)")
	boolean skipDone;

	@Parameters(paramLabel = "FILE_OR_FOLDER", arity = "1..*", description = {
		"image files, or folders whose image files are all mapped (other files and earlier maps are " +
			"skipped); equal names get distinct outputs" })
	List<Path> files;

	@Override
	String[] footer() {
		return new String[] { "", "CSV columns: " + String.join(", ", ComplexityMapOp.COLUMNS),
			"  + " + String.join(",", ComplexityMapOp.columns(true).subList(ComplexityMapOp.COLUMNS.size(),
				ComplexityMapOp.columns(true).size())) + " with --" + KEY_VERIFY + "; then tiles where " +
				"epsilon is out of reach even at the budget (met 0) are outlined in cyan in the map's " +
				"overlay, named \"" + UnreachableFlags.NAME + "\"" };
	}

	@Override
	public Integer call() throws Exception {
		final Path out = output;
		final float epsilon = request.epsilon();
		// NB: every check that needs no model comes first, so that a typo fails at once.
		Luts.get(lut);
		final Normalization norm = normalize.get();
		final InputFiles.Listing in = InputFiles.expand(files, MapFiles::isOutput);
		final Map<Path, String> names = Outputs.names(in.files());
		// NB: names over the whole list, then the shard's part: every shard names as the whole run
		final Map<Path, String> mine = Shards.plan(in.files(), Shards.Shard.parse(shard));
		MapFiles.checkOutputs(out, names, in.files(), "--" + KEY_OUTPUT);
		Outputs.checkWritableFolder(out, "--" + KEY_OUTPUT);
		in.skipped().forEach(s -> err().println("karl map: note: skipped " + s));
		if (mine.isEmpty()) {
			err().println("karl map: note: " + Shards.emptyNote(shard, in.files().size()));
			return Main.EXIT_OK;
		}
		final Path modelDir = ModelLocator.existing(request.model, null, "--" + KEY_MODEL);
		final List<String> failed = new ArrayList<>();
		try (Tokenizer tokenizer = loader.load(modelDir)) {
			Inputs.budget(tokenizer, epsilon, request.budget); // NB: a bad ε fails once, before any file is read
			for (final Path f : mine.keySet()) {
				try {
					if (skipDone) {
						final FinishedMaps.Status done = FinishedMaps.check(out, mine.get(f));
						if (done.done()) {
							out().println(f + ": done before, skipped");
							continue;
						}
						if (done.damage() != null) err().println("karl map: note: " + done.damage() +
							"; mapping " + f + " again");
					}
					final MapFiles.Result r = MapFiles.map(f, f.toString(), out, mine.get(f), tokenizer,
						epsilon, request.budget, norm, lut, request.verify, progress(f.toString()));
					r.notes().forEach(n -> err().println("karl map: note: " + n));
					out().println(f + ": " + r.tiles() + " tiles -> " + r.map());
					if (!r.summary().isEmpty()) out().println(r.summary());
				}
				catch (final Exception | OutOfMemoryError e) {
					failed.add(f.toString());
					err().println("karl map: " + f + ": " + Main.describe(e, false));
				}
			}
		}
		if (failed.isEmpty()) return Main.EXIT_OK;
		if (failed.size() < mine.size()) err().println("karl map: " + failed.size() + " of " + mine
			.size() + " inputs failed (above); the others were mapped");
		return Main.EXIT_FAILURE;
	}
}
