package org.karl.engine.runtime;

import static org.junit.Assert.*;
import static org.karl.engine.graph.GraphNames.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.karl.engine.config.ModelCard;
import org.karl.engine.config.ModelConfig;
import org.karl.engine.config.TrainConfig;
import org.karl.engine.graph.ModelGraph;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedModel;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;
import org.tensorflow.types.TFloat32;

import com.google.protobuf.ByteString;

/** The checks on an untrusted model folder, before TensorFlow runs any of its ops. */
public class ModelGuardTest {

	@Rule
	public TemporaryFolder tmp = new TemporaryFolder();

	/**
	 * Test-preset exports (full + serving/) with minimum targets, untrained and after one base step;
	 * the paper-targets graph's and the latent decoder target's ops. Built once: building a graph takes seconds, more on a busy CPU.
	 */
	private static Path root, minimum, baseOnly;
	private static final SortedSet<String> paperOps = new TreeSet<>();

	@BeforeClass
	public static void export() throws IOException {
		root = Files.createTempDirectory("karl-guard");
		minimum = root.resolve("minimum");
		baseOnly = root.resolve("base-only");
		final TrainConfig t = TrainConfig.defaults();
		try (ModelSession s = ModelSession.create(ModelCard.of(ModelConfig.preset("test"), t
			.withHaltingTargets(TrainConfig.MINIMUM))))
		{
			s.export(minimum);
			s.exportServing(minimum);
			// one base step, as karl train-base leaves a model: base step > 0, KARL step 0
			try (Tensor img = Tensors.floats(ModelSessionTest.tiles(2, 5), 0, 2, 32, 32, 1);
				Tensor lr = Tensors.scalar(1e-3f);
				Result r = s.call(BASE_TRAIN_STEP, Map.of(IMAGES, img, LEARNING_RATE, lr)))
			{}
			s.export(baseOnly);
			s.exportServing(baseOnly);
		}
		// NB: the halting targets change train_step only, and the exporter adds the same saver ops
		// as above: the built graph is enough (an export costs seconds)
		try (Graph g = new Graph()) {
			ModelGraph.build(g, ModelConfig.preset("test"), t.withHaltingTargets(TrainConfig.PAPER));
			for (final NodeDef n : g.toGraphDef().getNodeList()) paperOps.add(n.getOp());
		}
		// the latent decoder target (the shipped default's) builds other losses: its ops count too
		try (Graph g = new Graph()) {
			ModelGraph.build(g, ModelConfig.preset("test-latent"), t);
			for (final NodeDef n : g.toGraphDef().getNodeList()) paperOps.add(n.getOp());
		}
	}

	@AfterClass
	public static void clean() throws IOException {
		ModelSession.deleteTree(root);
	}

	@Test
	public void theAllowListIsExactlyTheOpsOurExportsUse() throws IOException {
		final SortedSet<String> used = new TreeSet<>();
		for (final Path d : new Path[] { minimum, minimum.resolve(SERVING_DIR) })
			used.addAll(ModelGuard.opTypes(ModelGuard.read(d)));
		assertTrue(paperOps.contains("SoftmaxCrossEntropyWithLogits")); // built at all
		used.addAll(paperOps);
		final SortedSet<String> listed = new TreeSet<>(ModelGuard.allowedOps());
		assertEquals("src/main/resources" + ModelGuard.ALLOWED_OPS + " is out of date; ops the " +
			"exports use now (paste below its comment line):\n" + String.join("\n", used) + "\n", listed,
			used);
	}

	@Test
	public void ourExportsAndTheShippedModelPassTheGuard() throws IOException {
		for (final Path d : new Path[] { minimum, minimum.resolve(SERVING_DIR), Path.of(
			"models/default"), Path.of("models/default", SERVING_DIR) })
			ModelGuard.check(d);
	}

	@Test
	public void aSignatureThatWritesAFileIsRefusedBeforeAnythingRuns() throws Exception {
		final Path evil = copy(minimum, "evil");
		final Path target = tmp.getRoot().toPath().resolve("written-by-the-model.txt");
		writeFile(evil, target);
		writeFile(evil.resolve(SERVING_DIR), target);

		assertRefused(() -> KarlModel.load(evil), "op WriteFile (node 'evil')"); // serving/
		assertRefused(() -> ModelSession.load(evil), "op WriteFile (node 'evil')"); // full
		assertFalse(Files.exists(target));

		// the same folder without the guard: the tokenize call writes the file
		try (SavedModelBundle b = SavedModelBundle.load(evil.resolve(SERVING_DIR).toString(),
			SavedModelBundle.DEFAULT_TAG);
			Tensor img = TFloat32.tensorOf(Shape.of(1, 32, 32, 1));
			Tensor eps = Tensors.floats(new float[] { 0.1f }, 0, 1);
			Tensor budget = Tensors.scalar(8);
			Result r = b.function(TOKENIZE).call(Map.of(IMAGES, img, EPSILON, eps, BUDGET, budget)))
		{
			assertEquals("pwned", Files.readString(target));
		}
	}

	@Test
	public void checkpointOpsOnlyTouchTheSaversFilename() throws Exception {
		// the loader's restore op reading from a fixed path
		final Path rewired = copy(minimum, "rewired");
		tamper(rewired, g -> {
			g.addNode(stringConst("evil/prefix", "/tmp/elsewhere/ckpt"));
			final NodeDef.Builder restore = node(g, "save/Restore");
			restore.setInput(0, "evil/prefix");
		});
		assertRefused(() -> ModelSession.load(rewired), "RestoreV2 (node 'save/Restore') takes its " +
			"path from node 'evil/prefix'");

		// a signature that saves a checkpoint
		final Path saving = copy(minimum, "saving");
		final String counts = outputNode(saving, TOKENIZE, COUNTS);
		tamper(saving, g -> controlInput(g, counts, "^save/Save"));
		// NB: reconstruct shares the counts node with tokenize, and is checked first
		assertRefused(() -> ModelSession.load(saving), "runs checkpoint op SaveV2 (node 'save/Save')");

		// the restore op the loader runs also saving (over the model's own weights)
		final Path restoreSaves = copy(minimum, "restore-saves");
		tamper(restoreSaves, g -> node(g, "save/restore_all").addInput("^save/Save"));
		assertRefused(() -> ModelSession.load(restoreSaves), "restore op 'save/restore_all'");
	}

	@Test
	public void functionsAndCollectionsAreRefused() throws Exception {
		final Path withCollection = copy(minimum, "collection");
		final SavedModel.Builder sm = ModelGuard.read(withCollection).toBuilder();
		sm.getMetaGraphsBuilder(0).putCollectionDef("saved_model_main_op", org.tensorflow.proto.CollectionDef
			.newBuilder().setNodeList(org.tensorflow.proto.CollectionDef.NodeList.newBuilder().addValue(
				"Init")).build());
		Files.write(withCollection.resolve("saved_model.pb"), sm.build().toByteArray());
		assertRefused(() -> ModelSession.load(withCollection), "collections [saved_model_main_op]");

		final Path withFunction = copy(minimum, "function");
		tamper(withFunction, g -> g.getLibraryBuilder().addFunctionBuilder().getSignatureBuilder()
			.setName("evil_fn"));
		assertRefused(() -> ModelSession.load(withFunction), "defines functions [evil_fn]");
	}

	@Test
	public void unreadableOrEmptyGraphsAreRefused() throws Exception {
		final Path garbage = copy(minimum, "garbage");
		Files.write(garbage.resolve("saved_model.pb"), "not a protobuf".getBytes(StandardCharsets.UTF_8));
		assertRefused(() -> ModelSession.load(garbage), "not a readable SavedModel");
		final Path empty = copy(minimum, "empty");
		Files.write(empty.resolve("saved_model.pb"), SavedModel.getDefaultInstance().toByteArray());
		assertRefused(() -> ModelSession.load(empty), "holds no graph");
	}

	@Test
	public void aFolderWithoutVariablesGetsOneLine() throws Exception {
		final Path bare = copy(minimum, "bare");
		ModelSession.deleteTree(bare.resolve("variables"));
		assertRefused(() -> ModelSession.load(bare), "has no variables/ folder");
	}

	@Test
	public void aCardThatDisagreesWithTheGraphSaysSo() throws Exception {
		final Path other = copy(minimum, "other-card");
		final Path card = other.resolve(ModelCard.FILE);
		final String json = Files.readString(card);
		assertTrue(json.contains("\"baseCodes\": 16"));
		Files.writeString(card, json.replace("\"baseCodes\": 16", "\"baseCodes\": 32"));
		assertRefused(() -> ModelSession.load(other), "karl.json disagrees with the model's graph");
	}

	@Test
	public void aBaseOnlyFolderIsForTrainingNotInference() throws Exception {
		assertRefused(() -> KarlModel.load(baseOnly), "is a base tokenizer (karl train-base) with no " +
			"trained halting head; run karl train --model " + baseOnly + " first");
		try (ModelSession s = ModelSession.load(baseOnly)) { // what karl train --model does
			assertEquals(1, s.baseStep());
			assertEquals(0, s.step());
		}
	}

	// -- helpers --

	private interface Load {
		AutoCloseable run() throws Exception;
	}

	private static void assertRefused(final Load load, final String fragment) throws Exception {
		try {
			load.run().close();
			fail("expected an IOException containing " + fragment);
		}
		catch (final IOException e) {
			assertTrue(e.getMessage(), e.getMessage().contains(fragment));
			assertFalse("one line: " + e.getMessage(), e.getMessage().contains("\n"));
		}
	}

	private Path copy(final Path from, final String name) throws IOException {
		final Path to = tmp.getRoot().toPath().resolve(name);
		try (Stream<Path> s = Files.walk(from)) {
			for (final Path p : s.toList()) {
				final Path q = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(q);
				else Files.copy(p, q);
			}
		}
		return to;
	}

	/** Rewrites {@code dir/saved_model.pb} with {@code edit} applied to its (one) graph. */
	private static void tamper(final Path dir, final Consumer<GraphDef.Builder> edit)
		throws IOException
	{
		final SavedModel.Builder sm = ModelGuard.read(dir).toBuilder();
		final MetaGraphDef.Builder mg = sm.getMetaGraphsBuilder(0);
		edit.accept(mg.getGraphDefBuilder());
		Files.write(dir.resolve("saved_model.pb"), sm.build().toByteArray());
	}

	/** Makes signature tokenize also write {@code target}. */
	private static void writeFile(final Path dir, final Path target) throws IOException {
		final String counts = outputNode(dir, TOKENIZE, COUNTS);
		tamper(dir, g -> {
			g.addNode(stringConst("evil/filename", target.toString()));
			g.addNode(stringConst("evil/contents", "pwned"));
			g.addNode(NodeDef.newBuilder().setName("evil").setOp("WriteFile").addInput("evil/filename")
				.addInput("evil/contents"));
			controlInput(g, counts, "^evil");
		});
	}

	private static String outputNode(final Path dir, final String sig, final String output) {
		try {
			return ModelGuard.nodeName(ModelGuard.read(dir).getMetaGraphs(0).getSignatureDefOrThrow(sig)
				.getOutputsOrThrow(output).getName());
		}
		catch (final IOException e) {
			throw new AssertionError(e);
		}
	}

	private static NodeDef.Builder node(final GraphDef.Builder g, final String name) {
		for (int i = 0; i < g.getNodeCount(); i++)
			if (g.getNode(i).getName().equals(name)) return g.getNodeBuilder(i);
		throw new AssertionError("no node " + name);
	}

	private static void controlInput(final GraphDef.Builder g, final String node, final String input) {
		node(g, node).addInput(input);
	}

	private static NodeDef stringConst(final String name, final String value) {
		return NodeDef.newBuilder().setName(name).setOp("Const").putAttr("dtype", AttrValue.newBuilder()
			.setType(DataType.DT_STRING).build()).putAttr("value", AttrValue.newBuilder().setTensor(
				TensorProto.newBuilder().setDtype(DataType.DT_STRING).setTensorShape(TensorShapeProto
					.getDefaultInstance()).addStringVal(ByteString.copyFromUtf8(value))).build()).build();
	}
}
