package org.karl.eval;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;

import org.karl.engine.api.Progress;
import org.karl.engine.runtime.KarlModel;
import org.karl.image.SyntheticTiles;

/**
 * Not a test: a main that prints resident memory over many single-tile tokenize calls, split
 * into Java heap, JVM non-heap (metaspace, code cache) and the rest (TensorFlow's native memory
 * plus malloc's), to find where the bench's RSS growth comes from. Run from the project root:
 * {@code java -cp target/classes:target/test-classes:CP org.karl.eval.MemoryProbe [calls] [every]}.
 */
public final class MemoryProbe {

	public static void main(final String[] args) throws Exception {
		final int calls = args.length > 0 ? Integer.parseInt(args[0]) : 10000;
		final int every = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
		final String op = args.length > 2 ? args[2] : "tokenize";
		final float[] tiles = SyntheticTiles.mixed(42, 4096).pixels();
		if (args.length > 5) {
			// NB: as karl bench: a model per candidate batch, loaded, mapped twice, closed
			final float[] plane = org.karl.image.Stitcher.stitch(new org.karl.image.TileGrid(2048,
				2048, 32), SyntheticTiles.mixed(42, 4096).pixels());
			for (final int b : Bench.Options.defaults().candidates())
				try (KarlModel m = KarlModel.load(Path.of("models/default"), b)) {
					Bench.map(m, plane, Bench.Options.defaults(), 2);
				}
			print("cands", 0);
		}
		final int batch = args.length > 3 ? Integer.parseInt(args[3]) : KarlModel.DEFAULT_BATCH;
		try (KarlModel m = KarlModel.load(Path.of("models/default"), batch)) {
			final int px = m.tileSize() * m.tileSize();
			final float[] tile = new float[px];
			print("loaded", 0);
			if (args.length > 4) {
				// NB: as karl bench: maps of a 2048² plane first, which leave malloc arenas behind
				final Bench.Options o = Bench.Options.defaults();
				final float[] plane = org.karl.image.Stitcher.stitch(new org.karl.image.TileGrid(2048,
					2048, 32), SyntheticTiles.mixed(42, 4096).pixels());
				Bench.map(m, plane, o, Integer.parseInt(args[4]));
				print("maps", 0);
			}
			for (int i = 0; i < calls; i++) {
				System.arraycopy(tiles, (i % 4096) * px, tile, 0, px);
				if (op.equals("reconstruct")) m.reconstruct(tile, 1, 0.05f, m.maxTokens(), Progress.NONE);
				else m.tokenize(tile, 1, 0.05f, m.maxTokens(), Progress.NONE);
				if (i + 1 == 100 || (i + 1) % every == 0) print("calls", i + 1);
			}
		}
	}

	private static void print(final String what, final int n) {
		System.gc();
		final double mib = 1024.0 * 1024;
		final double rss = ProcessMemory.rssMiB();
		final double heap = Runtime.getRuntime().totalMemory() / mib;
		double nonHeap = 0, meta = 0, code = 0;
		for (final MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
			if (p.getType() != MemoryType.NON_HEAP) continue;
			nonHeap += p.getUsage().getCommitted() / mib;
			if (p.getName().contains("Metaspace")) meta += p.getUsage().getCommitted() / mib;
			if (p.getName().contains("CodeHeap")) code += p.getUsage().getCommitted() / mib;
		}
		System.out.printf(Locale.ROOT,
			"%-7s %6d  rss %7.1f (anon %7.1f file %6.1f)  heap %6.1f  nonheap %6.1f (meta %5.1f " +
				"code %5.1f)%n", what, n, rss, ProcessMemory.field("RssAnon:"), ProcessMemory.field(
					"RssFile:"), heap, nonHeap, meta, code);
	}
}
