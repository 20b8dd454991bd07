package org.karl.cli;

import static org.junit.Assert.*;

import ij.IJ;
import ij.ImagePlus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.runtime.TestModels;
import org.karl.image.ij.Int16Tiffs;

/**
 * A signed 16-bit TIFF (SampleFormat 2) at the CLI door (a child karl) is read as its signed
 * values, through ImageJ's calibration: norm_low and norm_high are values that are in the file,
 * a fixed range is given in those values, and the map equals that of its unsigned twin (the
 * same data shifted by 1000) with the matching range.
 */
public class SignedImagesTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	private Path dir() {
		return tmp.getRoot().toPath();
	}

	private KarlProcess.Result karl(final String... args) throws Exception {
		final KarlProcess.Result r = KarlProcess.run(dir(), args);
		assertEquals(r.toString(), Main.EXIT_OK, r.rc());
		return r;
	}

	/** The map's pixels (tokens per tile). */
	private float[] map(final String file) {
		final ImagePlus imp = IJ.openImage(dir().resolve(file).toString());
		return (float[]) imp.getProcessor().getPixels();
	}

	/** Column {@code c} of every row of a map's CSV. */
	private List<String> column(final String csv, final String c) throws Exception {
		final List<String> lines = Files.readAllLines(dir().resolve(csv));
		final int k = List.of(lines.get(0).split(",")).indexOf(c);
		return lines.subList(1, lines.size()).stream().map(l -> l.split(",")[k]).toList();
	}

	@Test
	public void signedValuesAreReadThroughTheCalibration() throws Exception {
		Int16Tiffs.write(dir().resolve("signed.tif"), 64, 64, Int16Tiffs.pattern(-1000), true);
		Int16Tiffs.write(dir().resolve("twin.tif"), 64, 64, Int16Tiffs.pattern(0), false);
		// NB: the shipped, trained model, so that a flat map would mean the offset showed through
		final Path shipped = Path.of("models/default").toAbsolutePath();
		final String model = (Files.isRegularFile(shipped.resolve("karl.json")) ? shipped : TestModels
			.model()).toString();

		// default percentiles: the bounds are values in the file, 1000 below the twin's
		karl("map", "--model", model, "--output", "p", "signed.tif", "twin.tif");
		final List<String> lo = column("p/signed_tokens.csv", "norm_low"), hi = column(
			"p/signed_tokens.csv", "norm_high");
		final List<String> twinLo = column("p/twin_tokens.csv", "norm_low"), twinHi = column(
			"p/twin_tokens.csv", "norm_high");
		assertEquals(Double.parseDouble(twinLo.get(0)) - 1000, Double.parseDouble(lo.get(0)), 1e-9);
		assertEquals(Double.parseDouble(twinHi.get(0)) - 1000, Double.parseDouble(hi.get(0)), 1e-9);
		assertTrue("in the file's range -1000..-1: " + lo.get(0) + ".." + hi.get(0), Double
			.parseDouble(lo.get(0)) >= -1000 && Double.parseDouble(hi.get(0)) <= -1);
		assertArrayEquals(map("p/twin_map.tif"), map("p/signed_map.tif"), 0f);

		// a fixed range in the signed values: the same map as the twin with the matching range
		final KarlProcess.Result s = karl("map", "--model", model, "--normalize", "range",
			"--range_min", "-1000", "--range_max", "0", "--output", "rs", "signed.tif");
		karl("map", "--model", model, "--normalize", "range", "--range_min", "0", "--range_max",
			"1000", "--output", "rt", "twin.tif");
		assertFalse("nothing clipped: " + s.err(), s.err().contains("clipped"));
		assertEquals(List.of("-1000.0"), column("rs/signed_tokens.csv", "norm_low").stream().distinct()
			.toList());
		assertArrayEquals(map("rt/twin_map.tif"), map("rs/signed_map.tif"), 0f);
		float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
		for (final float v : map("rs/signed_map.tif")) {
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		assertTrue("the flat half keeps fewer tokens than the noisy half: " + min + ".." + max,
			min < max);
	}
}
