package org.karl.cli;

import static org.karl.Keys.KEY_OUTPUT;

import java.nio.file.Path;
import java.util.List;

import org.karl.ops.Outputs;
import org.karl.ops.Shards;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code karl merge}: the per-image tables of a (sharded) karl map run as one CSV. */
@Command(name = "merge", description = "Joins the NAME_tokens.csv tables of a karl map folder " +
	"(e.g. after sharded runs) into one CSV, in input order.")
public final class MergeCommand extends KarlCommand {

	@Option(names = "--" + KEY_OUTPUT, paramLabel = "FILE",
		description = "CSV to write (atomically); default: FOLDER/" + Shards.MERGED)
	Path output;

	@Parameters(paramLabel = "FOLDER", arity = "1", description = "the --output folder of karl map")
	Path folder;

	@Override
	public Integer call() throws Exception {
		final Path out = output != null ? output : folder.resolve(Shards.MERGED);
		Outputs.checkWritableFile(out, "--" + KEY_OUTPUT);
		final List<Path> tables = Shards.merge(folder, out);
		out().println("merged " + tables.size() + " table(s) into " + out);
		return Main.EXIT_OK;
	}
}
