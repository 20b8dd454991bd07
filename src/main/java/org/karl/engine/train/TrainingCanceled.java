package org.karl.engine.train;

/** Thrown when a run was stopped on request; the model was saved at the last finished step. */
public final class TrainingCanceled extends RuntimeException {

	public TrainingCanceled(final String message) {
		super(message);
	}
}
