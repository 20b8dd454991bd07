package org.karl.ops;

import ij.ImagePlus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.karl.engine.api.Progress;
import org.karl.engine.api.Tokenizer;
import org.karl.image.ij.ImageFiles;
import org.karl.image.ij.Normalization;

/**
 * One input file of a {@code karl map} batch mapped to {@code <name>_map.tif} and
 * {@code <name>_tokens.csv}: the per-file step shared by {@code karl map}, its shards and the
 * Spark job, so that every way of running a batch writes the same bytes.
 */
public final class MapFiles {

	/** Suffix of the map files. */
	public static final String MAP_SUFFIX = "_map.tif";

	/** Suffix of the CSV files. */
	public static final String CSV_SUFFIX = "_tokens.csv";

	/**
	 * What one file gave: tiles mapped, where the map went, notes for the log, and the
	 * verification summary line ("" without {@code verify}).
	 */
	public record Result(long tiles, Path map, Path csv, List<String> notes, String summary) {}

	private MapFiles() {}

	/** The map file of the input named {@code name}. */
	public static Path map(final Path out, final String name) {
		return out.resolve(name + MAP_SUFFIX);
	}

	/** The CSV file of the input named {@code name}. */
	public static Path csv(final Path out, final String name) {
		return out.resolve(name + CSV_SUFFIX);
	}

	/**
	 * Refuses, before any work, a map or CSV of {@code names} in {@code out} that is one of the
	 * inputs, or that exists and is not a regular file ({@link OutputRule}); {@code key}: how
	 * the door names the output folder.
	 */
	public static void checkOutputs(final Path out, final java.util.Map<Path, String> names,
		final java.util.List<Path> inputs, final String key) throws java.io.IOException
	{
		for (final String n : names.values()) {
			for (final Path f : List.of(map(out, n), csv(out, n))) {
				Outputs.refuseInputs(f, inputs, key);
				OutputRule.target(f, key);
			}
		}
	}

	/**
	 * True when both outputs are there and complete, by their content ({@link FinishedMaps}): a
	 * run stopped between the two, or a file damaged later, is not done.
	 */
	public static boolean done(final Path out, final String name) {
		return FinishedMaps.check(out, name).done();
	}

	/** True for files that a map batch writes, so that a folder mapped into itself skips them. */
	public static boolean isOutput(final Path f) {
		final String n = f.getFileName().toString();
		return n.endsWith(MAP_SUFFIX) || n.endsWith(CSV_SUFFIX) || n.endsWith(SweepFiles.TIF_SUFFIX) ||
			n.endsWith(SweepFiles.CSV_SUFFIX);
	}

	/**
	 * Maps {@code f} (stacks read plane by plane, pixels read with {@code norm}) into
	 * {@code out}: the CSV streamed row by row, then the map. The image column holds
	 * {@code label}: a worker reads an absolute path, the table shows the path as the user gave it.
	 */
	public static Result map(final Path f, final String label, final Path out, final String name,
		final Tokenizer model, final float epsilon, final int budget, final Normalization norm,
		final String lut, final Progress progress) throws IOException
	{
		return map(f, label, out, name, model, epsilon, budget, norm, lut, false, progress);
	}

	/**
	 * As above; with {@code verify}, verified counts, unreachable tiles outlined in the map
	 * ({@link org.karl.image.ij.UnreachableFlags}) and the CSV columns
	 * {@link ComplexityMapOp#columns}.
	 */
	public static Result map(final Path f, final String label, final Path out, final String name,
		final Tokenizer model, final float epsilon, final int budget, final Normalization norm,
		final String lut, final boolean verify, final Progress progress) throws IOException
	{
		final ImagePlus imp = ImageFiles.openPlanes(f);
		try {
			Inputs.checkImage(imp, model.tileSize());
			final ComplexityMapOp.Output[] o = { null };
			final Path csv = csv(out, name), tif = map(out, name);
			AtomicFiles.write(csv, w -> o[0] = ComplexityMapOp.run(imp, label, model, epsilon,
				budget, norm, lut, null, new CsvRows(w, ComplexityMapOp.columns(verify)), verify,
				progress));
			TiffOutput.write(o[0].map(), tif);
			return new Result(o[0].tiles(), tif, csv, o[0].notes(), TokenizeOp.summary(o[0].verified(),
				label));
		}
		finally {
			imp.flush();
		}
	}
}
