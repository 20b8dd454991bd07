package org.karl.ops.engine;

/** Receives training progress as plain values, so that it can cross a class-loader boundary. */
public interface TrainLog {

	/** A human-readable line (the trainer's fixed-key log line, or a notice). */
	void line(String text);

	/** One point of the training curve: phase ("base" or "karl"), step, loss. */
	void point(String phase, long step, float loss);
}
