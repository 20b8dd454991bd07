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
 * @param phase1Budgets phase-1 budgets "MIN..MAX"; null keeps the card's
 * @param peakLr KARL's peak learning rate; null keeps the card's
 * @param seed data-order and sampling seed
 * @param command the command line or menu call, recorded in the card
 */
public record TrainRequest(Phase phase, TileSet data, String dataNote, String normalization,
	TileSet heldOut,
	String heldOutNote, Path start, Path output, boolean resume, int steps, int batch,
	String preset, String haltingTargets, String phase1Tokens, String phase1Budgets, Float peakLr,
	long seed, String command)
{

	/**
	 * A builder with nothing set: every component null, 0 or false until named (what each means
	 * then is said above).
	 */
	public static Builder builder() {
		return new Builder();
	}

	/** A builder that starts from this request. */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/** This request with another output folder (e.g. the one a link points to). */
	public TrainRequest withOutput(final Path folder) {
		return toBuilder().output(folder).build();
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

	/**
	 * Named construction of a {@link TrainRequest}: one method per component, named as the
	 * component and documented there.
	 */
	public static final class Builder {

		private Phase phase;
		private TileSet data;
		private String dataNote;
		private String normalization;
		private TileSet heldOut;
		private String heldOutNote;
		private Path start;
		private Path output;
		private boolean resume;
		private int steps;
		private int batch;
		private String preset;
		private String haltingTargets;
		private String phase1Tokens;
		private String phase1Budgets;
		private Float peakLr;
		private long seed;
		private String command;

		private Builder() {}

		private Builder(final TrainRequest r) {
			phase = r.phase;
			data = r.data;
			dataNote = r.dataNote;
			normalization = r.normalization;
			heldOut = r.heldOut;
			heldOutNote = r.heldOutNote;
			start = r.start;
			output = r.output;
			resume = r.resume;
			steps = r.steps;
			batch = r.batch;
			preset = r.preset;
			haltingTargets = r.haltingTargets;
			phase1Tokens = r.phase1Tokens;
			phase1Budgets = r.phase1Budgets;
			peakLr = r.peakLr;
			seed = r.seed;
			command = r.command;
		}

		public Builder phase(final Phase v) {
			phase = v;
			return this;
		}

		public Builder data(final TileSet v) {
			data = v;
			return this;
		}

		public Builder dataNote(final String v) {
			dataNote = v;
			return this;
		}

		public Builder normalization(final String v) {
			normalization = v;
			return this;
		}

		public Builder heldOut(final TileSet v) {
			heldOut = v;
			return this;
		}

		public Builder heldOutNote(final String v) {
			heldOutNote = v;
			return this;
		}

		public Builder start(final Path v) {
			start = v;
			return this;
		}

		public Builder output(final Path v) {
			output = v;
			return this;
		}

		public Builder resume(final boolean v) {
			resume = v;
			return this;
		}

		public Builder steps(final int v) {
			steps = v;
			return this;
		}

		public Builder batch(final int v) {
			batch = v;
			return this;
		}

		public Builder preset(final String v) {
			preset = v;
			return this;
		}

		public Builder haltingTargets(final String v) {
			haltingTargets = v;
			return this;
		}

		public Builder phase1Tokens(final String v) {
			phase1Tokens = v;
			return this;
		}

		public Builder phase1Budgets(final String v) {
			phase1Budgets = v;
			return this;
		}

		public Builder peakLr(final Float v) {
			peakLr = v;
			return this;
		}

		public Builder seed(final long v) {
			seed = v;
			return this;
		}

		public Builder command(final String v) {
			command = v;
			return this;
		}

		public TrainRequest build() {
			return new TrainRequest(phase, data, dataNote, normalization, heldOut, heldOutNote, start,
				output, resume, steps, batch, preset, haltingTargets, phase1Tokens, phase1Budgets, peakLr, seed, command);
		}
	}
}
