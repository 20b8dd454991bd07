package org.karl.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.karl.engine.api.TileSet;

/**
 * The named data sets KARL trains on, assembled from a data folder laid out by
 * {@code scripts/fetch-data.sh}:
 * <pre>
 * DATA/fashion-mnist/train-images-idx3-ubyte.gz   (and t10k-..., labels unused)
 * DATA/skimage/astronaut.png ... text.png         ({@link ImagePatches#SKIMAGE_TRAINING})
 * </pre>
 * It exists so that the CLI, the Fiji trainer and evaluation scripts mean the same thing by
 * "the training data".
 */
public final class Datasets {

	/** Sub-folder of the data folder holding the Fashion-MNIST IDX files. */
	public static final String FASHION_MNIST_DIR = "fashion-mnist";

	/** Sub-folder of the data folder holding the scikit-image sample images. */
	public static final String SKIMAGE_DIR = "skimage";

	/** Tile edge of every data set. */
	public static final int TILE = 32;

	/**
	 * Mean number of patches covering each pixel of each skimage image at each scale.
	 * NB: 4 gives 15,904 patches from the 15 images (x1, x2, x4) next to Fashion-MNIST's 60,000
	 * tiles, so that natural textures are about a fifth of the training set (75,904 tiles, 2.4 s).
	 */
	public static final double PATCH_COVERAGE = 4;

	private Datasets() {}

	/**
	 * The training set: the 60,000 Fashion-MNIST training images (28x28 centred in 32x32 zero
	 * tiles), followed by random 32x32 patches of the 15 skimage images at scales 1, 1/2 and 1/4
	 * ({@link ImagePatches}, coverage {@value #PATCH_COVERAGE}, drawn with {@code seed}).
	 * Tiles are not shuffled: samplers draw random indices.
	 *
	 * @throws IOException naming every missing file when the data folder is incomplete
	 */
	public static TileSet training(final Path dataDir, final long seed) throws IOException {
		final List<Path> images = skimageFiles(dataDir);
		final Path fmnist = dataDir.resolve(FASHION_MNIST_DIR).resolve(FashionMnist.TRAIN_IMAGES);
		requireAll(List.of(fmnist), dataDir);
		return TileSet.concat(FashionMnist.read(fmnist, Integer.MAX_VALUE), ImagePatches.sample(
			images, TILE, ImagePatches.FACTORS, PATCH_COVERAGE, seed));
	}

	/** Folder of the skimage images only evaluation reads. */
	public static final String SKIMAGE_HELDOUT_DIR = "skimage-heldout";

	/** skimage images that no training run sees (scripts/fetch-data.sh keeps the same list). */
	public static final List<String> SKIMAGE_HELDOUT = List.of("microaneurysms.png", "phantom.png",
		"retina.jpg", "hubble_deep_field.jpg", "motorcycle_left.png");

	/** The held-out skimage images in {@code dataDir}, all checked to exist. */
	public static List<Path> heldOutFiles(final Path dataDir) throws IOException {
		final List<Path> files = new ArrayList<>();
		for (final String name : SKIMAGE_HELDOUT) files.add(dataDir.resolve(SKIMAGE_HELDOUT_DIR).resolve(
			name));
		requireAll(files, dataDir);
		return files;
	}

	/** The 15 skimage training images in {@code dataDir}, all checked to exist. */
	public static List<Path> skimageFiles(final Path dataDir) throws IOException {
		final List<Path> files = new ArrayList<>();
		for (final String name : ImagePatches.SKIMAGE_TRAINING)
			files.add(dataDir.resolve(SKIMAGE_DIR).resolve(name));
		requireAll(files, dataDir);
		return files;
	}

	private static void requireAll(final List<Path> files, final Path dataDir)
		throws IOException
	{
		final List<String> missing = new ArrayList<>();
		for (final Path f : files)
			if (!Files.isRegularFile(f)) missing.add(dataDir.relativize(f).toString());
		if (!missing.isEmpty()) throw new IOException("data folder " + dataDir + " lacks " +
			missing.size() + " file(s): " + String.join(", ", missing) +
			"; run scripts/fetch-data.sh " + dataDir);
	}
}
