package org.karl.cli;

/**
 * One {@code karl} subcommand, e.g. {@code karl tokenize}. Implementations are thin adapters:
 * they parse {@link Args}, call the plain Java method that does the work, and report. To add one,
 * append an instance to {@link Main#COMMANDS}.
 */
public interface Subcommand {

	/** The word after {@code karl}, e.g. "tokenize". */
	String name();

	/**
	 * Usage text: the synopsis line ({@code karl tokenize --model DIR ...}), a one-line summary,
	 * then one line per flag. Every key of {@link #spec()} must appear in it.
	 */
	String usage();

	/** The flags this subcommand accepts; {@link Main} adds --help and --debug to every spec. */
	Args.Spec spec();

	/**
	 * Runs the subcommand and returns its exit code ({@value Main#EXIT_OK} when it worked).
	 *
	 * @throws UsageException for a malformed command line (exit {@value Main#EXIT_USAGE})
	 * @throws Exception for any other failure (exit {@value Main#EXIT_FAILURE}); its message is
	 *           printed as one line and should say what was wrong and what to do, separated by
	 *           "; "
	 */
	int run(Args args) throws Exception;
}
