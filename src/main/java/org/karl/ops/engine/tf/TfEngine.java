package org.karl.ops.engine.tf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.karl.engine.api.Progress;
import org.karl.engine.api.Tokenizer;
import org.karl.engine.config.ModelCard;
import org.karl.engine.config.ModelConfig;
import org.karl.engine.config.TrainConfig;
import org.karl.engine.runtime.Devices;
import org.karl.engine.runtime.KarlModel;
import org.karl.engine.runtime.ModelSession;
import org.karl.engine.train.BaseTrainer;
import org.karl.engine.train.KarlTrainer;
import org.karl.engine.train.TrainListener;
import org.karl.engine.train.TrainingCanceled;
import org.karl.ops.engine.Engine;
import org.karl.ops.engine.TrainLog;
import org.karl.ops.engine.TrainOutcome;
import org.karl.ops.engine.TrainRequest;

/**
 * The {@link Engine} on TensorFlow Java: {@link KarlModel} for inference, {@link BaseTrainer}
 * and {@link KarlTrainer} for training. This is the only Fiji class that touches the engine's
 * runtime and trainers; {@code Engines} may load it through a child-first class loader.
 */
public final class TfEngine implements Engine {

	private final String mode;

	/** @param mode how this class was loaded, for {@link #name()} ("direct" or "isolated: DIR") */
	public TfEngine(final String mode) {
		this.mode = mode;
	}

	@Override
	public String name() {
		return "TensorFlow Java engine (" + mode + ")";
	}

	@Override
	public Tokenizer load(final Path dir) throws IOException {
		return KarlModel.load(dir);
	}

	@Override
	public String describe(final Tokenizer model) {
		if (model instanceof KarlModel k) return k.describe();
		return "(not a TensorFlow KARL model: " + model.getClass().getName() + ")\n";
	}

	@Override
	public String versions() {
		return "TensorFlow " + org.tensorflow.TensorFlow.version() + " (" + jarOf(
			org.tensorflow.TensorFlow.class) + "), protobuf " + jarOf(com.google.protobuf.Message.class) +
			", javacpp " + jarOf(org.bytedeco.javacpp.Pointer.class) + ", device " + Devices.describe();
	}

	@Override
	public TrainOutcome train(final TrainRequest r, final TrainLog log, final Progress progress)
		throws IOException
	{
		final boolean fresh = r.start() == null && !r.resume();
		try (ModelSession m = open(r, log)) {
			TrainConfig tc = m.card().training().withSeed(r.seed());
			// NB: at least ~10 curve points and log lines, even for a short fine-tuning run.
			tc = tc.withSchedule(tc.calibrationSteps(), tc.codeInitStep(), tc.deadCodeSteps(), Math
				.max(1, Math.min(tc.logEvery(), r.steps() / 10)), tc.checkpointEvery());
			final TrainListener listener = e -> {
				log.line(e.logLine());
				log.point(e.phase(), e.step(), e.loss());
			};
			float loss = Float.NaN;
			boolean canceled = false;
			try {
				if (fresh) {
					tc = tc.withBaseSteps((int) m.baseStep() + r.steps());
					m.card(m.card().withTraining(tc));
					loss = BaseTrainer.train(m, r.data(), tc, r.output(), listener, progress.sub(0, 0.5));
				}
				tc = tc.withSteps((int) m.step() + r.steps());
				m.card(m.card().withTraining(tc));
				loss = KarlTrainer.train(m, r.data(), tc, r.output(), listener, fresh ? progress.sub(0.5,
					1) : progress);
			}
			catch (final TrainingCanceled e) {
				canceled = true;
				log.line(e.getMessage());
			}
			m.card(m.card().with("fiji.command", "KARL Train... " + (fresh ? "new " + r.preset()
				: r.resume() ? "resume" : "fine-tune " + r.start())).with("fiji.data_tiles", r.data().n())
				.with("fiji.steps", m.step()).with("fiji.base_steps", m.baseStep()));
			m.export(r.output());
			return new TrainOutcome(m.baseStep(), m.step(), loss, canceled);
		}
	}

	private static ModelSession open(final TrainRequest r, final TrainLog log) throws IOException {
		if (r.resume()) {
			if (!Files.isRegularFile(r.output().resolve(ModelCard.FILE))) throw new IOException(
				"resume: " + r.output() + " holds no KARL model to continue; drop resume to start one");
			log.line("resuming " + r.output());
			return ModelSession.load(r.output());
		}
		if (r.start() != null) {
			log.line("fine-tuning " + r.start() + " (its base tokenizer is reused, frozen)");
			return ModelSession.load(r.start());
		}
		log.line("new model, preset " + r.preset());
		return ModelSession.create(ModelCard.of(ModelConfig.preset(r.preset()), TrainConfig
			.defaults()));
	}

	private static String jarOf(final Class<?> c) {
		try {
			final Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
			return p.getFileName().toString();
		}
		catch (final Exception | LinkageError e) {
			return "(unknown)";
		}
	}
}
