package org.karl.ops;

import java.io.IOException;
import java.nio.file.Path;

import org.karl.engine.config.ModelCard;

/**
 * The ε a model accepts, for a dialog to show before the model is loaded: (0, last ε bin], read
 * from the model's card ({@code karl.json}) without starting TensorFlow. A model only knows the
 * errors it was trained for, so a dialog that said "0..1" invited values the model refuses.
 */
public final class EpsilonRange {

	private EpsilonRange() {}

	/**
	 * One line such as "Epsilon range of the default model: 0 < epsilon <= 0.38 (bins 0.005 to
	 * 0.38)" for {@code model} (blank: the default model), or null when it cannot be read (the
	 * command itself then says why).
	 */
	public static String line(final String model, final Path imagejDir) {
		try {
			final Path dir = ModelLocator.resolve(model, imagejDir);
			final float[] bins = ModelCard.read(dir).model().epsilonBins();
			final String which = model == null || model.isBlank() ? "the default model" : dir.toString();
			return "Epsilon range of " + which + ": 0 < epsilon <= " + bins[bins.length - 1] + " (bins " +
				bins[0] + " to " + bins[bins.length - 1] + ")";
		}
		catch (final IOException | RuntimeException e) {
			return null;
		}
	}
}
