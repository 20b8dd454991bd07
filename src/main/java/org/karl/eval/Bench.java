package org.karl.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.imglib2.img.array.ArrayImgs;

import org.karl.engine.api.Progress;
import org.karl.engine.runtime.Devices;
import org.karl.engine.runtime.KarlModel;
import org.karl.image.PlaneTokenizer;
import org.karl.image.Stitcher;
import org.karl.image.SyntheticTiles;
import org.karl.image.TileGrid;
import org.karl.ops.VerifiedCounts;
import org.karl.ops.VerifySummary;

/**
 * The {@code karl bench} measurement: the complexity-map path (encoder only) on a
 * square plane at the fastest of a few batch sizes, its FLOP/s against TensorFlow's own MatMul,
 * cold start in a child JVM, and resident memory over many single-tile calls after a warm-up.
 * The same plane is also mapped with verified counts ({@link VerifiedCounts}), in
 * the same process and alternating with the single-pass runs, so that both see the same load.
 * <p>
 * NB: the bench loads {@link KarlModel} itself rather than through the one loader of the doors
 * ({@code ops.Models}): it loads one folder at several batch sizes, which that loader does not
 * offer, and what it measures (the speed at a batch size, memory over many calls, the cold start)
 * needs a model loaded for the measurement alone, never one a cache kept or shares.
 */
public final class Bench {

	/** Map runs timed at the chosen batch size; the best counts. */
	public static final int REPEATS = 3;

	/**
	 * Single-tile calls made before the first resident-memory reading. Measured on models/default
	 * (2 cores): RSS rises by 15-30 MiB in steps, mostly in the first ~2000 calls, as malloc's
	 * arenas and the touched Java heap reach their working size, then stays within ~10 MiB, not
	 * in proportion to the calls (no leak); read after 100 calls that one-off rise was 4-6 %.
	 */
	public static final int WARMUP_CALLS = 1000;

	private Bench() {}

	/**
	 * How to benchmark.
	 *
	 * @param plane edge of the square test plane in pixels
	 * @param batch tiles per TF call; 0 = the fastest of {@code candidates}
	 * @param candidates batch sizes tried when {@code batch} is 0
	 * @param calls single-tile tokenize calls of the memory check
	 * @param matmul edge of the MatMul probe matrices
	 * @param coldStart whether to launch the cold-start child JVM
	 * @param epsilon ε of the map
	 * @param seed seed of the plane's content
	 */
	public record Options(int plane, int batch, int[] candidates, int calls, int matmul,
		boolean coldStart, float epsilon, long seed)
	{

		/** A 2048² plane, batch by measurement over 64..1024, 10,000 calls, 1024² MatMul. */
		public static Options defaults() {
			return new Options(2048, 0, new int[] { 64, 128, 256, 512, 1024 }, 10000, 1024, true,
				0.05f, 42);
		}
	}

	/** Runs every measurement on the model in {@code modelDir}. */
	public static BenchResult run(final Path modelDir, final Options o, final Progress progress)
		throws IOException, InterruptedException
	{
		final TileGrid grid = new TileGrid(o.plane(), o.plane(), SyntheticTiles.TILE);
		final float[] plane = Stitcher.stitch(grid, SyntheticTiles.mixed(o.seed(), grid.count())
			.pixels());
		final List<BenchResult.BatchRun> runs = new ArrayList<>();
		int batch = o.batch();
		if (batch <= 0) {
			for (final int b : o.candidates()) {
				progress.status("map at batch " + b);
				try (KarlModel m = KarlModel.load(modelDir, b)) {
					// NB: best of 2, so that one slow run on a shared CPU does not decide the batch.
					final double s = Arrays.stream(map(m, plane, o, 2)).min().orElseThrow();
					runs.add(new BenchResult.BatchRun(b, s, grid.count() / s));
				}
			}
			batch = runs.stream().min((a, b) -> Double.compare(a.seconds(), b.seconds())).orElseThrow()
				.batch();
		}
		progress.status("map at batch " + batch + ", " + REPEATS + " runs, each also with verify");
		final double[] seconds;
		final BenchResult.Verify verify;
		final Flops.Tokenize flops;
		final BenchResult.Memory memory;
		try (KarlModel m = KarlModel.load(modelDir, batch)) {
			final double[][] both = mapBoth(m, plane, o, REPEATS);
			seconds = both[0];
			verify = BenchResult.Verify.of(both[1], Arrays.stream(seconds).min().orElseThrow(), o
				.plane(), grid.count(), summary(m, plane, o));
			flops = Flops.tokenize(m.config(), m.maxTokens());
			progress.status(o.calls() + " single-tile tokenize calls");
			memory = singleTileCalls(m, plane, o);
		}
		progress.status("TensorFlow MatMul " + o.matmul() + "²");
		final double matmul = MatMulProbe.flopsPerSecond(o.matmul(), 1) / 1e9;
		ColdStart.Result cold = null;
		if (o.coldStart()) {
			progress.status("cold start (child JVM)");
			cold = ColdStart.measure(modelDir, 600);
		}
		final double best = Arrays.stream(seconds).min().orElseThrow();
		final double gflops = flops.total() * (double) grid.count() / best / 1e9;
		return new BenchResult(Devices.describe(), Runtime.getRuntime().availableProcessors(),
			modelDir.toString(), o.plane(), grid.count(), o.epsilon(), runs, batch, seconds, best, grid
				.count() / best, flops, gflops, matmul, o.matmul(), gflops / matmul, cold, memory,
			ProcessMemory.peakMiB(), BenchResult.goals(o.plane(), best, cold, memory), verify);
	}

	/**
	 * Wall seconds of {@code repeats} maps of the plane, single pass ([0]) and verified ([1])
	 * alternating, after one warm-up call of each.
	 */
	static double[][] mapBoth(final KarlModel m, final float[] plane, final Options o,
		final int repeats)
	{
		final float[] warm = Arrays.copyOf(plane, m.tileSize() * m.tileSize());
		m.tokenize(warm, 1, o.epsilon(), m.maxTokens(), Progress.NONE);
		VerifiedCounts.verify(m, warm, 1, o.epsilon(), m.maxTokens(), Progress.NONE);
		final double[][] s = new double[2][repeats];
		for (int r = 0; r < repeats; r++) {
			long t0 = System.nanoTime();
			PlaneTokenizer.tokenize(m, ArrayImgs.floats(plane, o.plane(), o.plane()), o.epsilon(), m
				.maxTokens(), false, Progress.NONE);
			s[0][r] = (System.nanoTime() - t0) / 1e9;
			t0 = System.nanoTime();
			VerifiedCounts.plane(m, ArrayImgs.floats(plane, o.plane(), o.plane()), o.epsilon(), m
				.maxTokens(), false, null, Progress.NONE);
			s[1][r] = (System.nanoTime() - t0) / 1e9;
		}
		return s;
	}

	/** What verification changes on the plane (one more verified map, untimed). */
	static VerifySummary summary(final KarlModel m, final float[] plane, final Options o) {
		final VerifiedCounts.PlaneResult v = VerifiedCounts.plane(m, ArrayImgs.floats(plane, o
			.plane(), o.plane()), o.epsilon(), m.maxTokens(), false, null, Progress.NONE);
		VerifySummary s = VerifySummary.NONE;
		for (int k = 0; k < v.predicted().length; k++)
			s = s.plus(v.predicted()[k], v.tokens().counts()[k], v.met()[k]);
		return s;
	}

	/** Wall seconds of {@code repeats} maps of the plane, after one warm-up call. */
	static double[] map(final KarlModel m, final float[] plane, final Options o,
		final int repeats)
	{
		final float[] warm = Arrays.copyOf(plane, m.tileSize() * m.tileSize());
		m.tokenize(warm, 1, o.epsilon(), m.maxTokens(), Progress.NONE);
		final double[] s = new double[repeats];
		for (int r = 0; r < repeats; r++) {
			final long t0 = System.nanoTime();
			PlaneTokenizer.tokenize(m, ArrayImgs.floats(plane, o.plane(), o.plane()), o.epsilon(), m
				.maxTokens(), false, Progress.NONE);
			s[r] = (System.nanoTime() - t0) / 1e9;
		}
		return s;
	}

	/**
	 * {@value #WARMUP_CALLS} warm-up then {@code calls} one-tile tokenize calls on successive
	 * chunks of the plane, with resident memory read after the warm-up and after all; the growth
	 * is over the {@code calls} after the warm-up, and the time per call is theirs.
	 */
	static BenchResult.Memory singleTileCalls(final KarlModel m, final float[] plane,
		final Options o)
	{
		final int px = m.tileSize() * m.tileSize(), tiles = plane.length / px;
		final int early = WARMUP_CALLS, all = early + o.calls();
		final float[] tile = new float[px];
		final double[] first = new double[2];
		settled(); // NB: drop the map runs' garbage before counting
		long t0 = System.nanoTime();
		for (int i = 0; i < all; i++) {
			// NB: consecutive plane values, not a tile; only the values matter here.
			System.arraycopy(plane, (i % tiles) * px, tile, 0, px);
			m.tokenize(tile, 1, o.epsilon(), m.maxTokens(), Progress.NONE);
			if (i + 1 == early) {
				System.arraycopy(settled(), 0, first, 0, 2);
				t0 = System.nanoTime();
			}
		}
		final double ms = (System.nanoTime() - t0) / 1e6 / o.calls();
		final double[] last = settled();
		return new BenchResult.Memory(all, early, first[0], last[0], last[0] / first[0] - 1,
			first[1], last[1], last[1] / first[1] - 1, ms);
	}

	/** [VmRSS, VmRSS − committed heap] in MiB after a GC, so that garbage is not read as growth. */
	private static double[] settled() {
		System.gc();
		final double rss = ProcessMemory.rssMiB();
		return new double[] { rss, rss - Runtime.getRuntime().totalMemory() / (1024.0 * 1024) };
	}
}
