package org.karl.ops;

import java.util.Locale;

/**
 * What verification changed on one image, for the one-line summary every door prints: tiles,
 * mean predicted and verified count, tiles the single pass under-reported (verified above
 * predicted) and tiles where ε is out of reach even at the budget (unreachable).
 */
public record VerifySummary(long tiles, long predicted, long verified, long underReported,
	long unreachable)
{

	/** No tiles yet. */
	public static final VerifySummary NONE = new VerifySummary(0, 0, 0, 0, 0);

	/** This summary plus one tile. */
	public VerifySummary plus(final int predictedCount, final int verifiedCount,
		final boolean met)
	{
		return new VerifySummary(tiles + 1, predicted + predictedCount, verified + verifiedCount,
			underReported + (verifiedCount > predictedCount ? 1 : 0), unreachable + (met ? 0 : 1));
	}

	/** This summary plus {@code o}. */
	public VerifySummary plus(final VerifySummary o) {
		return new VerifySummary(tiles + o.tiles, predicted + o.predicted, verified + o.verified,
			underReported + o.underReported, unreachable + o.unreachable);
	}

	public double meanPredicted() {
		return tiles == 0 ? Double.NaN : (double) predicted / tiles;
	}

	public double meanVerified() {
		return tiles == 0 ? Double.NaN : (double) verified / tiles;
	}

	/** The line the doors print for the image {@code name}. */
	public String line(final String name) {
		return String.format(Locale.ROOT, "verify %s: %d tiles, mean tokens predicted %.2f, " +
			"verified %.2f; under-reported by the single pass: %d; unreachable (epsilon not met at " +
			"the budget): %d", name, tiles, meanPredicted(), meanVerified(), underReported,
			unreachable);
	}
}
