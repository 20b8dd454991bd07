package org.karl.spark;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.karl.engine.api.Progress;
import org.karl.engine.runtime.KarlModel;
import org.karl.image.ij.TestImages;
import org.karl.ops.InputFiles;
import org.karl.ops.MapFiles;
import org.karl.ops.Shards;

/**
 * Tiles per second of the Spark job on local[1] and local[2] against single-process
 * {@link MapFiles} on the same generated stacks, and the cost of one model load per executor.
 * Not a test: run by hand, see docs/scale-out.md for the command and the numbers.
 * <p>
 * Arguments: {@code [MODEL_DIR [IMAGES [SIZE [PLANES]]]]}, default {@code models/default 8 1024 4}.
 */
public final class MapJobBench {

	private MapJobBench() {}

	public static void main(final String[] args) throws Exception {
		final Path model = Path.of(args.length > 0 ? args[0] : "models/default");
		final int images = args.length > 1 ? Integer.parseInt(args[1]) : 8;
		final int size = args.length > 2 ? Integer.parseInt(args[2]) : 1024;
		final int planes = args.length > 3 ? Integer.parseInt(args[3]) : 4;
		final Path root = Files.createTempDirectory("karl-spark-bench");
		final Path in = root.resolve("in");
		Files.createDirectories(in);
		final Random rnd = new Random(42);
		for (int i = 0; i < images; i++) {
			final ImageStack st = new ImageStack(size, size);
			for (int p = 0; p < planes; p++) st.addSlice(plane(size, rnd));
			TestImages.save(new ImagePlus("img" + i, st), in.resolve(String.format("img%02d.tif", i)));
		}
		final InputFiles.Listing files = InputFiles.expand(List.of(in), MapFiles::isOutput);
		final Map<Path, String> names = Shards.plan(files.files(), Shards.Shard.ALL);
		System.out.printf(Locale.ROOT, "input: %d images of %dx%dx%d 8-bit, model %s, %d cores%n",
			images, size, size, planes, model, Runtime.getRuntime().availableProcessors());

		// NB: the first load in a JVM also starts TensorFlow: what each executor pays once.
		long t0 = System.nanoTime();
		try (KarlModel cold = KarlModel.load(model)) {
			final double coldS = secs(t0);
			t0 = System.nanoTime();
			try (KarlModel warm = KarlModel.load(model)) {
				System.out.printf(Locale.ROOT, "model load: first in JVM %.2f s, again %.2f s%n", coldS,
					secs(t0));
			}
			final Path single = root.resolve("single");
			t0 = System.nanoTime();
			long tiles = 0;
			for (final Path f : files.files())
				tiles += MapFiles.map(f, f.toString(), single, names.get(f), cold, 0.05f, 0,
					org.karl.image.ij.Normalization.DEFAULT, "fire", Progress.NONE)
					.tiles();
			final double s = secs(t0);
			System.out.printf(Locale.ROOT, "single process: %d tiles in %.2f s = %.0f tiles/s%n", tiles,
				s, tiles / s);
			for (final int cores : new int[] { 1, 2 }) {
				t0 = System.nanoTime();
				try (JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster("local[" + cores +
					"]").setAppName("bench").set("spark.ui.enabled", "false").set("spark.driver.host",
						"127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")))
				{
					sc.setLogLevel("WARN");
					final double start = secs(t0);
					final Path out = root.resolve("local" + cores);
					t0 = System.nanoTime();
					final MapJob.Report rep = MapJob.run(sc, new MapJob.Request(List.of(in.toString()), out
						.toString(), model.toString(), 0.05f, 0, "fire", null), new PrintStream(OutputStream
							.nullOutputStream()), System.err);
					final double job = secs(t0);
					boolean same = true;
					for (final String n : names.values())
						same &= Arrays.equals(Files.readAllBytes(MapFiles.csv(single, n)), Files.readAllBytes(
							MapFiles.csv(out, n))) && Arrays.equals(Files.readAllBytes(MapFiles.map(single, n)),
								Files.readAllBytes(MapFiles.map(out, n)));
					System.out.printf(Locale.ROOT,
						"spark local[%d]: %d tiles in %.2f s = %.0f tiles/s (context start %.2f s, " +
							"failed %d, files equal to single process: %s)%n", cores, rep.tiles(), job, rep
								.tiles() / job, start, rep.failed().size(), same);
				}
			}
		}
	}

	/** Half smooth, half textured, so tiles need from few to many tokens. */
	private static ByteProcessor plane(final int size, final Random rnd) {
		final byte[] px = new byte[size * size];
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++) {
				final double v = x < size / 2 ? 128 + 100 * Math.sin(x / 40.0) * Math.cos(y / 55.0) : 128 +
					60 * Math.sin(x * 0.7 + y * 0.3) + rnd.nextGaussian() * 30;
				px[y * size + x] = (byte) Math.max(0, Math.min(255, (int) v));
			}
		return new ByteProcessor(size, size, px);
	}

	private static double secs(final long t0) {
		return (System.nanoTime() - t0) / 1e9;
	}
}
