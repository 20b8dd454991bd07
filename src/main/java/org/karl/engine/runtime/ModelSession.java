package org.karl.engine.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.karl.engine.config.ModelCard;
import org.karl.engine.graph.GraphNames;
import org.karl.engine.graph.ModelGraph;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.exceptions.TensorFlowException;

/**
 * A live KARL model: a TF session plus its named signature functions and its card. Made either
 * fresh from a card's config (graph built in Java) or by loading an exported SavedModel; both
 * offer the same signatures, so the trainers and the runtime never care which. Exports are atomic:
 * the SavedModel and card are written to a temp folder beside the target, then renamed.
 */
public final class ModelSession implements AutoCloseable {

	private final Graph graph; // owned when built fresh, else null
	private final Session session;
	private final SavedModelBundle bundle; // owned when loaded, else null
	private final Map<String, SessionFunction> functions = new LinkedHashMap<>();
	private volatile ModelCard card;

	private ModelSession(final Graph graph, final Session session, final SavedModelBundle bundle,
		final List<SessionFunction> fns, final ModelCard card)
	{
		this.graph = graph;
		this.session = session;
		this.bundle = bundle;
		this.card = card;
		for (final SessionFunction f : fns) functions.put(f.signature().key(), f);
	}

	/** Builds a new, randomly initialised model from the card's configs. */
	public static ModelSession create(final ModelCard card) {
		final Graph g = new Graph();
		try {
			final List<Signature> sigs = ModelGraph.build(g, card.model(), card.training());
			final Session s = new Session(g);
			s.initialize();
			return new ModelSession(g, s, null, sigs.stream().map(sig -> SessionFunction.create(sig, s))
				.toList(), card);
		}
		catch (final RuntimeException e) {
			g.close();
			throw e;
		}
	}

	/**
	 * A new session whose graph is built by this code from {@code card} and whose variables are
	 * this session's (through a temporary checkpoint); closes this session. For changes that live
	 * in the graph, such as the halting targets of the training step. The variable names and shapes
	 * must be the same, i.e. the same {@link ModelConfig}.
	 */
	public ModelSession rebuilt(final ModelCard card) throws IOException {
		if (!card.model().equals(this.card.model())) throw new IllegalArgumentException(
			"rebuilding needs the same model config; got " + card.model());
		final Path ckpt = TempPaths.systemFolder("karl-rebuild");
		final Graph g = new Graph();
		try {
			session.save(ckpt.resolve("ckpt").toString());
			final List<Signature> sigs = ModelGraph.build(g, card.model(), card.training());
			final Session s = new Session(g);
			s.initialize();
			s.restore(ckpt.resolve("ckpt").toString());
			close();
			return new ModelSession(g, s, null, sigs.stream().map(sig -> SessionFunction.create(sig, s))
				.toList(), card);
		}
		catch (final RuntimeException e) {
			g.close();
			throw e;
		}
		finally {
			TempPaths.delete(ckpt);
		}
	}

	/** Loads {@code dir} (a SavedModel + karl.json), checking signatures against the card. */
	public static ModelSession load(final Path dir) throws IOException {
		return load(dir, GraphNames.REQUIRED);
	}

	/**
	 * For inference: loads the serving-only export in {@code dir/serving} when there is one (it
	 * loads faster), else the full model in {@code dir}.
	 */
	public static ModelSession loadForInference(final Path dir) throws IOException {
		final Path serving = dir.resolve(GraphNames.SERVING_DIR);
		final ModelSession s = Files.isRegularFile(serving.resolve("saved_model.pb")) ? load(serving,
			GraphNames.SERVING) : load(dir);
		// NB: a trained base with KARL step 0 has an untrained halting head: its token counts are noise
		if (s.step() == 0 && s.baseStep() > 0) {
			s.close();
			throw new IOException(dir + " is a base tokenizer (karl train-base) with no trained " +
				"halting head; run karl train --model " + dir + " first");
		}
		return s;
	}

	private static ModelSession load(final Path dir, final List<String> required) throws IOException {
		if (!Files.isDirectory(dir)) throw new IOException("model folder " + dir + " does not exist");
		if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) throw new IOException(dir +
			" is not a TensorFlow SavedModel (no saved_model.pb); point to a KARL model folder");
		// NB: before TensorFlow sees the graph: loading it already runs ops (restore, init)
		ModelGuard.check(dir);
		if (!Files.isRegularFile(dir.resolve("variables").resolve("variables.index")))
			throw new IOException(dir + " has no variables/ folder (the weights); copy the whole model " +
				"folder, variables/ included");
		final ModelCard card = ModelCard.read(dir);
		final SavedModelBundle b;
		try {
			b = SavedModelBundle.loader(dir.toString()).withTags(SavedModelBundle.DEFAULT_TAG).load();
		}
		catch (final TensorFlowException e) {
			throw new IOException("TensorFlow could not load " + dir + ": " + ModelGuard.oneLine(e
				.getMessage()) + "; re-export it with karl train or copy the model folder again", e);
		}
		try {
			SignatureCheck.check(b.signatures(), card.model(), dir, required);
		}
		catch (final IOException e) {
			b.close();
			throw e;
		}
		return new ModelSession(null, b.session(), b, b.functions(), card);
	}

	public ModelCard card() {
		return card;
	}

	public void card(final ModelCard c) {
		card = c;
	}

	/** Runs signature {@code key}; the caller closes the result. */
	public Result call(final String key, final Map<String, Tensor> inputs) {
		final SessionFunction f = functions.get(key);
		if (f == null) throw new IllegalStateException("model has no signature '" + key + "'");
		return f.call(inputs);
	}

	/**
	 * This session, or (when it lacks a signature this code builds, e.g. a model from an older
	 * version) the same weights in a graph rebuilt from the card; the old session is then closed.
	 */
	public ModelSession upgraded() throws IOException {
		return graph == null && !has(GraphNames.BASE_RECONSTRUCT) ? rebuilt(card) : this;
	}

	/** Whether the model has signature {@code key}. */
	public boolean has(final String key) {
		return functions.containsKey(key);
	}

	/** Signatures by key, for display. */
	public List<Signature> signatures() {
		return functions.values().stream().map(SessionFunction::signature).toList();
	}

	/** The KARL step counter. */
	public long step() {
		try (Result r = call(GraphNames.STATE, Map.of())) {
			return Tensors.scalarLong(r, GraphNames.STEP);
		}
	}

	/** The base VQ-VAE step counter. */
	public long baseStep() {
		try (Result r = call(GraphNames.STATE, Map.of())) {
			return Tensors.scalarLong(r, GraphNames.BASE_STEP);
		}
	}

	/** The ε bins currently in the graph (they change when calibration re-spaces them). */
	public float[] epsilonBins() {
		try (Result r = call(GraphNames.STATE, Map.of())) {
			return Tensors.floats(r, GraphNames.BINS);
		}
	}

	/** Writes SavedModel + card to {@code dir} atomically (temp folder, then rename). */
	public void export(final Path dir) throws IOException {
		exportWithout(dir);
	}

	/** Export leaving out some signatures: only for tests of the loader's checks. */
	synchronized void exportWithout(final Path dir, final String... leaveOut) throws IOException {
		final Path abs = dir.toAbsolutePath();
		final Path parent = abs.getParent();
		Files.createDirectories(parent);
		TempPaths.removeStale(parent); // e.g. an export a kill -9 interrupted
		final Path tmp = TempPaths.folderBeside(abs);
		try {
			// NB: the exporter wants the folder absent or empty; createTempDirectory gives empty.
			SavedModelBundle.exporter(tmp.toString()).withSession(session)
				.withFunctions(functions.values().stream().filter(f -> !List.of(leaveOut).contains(
					f.signature().key())).toArray(SessionFunction[]::new)).export();
			card.write(tmp);
			// NB: temp folders and files are created 0700/0600; a model is meant to be shared.
			readableByAll(tmp);
			replace(tmp, abs);
		}
		catch (final IOException | RuntimeException e) {
			TempPaths.delete(tmp);
			throw e;
		}
	}

	/**
	 * Writes {@code dir/serving}: the inference signatures only, over this model's current
	 * weights (saved to a temporary checkpoint and restored into a serving graph), plus the card.
	 */
	public synchronized void exportServing(final Path dir) throws IOException {
		final Path ckpt = TempPaths.systemFolder("karl-serving");
		try (Graph g = new Graph()) {
			final List<Signature> sigs = ModelGraph.buildServing(g, card.model());
			session.save(ckpt.resolve("ckpt").toString());
			try (Session s = new Session(g)) {
				s.initialize();
				s.restore(ckpt.resolve("ckpt").toString());
				final Path target = dir.toAbsolutePath().resolve(GraphNames.SERVING_DIR);
				final Path tmp = TempPaths.folderBeside(target);
				try {
					SavedModelBundle.exporter(tmp.toString()).withSession(s).withFunctions(sigs.stream()
						.map(sig -> SessionFunction.create(sig, s)).toArray(SessionFunction[]::new)).export();
					card.write(tmp);
					readableByAll(tmp);
					replace(tmp, target);
				}
				catch (final IOException | RuntimeException e) {
					TempPaths.delete(tmp);
					throw e;
				}
			}
		}
		finally {
			TempPaths.delete(ckpt);
		}
	}

	private static void replace(final Path tmp, final Path target) throws IOException {
		Path old = null;
		if (Files.exists(target)) {
			old = TempPaths.beside(target, "old");
			Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
		}
		Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
		TempPaths.release(tmp);
		if (old != null) TempPaths.delete(old);
	}

	private static void readableByAll(final Path dir) throws IOException {
		try (Stream<Path> s = Files.walk(dir)) {
			for (final Path q : s.toList()) {
				try {
					Files.setPosixFilePermissions(q, java.nio.file.attribute.PosixFilePermissions.fromString(
						Files.isDirectory(q) ? "rwxr-xr-x" : "rw-r--r--"));
				}
				catch (final UnsupportedOperationException e) {
					return; // not a POSIX file system: the defaults are what the OS gives
				}
			}
		}
	}

	static void deleteTree(final Path p) throws IOException {
		if (!Files.exists(p)) return;
		try (Stream<Path> s = Files.walk(p)) {
			for (final Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
		}
	}

	@Override
	public void close() {
		if (bundle != null) bundle.close();
		else {
			session.close();
			graph.close();
		}
	}
}
