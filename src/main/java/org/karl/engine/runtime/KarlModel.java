package org.karl.engine.runtime;

import java.io.IOException;
import java.nio.file.Path;

import org.karl.engine.api.Progress;
import org.karl.engine.api.ReconstructResult;
import org.karl.engine.api.TokenizeResult;
import org.karl.engine.api.Tokenizer;

/** A loaded KARL SavedModel (skeleton: being written). */
public final class KarlModel implements Tokenizer {

	public static KarlModel load(final Path dir) throws IOException {
		throw new IOException("not yet implemented");
	}

	/** Human-readable card, device and signatures, for `karl info` and KARL About. */
	public String describe() {
		throw new UnsupportedOperationException();
	}

	@Override public int tileSize() { return 32; }
	@Override public int maxTokens() { return 32; }
	@Override public float[] epsilonBins() { return new float[0]; }
	@Override public TokenizeResult tokenize(float[] tiles, int n, float epsilon, int budget, Progress p) { throw new UnsupportedOperationException(); }
	@Override public float[] decode(int[] tokens, int[] keep, int n, Progress p) { throw new UnsupportedOperationException(); }
	@Override public ReconstructResult reconstruct(float[] tiles, int n, float epsilon, int budget, Progress p) { throw new UnsupportedOperationException(); }
	@Override public void close() {}
}
