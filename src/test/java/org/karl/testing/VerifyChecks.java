package org.karl.testing;

import static org.junit.Assert.*;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.Roi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.karl.engine.api.Progress;
import org.karl.engine.api.TokenizeResult;
import org.karl.engine.api.Tokenizer;
import org.karl.image.TileGrid;
import org.karl.image.Tiler;
import org.karl.image.ij.Normalization;
import org.karl.image.ij.PlaneReader;
import org.karl.image.ij.UnreachableFlags;
import org.karl.ops.VerifySummary;

/**
 * What every door's verified rows must satisfy, checked the same way at each door:
 * verified ≥ predicted; met = 0 only at the budget; the count kept where the prediction met ε
 * (an oracle computed here, independently of the code under test); the map's unreachable flags
 * exactly on the rows with met = 0; and the summary line made from the rows.
 */
public final class VerifyChecks {

	/** One tile row, as every door writes it. */
	public record Row(int slice, int tx, int ty, int tokens, int predicted, int budget,
		boolean met) {}

	private VerifyChecks() {}

	/** The rows of a CSV written with verify (header first). */
	public static List<Row> fromCsv(final List<String> lines) {
		final List<String> h = List.of(lines.get(0).split(","));
		final List<Row> rows = new ArrayList<>();
		for (final String l : lines.subList(1, lines.size())) {
			final String[] f = l.split(",");
			rows.add(new Row(i(f, h, "slice"), i(f, h, "tile_x"), i(f, h, "tile_y"), i(f, h, "tokens"), i(
				f, h, "predicted"), i(f, h, "budget"), i(f, h, "met") == 1));
		}
		return rows;
	}

	private static int i(final String[] f, final List<String> h, final String col) {
		assertTrue("no column " + col + " in " + h, h.contains(col));
		return (int) Double.parseDouble(f[h.indexOf(col)]);
	}

	/**
	 * Asserts the invariants on {@code rows} (one plane of a grid, row-major) against
	 * {@code oracle} (null: not checked) and the flags of the map ("slice:tx:ty").
	 */
	public static void check(final List<Row> rows, final Oracle oracle, final Set<String> flags) {
		assertFalse("no rows", rows.isEmpty());
		final Set<String> unmet = new TreeSet<>();
		for (int k = 0; k < rows.size(); k++) {
			final Row r = rows.get(k);
			assertTrue(r + ": verified below predicted", r.tokens() >= r.predicted());
			assertTrue(r + ": met = 0 below the budget", r.met() || r.tokens() == r.budget());
			if (!r.met()) unmet.add(r.slice() + ":" + r.tx() + ":" + r.ty());
			if (oracle != null) {
				assertEquals(r + ": predicted is the single pass's count", oracle.predicted()[k], r
					.predicted());
				if (oracle.meets()[k]) assertEquals(r + ": the prediction met epsilon, so it is kept", r
					.predicted(), r.tokens());
				else assertTrue(r + ": the prediction missed epsilon, so the count climbed", r.tokens() > r
					.predicted() || r.predicted() == r.budget());
			}
		}
		if (flags != null) assertEquals("the map's unreachable flags are the rows with met 0", unmet,
			new TreeSet<>(flags));
	}

	/** The summary line the rows give for {@code name}. */
	public static String summary(final List<Row> rows, final String name) {
		VerifySummary s = VerifySummary.NONE;
		for (final Row r : rows) s = s.plus(r.predicted(), r.tokens(), r.met());
		return s.line(name);
	}

	/** Flags of a map's overlay as "slice:tx:ty" (slice = the map's stack index; 1 for one plane). */
	public static Set<String> flags(final ImagePlus map) {
		final Set<String> out = new HashSet<>();
		final Overlay o = map.getOverlay();
		if (o == null) return out;
		for (final Roi r : o) {
			if (!UnreachableFlags.NAME.equals(r.getName())) continue;
			final int slice = map.getStackSize() == 1 ? 1 : map.getStackIndex(r.getCPosition(), r
				.getZPosition(), r.getTPosition());
			assertEquals("one tile per flag", 1, r.getBounds().width);
			out.add(slice + ":" + r.getBounds().x + ":" + r.getBounds().y);
		}
		return out;
	}

	/**
	 * The single pass's count of each tile of {@code imp}'s first plane and whether the first that
	 * many tokens meet ε, decoded here with the runtime API alone.
	 */
	public record Oracle(int[] predicted, boolean[] meets) {

		public static Oracle of(final Tokenizer t, final ImagePlus imp, final Normalization n,
			final float epsilon)
		{
			final PlaneReader reader = new PlaneReader(imp, n);
			final var plane = reader.read(1).img();
			final TileGrid g = Tiler.grid(plane, t.tileSize());
			final float[] tiles = Tiler.extract(plane, g);
			final int tmax = t.maxTokens(), px = t.tileSize() * t.tileSize();
			final TokenizeResult r = t.tokenize(tiles, g.count(), epsilon, tmax, Progress.NONE);
			final int[] keep = new int[g.count() * tmax];
			for (int k = 0; k < g.count(); k++)
				for (int j = 0; j < r.counts()[k]; j++) keep[k * tmax + j] = 1;
			final float[] dec = t.decode(r.tokens(), keep, g.count(), Progress.NONE);
			final boolean[] meets = new boolean[g.count()];
			for (int k = 0; k < g.count(); k++) {
				double s = 0;
				for (int j = 0; j < px; j++) s += Math.abs(dec[k * px + j] - tiles[k * px + j]);
				meets[k] = (float) (s / px) <= epsilon; // NB: as the rows round it
			}
			return new Oracle(r.counts(), meets);
		}
	}
}
