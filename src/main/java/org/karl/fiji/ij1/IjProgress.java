package org.karl.fiji.ij1;

import ij.IJ;

import org.karl.engine.api.Progress;

/** {@link Progress} on ImageJ's status bar and progress bar; Esc cancels. */
public final class IjProgress implements Progress {

	private String last = "";

	@Override
	public void status(final String message) {
		if (!message.equals(last)) IJ.showStatus(message);
		last = message;
	}

	@Override
	public void fraction(final double done) {
		IJ.showProgress(Math.max(0, Math.min(1, done)));
	}

	@Override
	public boolean isCanceled() {
		return IJ.escapePressed();
	}
}
