package org.karl.cli;

import static org.karl.Keys.KEY_DEBUG;
import static org.karl.Keys.KEY_HELP;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.CharBuffer;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.karl.ops.Failures;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code karl} command line: {@code karl <subcommand> [--key value | --key=value | --flag]
 * [FILE...]}. Exit codes: {@value #EXIT_OK} ok, {@value #EXIT_FAILURE} failure (one stderr line
 * {@code karl <cmd>: <what was wrong>; <what to do>}, plus the stack trace with --debug),
 * {@value #EXIT_USAGE} usage error (unknown subcommand or option, missing value, bad number: one
 * line {@code karl <cmd>: <message>}, then the usage).
 * <p>
 * Parsed with picocli, the usual command-line parser of Java tools (pom-scijava manages its
 * version): each {@link KarlCommand} declares its options as annotated fields named by
 * {@link org.karl.Keys}, and picocli generates --help and the usage after a usage error from
 * them, so the help cannot drift from what is parsed.
 */
public final class Main {

	/** Success. */
	public static final int EXIT_OK = 0;

	/** A failure other than a malformed command line. */
	public static final int EXIT_FAILURE = 1;

	/** A malformed command line. */
	public static final int EXIT_USAGE = 2;

	private Main() {}

	/**
	 * Every subcommand, in the order the overview lists them. New objects on every call, since
	 * picocli fills their fields. Add a new one here.
	 */
	static List<KarlCommand> commands() {
		return List.of(new TokenizeCommand(), new MapCommand(), new ReconstructCommand(), TrainCommand
			.base(), TrainCommand.karl(), new InfoCommand(), new EvalCommand(), new BenchCommand(),
			new MergeCommand());
	}

	/** {@code karl} itself: --help and the overview; without a subcommand, a usage error. */
	@Command(name = "karl", synopsisHeading = "", customSynopsis = "usage: karl <command> [--key " +
		"value | --key=value | --flag] [FILE...]", commandListHeading = "commands:%n",
		exitCodeListHeading = "exit codes:%n", exitCodeList = { "0:ok",
			"1:failure: one line 'karl <command>: <what was wrong>; <what to do>' on stderr",
			"2:usage error: one line, then the usage" }, footer = {
				"'karl <command> --help' or 'karl help <command>' explains a command;",
				"--debug adds stack traces." },
		usageHelpWidth = 80, subcommands = HelpCommand.class)
	static final class Karl implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		// NB: hidden: the footer says what --help does
		@Option(names = { "-h", "--" + KEY_HELP }, usageHelp = true, hidden = true)
		boolean help;

		@Override
		public Integer call() {
			throw new ParameterException(spec.commandLine(),
				"no command given; use one of the commands below");
		}
	}

	public static void main(final String[] argv) {
		// NB: ImageJ prints its messages (e.g. the multi-line "<Out of memory>" banner, which
		// also names a menu command) with System.out.println when it has no Log window. The CLI
		// answers on the real stdout/stderr and gives ImageJ a sink instead, so that only its own
		// results and one-line errors reach the user; --debug shows what ImageJ said.
		// NB: TensorFlow's memory is native, not Java heap; javacpp's default limit ties it to
		// -Xmx, so a small heap (enough for plane-by-plane streaming) would fail TF's allocations.
		if (System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes") == null) System.setProperty(
			"org.bytedeco.javacpp.maxPhysicalBytes", "0");
		final PrintStream out = System.out, err = System.err;
		final ImageJText imagej = new ImageJText();
		System.setOut(imagej.stream());
		final int rc = run(argv, out, err);
		if (rc != EXIT_OK && java.util.Arrays.asList(argv).contains("--" + KEY_DEBUG) && !imagej
			.text().isBlank()) err.print("ImageJ said:\n" + imagej.text());
		System.exit(rc);
	}

	/** The last 16 KiB that ImageJ printed, kept for --debug. */
	static final class ImageJText {

		private final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();

		PrintStream stream() {
			return new PrintStream(new java.io.OutputStream() {

				@Override
				public synchronized void write(final int b) {
					if (buf.size() > 16384) buf.reset();
					buf.write(b);
				}
			}, true, java.nio.charset.StandardCharsets.UTF_8);
		}

		String text() {
			return buf.toString(java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	/** Runs the command line {@code argv} and returns the exit code. */
	public static int run(final String[] argv, final PrintStream out, final PrintStream err) {
		final CommandLine karl = commandLine(commands(), out, err);
		try {
			return karl.execute(argv);
		}
		catch (final LinkageError | OutOfMemoryError e) {
			// NB: picocli hands only Exceptions to the handler; these come through here
			ParseResult p = karl.getParseResult();
			while (p != null && p.hasSubcommand())
				p = p.subcommand();
			return failure(p == null ? karl : p.commandSpec().commandLine(), e, err);
		}
	}

	/**
	 * Parses {@code argv} (without the subcommand name) into {@code cmd} and runs it, answering
	 * on {@code out} and {@code err}. Unlike {@link #run}, exceptions pass through, for tests
	 * that check them.
	 */
	static int call(final KarlCommand cmd, final PrintStream out, final PrintStream err,
		final String... argv) throws Exception
	{
		final CommandLine cl = new CommandLine(cmd.streams(out, err));
		refuseEmptyValues(cl.parseArgs(argv));
		return cmd.call();
	}

	/** {@code karl} with {@code commands} as its subcommands, answering on out and err. */
	static CommandLine commandLine(final List<KarlCommand> commands, final PrintStream out,
		final PrintStream err)
	{
		final CommandLine karl = new CommandLine(new Karl());
		for (final KarlCommand c : commands) {
			final CommandLine sub = new CommandLine(c.streams(out, err));
			sub.getCommandSpec().usageMessage().footer(c.footer());
			karl.addSubcommand(sub);
		}
		karl.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, Main::commandList);
		// NB: these settings reach the subcommands added above, not later ones.
		karl.setHelpFactory(KarlHelp::new);
		karl.setOut(writer(out));
		karl.setErr(writer(err));
		// NB: plain text, also on a terminal: the help is what people paste into notes and issues
		karl.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
		karl.setExecutionStrategy(parsed -> {
			refuseEmptyValues(parsed);
			return new RunLast().execute(parsed);
		});
		karl.setParameterExceptionHandler((e, args) -> usageError(e, err));
		karl.setExecutionExceptionHandler((e, cl, parsed) -> failure(cl, e, err));
		return karl;
	}

	/**
	 * Help whose synopsis leaves out --help and --debug: every command has them, the option list
	 * shows them, and without them each synopsis reads as in the README.
	 */
	static final class KarlHelp extends Help {

		KarlHelp(final CommandSpec spec, final ColorScheme scheme) {
			super(spec, scheme);
		}

		@Override
		protected Text createDetailedSynopsisOptionsText(final Collection<ArgSpec> done,
			final Comparator<OptionSpec> sort, final boolean cluster)
		{
			final List<OptionSpec> own = commandSpec().options().stream().filter(o -> !o.usageHelp() &&
				!o.longestName().equals("--" + KEY_DEBUG)).collect(Collectors.toList());
			return createDetailedSynopsisOptionsText(done, own, sort, cluster);
		}
	}

	/** The overview's command list: the synopsis of every karl subcommand. */
	private static String commandList(final Help help) {
		final StringBuilder s = new StringBuilder();
		for (final CommandLine c : help.subcommands().values().stream().map(Help::commandSpec).map(
			CommandSpec::commandLine).distinct().collect(Collectors.toList()))
		{
			if (!(c.getCommand() instanceof KarlCommand)) continue;
			c.getHelp().synopsis(0).lines().forEach(l -> s.append("  ").append(l).append('\n'));
		}
		return s.toString();
	}

	/** One line {@code karl <cmd>: <message>}, the usage, exit {@value #EXIT_USAGE}. */
	static int usageError(final ParameterException e, final PrintStream err) {
		final CommandLine cl = e.getCommandLine();
		err.println(cl.getCommandSpec().qualifiedName() + ": " + Failures.oneLine(message(firstError(e))));
		err.print(cl.getUsageMessage());
		return EXIT_USAGE;
	}

	/** One line {@code karl <cmd>: <what was wrong>; <what to do>}, exit {@value #EXIT_FAILURE}. */
	static int failure(final CommandLine cl, final Throwable e, final PrintStream err) {
		final boolean debug = cl.getCommand() instanceof KarlCommand && ((KarlCommand) cl
			.getCommand()).debug();
		err.println(cl.getCommandSpec().qualifiedName() + ": " + describe(e, debug));
		if (debug) e.printStackTrace(err);
		return EXIT_FAILURE;
	}

	/** The error to report first: picocli checks required options before unknown ones; a typo comes first. */
	static ParameterException firstError(final ParameterException e) {
		final CommandLine cl = e.getCommandLine();
		final List<String> unmatched = cl.getUnmatchedArguments();
		return e instanceof MissingParameterException && !unmatched.isEmpty()
			? new UnmatchedArgumentException(cl, unmatched) : e;
	}

	/** The message of a usage error, in karl's words where picocli's would be vaguer. */
	static String message(final ParameterException e) {
		final boolean top = e.getCommandLine().getCommandSpec().parent() == null;
		if (e instanceof UnmatchedArgumentException && !((UnmatchedArgumentException) e)
			.getUnmatched().isEmpty())
		{
			final UnmatchedArgumentException u = (UnmatchedArgumentException) e;
			final String first = u.getUnmatched().get(0);
			if (top && !first.startsWith("-")) return "unknown subcommand '" + first +
				"'; use one of the commands below";
			if (u.isUnknownOption()) return "unknown option " + first + (u.getSuggestions().isEmpty()
				? "" : "; did you mean " + String.join(" or ", u.getSuggestions()) + "?");
		}
		// NB: "Missing required option/parameter:" is an absent option or file; a missing
		// value after an option keeps picocli's message, which names the option.
		if (e instanceof MissingParameterException && e.getMessage().startsWith("Missing required") &&
			!e.getMessage().contains(" for option "))
		{
			return "missing " + ((MissingParameterException) e).getMissing().stream().map(a -> a
				.isOption() ? ((OptionSpec) a).longestName() : a.paramLabel()).collect(Collectors
					.joining(", "));
		}
		return e.getMessage();
	}

	/** An option given with an empty value ({@code --csv=}) is a usage error, not a default. */
	private static void refuseEmptyValues(final ParseResult parsed) {
		for (ParseResult p = parsed; p != null; p = p.subcommand())
			for (final OptionSpec o : p.matchedOptions())
				if (o.arity().min() > 0 && o.originalStringValues().stream().anyMatch(String::isEmpty))
					throw new ParameterException(p.commandSpec().commandLine(), o.longestName() +
						" needs a value");
	}

	/** A writer for picocli's help that leaves the encoding to {@code s} (UTF-8 in tests). */
	private static PrintWriter writer(final PrintStream s) {
		return new PrintWriter(new Writer() {

			@Override
			public void write(final char[] c, final int off, final int len) {
				s.append(CharBuffer.wrap(c, off, len));
			}

			@Override
			public void flush() {
				s.flush();
			}

			@Override
			public void close() {
				s.flush();
			}
		}, true);
	}

	/** The one-line message for a failure: what was wrong and, when known, what to do. */
	static String describe(final Throwable e, final boolean debug) {
		return Failures.describe(e, debug ? Failures.CLI.withoutMore() : Failures.CLI);
	}

}
