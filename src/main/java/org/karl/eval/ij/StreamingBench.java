package org.karl.eval.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.VirtualStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.karl.Keys;
import org.karl.engine.runtime.TempPaths;
import org.karl.ops.MapFiles;

/**
 * The streaming figure of {@code karl bench}: a generated 8-bit TIFF stack of {@code planes}
 * planes of {@code edge²} pixels (written plane by plane, so generating it needs no memory
 * either) is mapped by a child {@code karl map} with a small {@code -Xmx}. Reports the child's
 * peak Java heap (from its GC log), its resident memory sampled every 0.2 s (peak, and at each
 * quarter of the run: flat means plane-by-plane) and tiles/s.
 */
public final class StreamingBench {

	/**
	 * @param stackMiB size of the stack on disk
	 * @param xmxMiB the child's heap limit
	 * @param seconds wall time of the child, JVM start and model load included
	 * @param peakHeapMiB largest heap occupancy the GC log shows
	 * @param peakRssMiB largest resident set sampled
	 * @param rssQuartersMiB resident set at 25, 50, 75 and 100% of the run
	 */
	public record Result(int planes, int edge, long tiles, double stackMiB, int xmxMiB,
		double seconds, double tilesPerSecond, double peakHeapMiB, double peakRssMiB,
		double[] rssQuartersMiB)
	{}

	private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

	private StreamingBench() {}

	/**
	 * Maps a generated stack in a child {@code karl map} inside a fresh temp folder, deleted
	 * afterwards whatever happens (the stack is {@code planes} × {@code edge}² bytes); a child still
	 * running after {@code timeoutSeconds} is killed.
	 */
	public static Result run(final Path modelDir, final int planes, final int edge,
		final int xmxMiB, final long timeoutSeconds) throws IOException, InterruptedException
	{
		final Path work = TempPaths.systemFolder("karl-stream-bench");
		try {
			return run(modelDir, planes, edge, xmxMiB, timeoutSeconds, work);
		}
		finally {
			TempPaths.delete(work);
		}
	}

	private static Result run(final Path modelDir, final int planes, final int edge,
		final int xmxMiB, final long timeoutSeconds, final Path work) throws IOException,
		InterruptedException
	{
		final Path stack = work.resolve("stream-bench.tif"), out = work.resolve("maps"), gc = work
			.resolve("gc.log");
		write(stack, planes, edge);
		final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		final List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + xmxMiB + "m", "-Xlog:gc:file=" +
			gc, "-cp", System.getProperty("java.class.path"), "org.karl.cli.Main", "map", "--" + Keys.KEY_MODEL,
			modelDir.toString(), "--" + Keys.KEY_OUTPUT, out.toString(), stack.toString()));
		final long t0 = System.nanoTime();
		final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(
			ProcessBuilder.Redirect.DISCARD).start();
		final List<double[]> rss = new ArrayList<>(); // {seconds, MiB}
		while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
			if (System.nanoTime() - t0 > timeoutSeconds * 1_000_000_000L) {
				p.destroyForcibly();
				throw new IOException("karl map of the streaming stack ran past " + timeoutSeconds +
					" s and was stopped; run it by hand with --debug: " + String.join(" ", cmd));
			}
			final double r = org.karl.eval.ProcessMemory.field(Path.of("/proc", Long.toString(p.pid()), "status"),
				"VmRSS:");
			if (!Double.isNaN(r)) rss.add(new double[] { (System.nanoTime() - t0) / 1e9, r });
		}
		final double seconds = (System.nanoTime() - t0) / 1e9;
		if (p.exitValue() != 0) throw new IOException("karl map of the streaming stack failed " +
			"(exit " + p.exitValue() + "); run it by hand with --debug: " + String.join(" ", cmd));
		double heap = 0;
		for (final String line : Files.readAllLines(gc)) {
			final Matcher m = GC.matcher(line);
			if (m.find()) heap = Math.max(heap, Double.parseDouble(m.group(1)));
		}
		double peak = 0;
		for (final double[] r : rss) peak = Math.max(peak, r[1]);
		final double[] quarters = new double[4];
		for (int q = 0; q < 4; q++) {
			final double at = seconds * (q + 1) / 4;
			for (final double[] r : rss) if (r[0] <= at) quarters[q] = r[1];
		}
		// NB: one map pixel per tile, so the child's map says how many tiles it made
		final ImagePlus map = IJ.openImage(MapFiles.map(out, "stream-bench").toString());
		if (map == null) throw new IOException("karl map of the streaming stack wrote no map in " + out);
		final long tiles = (long) map.getStackSize() * map.getWidth() * map.getHeight();
		final double mib = Files.size(stack) / (1024.0 * 1024);
		return new Result(planes, edge, tiles, mib, xmxMiB, seconds, tiles / seconds, heap, peak,
			quarters);
	}

	/** An 8-bit stack of nuclei-like blobs on noise, written one plane at a time. */
	static void write(final Path file, final int planes, final int edge) throws IOException {
		final VirtualStack v = new VirtualStack(edge, edge, planes) {

			@Override
			public ImageProcessor getProcessor(final int n) {
				final SplittableRandom r = new SplittableRandom(n);
				final byte[] px = new byte[edge * edge];
				for (int i = 0; i < px.length; i++) {
					final int x = i % edge, y = i / edge;
					final boolean blob = ((x / 96 + y / 96 + n) % 3 == 0) && (sq(x % 96 - 48) + sq(y % 96 -
						48) < 900);
					px[i] = (byte) ((blob ? 160 : 30) + r.nextInt(20));
				}
				return new ByteProcessor(edge, edge, px);
			}

			@Override
			public int getSize() {
				return planes;
			}
		};
		v.setBitDepth(8);
		// NB: ImageJ's saveAsTiffStack refuses a single plane ("This is not a stack")
		final FileSaver fs = new FileSaver(new ImagePlus("stream", v));
		if (!(planes == 1 ? fs.saveAsTiff(file.toString()) : fs.saveAsTiffStack(file.toString())))
			throw new IOException("could not write " + file);
	}

	private static int sq(final int v) {
		return v * v;
	}
}
