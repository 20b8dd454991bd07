package org.karl.eval;

import java.util.List;
import java.util.Map;

/**
 * Everything one {@code karl eval} run measured, as plain records: {@link EvalJson} writes them
 * as {@code eval.json}, {@link EvalReport} as markdown, and the figures are drawn from them.
 *
 * @param setup what was evaluated, on what, how long it took
 * @param epsilons one row per ε, ascending
 * @param timing timed runs of the three methods at a few ε
 * @param curves fixed-budget rate–distortion of both search tables
 * @param jpeg JPEG (standard Huffman tables) on the same tiles at the bits of each fixed budget
 * @param jpegFittedTables the same with Huffman tables fitted per tile and not counted
 * @param curveRatios how much the ALIT-style fixed-budget L1 falls per doubling of T
 * @param classical classical compressed sizes of the evaluation tiles
 * @param monotonicFraction fraction of tiles whose k̂ never rises as ε rises over the ε list
 * @param montage tiles and reconstructions for the montage figure (not written to JSON)
 */
public record EvalResult(Setup setup, List<AtEpsilon> epsilons, List<Timing> timing,
	Curves curves, JpegCurve jpeg, JpegCurve jpegFittedTables, List<CurveRatio> curveRatios,
	Classical classical,
	double monotonicFraction, Montage montage)
{

	/** Adherence tolerance: a tile adheres when its L1 ≤ ε + this (docs/algorithm.md §6.1). */
	public static final double ADHERENCE_SLACK = 0.005;

	/**
	 * The model and data of a run.
	 *
	 * @param model model folder
	 * @param tmax the model's T_max
	 * @param codebook 1D-token codebook size (bits per token = log2 of it)
	 * @param bins the model's ε bins
	 * @param parts name, tile count and description of every part of the evaluation set
	 * @param probePerGroup tiles per probe group
	 * @param budgets budgets both searches try
	 * @param seconds wall time of the whole evaluation
	 */
	public record Setup(String model, int tmax, int codebook, float[] bins, List<PartInfo> parts,
		int probePerGroup, int[] budgets, double seconds) {}

	/** One part of the evaluation set. */
	public record PartInfo(String name, int n, String description) {}

	/** KARL and both searches at one ε. */
	public record AtEpsilon(double epsilon, double bin, Karl karl, Search alit, Search prefix,
		Agreement agreement, ClassicalAt classical, int[] histogram, Map<String, Double> probes,
		boolean probesOrdered, HonestCounts honest, Map<String, Double> microscopy,
		GradedCounts graded, GradedCounts gradedSearch, VerifiedShare verified) {}

	/**
	 * The single pass at one ε, over all tiles and per part.
	 *
	 * @param meanTokens mean kept tokens k̂
	 * @param meanL1 mean per-tile L1
	 * @param meanPsnr mean per-tile PSNR (dB)
	 * @param meanSsim mean per-tile SSIM
	 * @param adherence fraction of tiles with L1 ≤ ε + {@value EvalResult#ADHERENCE_SLACK}
	 * @param parts the same numbers per part (name → [k̂, L1, adherence])
	 */
	public record Karl(double meanTokens, double meanL1, double meanPsnr, double meanSsim,
		double adherence, Map<String, double[]> parts) {}

	/**
	 * A search at one ε, from its table (every tile, every budget).
	 *
	 * @param meanTokens mean selected budget (T* or k*)
	 * @param meanL1 mean L1 at the selected budget
	 * @param met fraction of tiles that met ε within T_max
	 * @param encoderRuns mean encoder runs per tile
	 * @param decoderRuns mean decoder runs per tile
	 */
	public record Search(double meanTokens, double meanL1, double met, double encoderRuns,
		double decoderRuns) {}

	/** Rank agreement of k̂ with the searches' choices, and mean absolute differences. */
	public record Agreement(double spearmanAlit, double meanAbsAlit, double spearmanPrefix,
		double meanAbsPrefix) {}

	/**
	 * k̂ against classical compressed sizes, on the non-blank tiles.
	 *
	 * @param nonBlank number of non-blank tiles
	 * @param spearmanDeflate ρ(k̂, DEFLATE bytes)
	 * @param spearmanPng ρ(k̂, PNG bytes)
	 * @param perPart ρ(k̂, DEFLATE bytes) per part (non-blank tiles)
	 * @param meanTokenBits mean k̂ · log2(codebook)
	 */
	public record ClassicalAt(int nonBlank, double spearmanDeflate, double spearmanPng,
		Map<String, Double> perPart, double meanTokenBits) {}

	/** A timed run of one method at one ε; per-tile means. */
	public record Timing(double epsilon, String method, double msPerTile, double encoderRuns,
		double decoderRuns, double meanTokens, double met) {}

	/** Mean L1 at each fixed budget (ALIT table) or prefix length (prefix table). */
	public record Curves(int[] budgets, double[] alitL1, double[] alitHalted, double[] prefixL1,
		double prefixHalted) {}

	/**
	 * JPEG on the same tiles at the bits of each fixed budget ({@link JpegAnchor}).
	 *
	 * @param huffman the Huffman tables: standard, or fitted per tile (not counted)
	 * @param budgets budgets T, as the fixed-budget curves
	 * @param bits T × log2(codebook)
	 * @param l1 mean L1 of the best JPEG (or flat tile) within those bits
	 * @param karlOverJpeg KARL's fixed-budget L1 (ALIT-style) over JPEG's
	 * @param noQualityFits fraction of tiles whose JPEG scan exceeds the bits at every quality
	 *          (they fall back to the flat tile)
	 * @param flatUsed fraction of tiles coded as a flat tile at their mean grey (8 bits): no
	 *          quality fits, or the flat tile beats every quality that does
	 * @param parts the same curves per part of the evaluation set
	 */
	public record JpegCurve(String huffman, int[] budgets, double[] bits, double[] l1,
		double[] karlOverJpeg, double[] noQualityFits, double[] flatUsed,
		Map<String, PartCurve> parts) {}

	/** KARL's fixed-budget L1 (ALIT-style) and JPEG's, per budget, on one part. */
	public record PartCurve(double[] karlL1, double[] jpegL1) {}

	/** L1(to)/L1(from) of a fixed-budget curve, {@code to} = 2 · {@code from}. */
	public record CurveRatio(int from, int to, double ratio) {}

	/** Mean compressed sizes of the evaluation tiles (8-bit). */
	public record Classical(double meanDeflateBytes, double meanPngBytes, int blank,
		Map<String, double[]> perPart) {}

	/**
	 * Tiles and their single-pass reconstructions, for the montage.
	 *
	 * @param labels a label per tile (its part)
	 * @param originals [tiles, size, size]
	 * @param epsilons the ε of each reconstruction column
	 * @param reconstructions [ε][tiles * size * size]
	 * @param tokens [ε][tile] kept tokens
	 * @param l1 [ε][tile]
	 */
	public record Montage(int size, String[] labels, float[] originals, double[] epsilons,
		float[][] reconstructions, int[][] tokens, float[][] l1) {}
}
