package org.karl.cli;

import org.karl.ops.ModelLocator;
import org.karl.ops.AtomicFiles;
import static org.karl.Keys.*;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

import org.karl.engine.api.Progress;
import org.karl.eval.Bench;
import org.karl.eval.BenchResult;
import org.karl.eval.ColdStart;
import org.karl.eval.ij.StreamingBench;
import org.karl.eval.EvalJson;
import org.karl.eval.Goals;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code karl bench}: speed and memory of the complexity-map path ({@link Bench}); prints a
 * table and writes {@code bench.json} into the output folder.
 */
@Command(name = "bench", description = "Times the complexity map (encoder only, and with " +
	"--verify), cold start and memory over many calls.")
public final class BenchCommand extends KarlCommand {

	/** File name written into the output folder. */
	public static final String JSON = "bench.json";

	/** The streaming figure's results ({@code --stream_mb}). */
	public static final String STREAM_JSON = "bench-streaming.json";

	/** The streaming child's heap: far below the stacks it maps. */
	static final int STREAM_XMX_MIB = 256;
	/** The streaming child is stopped after this long (384 MiB took 370 s: docs/bench-streaming.json). */
	static final long STREAM_TIMEOUT_S = 3600;

	@Option(names = "--" + KEY_MODEL, paramLabel = "DIR", required = true,
		description = "model folder")
	Path model;

	@Option(names = "--" + KEY_PLANE, paramLabel = "PX",
		description = "edge of the square test plane; default ${DEFAULT-VALUE} (4096 tiles)")
	int plane = DEFAULT_PLANE;

	@Option(names = "--" + KEY_BATCH, paramLabel = "B",
		description = "tiles per TensorFlow call; default: the fastest of 64..1024")
	int batch = DEFAULT_BATCH;

	@Option(names = "--" + KEY_CALLS, paramLabel = "N",
		description = "single-tile calls of the memory check; default ${DEFAULT-VALUE}")
	int calls = DEFAULT_CALLS;

	@Option(names = "--" + KEY_EPSILON, paramLabel = "E",
		description = "ε of the map; default ${DEFAULT-VALUE}")
	double epsilon = DEFAULT_EPSILON;

	@Option(names = "--" + KEY_SEED, paramLabel = "S",
		description = "seed of the plane's generated content; default ${DEFAULT-VALUE}")
	long seed = DEFAULT_SEED;

	@Option(names = "--" + KEY_STREAM_MB, paramLabel = "MB",
		description = "also map a generated TIFF stack of about MB megabytes in a child karl with " +
			"-Xmx" + STREAM_XMX_MIB + "m (plane-by-plane streaming: heap, RSS, tiles/s); 0: skip")
	int streamMb = 0;

	@Option(names = "--" + KEY_OUTPUT, paramLabel = "DIR",
		description = "folder for " + JSON + "; default: the working folder")
	Path output = Path.of(".");

	@Override
	public Integer call() throws Exception {
		final Path modelDir = ModelLocator.existing(model.toString(), null, "--" + KEY_MODEL), out =
			output;
		final Bench.Options d = Bench.Options.defaults();
		if (plane < 1 || batch < 0 || calls < 1) throw usage("--" + KEY_PLANE +
			" and --" + KEY_CALLS + " must be >= 1, --" + KEY_BATCH + " >= 0");
		final Bench.Options o = new Bench.Options(plane, batch, d.candidates(), calls, d.matmul(),
			true, (float) epsilon, seed);
		final BenchResult r = Bench.run(modelDir, o, new Progress() {

			@Override
			public void status(final String message) {
				out().println("bench: " + message);
			}

			@Override
			public void fraction(final double done) {}
		});
		print(r, out());
		if (streamMb > 0) {
			final int edge = 2048, planes = Math.max(1, (int) Math.round(streamMb * 1024.0 * 1024 / (edge *
				(double) edge)));
			final StreamingBench.Result sr = StreamingBench.run(model, planes, edge, STREAM_XMX_MIB,
				STREAM_TIMEOUT_S);
			out().printf(Locale.ROOT, "streaming: %d planes of %d² 8-bit (%.0f MiB) mapped with " +
				"-Xmx%dm in %.1f s (%.0f tiles/s, JVM start and model load included); peak heap %.0f " +
				"MiB, peak RSS %.0f MiB, RSS at 25/50/75/100%%: %.0f/%.0f/%.0f/%.0f MiB%n", sr.planes(), sr
					.edge(), sr.stackMiB(), sr.xmxMiB(), sr.seconds(), sr.tilesPerSecond(), sr.peakHeapMiB(),
				sr.peakRssMiB(), sr.rssQuartersMiB()[0], sr.rssQuartersMiB()[1], sr.rssQuartersMiB()[2], sr
					.rssQuartersMiB()[3]);
			AtomicFiles.write(out.resolve(STREAM_JSON), w -> w.write(EvalJson.gson().toJson(sr) + "\n"));
		}
		AtomicFiles.write(out.resolve(JSON), w -> w.write(EvalJson.gson().toJson(r) + "\n"));
		out().println("wrote " + out.resolve(JSON));
		return Main.EXIT_OK;
	}

	/** The human-readable table. */
	static void print(final BenchResult r, final PrintStream p) {
		p.printf(Locale.ROOT, "model %s on %s (%d processors)%n", r.model(), r.device(), r.cores());
		if (!r.candidates().isEmpty()) p.printf("%8s %10s %10s%n", "batch", "seconds", "tiles/s");
		for (final BenchResult.BatchRun b : r.candidates())
			p.printf(Locale.ROOT, "%8d %10.2f %10.0f%n", b.batch(), b.seconds(), b.tilesPerSecond());
		p.printf(Locale.ROOT, "map %dx%d (%d tiles, encoder only, ε %.3f) at batch %d: best %.2f s " +
			"of %s, %.0f tiles/s%n", r.plane(), r.plane(), r.tiles(), r.epsilon(), r.batch(), r
				.bestMapSeconds(), seconds(r.mapSeconds()), r.tilesPerSecond());
		final BenchResult.Verify v = r.verify();
		p.printf(Locale.ROOT, "map with --verify (same plane, runs alternating with the above): best " +
			"%.2f s of %s, %.0f tiles/s, %.2f x the single pass (goal <= %.1f: %s); mean tokens " +
			"predicted %.2f, verified %.2f; under-reported %.1f %%, unreachable %.1f %% of tiles%n", v
				.bestSeconds(), seconds(v.seconds()), v.tilesPerSecond(), v.timeRatio(),
			BenchResult.VERIFY_GOAL, v.goalMet() == null ? "not judged at this plane size" : v.goalMet()
				? "met" : "missed", v.meanPredicted(), v.meanVerified(), 100 * v.underReported(), 100 * v
					.unreachable());
		final var f = r.flopsPerTile();
		p.printf(Locale.ROOT, "FLOPs per tile %.1f M (base encoder %.1f, patch embed %.1f, " +
			"encoder %.1f, halting %.1f, quantizer %.1f)%n", f.total() / 1e6, f.baseEncoder() / 1e6, f
				.patchEmbed() / 1e6, f.encoder() / 1e6, f.halting() / 1e6, f.quantizer() / 1e6);
		p.printf(Locale.ROOT, "achieved %.1f GFLOP/s vs TensorFlow MatMul %d² %.1f GFLOP/s: " +
			"ratio %.3f%n", r.modelGflops(), r.matmulSize(), r.matmulGflops(), r.ratio());
		final ColdStart.Result c = r.coldStart();
		if (c != null) p.printf(Locale.ROOT, "cold start %.2f s (JVM %.2f, TensorFlow init %.2f, " +
			"model load %.2f, first tile %.2f), child peak RSS %.0f MiB%n", c.total(), c.jvm(), c
				.tfInit(), c.load(), c.firstTile(), c.peakMiB());
		final BenchResult.Memory m = r.memory();
		p.printf(Locale.ROOT, "RSS %.1f MiB after %d single-tile calls, %.1f MiB after %d (%+.2f%%;" +
			" off-heap %.1f -> %.1f MiB, %+.2f%%), %.2f ms per call; peak RSS %.0f MiB%n", m
				.rssEarlyMiB(), m.early(), m.rssAfterMiB(), m.calls(), 100 * m.rssGrowth(), m
					.offHeapEarlyMiB(), m.offHeapAfterMiB(), 100 * m.offHeapGrowth(), m.msPerCall(), r
						.peakRssMiB());
		for (final Goals.Goal g : r.goals())
			p.printf(Locale.ROOT, "goal: %s = %.3f (%s): %s%n", g.goal(), g.value(), g.target(), g
				.met() == null ? "not measured" : g.met() ? "met" : "missed");
	}

	private static String seconds(final double[] s) {
		final StringBuilder b = new StringBuilder();
		for (final double v : s) b.append(b.length() == 0 ? "" : " ").append(String.format(
			Locale.ROOT, "%.2f", v));
		return b.toString();
	}
}
