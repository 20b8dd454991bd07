package org.karl.eval;

import org.karl.engine.config.ModelConfig;

/**
 * Analytic floating-point operation count of the {@code tokenize} path (encoder only: the
 * complexity map needs no decoder) for one tile, from a model's configuration. A multiply-add
 * counts 2; only convolutions and matrix products are counted (layer norms, softmax, GELU,
 * biases and additions are a few percent and left out), so achieved FLOP/s is a lower bound.
 * <p>
 * With tile S, patch p, N = (S/p)² grid tokens, budget T, width W, L encoder layers, MLP ratio r,
 * base channels c0, c1, base latent Dz, halting hidden h, latent dim d and Kl latent codes:
 * <pre>
 * base encoder   2 [ (S/2)² 16·1·c0 + (S/4)² 16·c0·c1 + (S/4)² 9·c1·c1 + (S/4)² c1·Dz ]
 * patch embed    2 N p² (W − Dz)
 * encoder        L [ 2n (4 + 2r) W² + 4 n² W ],  n = 1 + N + T   (QKV, out, MLP; QKᵀ, AV)
 * halting head   2 T (W h + h)
 * quantiser      2 T W d + 2 T d Kl                             (pre_quant, code distances)
 * </pre>
 * For the S model (S 32, p 4, W 64, L 3, r 4, T 32) the encoder is 24nW² + 4n²W per layer, the
 * formula of docs/algorithm.md §6.3.
 */
public final class Flops {

	/** FLOPs per tile, by block. */
	public record Tokenize(long baseEncoder, long patchEmbed, long encoder, long halting,
		long quantizer)
	{

		/** The sum of all blocks. */
		public long total() {
			return baseEncoder + patchEmbed + encoder + halting + quantizer;
		}
	}

	private Flops() {}

	/** FLOPs of {@code tokenize} for one tile at budget {@code t}. */
	public static Tokenize tokenize(final ModelConfig c, final int t) {
		final long s = c.tileSize(), c0 = c.baseChannels()[0], c1 = c.baseChannels()[1];
		final long half = (s / 2) * (s / 2), quarter = (s / 4) * (s / 4);
		final long base = 2 * (half * 16 * c0 + quarter * 16 * c0 * c1 + quarter * 9 * c1 * c1 +
			quarter * c1 * c.dz());
		final long w = c.width(), n = 1 + c.gridTokens() + t;
		final long patch = 2L * c.gridTokens() * c.patch() * c.patch() * (w - c.dz());
		final long encoder = c.encoderLayers() * encoderLayer(n, w, c.mlpRatio());
		final long halting = 2L * t * (w * c.haltHidden() + c.haltHidden());
		final long quantizer = 2L * t * w * c.latentDim() + 2L * t * c.latentDim() * c.latentCodes();
		return new Tokenize(base, patch, encoder, halting, quantizer);
	}

	/** One pre-LN transformer block over {@code n} tokens of width {@code w}. */
	public static long encoderLayer(final long n, final long w, final long mlpRatio) {
		return 2 * n * (4 + 2 * mlpRatio) * w * w + 4 * n * n * w;
	}
}
