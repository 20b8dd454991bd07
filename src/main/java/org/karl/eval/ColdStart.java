package org.karl.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.karl.engine.api.Progress;
import org.karl.engine.runtime.KarlModel;
import org.tensorflow.TensorFlow;

/**
 * Cold start of the tokenizer: a fresh JVM that loads a model and tokenizes one tile. The parent
 * launches {@link #main} in a child JVM with its own class path and reads the child's
 * timestamps (epoch milliseconds, one clock for both), so JVM start, model load and the first
 * tile are timed separately. "Cold" means a new process; the model files may be in the OS cache.
 */
public final class ColdStart {

	/** Prefix of the child's one result line. */
	static final String TAG = "karl-cold-start";

	/**
	 * Timings in seconds, and the child's peak resident memory.
	 *
	 * @param jvm launch to the first line of main
	 * @param load model load (SavedModel + card)
	 * @param firstTile the first tokenize call of one tile
	 * @param total launch to the first tile's result
	 * @param peakMiB the child's VmHWM
	 */
	public record Result(double jvm, double tfInit, double load, double firstTile, double total,
		double peakMiB) {}

	private ColdStart() {}

	/** Child entry point: {@code ColdStart MODEL_DIR}; prints one line {@value #TAG} .... */
	public static void main(final String[] args) throws IOException {
		final long main = System.currentTimeMillis();
		if (TensorFlow.version().isEmpty()) throw new IllegalStateException("no TensorFlow version");
		final long tf = System.currentTimeMillis();
		// NB: not through ops.Models: the cold start times the engine's own load (see Bench)
		try (KarlModel m = KarlModel.load(Path.of(args[0]), 1)) {
			final long loaded = System.currentTimeMillis();
			m.tokenize(new float[m.tileSize() * m.tileSize()], 1, m.epsilonBins()[0], m.maxTokens(),
				Progress.NONE);
			final long first = System.currentTimeMillis();
			System.out.println(TAG + " " + main + " " + tf + " " + loaded + " " + first + " " +
				ProcessMemory.peakMiB());
		}
	}

	/** Launches the child on {@code modelDir} with this JVM's java and class path. */
	public static Result measure(final Path modelDir, final double timeoutSeconds)
		throws IOException, InterruptedException
	{
		final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		final ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty(
			"java.class.path"), ColdStart.class.getName(), modelDir.toAbsolutePath().toString());
		pb.redirectErrorStream(true);
		pb.environment().putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "2");
		final long launch = System.currentTimeMillis();
		final Process p = pb.start();
		final List<String> lines = new ArrayList<>();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
			StandardCharsets.UTF_8)))
		{
			for (String line; (line = in.readLine()) != null;) lines.add(line);
		}
		if (!p.waitFor((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS)) {
			p.destroyForcibly();
			throw new IOException("cold-start child did not finish within " + timeoutSeconds + " s");
		}
		for (final String line : lines)
			if (line.startsWith(TAG + " ")) {
				final String[] f = line.split(" ");
				final long main = Long.parseLong(f[1]), tf = Long.parseLong(f[2]), loaded = Long
					.parseLong(f[3]), first = Long.parseLong(f[4]);
				return new Result((main - launch) / 1e3, (tf - main) / 1e3, (loaded - tf) / 1e3, (first -
					loaded) / 1e3, (first - launch) / 1e3, Double.parseDouble(f[5]));
			}
		throw new IOException("cold-start child (exit " + p.exitValue() + ") printed no result; " +
			"its last output: " + (lines.isEmpty() ? "(none)" : lines.get(lines.size() - 1)));
	}
}
