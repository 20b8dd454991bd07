package org.karl.fiji.ij1;

import ij.ImagePlus;

import java.io.IOException;
import java.nio.file.Path;

import org.karl.Keys;
import org.karl.engine.api.Progress;
import org.karl.engine.api.Tokenizer;
import org.karl.image.ij.Normalization;
import org.karl.ops.ComplexityMapOp;
import org.karl.ops.EpsilonSweep;
import org.karl.ops.ReconstructOp;
import org.karl.ops.Table;
import org.karl.ops.TokenizeOp;

/**
 * What the Fiji doors show for each image action: the action's one implementation in
 * {@code ops} run on the image (its area selection included), its image rendered
 * ({@link MapView}) and its rows as a {@link TableResult}. The KARL plug-ins and their SciJava
 * twins both call these, so the two Fiji doors show the same; {@code karl map} and the other
 * headless doors call the same operations and write their results instead.
 */
public final class Shown {

	private Shown() {}

	/**
	 * KARL Complexity Map ({@link ComplexityMapOp}): rows in a {@link Table}, written to
	 * {@code save} (blank: not); the image as {@link MapView} shows it ({@code show}: tiles, full
	 * or overlay, which is the input itself with an overlay; {@code display}: auto or fixed);
	 * with {@code verify}, verified counts, flags and the summary line.
	 */
	public static TableResult complexityMap(final ImagePlus imp, final Tokenizer t,
		final float epsilon, final int budget, final Normalization normalize, final String lut,
		final String show, final String display, final String save, final boolean verify,
		final Progress progress) throws IOException
	{
		MapView.check(show, display);
		final Path csv = TableResult.checkSave(save, imp);
		final Table rows = new Table(ComplexityMapOp.columns(verify));
		final ComplexityMapOp.Output o = ComplexityMapOp.run(imp, imp.getTitle(), t, epsilon, budget,
			normalize, lut, imp.getRoi(), rows, verify, progress);
		return new TableResult(MapView.render(o.map(), imp, t.tileSize(), t.maxTokens(), show,
			display), rows, o.notes(), 0, TokenizeOp.summary(o.verified(), imp.getTitle())).save(csv);
	}

	/**
	 * KARL Complexity Map with {@code sweep} ({@link EpsilonSweep}): the stack as {@link MapView}
	 * shows tile maps ({@code display}: auto, the stack's range, or fixed, 0..T_max; either way
	 * the slices compare), the summary table, written to {@code save} (blank: not), and
	 * {@link EpsilonSweep.Output#line} as the result's summary. {@code show} must be tiles: a
	 * sweep is a stack of tile maps.
	 */
	public static TableResult sweep(final ImagePlus imp, final Tokenizer t, final float[] eps,
		final int budget, final Normalization normalize, final String lut, final String show,
		final String display, final String save, final boolean verify, final Progress progress)
		throws IOException
	{
		MapView.check(show, display);
		if (!show.equals(MapView.TILES)) throw new IllegalArgumentException(Keys.KEY_SHOW + "=" + show +
			" shows one map, and a sweep opens a stack of tile maps; use " + Keys.KEY_SHOW + "=" +
			MapView.TILES + ", or map the epsilon you chose with " + Keys.KEY_EPSILON + " alone");
		final Path csv = TableResult.checkSave(save, imp);
		final EpsilonSweep.Output o = EpsilonSweep.run(imp, imp.getTitle(), t, eps, budget, normalize,
			lut, imp.getRoi(), verify, progress);
		final ImagePlus stack = MapView.render(o.stack(), imp, t.tileSize(), t.maxTokens(),
			MapView.TILES, display);
		return new TableResult(stack, o.table(verify), o.notes(), 0, o.line()).save(csv);
	}

	/**
	 * KARL Tokenize ({@link TokenizeOp}): token ids included (and with {@code reconstruct} each
	 * tile's L1 and met), rows in a {@link Table}, written to {@code save} (blank: not); with
	 * {@code verify}, verified counts and the summary line.
	 */
	public static TableResult tokenize(final ImagePlus imp, final Tokenizer t, final float epsilon,
		final int budget, final boolean reconstruct, final Normalization normalize, final String save,
		final boolean verify, final Progress progress) throws IOException
	{
		final Path csv = TableResult.checkSave(save, imp);
		final TokenizeOp.Options o = new TokenizeOp.Options(epsilon, budget, reconstruct, true,
			normalize, verify);
		final Table rows = new Table(o.columns());
		final TokenizeOp.Output out = TokenizeOp.run(imp, imp.getTitle(), t, o, imp.getRoi(), rows,
			null, progress);
		return new TableResult(null, rows, out.notes(), t.maxTokens(), TokenizeOp.summary(out
			.verified(), imp.getTitle())).save(csv);
	}

	/**
	 * KARL Reconstruct ({@link ReconstructOp}): the reconstruction and its rows in a
	 * {@link Table}; with {@code verify}, at verified counts, with the summary line.
	 */
	public static TableResult reconstruct(final ImagePlus imp, final Tokenizer t,
		final float epsilon, final int budget, final int fixed, final Normalization normalize,
		final boolean verify, final Progress progress)
	{
		final Table rows = new Table(ReconstructOp.columns(verify));
		final ReconstructOp.Output o = ReconstructOp.run(imp, imp.getTitle(), t, epsilon, budget, fixed,
			normalize, rows, verify, progress);
		return new TableResult(o.image(), rows, o.notes(), 0, TokenizeOp.summary(o.verified(), imp
			.getTitle()));
	}
}
