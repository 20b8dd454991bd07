package org.karl.cli;

import static org.karl.Keys.*;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

import org.karl.engine.api.Progress;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * One {@code karl} subcommand, e.g. {@code karl tokenize}: picocli fills its annotated fields,
 * then {@link #call()} calls the plain Java method that does the work and reports. Subclasses
 * are thin doors. This base holds what every command shares: --help, --debug, the streams to
 * answer on and stderr progress. To add a command, list it in {@link Main#commands()}.
 */
@Command(synopsisHeading = "", descriptionHeading = "", sortOptions = false,
	sortSynopsis = false, usageHelpWidth = 80)
public abstract class KarlCommand implements Callable<Integer> {

	/** The parsed command line; picocli sets it. */
	@Spec
	CommandSpec spec;

	// NB: order puts the shared flags after each command's own in the synopsis and option list.
	@Option(names = "--" + KEY_HELP, usageHelp = true, order = 100,
		description = "print this help and exit")
	boolean help = DEFAULT_HELP;

	@Option(names = "--" + KEY_DEBUG, order = 101,
		description = "on failure, print the stack trace as well as the one-line message")
	boolean debug = DEFAULT_DEBUG;

	@Option(names = "--" + KEY_PROGRESS, order = 102,
		description = "show progress on stderr even when it is not a terminal (e.g. a cluster log)")
	boolean showProgress = DEFAULT_PROGRESS;

	private PrintStream out = System.out, err = System.err;

	/** Answers on {@code out} (results) and {@code err} (notes, progress) instead of System's. */
	final KarlCommand streams(final PrintStream out, final PrintStream err) {
		this.out = out;
		this.err = err;
		return this;
	}

	/**
	 * Runs the command and returns its exit code ({@value Main#EXIT_OK} when it worked).
	 *
	 * @throws ParameterException for a malformed command line (exit {@value Main#EXIT_USAGE})
	 * @throws Exception for any other failure (exit {@value Main#EXIT_FAILURE}); its message is
	 *           printed as one line and should say what was wrong and what to do, separated by
	 *           "; "
	 */
	@Override
	public abstract Integer call() throws Exception;

	/**
	 * Lines after the option list that picocli cannot take from a constant (CSV columns from the
	 * ops, defaults from TrainConfig); none by default.
	 */
	String[] footer() {
		return new String[0];
	}

	/** The word after {@code karl}, e.g. "tokenize". */
	final String name() {
		return spec.name();
	}

	/** Where results go. */
	final PrintStream out() {
		return out;
	}

	/** Where notes and diagnostics go. */
	final PrintStream err() {
		return err;
	}

	/** Progress of a long run on stderr, when stderr is a terminal. */
	final Progress progress(final String label) {
		return StderrProgress.of(err, label, showProgress);
	}

	/** True when the --debug flag was given. */
	final boolean debug() {
		return debug;
	}

	/** A usage error about this command line: exit {@value Main#EXIT_USAGE} with the usage. */
	final ParameterException usage(final String message) {
		return new ParameterException(spec.commandLine(), message);
	}

	/** The command line as parsed, options then files, for provenance records. */
	final List<String> raw() {
		final List<String> all = new ArrayList<>();
		final ParseResult pr = spec.commandLine().getParseResult();
		if (pr == null) return all;
		for (final OptionSpec o : pr.matchedOptions()) {
			final List<String> v = o.originalStringValues();
			// NB: a flag reads as given: --resume, or --resume=false
			if (o.arity().max() == 0) all.add(o.longestName() + (v.isEmpty() || v.equals(List.of(
				"true")) ? "" : "=" + String.join(",", v)));
			else all.add(o.longestName() + " " + String.join(" ", v));
		}
		// NB: a list of several files may be listed once per file matched
		for (final PositionalParamSpec p : new LinkedHashSet<>(pr.matchedPositionals()))
			all.addAll(p.originalStringValues());
		return all;
	}
}
