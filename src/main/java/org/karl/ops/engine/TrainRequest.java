package org.karl.ops.engine;

import java.nio.file.Path;

import org.karl.engine.api.TileSet;

/**
 * One training run, from any door (karl train-base, karl train, KARL Train...).
 *
 * @param phase what to train: the base VQ-VAE, KARL (base frozen), or both in turn (a new
 *          model from Fiji)
 * @param data training tiles in [0,1]
 * @param dataNote where the tiles came from, for the card
 * @param normalization how the tiles' pixels became [0,1], for the card's {@code normalization}
 *          (training and inference must read pixels alike); null keeps the card's
 * @param heldOut tiles no training sees, to report the base's error after the base phase; or
 *          null
 * @param heldOutNote what {@code heldOut} is, for the card
 * @param start model folder to start from (a base to train KARL on, or a model to fine-tune);
 *          null for a new model or when resuming
 * @param output model folder to write; checkpoints and the final model (with its
 *          {@code serving/} export) go there atomically
 * @param resume continue the model already in {@code output}, in place
 * @param steps steps this run adds to each phase it trains (the same in every door); 0 only
 *          with {@code resume}: finish the interrupted run, up to the steps it recorded
 * @param batch tiles per step; 0: the card's
 * @param preset size of a new model (small, medium, test)
 * @param haltingTargets "minimum" or "paper"; null keeps the card's
 * @param phase1Tokens "prefix" or "queries"; null keeps the card's
 * @param seed data-order and sampling seed
 * @param command the command line or menu call, recorded in the card
 */
public record TrainRequest(Phase phase, TileSet data, String dataNote, String normalization,
	TileSet heldOut,
	String heldOutNote, Path start, Path output, boolean resume, int steps, int batch,
	String preset, String haltingTargets, String phase1Tokens, long seed, String command)
{

	/** This request with another output folder (e.g. the one a link points to). */
	public TrainRequest withOutput(final Path folder) {
		return new TrainRequest(phase, data, dataNote, normalization, heldOut, heldOutNote, start,
			folder, resume, steps, batch, preset, haltingTargets, phase1Tokens, seed, command);
	}

	/** What a run trains. */
	public enum Phase {
		/** The base VQ-VAE (karl train-base). */
		BASE,
		/** KARL with the base frozen (karl train; fine-tuning). */
		KARL,
		/** The base, then KARL: a new model in one call (KARL Train... without a model). */
		BOTH;

		public boolean base() {
			return this != KARL;
		}

		public boolean karl() {
			return this != BASE;
		}
	}
}
