package org.karl.engine.runtime;

import static org.karl.engine.graph.GraphNames.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.karl.engine.api.Progress;
import org.karl.engine.api.ReconstructResult;
import org.karl.engine.api.TokenizeResult;
import org.karl.engine.api.Tokenizer;
import org.karl.engine.config.ModelCard;
import org.karl.engine.config.ModelConfig;
import org.tensorflow.Result;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;

/**
 * A trained KARL model for inference: loads a SavedModel folder, checks it against its card, and
 * runs the {@code tokenize} (encoder only), {@code decode} and {@code reconstruct} (single pass)
 * signatures over any number of tiles in batches.
 * <p>
 * <b>Threads.</b> One instance may be used from any number of threads at once: TF sessions run
 * concurrently, each call has its own arrays and tensors, and a call gives the same result as it
 * would alone (proven by KarlModelConcurrencyTest: counts, tokens and reconstructions exactly).
 * <p>
 * <b>Closing.</b> Each batch of a call holds a read lock; {@link #close()} takes the write lock,
 * so it waits for the batches running now (never frees a session under TF, which could crash
 * the JVM), then closes the session. After that, a call, or the next batch of a multi-batch call
 * already under way, throws {@link IllegalStateException} "model DIR was closed; load it again".
 * Closing again does nothing. {@link #session()} hands out the session without this guard.
 */
public final class KarlModel implements Tokenizer {

	/** Tiles per TF call; 256 keeps a batch of the S model around 100 MB of activations. */
	public static final int DEFAULT_BATCH = 256;

	private final ModelSession session;
	private final Path dir;
	private final float[] bins;
	private final int batch;
	// NB: fair, so that close() is not starved by a stream of batches from other threads
	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
	private boolean closed; // guarded by lock

	private KarlModel(final ModelSession session, final Path dir, final int batch) {
		this.session = session;
		this.dir = dir;
		this.bins = session.epsilonBins();
		this.batch = batch;
	}

	/** Loads a model folder (SavedModel + karl.json). */
	public static KarlModel load(final Path dir) throws IOException {
		return load(dir, DEFAULT_BATCH);
	}

	public static KarlModel load(final Path dir, final int batch) throws IOException {
		if (batch < 1) throw new IllegalArgumentException("batch must be >= 1, got " + batch);
		return new KarlModel(ModelSession.loadForInference(dir), dir, batch);
	}

	/** Wraps a live session (e.g. right after training) without reloading. */
	public static KarlModel of(final ModelSession session) {
		return new KarlModel(session, null, DEFAULT_BATCH);
	}

	/**
	 * The live session (for export after in-memory changes); not guarded by this model's lock, so
	 * do not use it from one thread while another closes this model.
	 */
	public ModelSession session() {
		return session;
	}

	public ModelCard card() {
		return session.card();
	}

	public ModelConfig config() {
		return session.card().model();
	}

	@Override
	public int tileSize() {
		return config().tileSize();
	}

	@Override
	public int maxTokens() {
		return config().maxTokens();
	}

	@Override
	public float[] epsilonBins() {
		return bins.clone();
	}

	@Override
	public TokenizeResult tokenize(final float[] tiles, final int n, final float epsilon,
		final int budget, final Progress progress)
	{
		checkTiles(tiles, n);
		checkRequest(epsilon, budget);
		final int t = maxTokens();
		final int[] tokens = new int[n * t], keep = new int[n * t], counts = new int[n];
		final float[] halt = new float[n * t];
		batches(n, "tokenize", progress, (start, b) -> {
			try (Result r = callOnTiles(TOKENIZE, tiles, start, b, epsilon, budget)) {
				System.arraycopy(Tensors.ints(r, TOKENS), 0, tokens, start * t, b * t);
				System.arraycopy(Tensors.ints(r, KEEP_MASK), 0, keep, start * t, b * t);
				System.arraycopy(Tensors.ints(r, COUNTS), 0, counts, start, b);
				System.arraycopy(Tensors.floats(r, HALT_PROB), 0, halt, start * t, b * t);
			}
		});
		return new TokenizeResult(n, t, tokens, keep, counts, halt);
	}

	@Override
	public float[] decode(final int[] tokens, final int[] keep, final int n, final Progress progress) {
		final int t = maxTokens(), px = tileSize() * tileSize();
		if (tokens.length != n * t || keep.length != n * t) throw new IllegalArgumentException(
			"decode: expected " + n + " x " + t + " tokens and keep flags, got " + tokens.length +
				" and " + keep.length);
		final float[] out = new float[n * px];
		batches(n, "decode", progress, (start, b) -> {
			try (Tensor tok = Tensors.ints(tokens, start * t, b, t);
				Tensor kp = Tensors.ints(keep, start * t, b, t);
				Result r = session.call(DECODE, Map.of(TOKENS, tok, KEEP_MASK, kp)))
			{
				System.arraycopy(Tensors.floats(r, IMAGES), 0, out, start * px, b * px);
			}
		});
		return out;
	}

	@Override
	public ReconstructResult reconstruct(final float[] tiles, final int n, final float epsilon,
		final int budget, final Progress progress)
	{
		checkTiles(tiles, n);
		checkRequest(epsilon, budget);
		final int px = tileSize() * tileSize();
		final float[] images = new float[n * px], l1 = new float[n];
		final int[] counts = new int[n];
		batches(n, "reconstruct", progress, (start, b) -> {
			try (Result r = callOnTiles(RECONSTRUCT, tiles, start, b, epsilon, budget)) {
				System.arraycopy(Tensors.floats(r, RECONSTRUCTIONS), 0, images, start * px, b * px);
				System.arraycopy(Tensors.ints(r, COUNTS), 0, counts, start, b);
				System.arraycopy(Tensors.floats(r, L1), 0, l1, start, b);
			}
		});
		return new ReconstructResult(n, tileSize(), images, counts, l1);
	}

	/** One batch: tiles [start, start + b). */
	private interface Batch {
		void run(int start, int b);
	}

	/**
	 * Runs {@code body} over n tiles in batches, reporting progress and honouring cancel. Each
	 * batch holds the read lock, so close() waits for it and a batch never starts on a closed
	 * session; a call of 0 tiles checks too, so that use after close fails the same way always.
	 */
	private void batches(final int n, final String what, final Progress progress, final Batch body) {
		if (n == 0) underReadLock(() -> {});
		for (int start = 0; start < n; start += batch) {
			if (progress.isCanceled()) throw new CancellationException(what + " canceled");
			final int from = start, b = Math.min(batch, n - start);
			underReadLock(() -> body.run(from, b));
			progress.fraction((double) (start + b) / n);
		}
	}

	/** Runs {@code r} holding the read lock, on an open session. */
	private void underReadLock(final Runnable r) {
		final Lock l = lock.readLock();
		l.lock();
		try {
			if (closed) throw new IllegalStateException("model " + (dir == null ? "(in memory)"
				: dir) + " was closed; load it again");
			r.run();
		}
		finally {
			l.unlock();
		}
	}

	/** Calls an (images, epsilon, budget) signature on b tiles; the caller closes the result. */
	private Result callOnTiles(final String key, final float[] tiles, final int start, final int b,
		final float epsilon, final int budget)
	{
		final int s = tileSize();
		try (Tensor img = Tensors.floats(tiles, start * s * s, b, s, s, 1);
			Tensor eps = Tensors.floats(filled(b, epsilon), 0, b);
			Tensor bud = Tensors.scalar(budget))
		{
			return session.call(key, Map.of(IMAGES, img, EPSILON, eps, BUDGET, bud));
		}
	}

	/** Card, device and signatures, for {@code karl info} and KARL About. */
	public String describe() {
		final StringBuilder sb = new StringBuilder();
		underReadLock(() -> describe(sb));
		return sb.toString();
	}

	private void describe(final StringBuilder sb) {
		sb.append("model: ").append(dir == null ? "(in memory)" : dir.toAbsolutePath()).append('\n');
		sb.append("device: ").append(Devices.describe()).append('\n');
		sb.append("steps: base ").append(session.baseStep()).append(", karl ").append(session.step())
			.append('\n');
		sb.append("epsilon bins (in graph): ").append(Arrays.toString(bins)).append('\n');
		sb.append("signatures:\n");
		for (final Signature s : session.signatures()) {
			sb.append("  ").append(s.key()).append(" (");
			s.getInputs().forEach((k, d) -> sb.append(k).append(':').append(d.dataType).append(d.shape)
				.append(' '));
			sb.append(") -> ").append(s.outputNames()).append('\n');
		}
		sb.append("card:\n").append(session.card().toJson()).append('\n');
	}

	private void checkTiles(final float[] tiles, final int n) {
		final long need = (long) n * tileSize() * tileSize();
		if (n < 0 || tiles.length < need) throw new IllegalArgumentException("expected " + n +
			" tiles of " + tileSize() + "x" + tileSize() + " (" + need + " floats), got " + tiles.length);
		for (long i = 0; i < need; i++) {
			final float v = tiles[(int) i];
			if (!Float.isFinite(v)) throw new IllegalArgumentException("tile " + i / (tileSize() *
				tileSize()) + " holds a non-finite value (" + v + "); replace NaN/Inf pixels first");
		}
	}

	private static float[] filled(final int n, final float v) {
		final float[] a = new float[n];
		Arrays.fill(a, v);
		return a;
	}

	/**
	 * Waits for the batches running now, then closes the session; later calls throw
	 * {@link IllegalStateException}. Closing again does nothing.
	 */
	@Override
	public void close() {
		final Lock l = lock.writeLock();
		l.lock();
		try {
			if (closed) return;
			closed = true;
			session.close();
		}
		finally {
			l.unlock();
		}
	}
}
