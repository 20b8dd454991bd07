package org.karl.engine.graph;

import java.util.List;

import org.karl.engine.api.BudgetLadder;
import org.karl.engine.config.ModelConfig;
import org.karl.engine.config.TrainConfig;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * KARL's training objective on one batch (docs/algorithm.md §4.1), top to bottom: phase 1 estimates
 * each image's error at a budget T, phase 2 learns to tokenize at T_max under an ε token and trains
 * the halting head. {@link ModelGraph} wires the result into the {@code train_step} signature with
 * AdamW.
 *
 * <p>Halting targets ({@link TrainConfig#haltingTargets()}): the paper's conditions phase 2 on
 * bin(ε0) and splits at T; minimum-budget targets condition on a bin drawn uniformly per image and
 * split at T*(image, bin), the smallest rung of a prefix ladder whose error meets the bin, measured
 * gradient-free on the same phase-2 encoding.
 */
final class Objective {

	/** Phase 1, Estimate Image Complexity: budget T, unmasked decoder, all tokens active. */
	record Phase1(Operand<TFloat32> eps0, KarlGraph.Latents latents, Operand<TFloat32> ce,
		Operand<TFloat32> mse, Operand<TFloat32> halt) {}

	/** Phase 2, Learn to Tokenize Complexity: T_max queries, ε token, the model's own hard mask. */
	record Phase2(Operand<TFloat32> dropped, KarlGraph.Latents latents, Operand<TFloat32> ce,
		Operand<TFloat32> mse, Operand<TFloat32> halt, Operand<TFloat32> targetMean) {}

	private final Ops tf;
	private final Layers l;
	private final ModelConfig c;
	private final KarlGraph karl;
	private final BaseTokenizerGraph base;

	Objective(final Layers l, final ModelConfig c, final KarlGraph karl) {
		this.tf = l.tf;
		this.l = l;
		this.c = c;
		this.karl = karl;
		this.base = karl.base();
	}

	Phase1 phase1(final Operand<TFloat32> images, final KarlGraph.Tokens2d t2d,
		final Operand<TInt32> epsBins, final Operand<TInt32> budget, final Operand<TFloat32> vqOn)
	{
		final KarlGraph.Forward f = karl.forward(t2d, epsBins, budget, vqOn, KarlGraph.Keep.ALL);
		final Reconstruction r = reconstruction(images, t2d, f.head());
		final Operand<TFloat32> eps0 = tf.stopGradient(r.l1()); // [B]
		return new Phase1(eps0, f.latents(), r.ce(), r.mse(), Losses.haltAllActive(tf, f.haltLogits()));
	}

	/**
	 * Phase 1 on prefixes (not the paper's): the image is encoded with T_max queries and decoded
	 * from its first min(T, T_max) tokens, the rest masked as halted ones. This trains the tokens
	 * inference keeps (a prefix of the T_max encoding) at every budget, so each token has to add
	 * to the reconstruction; the paper's phase 1 trains encodings with T queries, which inference
	 * never decodes. ε0 is the prefix's error; the halting BCE keeps the kept tokens active.
	 */
	Phase1 phase1Prefix(final Operand<TFloat32> images, final KarlGraph.Tokens2d t2d,
		final Operand<TInt32> epsBins, final Operand<TInt32> budget, final Operand<TFloat32> vqOn)
	{
		final Operand<TInt32> keep = tf.math.minimum(budget, l.c(c.maxTokens()));
		final KarlGraph.Forward f = karl.forward(t2d, epsBins, l.c(c.maxTokens()), vqOn,
			KarlGraph.Keep.prefix(keep));
		final Reconstruction r = reconstruction(images, t2d, f.head());
		final Operand<TFloat32> eps0 = tf.stopGradient(r.l1()); // [B]
		final Operand<TFloat32> kept = tf.slice(f.haltLogits(), l.vec(0, 0), l.dims(l.c(-1), keep)); // [B,T]
		return new Phase1(eps0, f.latents(), r.ce(), r.mse(), Losses.haltAllActive(tf, kept));
	}

	/**
	 * A decoder head's reconstruction terms. Codes variant (the paper's VQGAN one): CE against the
	 * base codes and MSE of the soft code to the target code vectors. Latent variant (the paper's
	 * VAE one): MSE of the regressed latent to h, and in the CE slot {@link #PIXEL_L1_WEIGHT} × the
	 * pixel L1 through the frozen base decoder (what ε measures, so the tokens are trained on it).
	 */
	private Reconstruction reconstruction(final Operand<TFloat32> images,
		final KarlGraph.Tokens2d t2d, final Operand<TFloat32> head)
	{
		if (c.latentTarget()) {
			final Operand<TFloat32> l1 = karl.l1PerImage(images, karl.image(head)); // [B]
			return new Reconstruction(tf.math.mul(tf.constant(PIXEL_L1_WEIGHT), tf.math.mean(l1, l
				.c(0))), Losses.mse(tf, head, flat(t2d.h())), l1);
		}
		// NB: the soft code once, for both its MSE and the image (karl.image would build it again)
		final Operand<TFloat32> s = base.softCode(tf.nn.softmax(head));
		return new Reconstruction(Losses.crossEntropy(tf, head, t2d.codes(), c.baseCodes()),
			Losses.mse(tf, flat(s), base.codeVectors(t2d.codes())), karl.l1PerImage(images, base
				.decode(s)));
	}

	/** Reconstruction terms and the per-image pixel L1 [B] (with gradient). */
	private record Reconstruction(Operand<TFloat32> ce, Operand<TFloat32> mse, Operand<TFloat32> l1) {}

	/**
	 * Weight of the latent variant's pixel L1 term. An L1 of ~0.05 would otherwise weigh little
	 * next to the halting BCE and the VQ terms; ×10 puts it at their scale.
	 */
	static final float PIXEL_L1_WEIGHT = 10f;

	/**
	 * Phase 2 with the paper's halting targets: conditioned on bin(ε0), tokens [0, T) active and
	 * [T, T_max) halted, T being phase 1's budget.
	 *
	 * @param epsBins the ε bin each image is conditioned on: bin(ε0)
	 * @param budget phase 1's T
	 */
	Phase2 phase2PaperTargets(final Operand<TFloat32> images, final KarlGraph.Tokens2d t2d,
		final Operand<TInt32> epsBins, final Operand<TInt32> budget, final Operand<TFloat32> vqOn)
	{
		final KarlGraph.Forward f = phase2Forward(t2d, epsBins, vqOn);
		final Reconstruction r = reconstruction(images, t2d, f.head());
		return new Phase2(f.dropped(), f.latents(), r.ce(), r.mse(), Losses.haltSplit(tf, f
			.haltLogits(), budget, c.maxTokens()), tf.dtypes.cast(tf.math.minimum(budget, l.c(c
				.maxTokens())), TFloat32.class));
	}

	/**
	 * Phase 2 with minimum-budget halting targets: tokens [0, T*) active, where T* is the
	 * smallest rung of the prefix ladder whose error (measured gradient-free on this encoding)
	 * meets the image's bin.
	 *
	 * @param epsBins the ε bin each image is conditioned on (drawn uniformly per image)
	 * @param bins the bins' values (the ε each bin stands for)
	 */
	Phase2 phase2MinimumTargets(final Operand<TFloat32> images, final KarlGraph.Tokens2d t2d,
		final Operand<TInt32> epsBins, final Operand<TFloat32> bins, final Operand<TFloat32> vqOn)
	{
		final KarlGraph.Forward f = phase2Forward(t2d, epsBins, vqOn);
		final Reconstruction r = reconstruction(images, t2d, f.head());
		final int[] rungs = BudgetLadder.rungs(c.maxTokens());
		final Operand<TFloat32> errors = karl.prefixErrors(images, f.latents().straightThrough(),
			rungs); // [R,B]
		final Operand<TInt32> tstar = Losses.minimumBudget(tf, errors, tf.gather(bins, epsBins, l.c(0)),
			rungs, c.maxTokens());
		return new Phase2(f.dropped(), f.latents(), r.ce(), r.mse(), Losses.haltSplitPerImage(tf, f
			.haltLogits(), tstar, c.maxTokens()), tf.math.mean(tf.dtypes.cast(tstar, TFloat32.class), l
				.c(0)));
	}

	/** Phase 2's forward: T_max queries, the ε token, the model's own hard mask. */
	private KarlGraph.Forward phase2Forward(final KarlGraph.Tokens2d t2d,
		final Operand<TInt32> epsBins, final Operand<TFloat32> vqOn)
	{
		return karl.forward(t2d, epsBins, l.c(c.maxTokens()), vqOn, KarlGraph.Keep.HALTING);
	}

	/** The loss terms in {@link GraphNames#LOSS_TERMS} order. */
	static List<Operand<TFloat32>> terms(final Phase1 p1, final Phase2 p2) {
		return List.of(p1.ce(), p1.mse(), p1.latents().loss(), p1.halt(), p2.ce(), p2.mse(), p2
			.latents().loss(), p2.halt());
	}

	private Operand<TFloat32> flat(final Operand<TFloat32> s) {
		return tf.reshape(s, l.vec(-1, c.dz()));
	}
}
