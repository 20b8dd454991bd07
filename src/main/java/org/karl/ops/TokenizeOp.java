package org.karl.ops;

import ij.ImagePlus;
import ij.gui.Roi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.karl.engine.api.Progress;
import org.karl.engine.api.ReconstructResult;
import org.karl.engine.api.Tokenizer;
import org.karl.image.PlaneTokenizer;
import org.karl.image.PlaneTokens;
import org.karl.image.TileGrid;
import org.karl.image.ij.Normalization;
import org.karl.image.ij.Plane;
import org.karl.image.ij.PlaneReader;
import org.karl.image.ij.TileSelection;

/**
 * Tokenize an image: the kept-token count of every tile of every plane (encoder only), one row
 * per tile; optionally each tile's reconstruction error ({@code reconstruct}) and its token ids
 * and kept flags ({@code ids}). The one implementation behind KARL Tokenize, KARL Complexity
 * Map (which also paints the counts, see {@link ComplexityMapOp}), {@code karl tokenize} and
 * {@code karl map}: every door writes the same columns.
 * <p>
 * Columns: {@code image} (the name the door gives: a title in ImageJ, the path in the CLI),
 * {@code slice} (1-based stack index; channel fastest, then z, then t), {@code c, z, t},
 * {@code tile_x, tile_y} (the tile's column and row: its top-left pixel is
 * {@code tile_x * tileSize, tile_y * tileSize}), {@code padded} (1 when the tile extends past the
 * image, mirror-filled), {@code tokens}, {@code budget}, {@code epsilon}; with
 * {@code reconstruct}: {@code l1} and {@code met} (1 when l1 ≤ ε; a tile at the full budget with
 * met 0 cannot reach ε); {@code norm_low, norm_high}: the raw values read as 0 and 1 (see
 * {@link Normalization}); with {@code ids}: {@code token_ids} and {@code keep_mask}
 * (int[] of T_max values each; CSV and the Results table write them space-separated, the
 * {@value org.karl.Keys#TOKENS_TABLE} table one column per token, see {@link #tokenTable}).
 * <p>
 * With {@code verify} ({@link VerifiedCounts}) {@code tokens} is the verified count, {@code l1}
 * and {@code met} are those of its reconstruction (the first {@code tokens} tokens), the single
 * pass's count is kept in {@code predicted}, and {@code keep_mask} is the verified prefix.
 */
public final class TokenizeOp {

	/** Image property: total kept tokens of each plane, comma-separated, stack order. */
	public static final String PROP_TOKENS = "karl.tokens";

	/** Image property: the ε the counts were made at. */
	public static final String PROP_EPSILON = "karl.epsilon";

	/** Image property of a map: the budget (tokens per tile) it was made with. */
	public static final String PROP_BUDGET = "karl.budget";

	/** Image property: how the pixels were normalised ({@link Normalization#describe}). */
	public static final String PROP_NORMALIZE = "karl.normalize";

	/** The columns always written. */
	public static final List<String> COLUMNS = List.of("image", "slice", "c", "z", "t", "tile_x",
		"tile_y", "padded", "tokens", "budget", "epsilon", "norm_low", "norm_high");

	/** The columns added by {@code reconstruct}. */
	public static final List<String> RECONSTRUCT_COLUMNS = List.of("l1", "met");

	/** The column added by {@code verify} (after l1 and met, which it implies). */
	public static final List<String> VERIFY_COLUMNS = List.of("predicted");

	/** The columns added by {@code ids}. */
	public static final List<String> ID_COLUMNS = List.of("token_ids", "keep_mask");

	/**
	 * What to compute.
	 *
	 * @param budget tokens per tile in [1, T_max], or 0 for T_max
	 * @param normalize how raw pixels become [0,1]
	 * @param verify check each count by decoding ({@link VerifiedCounts}); implies l1 and met
	 */
	public record Options(float epsilon, int budget, boolean reconstruct, boolean ids,
		Normalization normalize, boolean verify)
	{

		/** Without verification. */
		public Options(final float epsilon, final int budget, final boolean reconstruct,
			final boolean ids, final Normalization normalize)
		{
			this(epsilon, budget, reconstruct, ids, normalize, false);
		}

		/** The columns of the rows these options give. */
		public List<String> columns() {
			final List<String> c = new ArrayList<>(COLUMNS);
			if (reconstruct || verify) c.addAll(RECONSTRUCT_COLUMNS);
			if (verify) c.addAll(VERIFY_COLUMNS);
			if (ids) c.addAll(ID_COLUMNS);
			return c;
		}
	}

	/** Receives each plane's tokens as soon as it is done (e.g. to paint a map). */
	public interface PlaneSink {

		void plane(Plane plane, PlaneTokens tokens);
	}

	/**
	 * @param planeTokens total kept tokens of each plane, stack order
	 * @param tiles rows written
	 * @param budget the budget used (T_max when 0 was asked)
	 * @param notes things the user should know about the input (NaN pixels, clipping, ...)
	 * @param verified what verification changed (null without {@code verify})
	 */
	public record Output(int[] planeTokens, long tiles, int budget, List<String> notes,
		VerifySummary verified) {}

	private TokenizeOp() {}

	/**
	 * Tokenizes every plane of {@code imp} and adds one row per tile to {@code rows}, whose
	 * columns must be {@code o.columns()}. The image's pixels are only read; its properties
	 * {@value #PROP_TOKENS} and {@value #PROP_EPSILON} are set.
	 */
	public static Output run(final ImagePlus imp, final String name, final Tokenizer t,
		final Options o, final Rows rows, final PlaneSink planes, final Progress progress)
	{
		return run(imp, name, t, o, null, rows, planes, progress);
	}

	/**
	 * As above for the tiles that {@code roi} touches (an area selection; null: every tile):
	 * only those are computed and get rows; the others have count
	 * {@link PlaneTokenizer#NOT_SELECTED} in {@code planes}.
	 */
	public static Output run(final ImagePlus imp, final String name, final Tokenizer t,
		final Options o, final Roi roi, final Rows rows, final PlaneSink planes,
		final Progress progress)
	{
		Inputs.checkImage(imp, t.tileSize());
		final int b = Inputs.budget(t, o.epsilon(), o.budget());
		if (!rows.columns().equals(o.columns())) throw new IllegalArgumentException(
			"TokenizeOp: rows have columns " + rows.columns() + ", expected " + o.columns());
		final PlaneReader reader = new PlaneReader(imp, o.normalize());
		final boolean[] selected = TileSelection.touched(roi, new TileGrid(imp.getWidth(), imp
			.getHeight(), t.tileSize()));
		final int n = imp.getStackSize();
		final int[] perPlane = new int[n];
		long tiles = 0;
		VerifySummary verified = o.verify() ? VerifySummary.NONE : null;
		for (int i = 1; i <= n; i++) {
			progress.status(name + ": plane " + i + "/" + n);
			final Plane p = reader.read(i);
			final Progress sub = progress.sub((i - 1.0) / n, (double) i / n);
			final PlaneTokens pt;
			final int[] predicted;
			if (o.verify()) {
				final VerifiedCounts.PlaneResult v = VerifiedCounts.plane(t, p.img(), o.epsilon(), b, o
					.ids(), selected, sub);
				pt = v.tokens();
				predicted = v.predicted();
			}
			else {
				pt = PlaneTokenizer.tokenize(t, p.img(), o.epsilon(), b, o.reconstruct(), o.ids(), selected,
					sub);
				predicted = null;
			}
			final TileGrid g = pt.grid();
			final double[] bounds = reader.lastBounds();
			final Object[] row = new Object[rows.columns().size()];
			for (int k = 0; k < g.count(); k++) {
				if (selected != null && !selected[k]) continue;
				final int tx = g.tileX(k), ty = g.tileY(k);
				int c = 0;
				row[c++] = name;
				row[c++] = p.index();
				row[c++] = p.channel();
				row[c++] = p.slice();
				row[c++] = p.frame();
				row[c++] = tx;
				row[c++] = ty;
				row[c++] = g.isPadded(tx, ty);
				row[c++] = pt.counts()[k];
				row[c++] = b;
				row[c++] = o.epsilon();
				row[c++] = bounds[0];
				row[c++] = bounds[1];
				if (o.reconstruct() || o.verify()) {
					row[c++] = pt.l1()[k];
					row[c++] = ReconstructResult.meets(pt.l1()[k], o.epsilon());
				}
				if (o.verify()) {
					row[c++] = predicted[k];
					verified = verified.plus(predicted[k], pt.counts()[k], ReconstructResult.meets(pt.l1()[k],
						o.epsilon()));
				}
				if (o.ids()) {
					row[c++] = Arrays.copyOfRange(pt.tokens(), k * pt.tmax(), (k + 1) * pt.tmax());
					row[c++] = Arrays.copyOfRange(pt.keep(), k * pt.tmax(), (k + 1) * pt.tmax());
				}
				rows.add(row);
				perPlane[i - 1] += pt.counts()[k];
			}
			tiles += selected == null ? g.count() : count(selected);
			if (planes != null) planes.plane(p, pt);
		}
		final StringBuilder prop = new StringBuilder();
		for (final int c : perPlane) prop.append(prop.length() == 0 ? "" : ",").append(c);
		imp.setProp(PROP_TOKENS, prop.toString());
		imp.setProp(PROP_EPSILON, Float.toString(o.epsilon()));
		imp.setProp(PROP_NORMALIZE, o.normalize().describe());
		return new Output(perPlane, tiles, b, Inputs.notes(imp, reader), verified);
	}

	/** The summary line of {@code v} for the image {@code name}, or "" without verification. */
	public static String summary(final VerifySummary v, final String name) {
		return v == null ? "" : v.line(name);
	}

	/**
	 * The token ids of {@code rows} (made with {@code ids}) one column per token: {@code image,
	 * slice, c, z, t, tile_x, tile_y, tokens}, then {@code id_1..id_T} (the code index at each
	 * position) and {@code keep_1..keep_T} (1 where the halting head keeps the token).
	 */
	public static Table tokenTable(final Table rows, final int tmax) {
		final List<String> key = List.of("image", "slice", "c", "z", "t", "tile_x", "tile_y", "tokens");
		final List<String> cols = new ArrayList<>(key);
		for (int j = 1; j <= tmax; j++) cols.add("id_" + j);
		for (int j = 1; j <= tmax; j++) cols.add("keep_" + j);
		final Table out = new Table(cols);
		for (int i = 0; i < rows.size(); i++) {
			final Object[] v = new Object[cols.size()];
			for (int c = 0; c < key.size(); c++) v[c] = rows.get(i, key.get(c));
			final int[] ids = (int[]) rows.get(i, ID_COLUMNS.get(0));
			final int[] keep = (int[]) rows.get(i, ID_COLUMNS.get(1));
			for (int j = 0; j < tmax; j++) {
				v[key.size() + j] = ids[j];
				v[key.size() + tmax + j] = keep[j];
			}
			out.add(v);
		}
		return out;
	}

	private static long count(final boolean[] sel) {
		long c = 0;
		for (final boolean b : sel) if (b) c++;
		return c;
	}

}
