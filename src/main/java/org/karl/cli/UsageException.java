package org.karl.cli;

/**
 * The command line is malformed: unknown subcommand or flag, missing or unparsable value. The
 * CLI prints the message and the usage, and exits with code {@value Main#EXIT_USAGE}.
 */
public class UsageException extends Exception {

	private static final long serialVersionUID = 1L;

	public UsageException(final String message) {
		super(message);
	}
}
