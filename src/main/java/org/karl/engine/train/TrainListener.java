package org.karl.engine.train;

/** Receives training progress (CLI printer, Fiji log and plot, test probes). */
@FunctionalInterface
public interface TrainListener {

	void onEvent(TrainEvent event);

	TrainListener NONE = e -> {};
}
