package org.karl.ops;

import com.google.gson.GsonBuilder;

import ij.IJ;
import ij.ImagePlus;
import ij.plugin.filter.GaussianBlur;
import ij.process.AutoThresholder;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.Test;
import org.karl.engine.api.Progress;
import org.karl.engine.runtime.KarlModel;
import org.karl.image.WidefieldDemo;
import org.karl.image.ij.Normalization;
import org.karl.ops.engine.Engines;
import org.karl.ops.engine.TrainLog;

/**
 * Not a unit test (run on purpose, about 2 min on 2 cores): the microscopy demonstration of
 * docs/fiji-users.md.
 * <p>
 * Images: the synthetic widefield image of {@link WidefieldDemo} (seed
 * {@value WidefieldDemo#DEMO_SEED}) as 8-bit and as 12-bit data in a 16-bit image, and
 * scikit-image's {@code cell.png} (data/skimage, from {@code scripts/fetch-data.sh}; one of the
 * default model's training images). Tiles: widefield, the generator's nucleus mask: nucleus tiles
 * have at least a third of their pixels in a nucleus, background tiles none (as
 * {@code NormalizationDemo}); cell.png, the cell is the pixels above ImageJ's Otsu threshold
 * of the image smoothed by a Gaussian of σ 2 px: cell tiles have at least a third of their
 * (in-image) pixels in the cell, background tiles have no cell pixel in themselves or in their 8
 * neighbouring tiles (so the dark halo around the cell counts as neither). Other tiles are in
 * neither group.
 * <p>
 * Each image is tokenized through {@link TokenizeOp} with reconstruct (KARL Tokenize... with
 * reconstruct; its counts are those KARL Complexity Map... paints; default percentile
 * normalisation) at each ε of {@code -Deps=0.02,0.05,0.10} with models/default, then with
 * models/default fine-tuned through the Fiji door ({@link TrainOp#runOnImages}, as KARL Train...
 * with model= and images=) for {@code -Dsteps=200} steps on {@code -Dimages=8} other widefield
 * images (seeds 3001.., alternately 12-bit-in-16-bit and 8-bit; never the evaluated image).
 * Per group: mean kept tokens, the fraction of tiles whose one-pass reconstruction meets ε
 * ({@code met}) and the mean L1. Writes {@code -Djson=docs/fiji-demo.json}, prints a markdown table, and keeps the fine-tuned
 * model in {@code -Dtuned=target/microscopy-demo/tuned} (replaced) for
 * {@code scripts/screenshot-tour.sh}.
 * <p>
 * {@code mvn -B -o test -Dtest=MicroscopyDemo} (surefire's default includes skip it in
 * {@code mvn test}: the name does not end in Test).
 */
public class MicroscopyDemo {

	static final long TRAIN_SEED = 3001;

	@Test
	public void demo() throws Exception {
		final int steps = Integer.getInteger("steps", 200), nImages = Integer.getInteger("images", 8);
		final String[] epsText = System.getProperty("eps", "0.02,0.05,0.10").split(",");
		final Path json = Path.of(System.getProperty("json", "docs/fiji-demo.json"));
		final Path work = Path.of(System.getProperty("work", "target/microscopy-demo"));
		final Path tuned = Path.of(System.getProperty("tuned", work.resolve("tuned").toString()));
		final Path start = Path.of("models/default"), trainDir = work.resolve("train");
		final Path cellPng = Path.of("data/skimage/cell.png");
		if (!Files.isRegularFile(cellPng)) throw new IOException(cellPng + " is missing; run " +
			"scripts/fetch-data.sh");
		final float[] eps = new float[epsText.length];
		for (int i = 0; i < eps.length; i++) eps[i] = Float.parseFloat(epsText[i].trim());

		// the evaluated images and their groups of tiles
		final WidefieldDemo.Image wf = WidefieldDemo.image(WidefieldDemo.DEMO_SEED);
		final List<Subject> subjects = new ArrayList<>();
		subjects.add(new Subject("widefield 8-bit", wf.eightBit("widefield 8-bit"), wf.nucleus(), 0));
		subjects.add(new Subject("widefield 12-bit in 16-bit", wf.twelveBit("widefield 12-bit"), wf
			.nucleus(), 0));
		final ImagePlus cell = IJ.openImage(cellPng.toString());
		subjects.add(new Subject("cell.png (8-bit)", cell, cellMask(cell.getProcessor()), 1));

		final Map<String, Object> out = new LinkedHashMap<>();
		out.put("command", "mvn -B -o test -Dtest=MicroscopyDemo" + (steps != 200 ? " -Dsteps=" +
			steps : "") + (nImages != 8 ? " -Dimages=" + nImages : "") + (System.getProperty(
				"eps") != null ? " -Deps=" + System.getProperty("eps") : ""));
		out.put("normalize", Normalization.DEFAULT.describe());
		final Map<String, String> groups = new LinkedHashMap<>();
		groups.put("widefield", "nucleus: >= 1/3 of the tile's pixels in the generator's nucleus " +
			"mask; background: no nucleus pixel in the tile");
		groups.put("cell.png", "cell: pixels above ImageJ's Otsu threshold of the image smoothed by a " +
			"Gaussian of sigma 2 px; cell tiles >= 1/3 of their in-image pixels in the cell; background " +
			"tiles: no cell pixel in the tile or its 8 neighbours");
		out.put("groups", groups);
		final Map<String, Object> tiles = new LinkedHashMap<>();
		for (final Subject s : subjects) {
			final Map<String, Integer> n = new LinkedHashMap<>();
			n.put("nucleus_or_cell", s.count(true));
			n.put("background", s.count(false));
			n.put("all", s.all());
			tiles.put(s.name, n);
		}
		out.put("tiles", tiles);

		final Map<String, Object> results = new LinkedHashMap<>();
		try (KarlModel k = KarlModel.load(start)) {
			results.put("models/default", measure("models/default", k, subjects, eps));
		}

		// the fine-tune, through the Fiji door
		delete(trainDir);
		delete(tuned);
		WidefieldDemo.writeTraining(trainDir, TRAIN_SEED, nImages);
		final long t0 = System.nanoTime();
		final List<String> log = new ArrayList<>();
		final TrainOp.Output o = TrainOp.runOnImages(Engines.direct(), null, trainDir.toString(), start,
			tuned, false, steps, "small", 42, Normalization.DEFAULT, "MicroscopyDemo: KARL Train images=[" +
				trainDir + "] model=[" + start + "] steps=" + steps, new TrainLog() {

					@Override
					public void line(final String text) {
						log.add(text);
						System.out.println("  " + text);
					}

					@Override
					public void point(final String phase, final long step, final float loss) {}
				}, Progress.NONE);
		final double seconds = (System.nanoTime() - t0) / 1e9;
		final Map<String, Object> ft = new LinkedHashMap<>();
		ft.put("door", "TrainOp.runOnImages (KARL Train... with model= and images=)");
		ft.put("start", start.toString());
		ft.put("steps", steps);
		ft.put("images", nImages + " widefield images 512x512, seeds " + TRAIN_SEED + ".." + (TRAIN_SEED +
			nImages - 1) + " (odd seeds 12-bit in 16-bit, even 8-bit); the evaluated image is seed " +
			WidefieldDemo.DEMO_SEED + "; cell.png is not among them");
		ft.put("training_tiles", nImages * (WidefieldDemo.SIZE / 32) * (WidefieldDemo.SIZE / 32));
		ft.put("seconds", Math.round(seconds));
		ft.put("final_step", o.outcome().step());
		ft.put("final_loss", o.outcome().loss());
		out.put("fine_tune", ft);
		try (KarlModel k = KarlModel.load(tuned)) {
			results.put("fine-tuned", measure("fine-tuned", k, subjects, eps));
		}
		out.put("mean_tokens", results);
		Files.createDirectories(json.toAbsolutePath().getParent());
		Files.writeString(json, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
			.toJson(out) + "\n");

		System.out.printf(Locale.ROOT, "MicroscopyDemo: fine-tune %d steps, %.0f s, loss %.4f; wrote %s%n",
			steps, seconds, o.outcome().loss(), json);
		System.out.println("| image | ε | models/default: nucleus/cell vs background | fine-tuned: " +
			"nucleus/cell vs background |");
		System.out.println("(mean kept tokens; met: fraction of tiles whose reconstruction meets ε)");
		System.out.println("|---|---|---|---|");
		for (final Subject s : subjects)
			for (final float e : eps) {
				final String key = String.format(Locale.ROOT, "%.2f", e);
				System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", s.name, key, cellText(results,
					"models/default", s.name, key), cellText(results, "fine-tuned", s.name, key));
			}
	}

	@SuppressWarnings("unchecked")
	private static String cellText(final Map<String, Object> results, final String model,
		final String image, final String eps)
	{
		final Map<String, Double> m = (Map<String, Double>) ((Map<String, Object>) ((Map<String,
			Object>) results.get(model)).get(image)).get(eps);
		return String.format(Locale.ROOT, "%.2f vs %.2f (met %.2f vs %.2f)", m.get("nucleus_or_cell"), m
			.get("background"), m.get("nucleus_or_cell_met"), m.get("background_met"));
	}

	private static Map<String, Object> measure(final String label, final KarlModel k, final List<Subject> subjects,
		final float[] eps)
	{
		final Map<String, Object> r = new LinkedHashMap<>();
		for (final Subject s : subjects) {
			final Map<String, Object> per = new LinkedHashMap<>();
			for (final float e : eps) {
				final TokenizeOp.Options opt = new TokenizeOp.Options(e, 0, true, false,
					Normalization.DEFAULT);
				final Table rows = new Table(opt.columns());
				TokenizeOp.run(s.imp, s.name, k, opt, rows, (p, pt) -> {}, Progress.NONE);
				// [group][tokens, met, l1, n]
				final double[][] acc = new double[3][4];
				for (int i = 0; i < rows.size(); i++) {
					final int tx = ((Number) rows.get(i, "tile_x")).intValue(), ty = ((Number) rows.get(i,
						"tile_y")).intValue();
					final int g = s.group[ty * s.tilesX + tx];
					for (final int slot : g < 0 ? new int[] { 2 } : new int[] { g, 2 }) {
						acc[slot][0] += ((Number) rows.get(i, "tokens")).doubleValue();
						acc[slot][1] += Boolean.TRUE.equals(rows.get(i, "met")) ? 1 : 0;
						acc[slot][2] += ((Number) rows.get(i, "l1")).doubleValue();
						acc[slot][3]++;
					}
				}
				final Map<String, Double> v = new LinkedHashMap<>();
				final String[] names = { "background", "nucleus_or_cell", "all_tiles" };
				for (final int slot : new int[] { 1, 0, 2 }) {
					final double n = acc[slot][3];
					v.put(names[slot], round(acc[slot][0] / n));
					v.put(names[slot] + "_met", round(acc[slot][1] / n));
					v.put(names[slot] + "_l1", Math.round(acc[slot][2] / n * 1000) / 1000.0);
				}
				System.out.printf(Locale.ROOT, "MEASURE %s, %s, eps %.2f: nucleus/cell %.2f tokens, met %.2f, " +
					"L1 %.3f (%d tiles); background %.2f, met %.2f, L1 %.3f (%d); all %.2f, met %.2f (%d)%n",
					label, s.name, e, acc[1][0] / acc[1][3], acc[1][1] / acc[1][3], acc[1][2] / acc[1][3],
					(int) acc[1][3], acc[0][0] / acc[0][3], acc[0][1] / acc[0][3], acc[0][2] / acc[0][3],
					(int) acc[0][3], acc[2][0] / acc[2][3], acc[2][1] / acc[2][3], (int) acc[2][3]);
				per.put(String.format(Locale.ROOT, "%.2f", e), v);
			}
			r.put(s.name, per);
		}
		return r;
	}

	private static double round(final double v) {
		return Math.round(v * 100) / 100.0;
	}

	/** cell.png's cell: above Otsu's threshold of the image smoothed by a Gaussian of σ 2 px. */
	static boolean[] cellMask(final ImageProcessor ip) {
		final FloatProcessor f = ip.convertToFloatProcessor();
		new GaussianBlur().blurGaussian(f, 2, 2, 0.002);
		final ImageProcessor b = f.convertToByteProcessor(false);
		final int level = new AutoThresholder().getThreshold(AutoThresholder.Method.Otsu, b
			.getHistogram());
		final boolean[] m = new boolean[ip.getWidth() * ip.getHeight()];
		int n = 0;
		for (int i = 0; i < m.length; i++) if (m[i] = b.get(i) > level) n++;
		System.out.printf(Locale.ROOT, "cell.png: Otsu level %d of the smoothed image, %d cell pixels%n",
			level, n);
		return m;
	}

	/**
	 * An image and its tile groups: 1 nucleus/cell, 0 background, -1 neither. {@code ring}: how
	 * many tiles around a background tile must be free of the object too.
	 */
	static final class Subject {

		final String name;
		final ImagePlus imp;
		final int tilesX, tilesY;
		final int[] group;

		Subject(final String name, final ImagePlus imp, final boolean[] mask, final int ring) {
			this.name = name;
			this.imp = imp;
			final int w = imp.getWidth(), h = imp.getHeight(), tile = 32;
			tilesX = (w + tile - 1) / tile;
			tilesY = (h + tile - 1) / tile;
			final int[] in = new int[tilesX * tilesY], px = new int[tilesX * tilesY];
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					final int t = y / tile * tilesX + x / tile;
					px[t]++;
					if (mask[y * w + x]) in[t]++;
				}
			group = new int[tilesX * tilesY];
			for (int ty = 0; ty < tilesY; ty++)
				for (int tx = 0; tx < tilesX; tx++) {
					final int t = ty * tilesX + tx;
					boolean free = true;
					for (int dy = -ring; dy <= ring; dy++)
						for (int dx = -ring; dx <= ring; dx++) {
							final int x = tx + dx, y = ty + dy;
							if (x >= 0 && y >= 0 && x < tilesX && y < tilesY && in[y * tilesX + x] > 0) free = false;
						}
					group[t] = in[t] > 0 && in[t] >= px[t] / 3 ? 1 : free ? 0 : -1;
				}
		}

		int count(final boolean object) {
			int n = 0;
			for (final int g : group) if (g == (object ? 1 : 0)) n++;
			return n;
		}

		int all() {
			return group.length;
		}
	}

	private static void delete(final Path dir) throws IOException {
		if (!Files.exists(dir)) return;
		try (Stream<Path> w = Files.walk(dir)) {
			w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}
}
