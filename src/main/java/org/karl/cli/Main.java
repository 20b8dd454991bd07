package org.karl.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.karl.Keys;

/**
 * The {@code karl} command line: {@code karl <subcommand> [--key value | --key=value | --flag]
 * [FILE...]}. Exit codes: {@value #EXIT_OK} ok, {@value #EXIT_FAILURE} failure (one stderr line
 * {@code karl <cmd>: <what was wrong>; <what to do>}, plus the stack trace with --debug),
 * {@value #EXIT_USAGE} usage error (unknown subcommand or flag, missing value; the usage follows).
 */
public final class Main {

	/** Success. */
	public static final int EXIT_OK = 0;

	/** A failure other than a malformed command line. */
	public static final int EXIT_FAILURE = 1;

	/** A malformed command line. */
	public static final int EXIT_USAGE = 2;

	/** Every subcommand, in the order the overview lists them. Add a new one here. */
	static final List<Subcommand> COMMANDS = List.of( //
		new TokenizeCommand(), //
		new MapCommand(), //
		new ReconstructCommand(), //
		TrainCommand.base(), //
		TrainCommand.karl(), //
		new InfoCommand(), //
		new EvalCommand(), //
		new BenchCommand() //
	);

	private Main() {}

	public static void main(final String[] argv) {
		System.exit(run(argv, System.out, System.err));
	}

	/** Runs the command line {@code argv} and returns the exit code. */
	public static int run(final String[] argv, final PrintStream out, final PrintStream err) {
		if (argv.length == 0) {
			err.print(overview());
			return EXIT_USAGE;
		}
		final String first = argv[0];
		if (first.equals("help") || first.equals("--" + Keys.KEY_HELP) || first.equals("-h")) {
			final Subcommand about = argv.length > 1 ? find(argv[1]) : null;
			out.print(about == null ? overview() : about.usage());
			return EXIT_OK;
		}
		final Subcommand cmd = find(first);
		if (cmd == null) {
			err.println("karl: unknown subcommand '" + first + "'; use one of the commands below");
			err.print(overview());
			return EXIT_USAGE;
		}
		final String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
		final Args.Spec spec = cmd.spec().flag(Keys.KEY_HELP).flag(Keys.KEY_DEBUG);
		boolean debug = Keys.DEFAULT_DEBUG;
		try {
			final Args args = Args.parse(rest, spec, out, err);
			if (args.flag(Keys.KEY_HELP)) {
				out.print(cmd.usage());
				return EXIT_OK;
			}
			debug = args.flag(Keys.KEY_DEBUG);
			return cmd.run(args);
		}
		catch (final UsageException e) {
			err.println("karl " + cmd.name() + ": " + oneLine(e.getMessage()));
			err.print(cmd.usage());
			return EXIT_USAGE;
		}
		catch (final Exception | LinkageError | OutOfMemoryError e) {
			err.println("karl " + cmd.name() + ": " + describe(e, debug));
			if (debug) e.printStackTrace(err);
			return EXIT_FAILURE;
		}
	}

	/** The subcommand called {@code name}, or null. */
	static Subcommand find(final String name) {
		for (final Subcommand c : COMMANDS)
			if (c.name().equals(name)) return c;
		return null;
	}

	/** Lists the subcommands with their synopsis. */
	static String overview() {
		final StringBuilder s = new StringBuilder(
			"usage: karl <command> [--key value | --key=value | --flag] [FILE...]\ncommands:\n");
		for (final Subcommand c : COMMANDS)
			s.append("  ").append(c.usage().lines().findFirst().orElse(c.name())).append('\n');
		s.append("'karl <command> --help' explains a command; --debug adds stack traces.\n");
		return s.toString();
	}

	/** The one-line message for a failure: what was wrong and, when known, what to do. */
	static String describe(final Throwable e, final boolean debug) {
		if (e instanceof OutOfMemoryError) return "out of Java heap (" + e.getMessage() +
			"); give more, e.g. KARL_JAVA_OPTS=-Xmx8g";
		String m = e.getMessage();
		if (m == null || m.isBlank()) m = e.getClass().getSimpleName();
		else if (!(e instanceof java.io.IOException || e instanceof IllegalArgumentException ||
			e instanceof IllegalStateException)) m = e.getClass().getSimpleName() + ": " + m;
		m = oneLine(m);
		return m.contains("; ") || debug ? m : m + "; rerun with --debug for the stack trace";
	}

	private static String oneLine(final String s) {
		return s.replaceAll("\\s*\\R\\s*", " ").trim();
	}
}
