package org.karl.engine.graph;

import java.util.ArrayList;
import java.util.List;

import org.karl.engine.config.ModelConfig;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The KARL latent-distillation tokenizer, block by block in the order of docs/algorithm.md §3: 2D
 * tokens, ε token, encoder over [ε ; 2D ; latent queries], halting head, factorised l2 VQ of the 1D
 * tokens, decoder over [mask tokens ; surviving latents], logits over base codes, soft code, base
 * decoder. Shape letters: B batch, N 2D tokens (64), T budget, W width, K base codes, d latent dim.
 */
public final class KarlGraph {

	/**
	 * The 2D side of one image batch: KARL's input X2, the base codes (CE targets of the codes
	 * variant) and the frozen continuous base latent h [B, 8, 8, Dz] (targets of the latent variant).
	 */
	public record Tokens2d(Operand<TFloat32> x2, Operand<TInt32> codes, Operand<TFloat32> h) {}

	/** Quantised 1D tokens. */
	public record Latents(Operand<TInt32> ids, Operand<TFloat32> straightThrough,
		Operand<TFloat32> loss, Operand<TFloat32> normalized) {}

	private final Layers l;
	private final Ops tf;
	private final ModelConfig c;
	private final BaseTokenizerGraph base;
	private final Transformer blocks;
	private final int n;
	private final int w;

	public KarlGraph(final Layers layers, final ModelConfig config, final BaseTokenizerGraph base) {
		this.l = layers;
		this.tf = layers.tf;
		this.c = config;
		this.base = base;
		this.blocks = new Transformer(layers, config.width(), config.heads(), config.mlpRatio());
		this.n = config.gridTokens();
		this.w = config.width();
	}

	public BaseTokenizerGraph base() {
		return base;
	}

	/**
	 * docs/algorithm.md §3.3: X2 = [patch_embed(x) ; sg(h)] [B, N, W] and the base codes [B, N]
	 * (targets).
	 */
	public Tokens2d tokens2d(final Operand<TFloat32> images) {
		final Operand<TFloat32> h = tf.stopGradient(base.encode(images)); // [B,8,8,Dz], frozen
		final Operand<TInt32> codes = tf.stopGradient(base.quantize(h).codes()); // [B,N]
		final int g = c.tileSize() / c.patch(), p = c.patch();
		final Operand<TFloat32> patches = tf.reshape(tf.linalg.transpose( // non-overlapping p x p patches
			tf.reshape(images, l.vec(-1, g, p, g, p)), // [B,gy,py,gx,px]
			l.vec(0, 1, 3, 2, 4)), l.vec(-1, n, p * p)); // [B,N,p*p]
		final Operand<TFloat32> embedded = l.dense("karl.patch_embed", patches, p * p, w - c.dz()); // [B,N,W-Dz]
		final Operand<TFloat32> x2 = tf.concat(List.of(embedded, tf.reshape(h, l.vec(-1, n, c.dz()))),
			l.c(2)); // [B,N,W]
		return new Tokens2d(x2, codes, h);
	}

	/**
	 * One forward pass of KARL, as inference and both training phases run it.
	 *
	 * @param z encoder outputs at the latent queries [B, T, W]
	 * @param haltLogits halting logits [B, T]
	 * @param dropped hard drop flags [B, T] (1 = halted), no gradient
	 * @param latents the quantised 1D tokens: ids [B, T], straight-through vectors [B, T, d]
	 * @param head the decoder head [B*N, K | Dz] (pixels: {@link #image})
	 */
	public record Forward(Operand<TFloat32> z, Operand<TFloat32> haltLogits,
		Operand<TFloat32> dropped, Latents latents, Operand<TFloat32> head) {}

	/**
	 * What the decoder of {@link #forward} sees: every token ({@link #ALL}, phase 1 with the
	 * paper's T queries), the tokens the halting head keeps ({@link #HALTING}, inference and phase
	 * 2), or the first {@code keep} ({@link #prefix}, phase 1 on prefixes: what inference does when
	 * the halting head keeps that many).
	 *
	 * @param keep tokens kept by a prefix (scalar; values above T_max keep all); null otherwise
	 */
	public record Keep(String kind, Operand<TInt32> keep) {

		public static final Keep ALL = new Keep("all", null);
		public static final Keep HALTING = new Keep("halting", null);

		public static Keep prefix(final Operand<TInt32> keep) {
			return new Keep("prefix", keep);
		}
	}

	/**
	 * The forward pass, top to bottom: 2D tokens (given, so that both training phases share them)
	 * → encoder over [ε token ; 2D ; T latent queries] → halting head → quantised 1D tokens →
	 * decoder over the tokens {@code keep} names → head. {@code dropped} of the result is the mask
	 * the decoder saw (the halting head's for {@link Keep#ALL}, which masks nothing).
	 *
	 * @param epsBin the ε bin per image [B]
	 * @param budget T, the number of latent queries (scalar; T_max for a prefix)
	 * @param vqOn 1 to quantise (inference always), 0 while training starts on continuous latents
	 */
	public Forward forward(final Tokens2d t2d, final Operand<TInt32> epsBin,
		final Operand<TInt32> budget, final Operand<TFloat32> vqOn, final Keep keep)
	{
		final Operand<TFloat32> z = encoder(t2d, epsBin, budget); // [B,T,W]
		final Operand<TFloat32> logits = haltLogits(z); // [B,T]
		final Operand<TFloat32> dropped = keep.keep() != null ? prefixDropped(keep.keep(), l.size(z,
			0)) : halted(logits); // [B,T]
		final Latents lat = quantize(z, vqOn); // [B,T] ids, [B,T,d]
		final Operand<TFloat32> head = decoder(lat.straightThrough(), keep == Keep.ALL ? null
			: dropped); // [B*N,K|Dz]
		return new Forward(z, logits, dropped, lat, head);
	}

	/** Drop flags [B, T_max]: 1 for token index >= keep. */
	private Operand<TFloat32> prefixDropped(final Operand<TInt32> keep, final Operand<TInt32> b) {
		final Operand<TInt32> index = tf.range(l.c(0), l.c(c.maxTokens()), l.c(1)); // [Tmax]
		final Operand<TFloat32> row = tf.dtypes.cast(tf.math.greaterEqual(index, keep), TFloat32.class);
		return tf.tile(tf.expandDims(row, l.c(0)), l.dims(b, l.vec(1))); // [B,Tmax]
	}

	/**
	 * docs/algorithm.md §3.4: index of the smallest bin >= ε (round up); ε above the last bin maps
	 * to the last.
	 */
	public Operand<TInt32> epsilonBin(final Operand<TFloat32> eps, final Operand<TFloat32> bins) {
		final Operand<TFloat32> below = tf.dtypes.cast(tf.math.less(
			tf.expandDims(bins, l.c(0)), tf.expandDims(eps, l.c(1))), TFloat32.class); // [B,nBins]
		final Operand<TInt32> count = tf.dtypes.cast(tf.sum(below, l.c(1)), TInt32.class); // [B]
		return tf.math.minimum(count, l.c(c.epsilonBins().length - 1));
	}

	/** The learned ε table, row i initialised to the constant r_i (docs/algorithm.md §3.1). */
	public Variable<TFloat32> epsilonTable() {
		final String name = "karl.eps_embed";
		if (l.all().containsKey(name)) return l.all().get(name);
		final float[] bins = c.epsilonBins();
		final float[] init = new float[bins.length * w];
		for (int i = 0; i < init.length; i++) init[i] = bins[i / w];
		final Variable<TFloat32> v = tf.withName(name).variable(
			tf.withInitScope().reshape(tf.withInitScope().constant(init),
				tf.withInitScope().constant(new int[] { bins.length, w })));
		l.register(name, v);
		return v;
	}

	/**
	 * docs/algorithm.md §3.5: encoder over [ε token ; X2 + pos ; latent_tokens[0:T]] with full
	 * attention; returns the latent outputs Z [B, T, W].
	 */
	public Operand<TFloat32> encoder(final Tokens2d t, final Operand<TInt32> epsBin,
		final Operand<TInt32> budget)
	{
		final Operand<TInt32> b = l.size(t.x2(), 0);
		final Operand<TFloat32> epsToken = tf.expandDims(tf.gather(epsilonTable(), epsBin, l.c(0)),
			l.c(1)); // [B,1,W]
		final Operand<TFloat32> pos = l.weight("enc.pos", Layers.Init.EMBEDDING, n, w); // [N,W]
		final Operand<TFloat32> queries = rows("enc.latent_tokens", budget, b); // [B,T,W]
		Operand<TFloat32> s = tf.concat(List.of(epsToken, tf.math.add(t.x2(), pos), queries), l.c(1)); // [B,1+N+T,W]
		s = l.layerNorm("enc.ln_pre", s, w);
		for (int i = 0; i < c.encoderLayers(); i++) s = blocks.block("enc.b" + i, s, null);
		return tf.slice(s, l.vec(0, 1 + n, 0), l.vec(-1, -1, -1)); // [B,T,W]
	}

	/**
	 * docs/algorithm.md §3.6: halting logits [B, T]: LN -> Linear(W, hidden) -> tanh ->
	 * Linear(hidden, 1).
	 */
	public Operand<TFloat32> haltLogits(final Operand<TFloat32> z) {
		final Operand<TFloat32> x = l.layerNorm("halt.ln", z, w);
		final Operand<TFloat32> hidden = tf.math.tanh(l.dense("halt.fc1", x, w, c.haltHidden()));
		return tf.squeeze(l.dense("halt.fc2", hidden, c.haltHidden(), 1),
			org.tensorflow.op.core.Squeeze.axis(List.of(-1L))); // [B,T]
	}

	/** Hard drop flags [B, T] (1 = halted): sigmoid(sg(logit)) > threshold. No gradient. */
	public Operand<TFloat32> halted(final Operand<TFloat32> haltLogits) {
		final Operand<TFloat32> p = tf.math.sigmoid(tf.stopGradient(haltLogits));
		return tf.dtypes.cast(tf.math.greater(p, tf.constant(c.haltThreshold())), TFloat32.class);
	}

	/**
	 * docs/algorithm.md §3.7: factorise to d dims, l2-normalise, nearest normalised code,
	 * straight-through. {@code vqOn} (0 or 1) switches the straight-through code and the VQ loss
	 * on: training starts with continuous latents and switches VQ on once the codebook is set from
	 * encoder outputs (docs/algorithm.md §4.7, the base tokenizer's recipe); inference always
	 * passes 1.
	 */
	public Latents quantize(final Operand<TFloat32> z, final Operand<TFloat32> vqOn) {
		final Operand<TInt32> b = l.size(z, 0), t = l.size(z, 1);
		final Operand<TFloat32> f = l.dense("karl.pre_quant", l.layerNorm("enc.ln_post", z, w), w,
			c.latentDim()); // [B,T,d]
		final Operand<TFloat32> fhat = l.l2Normalize(tf.reshape(f, l.vec(-1, c.latentDim()))); // [B*T,d]
		final Operand<TFloat32> chat = normalizedCodebook(); // [Kl,d]
		final Operand<TFloat32> dist = tf.math.sub(tf.sum(tf.math.square(chat), l.c(1)),
			tf.math.mul(l.matMulT(fhat, chat), tf.constant(2f))); // [B*T,Kl]
		final Operand<TInt32> ids = tf.math.argMin(tf.stopGradient(dist), l.c(1), TInt32.class); // [B*T]
		// NB: ArgMin gets a StopGradient input: reachable from the variables, it crashes TF 2.18's
		// C++ gradient builder (SIGSEGV in Node::output_type); indices need no gradient anyway.
		// NB: normalise the looked-up raw row rather than look up a row of the normalised codebook
		// (same value): the latter also crashes TF 2.18's gradient builder.
		final Operand<TFloat32> q = l.l2Normalize(l.lookup(rawCodebook(), ids, c.latentCodes())); // [B*T,d]
		final Operand<TFloat32> commit = tf.math.mean(
			tf.math.squaredDifference(tf.stopGradient(q), fhat), l.vec(0, 1));
		final Operand<TFloat32> codebookLoss = tf.math.mean(
			tf.math.squaredDifference(q, tf.stopGradient(fhat)), l.vec(0, 1));
		final Operand<TFloat32> loss = tf.math.mul(vqOn, tf.math.add(
			tf.math.mul(commit, tf.constant(c.vqBeta())), codebookLoss));
		final Operand<TFloat32> st = tf.math.add(fhat,
			tf.math.mul(vqOn, tf.stopGradient(tf.math.sub(q, fhat))));
		return new Latents(tf.reshape(ids, l.dims(b, t)),
			tf.reshape(st, l.dims(b, t, l.c(c.latentDim()))), loss, fhat);
	}

	/** Code vectors [B, T, d] of token ids [B, T] (ids < 0 are padding and read code 0). */
	public Operand<TFloat32> codeVectors(final Operand<TInt32> ids) {
		final Operand<TInt32> safe = tf.math.maximum(ids, l.c(0));
		final Operand<TFloat32> q = l.l2Normalize(tf.gather(rawCodebook(), tf.reshape(safe, l.vec(-1)),
			l.c(0)));
		return tf.reshape(q, l.dims(l.size(ids, 0), l.size(ids, 1), l.c(c.latentDim())));
	}

	/** The raw 1D-token codebook [Kl, d] (rows are l2-normalised where used). */
	public Variable<TFloat32> rawCodebook() {
		return l.weight("karl.vq.codebook", Layers.Init.CODEBOOK, c.latentCodes(), c.latentDim());
	}

	private Operand<TFloat32> normalizedCodebook() {
		return l.l2Normalize(rawCodebook());
	}

	/**
	 * docs/algorithm.md §3.9: decoder over [mask token + pos (N) ; embed(q) + timestep (T)];
	 * {@code dropped} [B,T] (1 = halted) gives the symmetric mask, null means unmasked (phase 1).
	 * Returns the head [B*N, {@link #headSize()}]: logits over the base codes, or the regressed
	 * base latent.
	 */
	public Operand<TFloat32> decoder(final Operand<TFloat32> q, final Operand<TFloat32> dropped) {
		final Operand<TInt32> b = l.size(q, 0), t = l.size(q, 1);
		final Operand<TFloat32> d1 = tf.math.add(l.dense("dec.embed", q, c.latentDim(), w),
			rows("dec.timestep", t, null)); // [B,T,W]
		final Operand<TFloat32> mask = l.weight("dec.mask_token", Layers.Init.EMBEDDING, 1, w);
		final Operand<TFloat32> pos = l.weight("dec.pos", Layers.Init.EMBEDDING, n, w);
		final Operand<TFloat32> d2 = tf.tile(tf.expandDims(tf.math.add(pos, mask), l.c(0)),
			l.dims(b, l.vec(1, 1))); // [B,N,W]
		Operand<TFloat32> u = l.layerNorm("dec.ln_pre", tf.concat(List.of(d2, d1), l.c(1)), w); // [B,N+T,W]
		Operand<TFloat32> bias = null;
		if (dropped != null) bias = blocks.haltingBias(tf.concat(List.of(
			tf.zeros(l.dims(b, l.c(n)), TFloat32.class), dropped), l.c(1))); // [B,1,N+T,N+T]
		for (int i = 0; i < c.decoderLayers(); i++) u = blocks.block("dec.b" + i, u, bias);
		final Operand<TFloat32> grid = l.layerNorm("dec.ln_post", tf.slice(u, l.vec(0, 0, 0),
			l.vec(-1, n, -1)), w); // [B,N,W]
		final Operand<TFloat32> hidden = tf.math.tanh(l.dense("dec.ffn1", grid, w, 2 * w));
		final int out = headSize();
		final Operand<TFloat32> head = l.dense("dec.ffn2", hidden, 2 * w, out); // [B,N,K] or [B,N,Dz]
		return tf.reshape(head, l.vec(-1, out)); // [B*N,K|Dz]
	}

	/** The decoder head's width: K logits over base codes, or Dz latent values (latent variant). */
	public int headSize() {
		return c.latentTarget() ? c.dz() : c.baseCodes();
	}

	/**
	 * Gradient-free errors of one encoding decoded at a ladder of prefix budgets: for each rung r,
	 * tokens [0, r) are kept and the rest masked exactly as halted ones (the decoder's symmetric
	 * mask), all rungs in one batched decoder call. Returns L1 [R, B] (rung-major).
	 *
	 * @param q quantised latents [B, T, d] (straight-through values)
	 */
	public Operand<TFloat32> prefixErrors(final Operand<TFloat32> images, final Operand<TFloat32> q,
		final int[] rungs)
	{
		final int r = rungs.length, t = c.maxTokens();
		final Operand<TInt32> b = l.size(q, 0);
		final float[] drop = new float[r * t];
		for (int i = 0; i < r; i++)
			for (int j = 0; j < t; j++) drop[i * t + j] = j >= rungs[i] ? 1f : 0f;
		final Operand<TFloat32> dropped = tf.reshape(tf.tile(tf.reshape(tf.constant(drop),
			l.vec(r, 1, t)), l.dims(l.c(1), b, l.c(1))), l.vec(-1, t)); // [R*B,T]
		final Operand<TFloat32> qs = tf.tile(tf.stopGradient(q), l.vec(r, 1, 1)); // [R*B,T,d]
		final Operand<TFloat32> xs = tf.tile(images, l.vec(r, 1, 1, 1));
		final Operand<TFloat32> rec = image(decoder(qs, dropped));
		return tf.stopGradient(tf.reshape(l1PerImage(xs, rec), l.vec(r, -1))); // [R,B]
	}

	/**
	 * Decoder head -> image [B, S, S, 1] through the frozen base decoder: logits [B*N, K] via the
	 * soft code, or the regressed latent [B*N, Dz] as it is.
	 */
	public Operand<TFloat32> image(final Operand<TFloat32> head) {
		if (c.latentTarget()) {
			final int g = c.tileSize() / c.patch();
			return base.decode(tf.reshape(head, l.vec(-1, g, g, c.dz())));
		}
		return base.decode(base.softCode(tf.nn.softmax(head)));
	}

	/** Per-image mean |x - x̂| [B]. */
	public Operand<TFloat32> l1PerImage(final Operand<TFloat32> x, final Operand<TFloat32> xhat) {
		return tf.math.mean(tf.math.abs(tf.math.sub(x, xhat)), l.vec(1, 2, 3));
	}

	/** The first {@code count} rows of an index-specific table [tableTokens, W], tiled over b. */
	private Operand<TFloat32> rows(final String name, final Operand<TInt32> count,
		final Operand<TInt32> b)
	{
		final Operand<TFloat32> table = l.weight(name, Layers.Init.EMBEDDING, c.tableTokens(), w);
		final Operand<TFloat32> first = tf.slice(table, l.dims(l.c(0), l.c(0)), l.dims(count, l.c(w))); // [T,W]
		if (b == null) return first;
		return tf.tile(tf.expandDims(first, l.c(0)), l.dims(b, l.vec(1, 1))); // [B,T,W]
	}

	/** All KARL trainable variables (the ε table included). */
	public List<Variable<TFloat32>> trainable() {
		return new ArrayList<>(l.variables(Layers.Group.KARL));
	}
}
