package org.karl.ops.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.karl.engine.api.Progress;
import org.karl.engine.api.Tokenizer;

/**
 * What the Fiji commands need from the TensorFlow side: load a model, describe it, train one.
 * Every type in these signatures is a JDK type, an {@code org.karl.engine.api} type or a type of
 * this package, so that an implementation may live behind its own class loader (see
 * {@link Engines}): TensorFlow, protobuf and javacpp then never meet the versions Fiji ships.
 */
public interface Engine {

	/** One line: where TensorFlow was loaded from and how (direct or isolated). */
	String name();

	/** Loads a KARL model folder; the caller closes the result. */
	Tokenizer load(Path dir) throws IOException;

	/** Card, device and signatures of a model this engine loaded. */
	String describe(Tokenizer model);

	/**
	 * What is broken among the graphs of model folder {@code dir} that some command loads, one
	 * line each; empty when all are sound. Inference loads {@code serving/} when it is there,
	 * training (and fine-tuning, resume) the full model, so a model can map fine and still fail
	 * to train: this finds it without loading either.
	 */
	default List<String> checkGraphs(final Path dir) {
		return List.of();
	}

	/**
	 * Runs the smallest TensorFlow session there is, so that TensorFlow's native logging starts
	 * now (it writes its first lines at the first session, whatever the log level), where
	 * {@link Engines} can keep them off the console.
	 */
	default void warmUp() {}

	/** Versions of TensorFlow Java, protobuf and javacpp as this engine sees them. */
	String versions();

	/** Trains (or fine-tunes, or resumes) a model; blocks until done or canceled. */
	TrainOutcome train(TrainRequest request, TrainLog log, Progress progress) throws IOException;
}
