package org.karl.cli;

import static org.karl.Keys.KEY_MODEL;

import org.karl.ops.InfoOp;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code karl info}: versions, engine, and a model's card, device and signatures (as KARL About). */
@Command(name = "info", description = "Prints versions, the engine, and a model's card, device " +
	"and signatures (as KARL About).")
public final class InfoCommand extends KarlCommand {

	@Option(names = "--" + KEY_MODEL, paramLabel = "DIR",
		description = "model folder; default: the default model")
	String model = "";

	@Override
	public Integer call() throws Exception {
		out().println(InfoOp.text(model, null, "karl command line", true));
		return Main.EXIT_OK;
	}
}
