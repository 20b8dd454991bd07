package org.karl.engine.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.SaverDef;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/**
 * Treats a model folder as untrusted input: reads {@code saved_model.pb} as a protobuf and refuses
 * it before TensorFlow sees it, since loading already runs graph ops (the saver's restore op, any
 * init op). Every op type must be one KARL's own exports use ({@code karl/allowed-ops.txt}), and
 * the checkpoint ops, the only file I/O among them, may touch only the path fed to the saver's
 * filename placeholder and may not be run by any signature.
 */
public final class ModelGuard {

	/** Larger than any KARL graph by far (the M model's is a few MB); weights live in variables/. */
	static final long MAX_BYTES = 256L << 20;

	static final String ALLOWED_OPS = "/karl/allowed-ops.txt";

	/** File I/O ops of the saver. */
	private static final Set<String> SAVE_OPS = Set.of("SaveV2", "MergeV2Checkpoints", "Save",
		"SaveSlices");
	private static final Set<String> RESTORE_OPS = Set.of("RestoreV2", "Restore", "RestoreSlice");

	private static final String DO = "; use a model trained with KARL (karl train) from a source you trust";

	private static Set<String> allowed;

	private ModelGuard() {}

	/** Refuses {@code dir} (a SavedModel folder) with one line unless its graph is one KARL makes. */
	public static void check(final Path dir) throws IOException {
		final SavedModel sm = read(dir);
		for (final MetaGraphDef mg : sm.getMetaGraphsList()) check(dir, mg);
	}

	/** Parses {@code dir/saved_model.pb}, refusing a file too large, unreadable or empty. */
	static SavedModel read(final Path dir) throws IOException {
		final Path pb = dir.resolve("saved_model.pb");
		final long size = Files.size(pb);
		if (size > MAX_BYTES) throw new IOException("model " + dir + " is refused: its saved_model.pb " +
			"is " + (size >> 20) + " MB, larger than any KARL graph (" + (MAX_BYTES >> 20) + " MB)" + DO);
		final SavedModel sm;
		try {
			sm = SavedModel.parseFrom(Files.readAllBytes(pb));
		}
		catch (final IOException e) { // InvalidProtocolBufferException included
			throw new IOException("model " + dir + " is refused: its saved_model.pb is not a readable " +
				"SavedModel (" + oneLine(e.getMessage()) + "); copy the model folder again", e);
		}
		if (sm.getMetaGraphsCount() == 0) throw new IOException("model " + dir + " is refused: its " +
			"saved_model.pb holds no graph; copy the model folder again");
		return sm;
	}

	/** Every op type in the SavedModel's graphs and functions (for the allow-list test). */
	static SortedSet<String> opTypes(final SavedModel sm) {
		final SortedSet<String> ops = new TreeSet<>();
		for (final MetaGraphDef mg : sm.getMetaGraphsList()) {
			for (final NodeDef n : mg.getGraphDef().getNodeList()) ops.add(n.getOp());
			for (final FunctionDef f : mg.getGraphDef().getLibrary().getFunctionList())
				for (final NodeDef n : f.getNodeDefList()) ops.add(n.getOp());
		}
		return ops;
	}

	/** The committed allow-list. */
	static synchronized Set<String> allowedOps() {
		if (allowed == null) {
			final Set<String> ops = new TreeSet<>();
			try (InputStream in = ModelGuard.class.getResourceAsStream(ALLOWED_OPS)) {
				if (in == null) throw new IllegalStateException(ALLOWED_OPS + " is missing from the KARL jar");
				final BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
				for (String line; (line = r.readLine()) != null;) {
					line = line.strip();
					if (!line.isEmpty() && !line.startsWith("#")) ops.add(line);
				}
			}
			catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
			allowed = Set.copyOf(ops);
		}
		return allowed;
	}

	private static void check(final Path dir, final MetaGraphDef mg) throws IOException {
		final GraphDef g = mg.getGraphDef();
		// NB: our exports have none of these; each is code TF runs or calls that we would not see
		if (g.getLibrary().getFunctionCount() > 0 || g.getLibrary().getGradientCount() > 0) {
			final List<String> names = new ArrayList<>();
			for (final FunctionDef f : g.getLibrary().getFunctionList()) names.add(f.getSignature().getName());
			throw refused(dir, "its graph defines functions " + names + ", which KARL models never contain");
		}
		if (mg.getCollectionDefCount() > 0) throw refused(dir, "its graph has collections " +
			new TreeSet<>(mg.getCollectionDefMap().keySet()) + " (init ops among them run on load), " +
			"which KARL models never contain");
		if (mg.getAssetFileDefCount() > 0) throw refused(dir, "it lists asset files, which KARL " +
			"models never contain");

		// op types
		final Map<String, List<String>> bad = new TreeMap<>();
		for (final NodeDef n : g.getNodeList())
			if (!allowedOps().contains(n.getOp())) bad.computeIfAbsent(n.getOp(), k -> new ArrayList<>())
				.add(n.getName());
		if (!bad.isEmpty()) {
			final List<String> parts = new ArrayList<>();
			bad.forEach((op, nodes) -> parts.add(op + " (node" + (nodes.size() > 1 ? "s " : " ") +
				quoted(nodes) + ")"));
			throw refused(dir, "its graph uses op" + (bad.size() > 1 ? "s " : " ") + String.join(", ",
				parts) + ", which KARL models never contain");
		}

		final Map<String, NodeDef> nodes = new HashMap<>();
		for (final NodeDef n : g.getNodeList()) nodes.put(n.getName(), n);
		checkCheckpointOps(dir, mg, nodes);
	}

	/**
	 * The saver's ops write and read files: their path must be the filename placeholder (which
	 * the loader and our save/restore feed), no signature may run them, and the restore op the
	 * loader runs may not save.
	 */
	private static void checkCheckpointOps(final Path dir, final MetaGraphDef mg,
		final Map<String, NodeDef> nodes) throws IOException
	{
		final List<NodeDef> io = nodes.values().stream().filter(n -> isCheckpoint(n.getOp())).toList();
		if (io.isEmpty()) return;
		final SaverDef sd = mg.getSaverDef();
		final NodeDef filename = nodes.get(nodeName(sd.getFilenameTensorName()));
		if (!mg.hasSaverDef() || filename == null || !filename.getOp().equals("Placeholder"))
			throw refused(dir, "its checkpoint op " + io.get(0).getOp() + " (node '" + io.get(0)
				.getName() + "') has no saver filename placeholder to take its path from");
		for (final NodeDef n : io) {
			// the path inputs: MergeV2Checkpoints has sources and destination, the others one prefix
			final int paths = n.getOp().equals("MergeV2Checkpoints") ? 2 : 1;
			for (int i = 0; i < paths; i++) {
				final NodeDef src = i < n.getInputCount() ? throughIdentity(nodes, n.getInput(i)) : null;
				if (src != filename) throw refused(dir, "its checkpoint op " + n.getOp() + " (node '" + n
					.getName() + "') takes its path from " + (src == null ? "nowhere" : "node '" + src
						.getName() + "'") + " instead of the saver's filename '" + filename.getName() + "'");
			}
		}
		for (final Map.Entry<String, SignatureDef> e : new TreeMap<>(mg.getSignatureDefMap()).entrySet()) {
			final List<String> outs = new ArrayList<>();
			for (final TensorInfo t : e.getValue().getOutputsMap().values()) outs.add(t.getName());
			final NodeDef hit = reach(nodes, outs, n -> isCheckpoint(n.getOp()));
			if (hit != null) throw refused(dir, "its signature '" + e.getKey() + "' runs checkpoint op " +
				hit.getOp() + " (node '" + hit.getName() + "'), which only the saver may run");
		}
		final NodeDef saves = reach(nodes, List.of(sd.getRestoreOpName()), n -> SAVE_OPS.contains(n
			.getOp()));
		if (saves != null) throw refused(dir, "its restore op '" + sd.getRestoreOpName() + "' (run on " +
			"load) also writes a checkpoint through " + saves.getOp() + " (node '" + saves.getName() + "')");
		final NodeDef restores = reach(nodes, List.of(sd.getSaveTensorName()), n -> RESTORE_OPS
			.contains(n.getOp()));
		if (restores != null) throw refused(dir, "its save op '" + sd.getSaveTensorName() + "' also " +
			"reads a checkpoint through " + restores.getOp() + " (node '" + restores.getName() + "')");
	}

	private static boolean isCheckpoint(final String op) {
		return SAVE_OPS.contains(op) || RESTORE_OPS.contains(op);
	}

	/** The node producing {@code input}, past any Identity (data input 0). */
	private static NodeDef throughIdentity(final Map<String, NodeDef> nodes, final String input) {
		if (input.startsWith("^")) return null;
		NodeDef n = nodes.get(nodeName(input));
		for (int hops = 0; n != null && n.getOp().equals("Identity") && hops < nodes.size(); hops++)
			n = n.getInputCount() == 0 || n.getInput(0).startsWith("^") ? null : nodes.get(nodeName(n
				.getInput(0)));
		return n;
	}

	/** The first node matching {@code hit} among those the tensors/ops depend on (data and ^control). */
	private static NodeDef reach(final Map<String, NodeDef> nodes, final Collection<String> roots,
		final java.util.function.Predicate<NodeDef> hit)
	{
		final Set<String> seen = new HashSet<>();
		final Deque<String> todo = new ArrayDeque<>();
		for (final String r : roots) if (!r.isEmpty()) todo.add(nodeName(r));
		while (!todo.isEmpty()) {
			final String name = todo.pop();
			if (!seen.add(name)) continue;
			final NodeDef n = nodes.get(name);
			if (n == null) continue;
			if (hit.test(n)) return n;
			for (final String in : n.getInputList()) todo.add(nodeName(in));
		}
		return null;
	}

	/** "^a", "a:1" and "a" all name node a. */
	static String nodeName(final String input) {
		String s = input.startsWith("^") ? input.substring(1) : input;
		final int colon = s.lastIndexOf(':');
		if (colon > 0 && s.substring(colon + 1).chars().allMatch(Character::isDigit)) s = s.substring(0,
			colon);
		return s;
	}

	private static String quoted(final List<String> names) {
		final List<String> q = new ArrayList<>();
		for (final String s : names.subList(0, Math.min(3, names.size()))) q.add("'" + s + "'");
		return String.join(", ", q) + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "");
	}

	private static IOException refused(final Path dir, final String why) {
		return new IOException("model " + dir + " is refused: " + oneLine(why) + DO);
	}

	static String oneLine(final String s) {
		return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
	}
}
