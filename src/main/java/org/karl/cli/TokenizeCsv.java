package org.karl.cli;

import org.karl.ops.AtomicFiles;
import ij.ImagePlus;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

import org.karl.Keys;
import org.karl.engine.api.Progress;
import org.karl.engine.api.ReconstructResult;
import org.karl.engine.api.Tokenizer;
import org.karl.image.PlaneTokenizer;
import org.karl.image.PlaneTokens;
import org.karl.image.TileGrid;
import org.karl.image.ij.ImageFiles;
import org.karl.image.ij.Plane;
import org.karl.image.ij.Planes;

/**
 * The work of {@code karl tokenize}: opens each image file, tokenizes every tile of every plane
 * with a {@link Tokenizer} ({@link PlaneTokenizer}) and writes one CSV row per tile. It takes
 * the tokenizer as an argument so that it can be tested without a model.
 * <p>
 * Columns: {@value #HEADER}, plus {@code l1} and {@code met} (1 when l1 ≤ ε, else 0: a tile at
 * the full budget with met 0 cannot reach ε) when reconstructing. {@code file} is the path as
 * given; {@code slice} the 1-based stack index (channel fastest, then z, then t);
 * {@code tile_x, tile_y} the tile's column and row (its top-left pixel is
 * {@code tile_x * tileSize, tile_y * tileSize}); {@code padded} 1 when the tile extends past the
 * image (filled by mirror reflection), else 0.
 */
public final class TokenizeCsv {

	/** The columns always written. */
	public static final String HEADER = "file,slice,tile_x,tile_y,padded,tokens,budget,epsilon";

	/** The column added by {@code --reconstruct}: mean absolute error of the tile's reconstruction. */
	public static final String L1 = "l1";

	/** The column added by {@code --reconstruct}: 1 when the tile's L1 ≤ ε, else 0. */
	public static final String MET = "met";

	private final Tokenizer tokenizer;
	private final float epsilon;
	private final int budget;
	private final boolean reconstruct;

	/**
	 * @param budget tokens per tile in [1, T_max], or {@link Keys#DEFAULT_BUDGET} (0) for T_max
	 * @throws IllegalArgumentException when epsilon or budget is outside the model's range
	 */
	public TokenizeCsv(final Tokenizer tokenizer, final float epsilon, final int budget,
		final boolean reconstruct)
	{
		this.tokenizer = tokenizer;
		this.epsilon = epsilon;
		this.budget = budget == Keys.DEFAULT_BUDGET ? tokenizer.maxTokens() : budget;
		this.reconstruct = reconstruct;
		tokenizer.checkRequest(epsilon, this.budget);
	}

	/** The header line, without line end. */
	public String header() {
		return reconstruct ? HEADER + "," + L1 + "," + MET : HEADER;
	}

	/** Writes the CSV for {@code files} to {@code csv} atomically; returns the number of rows. */
	public long write(final List<Path> files, final Path csv, final Progress progress)
		throws IOException
	{
		final long[] rows = { 0 };
		AtomicFiles.write(csv, out -> {
			out.write(header());
			out.write('\n');
			for (int i = 0; i < files.size(); i++)
				rows[0] += append(files.get(i), out, progress.sub((double) i / files.size(),
					(double) (i + 1) / files.size()));
		});
		return rows[0];
	}

	/** Appends the rows of every tile of every plane of {@code file}; returns how many. */
	public long append(final Path file, final Writer out, final Progress progress)
		throws IOException
	{
		final ImagePlus imp = ImageFiles.open(file);
		try {
			final String name = csvField(file.toString());
			final int planes = Planes.count(imp);
			long rows = 0;
			for (final Plane plane : Planes.of(imp)) {
				progress.status(file + ": plane " + plane.index() + "/" + planes);
				final PlaneTokens t = PlaneTokenizer.tokenize(tokenizer, plane.img(), epsilon, budget,
					reconstruct, progress.sub((plane.index() - 1.0) / planes, (double) plane.index() /
						planes));
				final TileGrid g = t.grid();
				for (int i = 0; i < g.count(); i++) {
					final int tx = g.tileX(i), ty = g.tileY(i);
					out.write(name + "," + plane.index() + "," + tx + "," + ty + "," + (g.isPadded(tx,
						ty) ? 1 : 0) + "," + t.counts()[i] + "," + budget + "," + epsilon);
					if (reconstruct) out.write("," + t.l1()[i] + "," + (ReconstructResult.meets(t.l1()[i],
						epsilon) ? 1 : 0));
					out.write('\n');
				}
				rows += g.count();
			}
			return rows;
		}
		finally {
			imp.flush();
		}
	}

	/** {@code s} quoted as RFC 4180 asks when it holds a comma, quote or line break. */
	static String csvField(final String s) {
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf(
			'\r') < 0) return s;
		return '"' + s.replace("\"", "\"\"") + '"';
	}
}
