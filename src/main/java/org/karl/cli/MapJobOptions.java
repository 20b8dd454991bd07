package org.karl.cli;

import static org.karl.Keys.*;

import java.util.ArrayList;
import java.util.List;

import org.karl.image.ij.Normalization;
import org.karl.ops.Failures;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * The command line of the Spark job ({@code org.karl.spark.MapJob}): {@code karl map}'s own
 * options (the same mixins: model, ε, budget, verify, normalisation; the same LUT and output
 * keys) plus what only a cluster run needs (an input list file, the merged table, the Spark
 * master). One parser for both doors: picocli's, here, since only the CLI uses picocli; the job
 * reads the {@link Parsed} result.
 */
@Command(name = "karl spark", sortOptions = false, usageHelpAutoWidth = false,
	description = "karl map on Apache Spark: one task per image, the files karl map writes, the " +
		"merged table at the end (docs/scale-out.md). Run as: spark-submit [spark options] --class " +
		"org.karl.spark.MapJob KARL_Tokenizer-VERSION-spark.jar [options] --output DIR [FILE_OR_FOLDER...]")
public final class MapJobOptions {

	@Mixin
	RequestOptions request;

	@Mixin
	NormalizeOptions normalize;

	@Mixin
	MapOutputOptions maps;

	@Option(names = "--list", paramLabel = "FILE",
		description = "more inputs, one path a line (blank lines and # comments skipped)")
	String list;

	@Option(names = "--merged", paramLabel = "FILE",
		description = "the merged table; default DIR/merged_tokens.csv")
	String merged;

	@Option(names = "--master", paramLabel = "M",
		description = "Spark master when spark-submit sets none; default local[*]")
	String master;

	@Option(names = { "-h", "--" + KEY_HELP }, usageHelp = true, description = "print this help and exit")
	boolean help;

	@Parameters(paramLabel = "FILE_OR_FOLDER", arity = "0..*",
		description = "image files, or folders whose image files are all mapped, as karl map")
	List<String> files = new ArrayList<>();

	/**
	 * What the command line asks for; {@code list} is the input list file, not yet read.
	 *
	 * @param epsilon as the model reads it (refused as typed when out of range)
	 */
	public record Parsed(List<String> inputs, String list, String output, String model,
		float epsilon, int budget, String lut, String merged, Normalization normalize, boolean verify,
		String master) {}

	private MapJobOptions() {}

	/**
	 * Parses {@code args}; null for --help. A usage error is an IllegalArgumentException whose
	 * message is one line in karl's words (as {@code karl map} says it) ending "; see --help".
	 */
	public static Parsed parse(final String[] args) {
		final MapJobOptions o = new MapJobOptions();
		final CommandLine cl = new CommandLine(o);
		try {
			cl.parseArgs(args);
			if (cl.isUsageHelpRequested()) return null;
			return new Parsed(List.copyOf(o.files), o.list, o.maps.output.toString(), o.request.model,
				o.request.epsilon(), o.request.budget, o.maps.lut, o.merged, o.normalize.get(), o.request.verify,
				o.master);
		}
		catch (final ParameterException e) {
			throw new IllegalArgumentException(Failures.oneLine(Main.message(Main.firstError(e))) +
				"; see --help");
		}
	}

	/** The help text: options, defaults and what each does. */
	public static String usage() {
		return new CommandLine(new MapJobOptions()).getUsageMessage();
	}
}
