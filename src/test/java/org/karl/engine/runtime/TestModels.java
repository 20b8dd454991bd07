package org.karl.engine.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.karl.engine.config.ModelCard;
import org.karl.engine.config.ModelConfig;
import org.karl.engine.config.TrainConfig;
import org.karl.engine.graph.GraphNames;

/**
 * Tiny untrained KARL models for the Fiji and CLI tests, built once per JVM (3-5 s each) in a
 * temp folder, plus a copy lacking a signature (through the package-private exportWithout,
 * which is why this helper lives in the engine's runtime package, in test code only).
 */
public final class TestModels {

	private static Path root, model, noDecode;

	private TestModels() {}

	/** A {@link ModelConfig#test()} model folder: tile 32, T_max 8, ε bins up to 0.38. */
	public static synchronized Path model() {
		if (model == null) build();
		return model;
	}

	/** The same model exported without its {@code decode} signature. */
	public static synchronized Path withoutDecode() {
		if (noDecode == null) build();
		return noDecode;
	}

	private static void build() {
		try {
			root = Files.createTempDirectory("karl-test-models");
			model = root.resolve("test-model");
			noDecode = root.resolve("no-decode");
			try (ModelSession s = ModelSession.create(ModelCard.of(ModelConfig.test(), TrainConfig
				.defaults())))
			{
				s.export(model);
				s.exportWithout(noDecode, GraphNames.DECODE);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					ModelSession.deleteTree(root);
				}
				catch (final IOException e) {
					// NB: a temp folder left behind is harmless
				}
			}));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
