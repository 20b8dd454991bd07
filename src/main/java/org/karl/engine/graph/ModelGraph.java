package org.karl.engine.graph;

import static org.karl.engine.graph.GraphNames.*;

import java.util.ArrayList;
import java.util.List;

import org.karl.engine.api.BudgetLadder;
import org.karl.engine.config.ModelConfig;
import org.karl.engine.config.Phase1Budgets;
import org.karl.engine.config.TrainConfig;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Builds the whole KARL model into one {@link Graph}: base VQ-VAE, KARL tokenizer, both optimisers
 * and every signature of the SavedModel ({@link GraphNames}). Pure graph construction, no Session.
 * The optimiser hyper-parameters that are baked into the update ops (betas, weight decay, clip)
 * come from the {@link TrainConfig} given here and are recorded in the model card.
 */
public final class ModelGraph {

	private final Layers l;
	private final Ops tf;
	private final ModelConfig c;
	private final TrainConfig t;
	private final KarlGraph karl;
	private final Objective objective;
	private final BaseTokenizerGraph base;
	private final Variable<TFloat32> bins;
	private final Variable<TFloat32> pi;
	private final Variable<TInt64> step;
	private final Variable<TInt64> baseStep;
	private final Variable<TFloat32> vqOn;
	private final Variable<TFloat32> usage;
	private final List<Signature> signatures = new ArrayList<>();

	private ModelGraph(final Graph g, final ModelConfig c, final TrainConfig t) {
		this.tf = Ops.create(g);
		this.l = new Layers(tf, c.seed(), c.width());
		this.c = c;
		this.t = t;
		this.base = new BaseTokenizerGraph(l, c);
		this.karl = new KarlGraph(l, c, base);
		this.objective = new Objective(l, c, karl);
		this.bins = l.state(VAR_BINS, c.epsilonBins());
		this.pi = l.state(VAR_PI, initialPi(c.epsilonBins().length));
		this.step = l.counter(VAR_GLOBAL_STEP);
		this.baseStep = l.counter(VAR_BASE_STEP);
		this.vqOn = l.state(VAR_VQ_ON, new float[] { 0f });
		this.usage = l.state(VAR_USAGE, ones(c.latentCodes()));
	}

	/** Builds everything into {@code g} and returns the signatures to export. */
	public static List<Signature> build(final Graph g, final ModelConfig c, final TrainConfig t) {
		final ModelGraph m = new ModelGraph(g, c, t);
		m.inference();
		m.karlTrainStep();
		m.prefixCurve();
		m.baseTrainStep();
		m.baseReconstruct();
		m.stateSignatures();
		return m.signatures;
	}

	/** Per-step decay of the latent-code usage counts. */
	public static final float USAGE_DECAY = 0.99f;

	private static float[] ones(final int n) {
		final float[] a = new float[n];
		java.util.Arrays.fill(a, 1f);
		return a;
	}

	/**
	 * Builds only what inference needs (tokenize, decode, reconstruct, serving_default, state)
	 * over the same variable names: the "serving" export, which loads faster than the full model
	 * with its gradients and optimiser.
	 */
	public static List<Signature> buildServing(final Graph g, final ModelConfig c) {
		final ModelGraph m = new ModelGraph(g, c, TrainConfig.defaults());
		m.inference();
		m.stateSignature();
		return m.signatures;
	}

	/**
	 * π starts uniform over the bins <= 0.04 of the paper, i.e. the five smallest
	 * (docs/algorithm.md §4.3).
	 */
	public static float[] initialPi(final int nBins) {
		final float[] p = new float[nBins];
		final int k = Math.min(5, nBins);
		for (int i = 0; i < k; i++) p[i] = 1f / k;
		return p;
	}

	// -- Inference: tokenize (encoder only), decode, reconstruct (the single pass) --

	private void inference() {
		final Placeholder<TFloat32> images = imagesInput();
		final Placeholder<TFloat32> eps = tf.withName("in.epsilon").placeholder(TFloat32.class,
			Placeholder.shape(Shape.of(-1)));
		final Placeholder<TInt32> budget = tf.withName("in.budget").placeholder(TInt32.class,
			Placeholder.shape(Shape.scalar()));
		final KarlGraph.Forward f = karl.forward(karl.tokens2d(images), karl.epsilonBin(eps, bins),
			budget, tf.constant(1f), KarlGraph.Keep.HALTING);
		final Operand<TFloat32> logits = f.haltLogits(), dropped = f.dropped();
		final KarlGraph.Latents lat = f.latents();
		final Operand<TInt32> keep = tf.dtypes.cast(tf.math.sub(tf.constant(1f), dropped), TInt32.class);
		final Operand<TInt32> counts = tf.sum(keep, l.c(1));
		final Operand<TInt32> pad = tf.reshape(tf.stack(List.of(l.c(0), l.c(0), l.c(0),
			tf.math.sub(l.c(c.maxTokens()), budget))), l.vec(2, 2)); // [[0,0],[0,Tmax-T]]
		final Operand<TInt32> tokens = tf.pad(lat.ids(), pad, l.c(-1));
		final Operand<TInt32> keepMask = tf.pad(keep, pad, l.c(0));
		final Operand<TFloat32> haltProb = tf.pad(tf.math.sigmoid(logits), pad, tf.constant(1f));
		for (final String key : List.of(TOKENIZE, SERVING_DEFAULT))
			signatures.add(Signature.builder().key(key).input(IMAGES, images).input(EPSILON, eps)
				.input(BUDGET, budget).output(TOKENS, tokens).output(KEEP_MASK, keepMask)
				.output(COUNTS, counts).output(HALT_PROB, haltProb).build());

		final Operand<TFloat32> rec = karl.image(f.head());
		signatures.add(Signature.builder().key(RECONSTRUCT).input(IMAGES, images).input(EPSILON, eps)
			.input(BUDGET, budget).output(RECONSTRUCTIONS, rec).output(COUNTS, counts)
			.output(L1, karl.l1PerImage(images, rec)).output(TOKENS, tokens)
			.output(KEEP_MASK, keepMask).build());

		final Placeholder<TInt32> tokIn = tf.withName("in.tokens").placeholder(TInt32.class,
			Placeholder.shape(Shape.of(-1, c.maxTokens())));
		final Placeholder<TInt32> keepIn = tf.withName("in.keep_mask").placeholder(TInt32.class,
			Placeholder.shape(Shape.of(-1, c.maxTokens())));
		final Operand<TFloat32> droppedIn = tf.math.sub(tf.constant(1f),
			tf.dtypes.cast(keepIn, TFloat32.class));
		final Operand<TFloat32> decoded = karl.image(karl.decoder(karl.codeVectors(tokIn), droppedIn));
		signatures.add(Signature.builder().key(DECODE).input(TOKENS, tokIn).input(KEEP_MASK, keepIn)
			.output(IMAGES, decoded).build());
	}

	// -- KARL training: both phases on the same batch, one AdamW step (docs/algorithm.md §4.1) --

	private void karlTrainStep() {
		final Placeholder<TFloat32> images = tf.withName("train.images").placeholder(TFloat32.class,
			Placeholder.shape(Shape.of(-1, c.tileSize(), c.tileSize(), 1)));
		final Placeholder<TFloat32> lr = tf.withName("train.learning_rate").placeholder(
			TFloat32.class, Placeholder.shape(Shape.scalar()));
		final KarlGraph.Tokens2d t2d = karl.tokens2d(images);
		final Operand<TInt32> b = l.size(images, 0);

		// Host-free sampling keyed on (seed, step): resuming from a SavedModel replays it exactly.
		final Operand<TInt32> budget = sampleBudget(key(step, 0));
		final Operand<TInt32> eps1 = sampleEpsilonBins(key(step, 1), b);

		final Operand<TFloat32> vq = tf.reshape(vqOn, l.vec()); // scalar 0/1
		final Objective.Phase1 p1 = t.prefixPhase1() ? objective.phase1Prefix(images, t2d, eps1,
			budget, vq) : objective.phase1(images, t2d, eps1, budget, vq);
		final Operand<TFloat32> eps0 = p1.eps0();
		// Phase 2's ε token: bin(ε0) for the paper's targets; for minimum-budget targets a bin drawn
		// uniformly per image, so every (image, ε) pair is trained, not only the bins its errors hit.
		final Operand<TInt32> bin2 = t.minimumTargets() ? uniformBins(key(step, 2), b)
			: karl.epsilonBin(eps0, bins);
		final Objective.Phase2 p2 = t.minimumTargets() ? objective.phase2MinimumTargets(images, t2d,
			bin2, bins, vq) : objective.phase2PaperTargets(images, t2d, bin2, budget, vq);
		final KarlGraph.Latents lat2 = p2.latents();
		final Operand<TFloat32> dropped2 = p2.dropped(), target = p2.targetMean();

		final List<Operand<TFloat32>> terms = Objective.terms(p1, p2);
		Operand<TFloat32> loss = terms.get(0);
		for (int i = 1; i < terms.size(); i++) loss = tf.math.add(loss, terms.get(i));

		final List<Variable<TFloat32>> vars = karl.trainable();
		final AdamW.Update upd = AdamW.apply(l, "opt", vars, gradients(loss, vars), lr, step,
			AdamW.Hyper.of(t));
		final List<Op> updates = new ArrayList<>(upd.ops());
		updates.add(tf.assign(pi, decayPi(eps0)));
		// code use, decayed by USAGE_DECAY per step: host-side dead-code restarts read it
		final Operand<TFloat32> used = tf.sum(tf.oneHot(tf.reshape(lat2.ids(), l.vec(-1)),
			l.c(c.latentCodes()), tf.constant(1f), tf.constant(0f)), l.c(0)); // [Kl]
		final Operand<TFloat32> newUsage = tf.math.add(tf.math.mul(usage, tf.constant(USAGE_DECAY)), used);
		updates.add(tf.assign(usage, newUsage));
		final Ops after = tf.withControlDependencies(updates);
		final Op inc = after.assignAdd(step, tf.constant(1L));
		final Ops done = tf.withControlDependencies(List.of(inc));

		final Operand<TFloat32> kept = tf.math.mean(tf.sum(tf.math.sub(tf.constant(1f), dropped2),
			l.c(1)), l.c(0));
		Signature.Builder sig = Signature.builder().key(TRAIN_STEP).input(IMAGES, images)
			.input(LEARNING_RATE, lr).output(LOSS, done.identity(loss)).output(EPS0, done.identity(eps0))
			.output(BUDGET, done.identity(budget)).output(KEPT_MEAN, done.identity(kept)).output(TARGET_MEAN, done.identity(target))
			.output(GRAD_NORM, done.identity(upd.gradNorm())).output(STEP, done.identity(step))
			.output(LATENTS, done.identity(lat2.normalized())).output(USAGE, done.identity(newUsage));
		for (int i = 0; i < terms.size(); i++)
			sig = sig.output(LOSS_TERMS.get(i), done.identity(terms.get(i)));
		signatures.add(sig.build());
	}

	/**
	 * L1 [R, B] of one encoding at T_max (ε token of {@code epsilon}) decoded at each rung of the
	 * prefix ladder, quantised as the model now trains: with continuous tokens before VQ is
	 * switched on, so a run that never switches it on still reports its curve. With VQ on this is
	 * the curve inference gives (tokenize at T_max, decode a prefix).
	 */
	private void prefixCurve() {
		final Placeholder<TFloat32> images = tf.withName("curve.images").placeholder(TFloat32.class,
			Placeholder.shape(Shape.of(-1, c.tileSize(), c.tileSize(), 1)));
		final Placeholder<TFloat32> eps = tf.withName("curve.epsilon").placeholder(TFloat32.class,
			Placeholder.shape(Shape.of(-1)));
		final KarlGraph.Forward f = karl.forward(karl.tokens2d(images), karl.epsilonBin(eps, bins),
			l.c(c.maxTokens()), tf.reshape(vqOn, l.vec()), KarlGraph.Keep.ALL);
		final Operand<TFloat32> errors = karl.prefixErrors(images, f.latents().straightThrough(),
			BudgetLadder.rungs(c.maxTokens())); // [R,B]
		signatures.add(Signature.builder().key(PREFIX_L1).input(IMAGES, images).input(EPSILON, eps)
			.output(L1, errors).build());
	}

	/**
	 * T = step * (first + floor(u * count)), uniform over the multiples of the budget step in the
	 * run's phase-1 range (docs/algorithm.md §4.2: {step, 2 step, ..., tableTokens} by default).
	 */
	private Operand<TInt32> sampleBudget(final Operand<TInt64> key) {
		final int[] k0 = Phase1Budgets.of(t, c).steps(c); // {first, count}
		final Operand<TFloat32> u = tf.random.statelessRandomUniform(tf.constant(new int[0]), key);
		final Operand<TInt32> k = tf.math.minimum(tf.dtypes.cast(tf.math.floor(
			tf.math.mul(u, tf.constant((float) k0[1]))), TInt32.class), l.c(k0[1] - 1));
		return tf.math.mul(tf.math.add(k, l.c(k0[0])), l.c(c.budgetStep()));
	}

	/** Phase-2 ε bins per image, uniform over all bins (minimum-budget targets). */
	private Operand<TInt32> uniformBins(final Operand<TInt64> key, final Operand<TInt32> b) {
		final int nb = c.epsilonBins().length;
		final Operand<TFloat32> u = tf.random.statelessRandomUniform(tf.reshape(b, l.vec(1)), key); // [B]
		return tf.math.minimum(tf.dtypes.cast(tf.math.floor(tf.math.mul(u, tf.constant((float) nb))),
			TInt32.class), l.c(nb - 1));
	}

	/** Phase-1 ε bins per image from π by inverse CDF (docs/algorithm.md §4.3). */
	private Operand<TInt32> sampleEpsilonBins(final Operand<TInt64> key, final Operand<TInt32> b) {
		final Operand<TFloat32> u = tf.random.statelessRandomUniform(tf.reshape(b, l.vec(1)), key); // [B]
		final Operand<TFloat32> cdf = tf.math.cumsum(pi, l.c(0)); // [nBins]
		final Operand<TFloat32> below = tf.dtypes.cast(tf.math.less(tf.expandDims(cdf, l.c(0)),
			tf.expandDims(u, l.c(1))), TFloat32.class); // [B,nBins]
		return tf.math.minimum(tf.dtypes.cast(tf.sum(below, l.c(1)), TInt32.class),
			l.c(c.epsilonBins().length - 1));
	}

	/** π[r_i >= min ε0] *= 0.99, renormalised (docs/algorithm.md §4.3). */
	private Operand<TFloat32> decayPi(final Operand<TFloat32> eps0) {
		final Operand<TFloat32> minEps = tf.min(eps0, l.c(0));
		final Operand<TFloat32> factor = tf.select(tf.math.greaterEqual(bins, minEps),
			tf.fill(l.vec(c.epsilonBins().length), tf.constant(0.99f)),
			tf.fill(l.vec(c.epsilonBins().length), tf.constant(1f)));
		final Operand<TFloat32> p = tf.math.mul(pi, factor);
		return tf.math.div(p, tf.sum(p, l.c(0)));
	}

	private Operand<TInt64> key(final Variable<TInt64> counter, final int stream) {
		return tf.stack(List.of(tf.constant(c.seed() * 31 + stream), tf.identity(counter)));
	}

	// -- Base training (docs/algorithm.md §5): L1 + VQ, Adam; code init and restarts on the host --

	private void baseTrainStep() {
		final Placeholder<TFloat32> images = tf.withName("base.images").placeholder(TFloat32.class,
			Placeholder.shape(Shape.of(-1, c.tileSize(), c.tileSize(), 1)));
		final Placeholder<TFloat32> lr = tf.withName("base.learning_rate").placeholder(
			TFloat32.class, Placeholder.shape(Shape.scalar()));
		final Operand<TFloat32> h = base.encode(images);
		final BaseTokenizerGraph.Quantized q = base.quantize(h);
		// the latent variant's base is a plain autoencoder: h decoded as is, no VQ loss
		final Operand<TFloat32> vq = c.latentTarget() ? tf.constant(0f) : q.loss();
		final Operand<TFloat32> l1 = tf.math.mean(karl.l1PerImage(images, base.decode(base.decoderInput(h,
			q))), l.c(0));
		final Operand<TFloat32> loss = tf.math.add(l1, vq);
		final List<Variable<TFloat32>> vars = new ArrayList<>(l.variables(Layers.Group.BASE));
		if (c.latentTarget()) vars.remove(base.codebook()); // unused: no VQ in the latent variant's base
		final AdamW.Update upd = AdamW.apply(l, "base_opt", vars, gradients(loss, vars), lr, baseStep,
			AdamW.Hyper.BASE);
		final Op inc = tf.withControlDependencies(upd.ops()).assignAdd(baseStep, tf.constant(1L));
		final Ops done = tf.withControlDependencies(List.of(inc));
		signatures.add(Signature.builder().key(BASE_TRAIN_STEP).input(IMAGES, images)
			.input(LEARNING_RATE, lr).output(LOSS, done.identity(loss)).output(L1, done.identity(l1))
			.output(VQ, done.identity(vq)).output(CODES, done.identity(q.codes()))
			.output(LATENTS, done.identity(tf.reshape(h, l.vec(-1, c.dz()))))
			.output(CODEBOOK, done.identity(base.codebook())).output(STEP, done.identity(baseStep))
			.build());
	}

	/** The base's own reconstruction (nearest codes, or h for the latent variant): its floor. */
	private void baseReconstruct() {
		final Placeholder<TFloat32> images = tf.withName("base_rec.images").placeholder(
			TFloat32.class, Placeholder.shape(Shape.of(-1, c.tileSize(), c.tileSize(), 1)));
		final Operand<TFloat32> h = base.encode(images);
		final Operand<TFloat32> rec = base.decode(base.decoderInput(h, base.quantize(h)));
		signatures.add(Signature.builder().key(BASE_RECONSTRUCT).input(IMAGES, images)
			.output(RECONSTRUCTIONS, rec).output(L1, karl.l1PerImage(images, rec)).build());
	}

	// -- Small state signatures: codebook restarts, ε-bin calibration, counters --

	private void stateSignatures() {
		final Placeholder<TFloat32> codebook = tf.withName("in.codebook").placeholder(TFloat32.class,
			Placeholder.shape(Shape.of(c.baseCodes(), c.dz())));
		signatures.add(Signature.builder().key(BASE_SET_CODEBOOK).input(CODEBOOK, codebook)
			.output(CODEBOOK, tf.assign(base.codebook(), codebook)).build());

		final Placeholder<TFloat32> latentCodes = tf.withName("in.latent_codebook").placeholder(
			TFloat32.class, Placeholder.shape(Shape.of(c.latentCodes(), c.latentDim())));
		final Op vqSwitch = tf.assign(vqOn, tf.constant(new float[] { 1f }));
		final Op usageReset = tf.assign(usage, tf.constant(ones(c.latentCodes())));
		signatures.add(Signature.builder().key(SET_LATENT_CODEBOOK).input(CODEBOOK, latentCodes)
			.output(CODEBOOK, tf.withControlDependencies(List.of(vqSwitch, usageReset))
				.assign(karl.rawCodebook(), latentCodes)).build());

		final int nb = c.epsilonBins().length;
		final Placeholder<TFloat32> newBins = tf.withName("in.bins").placeholder(TFloat32.class,
			Placeholder.shape(Shape.of(nb)));
		final Operand<TFloat32> table = tf.tile(tf.expandDims(newBins, l.c(1)), l.vec(1, c.width()));
		// row i = r_i again (docs/algorithm.md §4.8)
		final Op resetTable = tf.assign(karl.epsilonTable(), table);
		final Op resetPi = tf.assign(pi, tf.constant(initialPi(nb)));
		final Operand<TFloat32> set = tf.withControlDependencies(List.of(resetTable, resetPi))
			.assign(bins, newBins);
		signatures.add(Signature.builder().key(SET_EPSILON_BINS).input(BINS, newBins)
			.output(BINS, set).build());

		stateSignature();
	}

	private void stateSignature() {
		signatures.add(Signature.builder().key(STATE).output(STEP, tf.identity(step))
			.output(BASE_STEP, tf.identity(baseStep)).output(BINS, tf.identity(bins))
			.output(PI, tf.identity(pi)).output(VQ, tf.identity(vqOn))
			.output(LATENT_CODEBOOK, tf.identity(karl.rawCodebook())).build());
	}

	// -- Helpers --

	private Placeholder<TFloat32> imagesInput() {
		return tf.withName("in.images").placeholder(TFloat32.class,
			Placeholder.shape(Shape.of(-1, c.tileSize(), c.tileSize(), 1)));
	}


	private List<Operand<TFloat32>> gradients(final Operand<TFloat32> loss,
		final List<Variable<TFloat32>> vars)
	{
		final org.tensorflow.op.core.Gradients g = tf.gradients(loss, vars);
		final List<Operand<TFloat32>> out = new ArrayList<>();
		for (int i = 0; i < vars.size(); i++) out.add(g.dy(i));
		return out;
	}
}
