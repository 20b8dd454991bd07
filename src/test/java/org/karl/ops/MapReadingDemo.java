package org.karl.ops;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.karl.engine.api.Progress;
import org.karl.engine.api.Tokenizer;
import org.karl.engine.runtime.KarlModel;
import org.karl.image.WidefieldDemo;
import org.karl.fiji.ij1.MapView;
import org.karl.image.ij.Normalization;
import org.karl.image.ij.TestImages;
import org.karl.testing.NoisyFlat;

/**
 * The figure of {@code docs/fiji-users.md}, "Reading a map": complexity map overlays as ImageJ
 * flattens them (Image › Overlay › Flatten), rendered headless with the shipped model, one panel
 * each: the widefield image (dark background), a stain-like RGB version of it (bright), the
 * noisy-flat tiles with {@code verify} (unreachable tiles outlined), and the sparse puncta field
 * with the defaults and with {@code percentile_high=99.99}. Prints each panel's notes.
 * Run on purpose: {@code java -cp "$CP" org.karl.ops.MapReadingDemo docs/fiji-reading.png}.
 */
public final class MapReadingDemo {

	private MapReadingDemo() {}

	public static void main(final String[] args) throws Exception {
		final List<ImageProcessor> panels = new ArrayList<>();
		final List<String> labels = new ArrayList<>();
		try (Tokenizer t = KarlModel.load(Path.of("models/default"))) {
			final WidefieldDemo.Image w = WidefieldDemo.image(WidefieldDemo.DEMO_SEED);
			panels.add(shot(t, w.eightBit("widefield"), 0.05f, Normalization.DEFAULT, false));
			labels.add("8-bit widefield, ε 0.05");
			panels.add(shot(t, stain(w.eightBit("stain")), 0.05f, Normalization.DEFAULT, false));
			labels.add("RGB, stain-like colours");
			final ImagePlus nf = NoisyFlat.image("nf", 4, 4, 11);
			panels.add(scaled(shot(t, nf, 0.1f, Normalization.TYPE_RANGE, true), 4));
			labels.add("noisy flat ×4, ε 0.1, verify");
			final ImagePlus p = TestImages.sparsePuncta(512, 512, 4, 1);
			p.setDisplayRange(80, 300);
			panels.add(shot(t, p, 0.05f, Normalization.DEFAULT, false));
			labels.add("sparse puncta, defaults");
			final ImagePlus q = TestImages.sparsePuncta(512, 512, 4, 1);
			q.setDisplayRange(80, 300);
			panels.add(shot(t, q, 0.05f, new Normalization(Normalization.PERCENTILE, 1, 99.99,
				Normalization.PLANE, Double.NaN, Double.NaN), false));
			labels.add("sparse puncta, percentile_high 99.99");
		}
		new FileSaver(new ImagePlus("reading", montage(panels, labels))).saveAsPng(args[0]);
		System.out.println("wrote " + args[0]);
	}

	private static ImageProcessor shot(final Tokenizer t, final ImagePlus imp, final float eps,
		final Normalization n, final boolean verify)
	{
		final Table rows = new Table(ComplexityMapOp.columns(verify));
		final ComplexityMapOp.Output o = ComplexityMapOp.run(imp, imp.getTitle(), t, eps, 0, n,
			"fire", null, rows, verify, Progress.NONE);
		o.notes().forEach(s -> System.out.println(imp.getTitle() + ": note: " + s));
		final ImagePlus shown = MapView.render(o.map(), imp, t.tileSize(), t.maxTokens(),
			MapView.OVERLAY, MapView.FIXED);
		return shown.flatten().getProcessor();
	}

	/** A bright RGB image: background pale pink, dark structures purple, as an H&E stain. */
	private static ImagePlus stain(final ImagePlus gray) {
		final ByteProcessor b = (ByteProcessor) gray.getProcessor();
		final ColorProcessor c = new ColorProcessor(b.getWidth(), b.getHeight());
		for (int i = 0; i < b.getPixelCount(); i++) {
			final double v = b.get(i) / 255.0;
			c.set(i, new Color((int) (245 - 115 * v), (int) (215 - 165 * v), (int) (230 - 70 * v))
				.getRGB());
		}
		return new ImagePlus("stain", c);
	}

	private static ImageProcessor scaled(final ImageProcessor ip, final int f) {
		ip.setInterpolationMethod(ImageProcessor.NONE);
		return ip.resize(ip.getWidth() * f, ip.getHeight() * f);
	}

	private static ImageProcessor montage(final List<ImageProcessor> panels,
		final List<String> labels)
	{
		final int gap = 12, top = 28;
		int w = gap, h = 0;
		for (final ImageProcessor p : panels) {
			w += p.getWidth() + gap;
			h = Math.max(h, p.getHeight());
		}
		final ColorProcessor out = new ColorProcessor(w, h + top + gap);
		out.setColor(Color.white);
		out.fill();
		out.setColor(Color.black);
		out.setFont(new Font("SansSerif", Font.PLAIN, 16));
		out.setAntialiasedText(true);
		int x = gap;
		for (int i = 0; i < panels.size(); i++) {
			out.drawString(labels.get(i), x, top - 6);
			out.insert(panels.get(i).convertToRGB(), x, top);
			x += panels.get(i).getWidth() + gap;
		}
		return out;
	}
}
