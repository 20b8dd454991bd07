package org.karl.eval;

import static org.junit.Assert.*;

import org.junit.Test;
import org.karl.engine.config.ModelConfig;

/** The analytic FLOP count against hand-computed values. */
public class FlopsTest {

	@Test
	public void testModelByHand() {
		// ModelConfig.test(): S 32, p 4, base 8/8, Dz 4, W 16, L 1, r 2, T 8, h 16, d 4, Kl 32
		final Flops.Tokenize f = Flops.tokenize(ModelConfig.test(), 8);
		// 2 [256·16·1·8 + 64·16·8·8 + 64·9·8·8 + 64·8·4] = 2 · 137216
		assertEquals(274432, f.baseEncoder());
		assertEquals(2 * 64 * 16 * 12, f.patchEmbed()); // N p² (W − Dz)
		// n = 1 + 64 + 8 = 73: 2·73·8·256 + 4·73²·16
		assertEquals(299008 + 341056, f.encoder());
		assertEquals(2 * 8 * (16 * 16 + 16), f.halting());
		assertEquals(2 * 8 * 16 * 4 + 2 * 8 * 4 * 32, f.quantizer());
		assertEquals(946496, f.total());
	}

	@Test
	public void smallModelLayerIsTheSpecFormula() {
		// docs/algorithm.md §6.3: n·24W² + 4n²W per layer (r = 4), n = 97, W = 64
		assertEquals(97L * 24 * 64 * 64 + 4L * 97 * 97 * 64, Flops.encoderLayer(97, 64, 4));
		final ModelConfig s = ModelConfig.small();
		assertEquals(3 * Flops.encoderLayer(97, 64, 4), Flops.tokenize(s, 32).encoder());
		// the encoder dominates: about 36 of 39 MFLOP per tile
		assertEquals(38.9e6, Flops.tokenize(s, 32).total(), 0.1e6);
	}
}
