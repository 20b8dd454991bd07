package org.karl.cli;

import static org.karl.Keys.KEY_MODEL;

import java.nio.file.Files;
import java.nio.file.Path;

import org.karl.engine.runtime.KarlModel;

/** {@code karl info}: prints a model's card, device and signatures. */
public final class InfoCommand implements Subcommand {

	@Override
	public String name() {
		return "info";
	}

	@Override
	public String usage() {
		return "karl info --" + KEY_MODEL + " DIR\n" +
			"Prints a model's card, the device it runs on and its signatures.\n" +
			"  --" + KEY_MODEL + " DIR      model folder (written by karl train)\n";
	}

	@Override
	public Args.Spec spec() {
		return new Args.Spec().value(KEY_MODEL);
	}

	@Override
	public int run(final Args args) throws Exception {
		final Path modelDir = args.path(KEY_MODEL);
		if (!Files.isDirectory(modelDir)) throw new IllegalArgumentException("--" + KEY_MODEL +
			" " + modelDir + " is not a folder; pass a model folder written by karl train");
		try (KarlModel model = KarlModel.load(modelDir)) {
			args.out().println(model.describe());
		}
		return Main.EXIT_OK;
	}
}
