package org.karl.fiji.ij1;

import ij.gui.ImageRoi;
import ij.gui.Line;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.process.LUT;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.karl.image.ij.UnreachableFlags;

/**
 * The legend of a complexity map drawn in an image's overlay: a title ("tokens kept at ε =
 * 0.05"), a colour bar with ticks and their counts, and, when tiles are flagged, the entry of
 * the unreachable tiles' outline. It sits at the top right on a backing box of
 * {@value #BOX_ALPHA}/255 opaque black, so its white text stays readable on dark, bright and
 * colour (RGB) images alike; its size follows the image's (font of about 1/20 of the shorter
 * side, 8 to 22 pixels). Every part is named {@value #NAME}; the title is also the image
 * property {@value #PROP}.
 */
public final class MapLegend {

	/** Name of every ROI of the legend. */
	public static final String NAME = "KARL legend";

	/** Image property: the legend's title. */
	public static final String PROP = "karl.legend";

	/** Opacity (0..255) of the backing box. */
	static final int BOX_ALPHA = 190;

	private MapLegend() {}

	/** The title for a map made at {@code epsilon} (as typed, e.g. "0.05"). */
	public static String title(final String epsilon) {
		return "tokens kept at ε = " + epsilon;
	}

	/**
	 * Adds the legend to {@code o} for an image {@code w × h}: colours as {@code tinted}
	 * ({@link MapTint}'s colours when true, else the whole LUT, as a map image shows it), ticks
	 * over {@code range}, and the entry of the outlined tiles where ε is out of reach even at the
	 * budget when {@code flagged}. Returns the backing box.
	 */
	static Roi add(final Overlay o, final String title, final LUT lut, final boolean tinted,
		final double[] range, final boolean flagged, final int w, final int h)
	{
		final int fs = Math.max(8, Math.min(22, Math.round(Math.min(w, h) / 24f)));
		final Font font = new Font("SansSerif", Font.PLAIN, fs), small = new Font("SansSerif",
			Font.PLAIN, Math.max(8, fs * 4 / 5));
		final int pad = Math.max(3, fs / 2);
		final List<Roi> parts = new ArrayList<>();
		final TextRoi head = text(0, 0, title, font);
		final String reach = "ε out of reach";
		final TextRoi flag = flagged ? text(0, 0, reach, small) : null;
		final int barW = Math.max(8 * fs, Math.max(head.getBounds().width, flagged ? flag
			.getBounds().width + fs + pad : 0)), barH = fs;
		final int boxW = barW + 2 * pad + fs, x0 = Math.max(0, w - boxW - 4), y0 = 4;
		int y = y0 + pad;
		head.setLocation(x0 + pad, y);
		parts.add(head);
		y += head.getBounds().height + pad / 2;
		final int bx = x0 + pad + fs / 2;
		parts.add(bar(bx, y, barW, barH, lut, tinted));
		y += barH;
		for (final double v : ticks(range)) {
			final int tx = bx + (int) Math.round(MapTint.level(v, range) * (barW - 1));
			final Line tick = new Line(tx, y, tx, y + fs / 3);
			tick.setStrokeColor(Color.white);
			parts.add(tick);
			final TextRoi label = text(0, 0, num(v), small);
			label.setLocation(tx - label.getBounds().width / 2, y + fs / 3);
			parts.add(label);
		}
		y += fs / 3 + small.getSize() + pad;
		if (flagged) {
			final Roi square = new Roi(bx, y + 2, fs - 2, fs - 2);
			square.setStrokeColor(UnreachableFlags.COLOR);
			square.setStrokeWidth(2);
			parts.add(square);
			flag.setLocation(bx + fs + pad / 2, y);
			flag.setStrokeColor(UnreachableFlags.COLOR);
			parts.add(flag);
			y += fs + pad;
		}
		final Roi box = new Roi(x0, y0, boxW, y + pad / 2 - y0);
		box.setFillColor(new Color(0, 0, 0, BOX_ALPHA));
		box.setName(NAME);
		o.add(box); // NB: first, so that the rest is drawn on it
		for (final Roi r : parts) {
			r.setName(NAME);
			o.add(r);
		}
		return box;
	}

	/**
	 * The tick values of {@code range}: both ends and the multiples of a step of 1, 2, 4, 8, ...
	 * between them (at most about 5 ticks), none closer than half a step to an end.
	 */
	static double[] ticks(final double[] range) {
		final double lo = range[0], hi = range[1];
		if (!(hi > lo)) return new double[] { lo };
		double step = 1;
		while ((hi - lo) / step > 4) step *= 2;
		final List<Double> t = new ArrayList<>(List.of(lo));
		for (double v = Math.ceil(lo / step) * step; v < hi; v += step)
			if (v - lo >= step / 2 && hi - v >= step / 2) t.add(v);
		t.add(hi);
		return t.stream().mapToDouble(Double::doubleValue).toArray();
	}

	private static ImageRoi bar(final int x, final int y, final int w, final int h, final LUT lut,
		final boolean tinted)
	{
		final BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		for (int i = 0; i < w; i++) {
			final double t = i / (double) Math.max(1, w - 1);
			final int k = (int) Math.round(t * 255);
			final int rgb = tinted ? MapTint.colour(lut, t).getRGB() : new Color(lut.getRed(k), lut
				.getGreen(k), lut.getBlue(k)).getRGB();
			for (int j = 0; j < h; j++) bi.setRGB(i, j, rgb);
		}
		return new ImageRoi(x, y, bi);
	}

	private static TextRoi text(final int x, final int y, final String s, final Font f) {
		final TextRoi t = new TextRoi(x, y, s, f);
		t.setStrokeColor(Color.white);
		t.setAntiAlias(true);
		return t;
	}

	private static String num(final double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT,
			"%.1f", v);
	}
}
