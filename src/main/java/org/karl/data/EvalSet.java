package org.karl.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.karl.engine.api.TileSet;
import org.karl.image.SyntheticTiles;

/**
 * The tiles an evaluation runs on: named parts, concatenated in order. The held-out set is the
 * Fashion-MNIST test split plus skimage patches at a scale that training never uses, so that
 * no evaluation tile is a training tile.
 *
 * @param parts the named parts, in order
 */
public record EvalSet(List<Part> parts) {

	/**
	 * One named part of an evaluation set.
	 *
	 * @param name short label ({@code fmnist_test}, {@code patches_x3}, {@code synthetic})
	 * @param description where the tiles come from, for the report
	 * @param tiles the tiles
	 */
	public record Part(String name, String description, TileSet tiles) {}

	/**
	 * Downscaling factor of the held-out patches. NB: training draws patches at factors 1, 2 and
	 * 4 ({@link ImagePatches#FACTORS}); at 3 no held-out patch equals a training patch.
	 */
	public static final int PATCH_FACTOR = 3;

	/** Mean number of held-out patches covering each pixel of each scaled image. */
	public static final double PATCH_COVERAGE = 4;

	public EvalSet {
		parts = List.copyOf(parts);
		if (parts.isEmpty()) throw new IllegalArgumentException("EvalSet: no parts");
	}

	/** Number of tiles in all parts. */
	public int n() {
		int n = 0;
		for (final Part p : parts) n += p.tiles().n();
		return n;
	}

	/** All tiles, part after part. */
	public TileSet all() {
		return TileSet.concat(parts.stream().map(Part::tiles).toArray(TileSet[]::new));
	}

	/** The part index of every tile of {@link #all()}. */
	public int[] partOf() {
		final int[] of = new int[n()];
		int i = 0;
		for (int p = 0; p < parts.size(); p++)
			for (int k = 0; k < parts.get(p).tiles().n(); k++) of[i++] = p;
		return of;
	}

	/**
	 * The held-out set: the first {@code perSource} Fashion-MNIST test images (zero-padded to 32)
	 * and {@code perSource} random skimage patches at scale 1/{@value #PATCH_FACTOR}, drawn with
	 * a seed derived from {@code seed} (never the training stream).
	 *
	 * @throws IOException naming the missing files when the data folder is incomplete
	 */
	public static EvalSet heldOut(final Path dataDir, final int perSource, final long seed)
		throws IOException
	{
		if (perSource < 1) throw new IllegalArgumentException("EvalSet: " + perSource +
			" tiles per source; use at least 1");
		final TileSet fmnist = FashionMnist.read(dataDir.resolve(Datasets.FASHION_MNIST_DIR)
			.resolve(FashionMnist.TEST_IMAGES), perSource);
		final long patchSeed = patchSeed(seed);
		final TileSet all = ImagePatches.sample(Datasets.skimageFiles(dataDir), Datasets.TILE,
			new int[] { PATCH_FACTOR }, PATCH_COVERAGE, patchSeed);
		final TileSet patches = subset(all, perSource, new Random(patchSeed));
		final TileSet real = subset(ImagePatches.sample(Datasets.heldOutFiles(dataDir), Datasets.TILE,
			new int[] { 1, 2 }, PATCH_COVERAGE, patchSeed + 1), perSource, new Random(patchSeed + 1));
		return new EvalSet(List.of(new Part("fmnist_test", "Fashion-MNIST test split (t10k), first " +
			fmnist.n() + " images, 28x28 zero-padded to 32x32", fmnist), new Part("patches_x3",
				patches.n() + " random 32x32 patches of the 15 skimage training images downscaled x" +
					PATCH_FACTOR + " (training uses x1, x2, x4), positions drawn with seed " + patchSeed +
					" (training: the run seed)", patches), new Part("real_heldout", real.n() +
						" random 32x32 patches (scales x1, x2) of skimage images no training run reads: " +
						String.join(", ", Datasets.SKIMAGE_HELDOUT), real)));
	}

	/** {@code n} generated tiles ({@link SyntheticTiles#mixed}), for tests and data-free runs. */
	public static EvalSet synthetic(final int n, final long seed) {
		return new EvalSet(List.of(new Part("synthetic", n +
			" generated tiles (blank, smooth, shapes, noise; SyntheticTiles.mixed seed " + seed + ")",
			SyntheticTiles.mixed(seed, n))));
	}

	/** The seed of the held-out patch positions: never equal to a plain run seed. */
	static long patchSeed(final long seed) {
		return seed * 31 + 2507;
	}

	/** {@code k} tiles of {@code set} chosen uniformly without replacement, in set order. */
	static TileSet subset(final TileSet set, final int k, final Random random) {
		if (k >= set.n()) return set;
		final int[] idx = new int[set.n()];
		for (int i = 0; i < idx.length; i++) idx[i] = i;
		for (int i = 0; i < k; i++) { // partial Fisher-Yates
			final int j = i + random.nextInt(idx.length - i);
			final int t = idx[i];
			idx[i] = idx[j];
			idx[j] = t;
		}
		final int[] chosen = java.util.Arrays.copyOf(idx, k);
		java.util.Arrays.sort(chosen);
		final float[] px = new float[k * set.tilePixels()];
		set.gather(chosen, px);
		return new TileSet(k, set.tileSize(), px);
	}

	/** Part names and sizes, e.g. {@code fmnist_test 1000, patches_x3 1000}. */
	@Override
	public String toString() {
		final List<String> s = new ArrayList<>();
		for (final Part p : parts) s.add(p.name() + " " + p.tiles().n());
		return String.join(", ", s);
	}
}
