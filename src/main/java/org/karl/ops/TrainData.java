package org.karl.ops;

import ij.ImagePlus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.karl.data.Datasets;
import org.karl.engine.api.TileSet;
import org.karl.data.EvalSet;
import org.karl.image.MicroscopyTiles;
import org.karl.image.SyntheticTiles;
import org.karl.image.ij.Normalization;

/**
 * The training tiles of a run, for every door: the user's images (an open image or a folder),
 * the project's data folder from {@code scripts/fetch-data.sh}, or generated tiles; optionally
 * plus generated microscopy-like tiles. Also says where they came from (for the card) and, for
 * the data folder, which held-out tiles measure the base's error.
 *
 * @param normalization how the pixels became [0,1] ({@link Normalization#describe}), for the card
 * @param skipped files of an images folder that were not used, with why
 */
public record TrainData(TileSet tiles, String note, String normalization, TileSet heldOut,
	String heldOutNote, List<String> skipped)
{

	/** The normalisation of generated tiles, for the card. */
	public static final String GENERATED = "generated tiles made in [0,1]";

	/** Held-out tiles for the base's error after train-base on the data folder. */
	public static final int HELD_OUT = 500;

	/** Every tile of every plane of an open image, normalised by {@code norm}. */
	public static TrainData of(final ImagePlus imp, final int tileSize, final Normalization norm) {
		final TileSet t = TrainingTiles.of(imp, tileSize, norm);
		return new TrainData(t, t.n() + " tiles of image '" + imp.getTitle() + "' (normalize " + norm
			.describe() + ")", norm.describe(), null, null, List.of());
	}

	/** Every tile of every image file in {@code folder}, normalised by {@code norm}. */
	public static TrainData ofImages(final Path folder, final int tileSize,
		final Normalization norm) throws IOException
	{
		final List<String> skipped = new ArrayList<>();
		final TileSet t = TrainingTiles.of(folder, tileSize, skipped, norm);
		return new TrainData(t, t.n() + " tiles of the images in " + folder + " (normalize " + norm
			.describe() + ")", norm.describe(), null, null, skipped);
	}

	/** Fashion-MNIST train + skimage patches of the data folder, with held-out tiles. */
	public static TrainData ofDataFolder(final Path data, final long seed) throws IOException {
		final TileSet t = Datasets.training(data, seed);
		final EvalSet held = EvalSet.heldOut(data, HELD_OUT, seed);
		return new TrainData(t, "Fashion-MNIST train + skimage patches from " + data + ", " + t.n() +
			" tiles (seed " + seed + "; normalize " + Normalization.TYPE_RANGE.describe() + ")",
			Normalization.TYPE_RANGE.describe(), held
				.all(), held.toString(), List.of());
	}

	/**
	 * {@code n} generated blank/smooth/shapes/noise tiles, and {@value #SYNTHETIC_HELD_OUT} more of
	 * another seed held out (the base's floor and KARL's fixed-budget curve are reported on them).
	 */
	public static TrainData synthetic(final int n, final long seed) {
		final long heldSeed = seed + 1_000_003;
		return new TrainData(SyntheticTiles.mixed(seed, n), n + " generated tiles (seed " + seed + ")",
			GENERATED, SyntheticTiles.mixed(heldSeed, SYNTHETIC_HELD_OUT), SYNTHETIC_HELD_OUT +
				" generated tiles (seed " + heldSeed + ")", List.of());
	}

	/** Held-out tiles of {@link #synthetic}. */
	public static final int SYNTHETIC_HELD_OUT = 128;

	/**
	 * These tiles plus {@code n} generated ones: half microscopy-like fields, a third
	 * blank/smooth/shapes/noise, a sixth noisy flat backgrounds (Gaussian or Poisson, σ up to
	 * {@value SyntheticTiles#NOISY_FLAT_MAX_SIGMA}).
	 */
	public TrainData plusGenerated(final int n, final long seed) {
		if (n <= 0) return this;
		final int micro = n / 2, flat = n / 6, mixed = n - micro - flat;
		return new TrainData(TileSet.concat(tiles, MicroscopyTiles.training(seed + 101, micro),
			SyntheticTiles.mixed(seed + 202, mixed), SyntheticTiles.noisyFlat(seed + 303, flat)), note +
				" + " + micro + " microscopy-like tiles (MicroscopyTiles seed " + (seed + 101) + ") + " +
				mixed + " blank/smooth/shapes/noise tiles (SyntheticTiles.mixed seed " + (seed + 202) +
				") + " + flat + " noisy flat tiles (SyntheticTiles.noisyFlat seed " + (seed + 303) + ")",
			normalization + "; " + GENERATED, heldOut, heldOutNote, skipped);
	}
}
