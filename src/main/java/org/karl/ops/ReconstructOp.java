package org.karl.ops;

import ij.ImagePlus;
import ij.ImageStack;
import ij.VirtualStack;
import ij.io.ImageWriter;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import java.util.List;

import org.karl.engine.api.BudgetLadder;
import org.karl.engine.api.ReconstructResult;
import org.karl.engine.api.Progress;
import org.karl.engine.api.TokenizeResult;
import org.karl.engine.api.Tokenizer;
import org.karl.image.Stitcher;
import org.karl.image.TileGrid;
import org.karl.image.Tiler;
import org.karl.image.ij.Normalization;
import org.karl.image.ij.Plane;
import org.karl.image.ij.PlaneReader;

/**
 * KARL Reconstruct: the single pass per tile (1 encoder + 1 decoder run) at ε, stitched into a
 * new 32-bit stack with the input's layout and calibration, with one row per plane (mean kept
 * tokens per tile, L1 against the input in [0,1] units). With a fixed token count N instead,
 * the first N tokens of every tile's encoding at T_max are decoded whatever the halting head
 * says: the same prefix that verified counts, the training curve and eval's prefix search decode. With
 * {@code verify}, each tile is reconstructed at its verified count ({@link VerifiedCounts}: the
 * first k tokens, k raised until ε is met or the budget reached), {@code tokens} is the mean
 * verified count, the extra column {@code predicted} the single pass's, and every tile still
 * missing ε is at the budget ({@code unmet} = {@code unmet_full}).
 */
public final class ReconstructOp {

	/** Suffix of the output's title. */
	public static final String SUFFIX = " KARL reconstruction";

	/**
	 * The rows' columns, one row per plane: slice (1-based stack index), c, z, t, tiles, mean
	 * kept tokens per tile, L1 of the plane against the input in [0,1] units, and the number of
	 * tiles whose L1 missed ε and how many of those were at the full budget (so could not do
	 * better with this model); both NaN with a fixed token count, which has no ε to meet.
	 */
	public static final List<String> COLUMNS = List.of("image", "slice", "c", "z", "t", "tiles",
		"tokens", "l1", "unmet", "unmet_full", "norm_low", "norm_high");

	/** The columns with {@code verify}: {@link #COLUMNS} and the mean predicted count. */
	public static final List<String> VERIFY_COLUMNS = java.util.stream.Stream.concat(COLUMNS
		.stream(), TokenizeOp.VERIFY_COLUMNS.stream()).toList();

	/** The columns of the rows, verified or not. */
	public static List<String> columns(final boolean verify) {
		return verify ? VERIFY_COLUMNS : COLUMNS;
	}

	/**
	 * The reconstruction, tiles that missed ε over all planes, notes for the log, and what
	 * verification changed (null without it).
	 */
	public record Output(ImagePlus image, ReconstructResult.Unmet unmet, List<String> notes,
		VerifySummary verified) {}

	private ReconstructOp() {}

	/**
	 * Refuses a budget and a fixed token count given together: a fixed count decodes that many
	 * tokens of every tile whatever the budget, so one of them would be ignored silently.
	 *
	 * @param budget as asked (0: T_max, the default)
	 * @param fixed as asked (0: let ε decide, the default)
	 */
	public static void checkCount(final int budget, final int fixed) {
		if (budget != org.karl.Keys.DEFAULT_BUDGET && fixed != org.karl.Keys.DEFAULT_TOKENS)
			throw new IllegalArgumentException("budget=" + budget + " and tokens=" + fixed +
				" contradict: a fixed token count decodes that many tokens of every tile, whatever the " +
				"budget; give one of them (tokens=N alone, or budget=T to let epsilon decide within T)");
	}

	/**
	 * The whole reconstruction in memory (the ImageJ doors show it).
	 *
	 * @param budget tokens per tile in [1, T_max], or 0 for T_max (ignored when {@code fixed})
	 * @param fixed kept tokens per tile in [1, T_max], or 0 to let ε decide
	 */
	public static Output run(final ImagePlus imp, final String name, final Tokenizer t,
		final float epsilon, final int budget, final int fixed, final Normalization normalize,
		final Rows rows, final Progress progress)
	{
		return run(imp, name, t, epsilon, budget, fixed, normalize, rows, false, progress);
	}

	/** As above, at verified counts with {@code verify}; rows {@link #columns}. */
	public static Output run(final ImagePlus imp, final String name, final Tokenizer t,
		final float epsilon, final int budget, final int fixed, final Normalization normalize,
		final Rows rows, final boolean verify, final Progress progress)
	{
		final Job job = new Job(imp, name, t, epsilon, budget, fixed, normalize, rows, verify,
			progress);
		final ImageStack out = new ImageStack(imp.getWidth(), imp.getHeight());
		for (int i = 1; i <= job.n; i++) out.addSlice(job.label(i), job.plane(i));
		return new Output(job.layout(new ImagePlus(imp.getTitle() + SUFFIX, out)), job.unmet, job
			.notes(), job.verified);
	}

	/**
	 * The reconstruction written to a TIFF as it is computed, one plane at a time: memory stays
	 * bounded by a few planes whatever the stack's size (the CLI, with a virtual input).
	 */
	public static Output runToTiff(final ImagePlus imp, final String name, final Tokenizer t,
		final float epsilon, final int budget, final int fixed, final Normalization normalize,
		final Rows rows, final java.nio.file.Path tiff, final Progress progress)
		throws java.io.IOException
	{
		return runToTiff(imp, name, t, epsilon, budget, fixed, normalize, rows, false, tiff, progress);
	}

	/** As above, at verified counts with {@code verify}; rows {@link #columns}. */
	public static Output runToTiff(final ImagePlus imp, final String name, final Tokenizer t,
		final float epsilon, final int budget, final int fixed, final Normalization normalize,
		final Rows rows, final boolean verify, final java.nio.file.Path tiff,
		final Progress progress) throws java.io.IOException
	{
		final Job job = new Job(imp, name, t, epsilon, budget, fixed, normalize, rows, verify,
			progress);
		final ImagePlus result = job.layout(new ImagePlus(imp.getTitle() + SUFFIX, new Computed(job)));
		TiffOutput.write(result, tiff);
		if (job.done != job.n) throw new IllegalStateException("ImageJ wrote " + job.done + " of " +
			job.n + " planes of " + tiff + "; report this with the input file");
		return new Output(result, job.unmet, job.notes(), job.verified);
	}

	/** Planes computed in stack order, each once; {@link ImageWriter} pulls them in order. */
	private static final class Computed extends VirtualStack {

		private final Job job;
		private int cachedIndex;
		private FloatProcessor cached;

		Computed(final Job job) {
			super(job.imp.getWidth(), job.imp.getHeight());
			this.job = job;
			setBitDepth(32);
		}

		@Override
		public synchronized ImageProcessor getProcessor(final int i) {
			if (i != cachedIndex) {
				// NB: ImagePlus asks for plane 1 when built, then the writer for 1..n in order
				if (i <= job.done) throw new IllegalStateException("plane " + i + " was already " +
					"written; the reconstruction is computed once, in order");
				FloatProcessor p = null;
				while (job.done < i) p = job.plane(job.done + 1);
				cached = p;
				cachedIndex = i;
			}
			return cached;
		}

		@Override
		public int getSize() {
			return job.n;
		}

		@Override
		public int size() {
			return job.n;
		}

		@Override
		public String getSliceLabel(final int i) {
			return job.label(i);
		}
	}

	/** One reconstruction, plane by plane: checks first, then {@link #plane} for 1..n. */
	private static final class Job {

		final ImagePlus imp;
		final int n;
		private final String name;
		private final Tokenizer t;
		private final float epsilon;
		private final int b, fixed;
		private final boolean verify;
		private final Normalization normalize;
		private final Rows rows;
		private final Progress progress;
		private final TileGrid grid;
		private final PlaneReader reader;
		ReconstructResult.Unmet unmet = new ReconstructResult.Unmet(0, 0);
		VerifySummary verified;
		int done;

		Job(final ImagePlus imp, final String name, final Tokenizer t, final float epsilon,
			final int budget, final int fixed, final Normalization normalize, final Rows rows,
			final boolean verify, final Progress progress)
		{
			if (!rows.columns().equals(columns(verify))) throw new IllegalArgumentException(
				"ReconstructOp: rows have columns " + rows.columns() + ", expected " + columns(verify));
			checkVerify(verify, fixed);
			Inputs.checkImage(imp, t.tileSize());
			checkCount(budget, fixed);
			this.b = Inputs.budget(t, epsilon, budget);
			if (fixed < 0 || fixed > t.maxTokens()) throw new IllegalArgumentException("tokens=" + fixed +
				" is outside [1, " + t.maxTokens() + "], this model's tokens per tile; choose a count " +
				"in that range, or 0 to reconstruct at epsilon");
			this.imp = imp;
			this.name = name;
			this.t = t;
			this.epsilon = epsilon;
			this.fixed = fixed;
			this.verify = verify;
			this.verified = verify ? VerifySummary.NONE : null;
			this.normalize = normalize;
			this.rows = rows;
			this.progress = progress;
			this.n = imp.getStackSize();
			this.grid = new TileGrid(imp.getWidth(), imp.getHeight(), t.tileSize());
			this.reader = new PlaneReader(imp, normalize);
		}

		String label(final int i) {
			return n == 1 ? null : imp.getStack().getSliceLabel(i);
		}

		/** Reconstructs plane {@code i} (the next one) and adds its row. */
		FloatProcessor plane(final int i) {
			if (i != done + 1) throw new IllegalStateException("plane " + i + " after " + done);
			if (progress.isCanceled()) throw new java.util.concurrent.CancellationException(
				"canceled at plane " + i);
			progress.status(name + ": reconstructing plane " + i + "/" + n);
			final Plane p = reader.read(i);
			final float[] tiles = Tiler.extract(p.img(), grid);
			final Progress sub = progress.sub((i - 1.0) / n, (double) i / n);
			final float[] images;
			final int[] counts;
			double planeUnmet = Double.NaN, planeFull = Double.NaN; // a fixed count has no ε to meet
			double predicted = Double.NaN;
			if (verify) {
				final VerifiedCounts.Tiles v = VerifiedCounts.verify(t, tiles, grid.count(), epsilon, b,
					sub);
				images = v.images();
				counts = v.counts();
				int miss = 0;
				predicted = 0;
				for (int k = 0; k < grid.count(); k++) {
					if (!v.met()[k]) miss++;
					predicted += v.predicted()[k];
					verified = verified.plus(v.predicted()[k], counts[k], v.met()[k]);
				}
				predicted /= grid.count();
				// NB: a verified tile misses ε only at the budget
				final ReconstructResult.Unmet u = new ReconstructResult.Unmet(miss, miss);
				planeUnmet = u.missed();
				planeFull = u.atBudget();
				unmet = unmet.plus(u);
			}
			else if (fixed > 0) {
				// NB: one meaning of "the first N tokens" everywhere (verified counts, the training
				// curve, eval's prefix search): a prefix of the encoding at T_max, not an encoding
				// with N queries
				final TokenizeResult r = t.tokenize(tiles, grid.count(), t.epsilonBins()[0], t
					.maxTokens(), sub);
				images = t.decode(r.tokens(), BudgetLadder.prefixMask(grid.count(), r.tmax(), fixed),
					grid.count(), sub);
				counts = new int[grid.count()];
				java.util.Arrays.fill(counts, fixed);
			}
			else {
				final ReconstructResult r = t.reconstruct(tiles, grid.count(), epsilon, b, sub);
				images = r.images();
				counts = r.counts();
				final ReconstructResult.Unmet u = r.unmet(epsilon, b);
				planeUnmet = u.missed();
				planeFull = u.atBudget();
				unmet = unmet.plus(u);
			}
			final float[] rec = Stitcher.stitch(grid, images);
			double l1 = 0, tokens = 0;
			for (int k = 0; k < rec.length; k++) l1 += Math.abs(rec[k] - p.pixels()[k]);
			for (final int c : counts) tokens += c;
			final Object[] row = { name, p.index(), p.channel(), p.slice(), p.frame(), grid.count(),
				tokens / grid.count(), l1 / rec.length, planeUnmet, planeFull, reader.lastBounds()[0],
				reader.lastBounds()[1], predicted };
			rows.add(verify ? row : java.util.Arrays.copyOf(row, COLUMNS.size()));
			done = i;
			return new FloatProcessor(p.width(), p.height(), rec);
		}

		/** The input's layout, calibration and the run's properties on {@code result}. */
		ImagePlus layout(final ImagePlus result) {
			result.setDimensions(imp.getNChannels(), imp.getNSlices(), imp.getNFrames());
			if (n > 1) result.setOpenAsHyperStack(true);
			final ij.measure.Calibration cal = imp.getCalibration().copy();
			cal.disableDensityCalibration();
			result.setCalibration(cal);
			result.setDisplayRange(0, 1);
			result.setProp(TokenizeOp.PROP_EPSILON, Float.toString(epsilon));
			result.setProp(TokenizeOp.PROP_NORMALIZE, normalize.describe());
			if (fixed > 0) result.setProp("karl.fixed_tokens", Integer.toString(fixed));
			return result;
		}

		List<String> notes() {
			final List<String> notes = new java.util.ArrayList<>(Inputs.notes(imp, reader));
			final String note = unmet.note(n * grid.count(), epsilon);
			if (!note.isEmpty()) notes.add(note);
			return notes;
		}
	}

	/** Refuses {@code verify} with a fixed token count, which leaves nothing to verify. */
	public static void checkVerify(final boolean verify, final int fixed) {
		if (verify && fixed > 0) throw new IllegalArgumentException(org.karl.Keys.KEY_VERIFY +
			" checks the counts epsilon gives, but " + org.karl.Keys.KEY_TOKENS + "=" + fixed +
			" fixes them; use " + org.karl.Keys.KEY_TOKENS + "=0 with " + org.karl.Keys.KEY_VERIFY +
			", or leave " + org.karl.Keys.KEY_VERIFY + " off");
	}
}
