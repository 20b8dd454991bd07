package org.karl.eval;

import java.util.List;

/**
 * What one {@code karl bench} run measured, written as {@code bench.json}.
 *
 * @param device the TensorFlow device, in words
 * @param cores processors the JVM sees
 * @param model model folder
 * @param plane edge of the square test plane, pixels
 * @param tiles tiles of the plane
 * @param epsilon ε of the complexity map
 * @param candidates the best of two map runs per candidate batch size (empty when given)
 * @param batch the batch size used (fastest candidate, or given)
 * @param mapSeconds wall seconds of the timed map runs at that batch
 * @param bestMapSeconds the fastest of them
 * @param tilesPerSecond tiles / bestMapSeconds
 * @param flopsPerTile analytic FLOPs of the tokenize path per tile ({@link Flops})
 * @param modelGflops achieved GFLOP/s of the fastest map run
 * @param matmulGflops TensorFlow's own float32 MatMul GFLOP/s in this process
 * @param matmulSize edge of the probe matrices
 * @param ratio modelGflops / matmulGflops
 * @param coldStart child-JVM cold start (null when skipped)
 * @param memory resident memory over many single-tile calls
 * @param peakRssMiB this process's peak resident memory (VmHWM) at the end
 * @param goals the speed and memory goals ({@link Bench}): map speed, cold start, memory growth
 * @param verify the same map with verified counts
 */
public record BenchResult(String device, int cores, String model, int plane, int tiles,
	double epsilon, List<BatchRun> candidates, int batch, double[] mapSeconds,
	double bestMapSeconds, double tilesPerSecond, Flops.Tokenize flopsPerTile, double modelGflops,
	double matmulGflops, int matmulSize, double ratio, ColdStart.Result coldStart, Memory memory,
	double peakRssMiB, List<Goals.Goal> goals, Verify verify)
{

	/** The verified-counts goal: a verified map takes at most this many times the single pass's time. */
	public static final double VERIFY_GOAL = 2.5;

	/**
	 * The map with verified counts, timed alternately with the single pass at the same batch.
	 *
	 * @param seconds wall seconds of the verified map runs
	 * @param bestSeconds the fastest of them
	 * @param tilesPerSecond tiles / bestSeconds
	 * @param timeRatio bestSeconds / the single pass's best map seconds
	 * @param goalMet whether timeRatio ≤ {@link #VERIFY_GOAL} (null: not the 2048² plane)
	 * @param meanPredicted mean single-pass count per tile
	 * @param meanVerified mean verified count per tile
	 * @param underReported share of tiles whose verified count is above the predicted one
	 * @param unreachable share of tiles that miss ε even at the budget
	 */
	public record Verify(double[] seconds, double bestSeconds, double tilesPerSecond,
		double timeRatio, Boolean goalMet, double meanPredicted, double meanVerified,
		double underReported, double unreachable)
	{

		/**
		 * From the timed runs, the single pass's best seconds and one run's summary; the goal is
		 * stated for the 2048² plane, so another plane size is reported but not judged.
		 */
		static Verify of(final double[] seconds, final double singleBest, final int plane,
			final int tiles, final org.karl.ops.VerifySummary s)
		{
			final double best = java.util.Arrays.stream(seconds).min().orElseThrow();
			final double ratio = best / singleBest;
			return new Verify(seconds, best, tiles / best, ratio, plane == 2048 ? ratio <= VERIFY_GOAL
				: null, s.meanPredicted(), s.meanVerified(), (double) s.underReported() / s.tiles(),
				(double) s.unreachable() / s.tiles());
		}
	}

	/**
	 * Resident memory after {@code early} (warm-up) and after {@code calls} single-tile tokenize
	 * calls, each read after a GC. Off-heap is RSS minus the committed Java heap: TensorFlow's native memory
	 * plus the JVM's own, unaffected by the heap growing or shrinking.
	 *
	 * @param calls calls made, warm-up included
	 * @param early warm-up calls before the first reading ({@link Bench#WARMUP_CALLS})
	 * @param rssEarlyMiB VmRSS after {@code early} calls
	 * @param rssAfterMiB VmRSS after all calls
	 * @param rssGrowth rssAfter / rssEarly - 1
	 * @param offHeapEarlyMiB off-heap resident memory after {@code early} calls
	 * @param offHeapAfterMiB off-heap resident memory after all calls
	 * @param offHeapGrowth offHeapAfter / offHeapEarly - 1
	 * @param msPerCall mean wall milliseconds per call after the warm-up
	 */
	public record Memory(int calls, int early, double rssEarlyMiB, double rssAfterMiB,
		double rssGrowth, double offHeapEarlyMiB, double offHeapAfterMiB, double offHeapGrowth,
		double msPerCall) {}

	/** One map of the plane at one batch size. */
	public record BatchRun(int batch, double seconds, double tilesPerSecond) {}

	/** The goals: a 2048² map ≤ 5 s, cold start ≤ 3 s, RSS growth < 5 %. */
	static List<Goals.Goal> goals(final int plane, final double map, final ColdStart.Result cold,
		final Memory m)
	{
		final double growth = m.rssGrowth();
		final double c = cold == null ? Double.NaN : cold.total();
		// NB: the map goal is stated for 2048²; another plane size is reported but not judged.
		return List.of(goal("2048² complexity map (4096 tiles), best wall seconds", plane == 2048
			? map : Double.NaN, "≤ 5", map <= 5), goal("cold start: JVM + model load + first tile, seconds", c, "≤ 3", c <= 3), goal(
				"RSS growth over " + (m.calls() - m.early()) + " single-tile calls after " + m.early() +
					" warm-up calls", growth, "< 0.05", growth < 0.05));
	}

	private static Goals.Goal goal(final String what, final double v, final String target,
		final boolean met)
	{
		return new Goals.Goal(what, v, target, Double.isNaN(v) ? null : met);
	}
}
