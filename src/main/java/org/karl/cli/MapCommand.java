package org.karl.cli;

import org.karl.ops.AtomicFiles;
import static org.karl.Keys.*;

import ij.ImagePlus;
import ij.io.FileSaver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.karl.engine.api.Progress;
import org.karl.engine.api.Tokenizer;
import org.karl.engine.runtime.KarlModel;
import org.karl.ops.ComplexityMapOp;
import org.karl.ops.ModelLocator;
import org.karl.image.ij.ImageFiles;

/**
 * {@code karl map}: the headless batch of KARL Complexity Map... with real exit codes. For every
 * image file given (or in a folder given) it writes {@code <name>_map.tif} and
 * {@code <name>_tokens.csv}, exactly the map and Results rows the Fiji command makes.
 */
public final class MapCommand implements Subcommand {

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
			"  --" + KEY_OUTPUT + " DIR     folder for NAME_map.tif and NAME_tokens.csv (" +
			String.join(",", ComplexityMapOp.COLUMNS) + ")\n" +
			"  FILE_OR_FOLDER   image files, or folders whose image files are all mapped\n";
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
		final List<Path> files = inputs(args.positionalPaths());
		if (Files.exists(out) && !Files.isDirectory(out)) throw new IllegalArgumentException("--" +
			KEY_OUTPUT + " " + out + " is a file; give a folder");
		final Path modelDir = ModelLocator.resolve(args.get(KEY_MODEL, ""), null);
		if (!Files.isDirectory(modelDir)) throw new IllegalArgumentException("model folder " +
			modelDir + " does not exist; check --" + KEY_MODEL);
		try (Tokenizer model = loader.load(modelDir)) {
			for (final Path f : files) {
				final ImagePlus imp = ImageFiles.open(f);
				final ComplexityMapOp.Output o = ComplexityMapOp.run(imp, model, epsilon, budget, lut,
					Progress.NONE);
				final String name = stem(f);
				Files.createDirectories(out);
				o.table().writeCsv(out.resolve(name + "_tokens.csv"));
				AtomicFiles.writeFile(out.resolve(name + "_map.tif"), tmp -> {
					final FileSaver s = new FileSaver(o.map());
					if (!(o.map().getStackSize() > 1 ? s.saveAsTiffStack(tmp.toString()) : s.saveAsTiff(tmp
						.toString()))) throw new IOException("could not write " + tmp);
				});
				o.notes().forEach(n -> args.err().println("karl map: note: " + n));
				args.out().println(f + ": " + o.table().size() + " tiles -> " + out.resolve(name +
					"_map.tif"));
				imp.flush();
			}
		}
		return Main.EXIT_OK;
	}

	/** The files given, with each folder replaced by its (non-hidden) files, sorted. */
	static List<Path> inputs(final List<Path> given) throws IOException, UsageException {
		if (given.isEmpty()) throw new UsageException("no image file or folder given");
		final List<Path> files = new ArrayList<>();
		for (final Path p : given) {
			if (Files.isDirectory(p)) try (Stream<Path> s = Files.list(p)) {
				s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
					.sorted().forEach(files::add);
			}
			else if (Files.isRegularFile(p)) files.add(p);
			else throw new IllegalArgumentException("input " + p + " does not exist; check the path");
		}
		if (files.isEmpty()) throw new IllegalArgumentException("no image files in " + given +
			"; give image files or folders that hold some");
		return files;
	}

	private static String stem(final Path f) {
		final String n = f.getFileName().toString();
		final int dot = n.lastIndexOf('.');
		return dot > 0 ? n.substring(0, dot) : n;
	}
}
