package org.karl.cli;

import static org.karl.Keys.*;

import ij.ImagePlus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.karl.engine.api.Tokenizer;
import org.karl.engine.runtime.KarlModel;
import org.karl.image.ij.ImageFiles;
import org.karl.image.ij.Luts;
import org.karl.image.ij.Normalization;
import org.karl.ops.AtomicFiles;
import org.karl.ops.ComplexityMapOp;
import org.karl.ops.CsvRows;
import org.karl.ops.InputFiles;
import org.karl.ops.Inputs;
import org.karl.ops.ModelLocator;
import org.karl.ops.Outputs;
import org.karl.ops.TiffOutput;

/**
 * {@code karl map}: the headless batch of KARL Complexity Map... with real exit codes. For every
 * image file given (or in a folder given) it writes {@code <name>_map.tif} and
 * {@code <name>_tokens.csv} with {@link ComplexityMapOp}, the map and rows the Fiji command
 * makes. An input that fails is reported and the others are still mapped (exit 1 at the end).
 */
public final class MapCommand implements Subcommand {

	/** Suffix of the map files. */
	public static final String MAP_SUFFIX = "_map.tif";

	/** Suffix of the CSV files. */
	public static final String CSV_SUFFIX = "_tokens.csv";

	private final TokenizeCommand.Loader loader;

	public MapCommand() {
		this(KarlModel::load);
	}

	public MapCommand(final TokenizeCommand.Loader loader) {
		this.loader = loader;
	}

	@Override
	public String name() {
		return "map";
	}

	@Override
	public String usage() {
		return "karl map [--" + KEY_MODEL + " DIR] [--" + KEY_EPSILON + " E] [--" + KEY_BUDGET +
			" T] [--" + KEY_LUT + " L] --" + KEY_OUTPUT + " DIR FILE_OR_FOLDER...\n" +
			"Complexity maps (kept tokens per tile) of image files or stacks, as KARL Complexity Map...\n" +
			"  --" + KEY_MODEL + " DIR      model folder; default: the default model\n" +
			"  --" + KEY_EPSILON + " E      target error; default " + DEFAULT_EPSILON + "\n" +
			"  --" + KEY_BUDGET + " T       most tokens per tile; default (or 0): T_max\n" +
			"  --" + KEY_LUT + " L          fire or viridis; default " + DEFAULT_LUT + "\n" +
			"  --" + KEY_OUTPUT + " DIR     folder for NAME" + MAP_SUFFIX + " and NAME" + CSV_SUFFIX +
			" (" + String.join(",", ComplexityMapOp.COLUMNS) + ")\n" +
			"  FILE_OR_FOLDER   image files, or folders whose image files are all mapped (other\n" +
			"                   files and earlier maps are skipped); equal names get distinct outputs\n";
	}

	@Override
	public Args.Spec spec() {
		return new Args.Spec().value(KEY_MODEL).value(KEY_EPSILON).value(KEY_BUDGET).value(KEY_LUT)
			.value(KEY_OUTPUT);
	}

	@Override
	public int run(final Args args) throws Exception {
		final Path out = args.path(KEY_OUTPUT);
		final float epsilon = (float) args.getDouble(KEY_EPSILON, DEFAULT_EPSILON);
		final int budget = args.getInt(KEY_BUDGET, DEFAULT_BUDGET);
		final String lut = args.get(KEY_LUT, DEFAULT_LUT);
		if (args.positionalPaths().isEmpty()) throw new UsageException("no image file or folder given");
		// NB: every check that needs no model comes first, so that a typo fails at once.
		Luts.get(lut);
		final InputFiles.Listing in = InputFiles.expand(args.positionalPaths(), MapCommand::isOutput);
		final Map<Path, String> names = Outputs.names(in.files());
		for (final Path f : in.files()) {
			Outputs.refuseInputs(out.resolve(names.get(f) + MAP_SUFFIX), in.files(), "--" + KEY_OUTPUT);
			Outputs.refuseInputs(out.resolve(names.get(f) + CSV_SUFFIX), in.files(), "--" + KEY_OUTPUT);
		}
		Outputs.checkWritableFolder(out, "--" + KEY_OUTPUT);
		in.skipped().forEach(s -> args.err().println("karl map: note: skipped " + s));
		final Path modelDir = ModelLocator.resolve(args.get(KEY_MODEL, ""), null);
		final List<String> failed = new ArrayList<>();
		try (Tokenizer model = loader.load(modelDir)) {
			Inputs.budget(model, epsilon, budget); // NB: a bad ε fails once, before any file is read
			for (final Path f : in.files()) {
				try {
					map(f, out, names.get(f), model, epsilon, budget, lut, args);
				}
				catch (final Exception | OutOfMemoryError e) {
					failed.add(f.toString());
					args.err().println("karl map: " + f + ": " + Main.describe(e, false));
				}
			}
		}
		if (failed.isEmpty()) return Main.EXIT_OK;
		if (failed.size() < in.files().size()) args.err().println("karl map: " + failed.size() +
			" of " + in.files().size() + " inputs failed (above); the others were mapped");
		return Main.EXIT_FAILURE;
	}

	private static void map(final Path f, final Path out, final String name, final Tokenizer model,
		final float epsilon, final int budget, final String lut, final Args args) throws Exception
	{
		final ImagePlus imp = ImageFiles.openPlanes(f);
		try {
			Inputs.checkImage(imp, model.tileSize());
			final ComplexityMapOp.Output[] o = { null };
			final Path csv = out.resolve(name + CSV_SUFFIX), tif = out.resolve(name + MAP_SUFFIX);
			AtomicFiles.write(csv, w -> o[0] = ComplexityMapOp.run(imp, f.toString(), model, epsilon,
				budget, Normalization.DEFAULT, lut, new CsvRows(w, ComplexityMapOp.COLUMNS), args.progress(f.toString())));
			TiffOutput.write(o[0].map(), tif);
			o[0].notes().forEach(n -> args.err().println("karl map: note: " + n));
			args.out().println(f + ": " + o[0].tiles() + " tiles -> " + tif);
		}
		finally {
			imp.flush();
		}
	}

	/** True for files that karl map writes, so that a folder mapped into itself skips them. */
	static boolean isOutput(final Path f) {
		final String n = f.getFileName().toString();
		return n.endsWith(MAP_SUFFIX) || n.endsWith(CSV_SUFFIX);
	}
}
