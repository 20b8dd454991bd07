package org.karl.engine.graph;


import org.karl.engine.config.ModelConfig;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The base 2D tokenizer of docs/algorithm.md §3.2: a small VQ-VAE that maps a 32x32 tile to an 8x8
 * grid of continuous features h (what KARL reads) and their nearest codes (KARL's CE targets), and
 * decodes a (soft) code grid back to pixels. Trained first, then frozen: its variables are in
 * {@link Layers.Group#BASE} (their names start with {@code base.}) and KARL's optimiser never
 * sees them.
 */
public final class BaseTokenizerGraph {

	/** Result of quantising h. */
	public record Quantized(Operand<TInt32> codes, Operand<TFloat32> q, Operand<TFloat32> loss) {}

	private final Layers l;
	private final Ops tf;
	private final ModelConfig c;
	private final int grid;

	public BaseTokenizerGraph(final Layers layers, final ModelConfig config) {
		this.l = layers;
		this.tf = layers.tf;
		this.c = config;
		this.grid = config.tileSize() / config.patch();
		codebook(); // create in a fixed order, so slot and variable lists are stable
	}

	/** The base codebook E [K, Dz]. */
	public Variable<TFloat32> codebook() {
		return l.weight("base.vq.codebook", Layers.Init.CODEBOOK, c.baseCodes(), c.dz());
	}

	/** images [B, S, S, 1] -> h [B, 8, 8, Dz] (continuous). */
	public Operand<TFloat32> encode(final Operand<TFloat32> images) {
		final int[] ch = c.baseChannels();
		Operand<TFloat32> x = tf.nn.relu(l.conv2d("base.enc.conv0", images, 4, 2, 1, ch[0])); // [B,S/2,S/2,c0]
		x = tf.nn.relu(l.conv2d("base.enc.conv1", x, 4, 2, ch[0], ch[1])); // [B,S/4,S/4,c1]
		x = tf.nn.relu(l.conv2d("base.enc.conv2", x, 3, 1, ch[1], ch[1]));
		final Operand<TFloat32> h = l.conv2d("base.enc.out", x, 1, 1, ch[1], c.dz()); // [B,8,8,Dz]
		return h;
	}

	/** z [B, 8, 8, Dz] -> images [B, S, S, 1] (linear output, unbounded). */
	public Operand<TFloat32> decode(final Operand<TFloat32> z) {
		final int[] ch = c.baseChannels();
		Operand<TFloat32> x = l.conv2d("base.dec.in", z, 1, 1, c.dz(), ch[1]);
		x = tf.nn.relu(l.conv2d("base.dec.conv0", x, 3, 1, ch[1], ch[1]));
		x = l.upsample2(x, grid); // [B,16,16,c1]
		x = tf.nn.relu(l.conv2d("base.dec.up0", x, 3, 1, ch[1], ch[0]));
		x = l.upsample2(x, 2 * grid); // [B,32,32,c0]
		x = tf.nn.relu(l.conv2d("base.dec.up1", x, 3, 1, ch[0], ch[0]));
		final Operand<TFloat32> out = l.conv2d("base.dec.out", x, 3, 1, ch[0], 1);
		return out;
	}

	/**
	 * Nearest-code quantisation of h with the standard VQ loss
	 * {@code mean((q - sg(h))^2) + beta mean((sg(q) - h)^2)} and a straight-through q.
	 */
	public Quantized quantize(final Operand<TFloat32> h) {
		final Operand<TFloat32> e = codebook();
		final Operand<TFloat32> flat = tf.reshape(h, l.vec(-1, c.dz())); // [B*64, Dz]
		final Operand<TFloat32> codes2 = tf.sum(tf.math.square(e), l.c(1)); // [K]
		final Operand<TFloat32> dist = tf.math.sub(codes2,
			tf.math.mul(l.matMulT(flat, e), tf.constant(2f))); // [B*64, K] (|h|^2 dropped: constant per row)
		final Operand<TInt32> idx = tf.math.argMin(tf.stopGradient(dist), l.c(1), TInt32.class); // [B*64]
		// NB: ArgMin gets a StopGradient input: reachable from the variables, it crashes TF 2.18's
		// C++ gradient builder (SIGSEGV in Node::output_type); indices need no gradient anyway.
		final Operand<TFloat32> q = l.lookup(e, idx, c.baseCodes()); // [B*64, Dz]
		final Operand<TFloat32> codebookLoss = tf.math.mean(
			tf.math.squaredDifference(q, tf.stopGradient(flat)), l.vec(0, 1));
		final Operand<TFloat32> commit = tf.math.mean(
			tf.math.squaredDifference(tf.stopGradient(q), flat), l.vec(0, 1));
		final Operand<TFloat32> loss = tf.math.add(codebookLoss,
			tf.math.mul(commit, tf.constant(c.vqBeta())));
		final Operand<TFloat32> st = tf.math.add(flat, tf.stopGradient(tf.math.sub(q, flat)));
		final Operand<TInt32> codes = tf.reshape(idx, l.vec(-1, grid * grid)); // [B, 64]
		return new Quantized(codes, tf.reshape(st, tf.shape(h)), loss);
	}

	/**
	 * What the base decoder reads for h: its nearest codes (the VQ base), or h itself (the
	 * continuous base of the latent variant, {@link ModelConfig#latentTarget()}).
	 */
	public Operand<TFloat32> decoderInput(final Operand<TFloat32> h, final Quantized q) {
		return c.latentTarget() ? h : q.q();
	}

	/**
	 * Soft code: probs [B*64, K] @ sg(E) -> [B, 8, 8, Dz] (the decoder input KARL uses,
	 * docs/algorithm.md §3.10).
	 */
	public Operand<TFloat32> softCode(final Operand<TFloat32> probs) {
		final Operand<TFloat32> s = tf.linalg.matMul(probs, tf.stopGradient(codebook())); // [B*64, Dz]
		return tf.reshape(s, l.vec(-1, grid, grid, c.dz()));
	}

	/** Codebook rows of code ids [B, 64] -> [B*64, Dz], detached. */
	public Operand<TFloat32> codeVectors(final Operand<TInt32> codes) {
		return tf.gather(tf.stopGradient(codebook()), tf.reshape(codes, l.vec(-1)), l.c(0));
	}
}
