package org.karl.ops.engine;

/**
 * How a training run ended.
 *
 * @param baseStep the base VQ-VAE step counter of the saved model
 * @param step the KARL step counter of the saved model
 * @param loss the last loss
 * @param canceled true when the user stopped the run; the model saved is the last finished step
 */
public record TrainOutcome(long baseStep, long step, float loss, boolean canceled) {}
