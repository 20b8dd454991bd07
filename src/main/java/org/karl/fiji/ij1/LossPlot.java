package org.karl.fiji.ij1;

import ij.gui.Plot;

import org.karl.ops.TrainOp;

/**
 * The loss plot of KARL Train: the loss against the step of each phase a run trained, base and
 * KARL in two colours with a legend. It lives beside the two Fiji doors (both may show it) and
 * not in {@code ops}, where training only collects the curve ({@link TrainOp.Curve}).
 */
public final class LossPlot {

	/** Colours of the base and the KARL phase (matplotlib's first blue and red). */
	public static final String BASE_COLOR = "#1f77b4", KARL_COLOR = "#d62728";

	/** Legend labels of the two phases. */
	public static final String BASE_LABEL = "base", KARL_LABEL = "karl";

	private LossPlot() {}

	/** The plot of {@code curve}; a phase with no points is left out. */
	public static Plot of(final TrainOp.Curve curve) {
		final Plot plot = new Plot(curve.title(), "step", "loss");
		add(plot, curve.base(), BASE_COLOR, BASE_LABEL);
		add(plot, curve.karl(), KARL_COLOR, KARL_LABEL);
		plot.setLegend(null, Plot.AUTO_POSITION);
		return plot;
	}

	private static void add(final Plot plot, final TrainOp.Points points, final String color,
		final String label)
	{
		if (points.size() == 0) return;
		plot.setColor(color);
		plot.add("line", points.steps(), points.losses());
		plot.setLabel(-1, label);
	}
}
