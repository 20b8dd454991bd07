package org.karl.ops.engine;

import java.nio.file.Path;

import org.karl.engine.api.TileSet;

/**
 * A training run of KARL Train...: which model to start from, where to write, how long.
 *
 * @param data training tiles in [0,1]
 * @param start model folder to fine-tune (its base tokenizer is reused and frozen); null for a
 *          new model (base VQ-VAE first, then KARL) or when resuming
 * @param output model folder to write; checkpoints and the final model go there atomically
 * @param resume continue the model already in {@code output}
 * @param steps steps this run adds (each phase, for a new model)
 * @param preset size preset of a new model (small, medium, test)
 * @param seed data-order and sampling seed
 */
public record TrainRequest(TileSet data, Path start, Path output, boolean resume, int steps,
	String preset, long seed)
{}
