package org.karl.engine.api;

/**
 * Progress and cancellation for long runs (training, tokenizing many tiles).
 * One interface so that a CLI, a Fiji progress bar and a log can all follow the same run
 * (BigDataViewer's ProgressWriter pattern).
 */
public interface Progress {

	/** A one-line human-readable status. */
	void status(String message);

	/** Fraction done in [0,1]. */
	void fraction(double done);

	/** True once the user asked to stop; long loops check it between steps. */
	default boolean isCanceled() {
		return false;
	}

	/** Does nothing and never cancels. */
	Progress NONE = new Progress() {
		@Override
		public void status(final String message) {}

		@Override
		public void fraction(final double done) {}
	};

	/** Maps this progress's [start,end] range onto a sub-task's [0,1]. */
	default Progress sub(final double start, final double end) {
		final Progress parent = this;
		return new Progress() {
			@Override
			public void status(final String message) {
				parent.status(message);
			}

			@Override
			public void fraction(final double done) {
				parent.fraction(start + (end - start) * Math.max(0, Math.min(1, done)));
			}

			@Override
			public boolean isCanceled() {
				return parent.isCanceled();
			}
		};
	}
}
