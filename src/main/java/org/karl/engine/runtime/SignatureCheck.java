package org.karl.engine.runtime;

import static org.karl.engine.graph.GraphNames.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.karl.engine.config.ModelConfig;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;

/**
 * Checks a loaded SavedModel's signatures against what the runtime and trainers call and against
 * the card's sizes, and says exactly what is missing or wrong.
 */
final class SignatureCheck {

	private SignatureCheck() {}

	static void check(final List<Signature> sigs, final ModelConfig c, final Path dir,
		final List<String> required) throws IOException
	{
		final Map<String, Signature> byKey = new TreeMap<>();
		for (final Signature s : sigs) byKey.put(s.key(), s);
		final List<String> missing = new ArrayList<>();
		for (final String key : required)
			if (!byKey.containsKey(key)) missing.add("signature '" + key + "' is missing");
		final List<String> problems = new ArrayList<>();
		final long s = c.tileSize();
		expect(byKey, TOKENIZE, IMAGES, Shape.of(-1, s, s, 1), missing, problems);
		expect(byKey, TOKENIZE, EPSILON, Shape.of(-1), missing, problems);
		expect(byKey, TOKENIZE, BUDGET, Shape.scalar(), missing, problems);
		expect(byKey, RECONSTRUCT, IMAGES, Shape.of(-1, s, s, 1), missing, problems);
		expect(byKey, DECODE, TOKENS, Shape.of(-1, c.maxTokens()), missing, problems);
		expect(byKey, DECODE, KEEP_MASK, Shape.of(-1, c.maxTokens()), missing, problems);
		expect(byKey, TRAIN_STEP, IMAGES, Shape.of(-1, s, s, 1), missing, problems);
		expect(byKey, TRAIN_STEP, LEARNING_RATE, Shape.scalar(), missing, problems);
		expect(byKey, BASE_TRAIN_STEP, IMAGES, Shape.of(-1, s, s, 1), missing, problems);
		expect(byKey, BASE_SET_CODEBOOK, CODEBOOK, Shape.of(c.baseCodes(), c.dz()), missing, problems);
		expect(byKey, SET_EPSILON_BINS, BINS, Shape.of(c.epsilonBins().length), missing, problems);
		if (!missing.isEmpty()) throw new IOException(dir + " is not a usable KARL model: " + String
			.join("; ", missing) + " (it has " + byKey.keySet() + "); re-export it with this version of " +
			"KARL (karl train)");
		// NB: the graph is what was trained; a card edited or copied from another model is what is off
		if (!problems.isEmpty()) throw new IOException(dir.resolve("karl.json") + " disagrees with the " +
			"model's graph: " + String.join("; ", problems) + "; put back the karl.json that was exported " +
			"with this model");
	}

	private static void expect(final Map<String, Signature> byKey, final String key,
		final String input, final Shape shape, final List<String> missing, final List<String> problems)
	{
		final Signature sig = byKey.get(key);
		if (sig == null) return;
		final Signature.TensorDescription d = sig.getInputs().get(input);
		if (d == null) missing.add("signature '" + key + "' lacks input '" + input + "' (has " +
			sig.inputNames() + ")");
		else if (!java.util.Arrays.equals(d.shape.asArray(), shape.asArray())) problems.add(
			"signature '" + key + "' input '" + input + "' has shape " + d.shape + " but the card implies " +
				shape);
	}
}
