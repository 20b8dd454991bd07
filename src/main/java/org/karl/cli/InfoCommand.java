package org.karl.cli;

import static org.karl.Keys.KEY_MODEL;

import org.karl.ops.InfoOp;

/** {@code karl info}: versions, engine, and a model's card, device and signatures (as KARL About). */
public final class InfoCommand implements Subcommand {

	@Override
	public String name() {
		return "info";
	}

	@Override
	public String usage() {
		return "karl info [--" + KEY_MODEL + " DIR]\n" +
			"Prints versions, the engine, and a model's card, device and signatures (as KARL About).\n" +
			"  --" + KEY_MODEL + " DIR      model folder; default: the default model\n";
	}

	@Override
	public Args.Spec spec() {
		return new Args.Spec().value(KEY_MODEL);
	}

	@Override
	public int run(final Args args) throws Exception {
		args.out().println(InfoOp.text(args.get(KEY_MODEL, ""), null, "karl command line", true));
		return Main.EXIT_OK;
	}
}
