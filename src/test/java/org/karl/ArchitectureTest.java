package org.karl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * Enforces the package dependency rules of docs/architecture.md §2 (the rooms and the arrows
 * between them) by reading every main source file: imports, and fully qualified type names in
 * code, are checked against the rules below. A failure names the file, the line and the rule.
 */
public class ArchitectureTest {

	/**
	 * One rule: in the types matching {@code scope} (a package and its subpackages, or one class by
	 * its qualified name), references matching {@code forbidden} fail, but those to a type named in
	 * {@code exempt} (or to its members).
	 */
	private record Rule(String name, String[] scope, String[] except, String[] forbidden,
		String[] allowedOnly, String[] exempt)
	{

		Rule(final String name, final String[] scope, final String[] except, final String[] forbidden,
			final String[] allowedOnly)
		{
			this(name, scope, except, forbidden, allowedOnly, NONE);
		}

		/** @param type the qualified name of the file's top-level type */
		boolean appliesTo(final String type) {
			return within(type, scope) && !within(type, except);
		}

		boolean forbids(final String ref) {
			for (final String e : exempt)
				if (ref.equals(e) || ref.startsWith(e + ".")) return false;
			if (allowedOnly != null) return !startsWithAny(ref, allowedOnly);
			return startsWithAny(ref, forbidden);
		}
	}

	private static final String[] NONE = {};

	static final List<Rule> RULES = List.of( //
		new Rule("engine uses no ImageJ, ImgLib2, SciJava or AWT", new String[] {
			"org.karl.engine" }, NONE, new String[] { "ij.", "net.imglib2.", "org.scijava.",
				"java.awt." }, null), //
		new Rule("engine.api imports the JDK (java.*) only", new String[] {
			"org.karl.engine.api" }, NONE, null, new String[] { "java." }), //
		new Rule("engine uses no other KARL package", new String[] { "org.karl.engine" }, NONE,
			new String[] { "org.karl.cli.", "org.karl.fiji.", "org.karl.ops.", "org.karl.image.",
				"org.karl.data.", "org.karl.eval.", "org.karl.spark." }, null), //
		new Rule("image (outside image.ij) does not import ij", new String[] {
			"org.karl.image" }, new String[] { "org.karl.image.ij" }, new String[] { "ij." },
			null), //
		new Rule("image (outside image.ij) uses only the JDK, ImgLib2, image and engine.api",
			new String[] { "org.karl.image" }, new String[] { "org.karl.image.ij" }, null,
			new String[] { "java.", "net.imglib2.", "org.karl.image.", "org.karl.engine.api.",
				"ij." }), // NB: "ij." is reported by the rule above, not twice.
		new Rule("eval (outside eval.ij) does not import ij", new String[] { "org.karl.eval" },
			new String[] { "org.karl.eval.ij" }, new String[] { "ij." }, null), //
		new Rule("cli, fiji, ops and eval do not use engine.graph", new String[] { "org.karl.cli",
			"org.karl.fiji", "org.karl.ops", "org.karl.eval" }, NONE, new String[] {
				"org.karl.engine.graph." }, null), //
		// NB: the doors (cli, fiji) share one implementation per user action in ops; neither
		// door may reach into the other, and ops knows no door.
		new Rule("cli does not use fiji", new String[] { "org.karl.cli" }, NONE, new String[] {
			"org.karl.fiji." }, null), //
		new Rule("fiji does not use cli", new String[] { "org.karl.fiji" }, NONE, new String[] {
			"org.karl.cli." }, null), //
		new Rule("ops uses no door (cli, fiji) and no SciJava", new String[] { "org.karl.ops" }, NONE,
			new String[] { "org.karl.cli.", "org.karl.fiji.", "org.scijava." }, null), //
		new Rule("ops.engine (the engine boundary) uses no ImageJ", new String[] {
			"org.karl.ops.engine" }, NONE, new String[] { "ij.", "net.imglib2.", "org.scijava.",
				"java.awt." }, null), //
		// NB: picocli is how the CLI door reads its command line; nothing else depends on it.
		new Rule("only cli uses picocli", new String[] { "org.karl" }, new String[] {
			"org.karl.cli" }, new String[] { "picocli." }, null), //
		// NB: Spark is a provided dependency, on no runtime class path but the job's, and the Fiji
		// jar leaves org.karl.spark out: nothing else may need either.
		new Rule("only spark uses Spark", new String[] { "org.karl" }, new String[] {
			"org.karl.spark" }, new String[] { "org.apache.spark." }, null), //
		new Rule("nothing outside spark uses spark", new String[] { "org.karl" }, new String[] {
			"org.karl.spark" }, new String[] { "org.karl.spark." }, null), //
		new Rule("data uses no door, ops, eval or spark", new String[] { "org.karl.data" }, NONE,
			new String[] { "org.karl.cli.", "org.karl.fiji.", "org.karl.ops.", "org.karl.eval.",
				"org.karl.spark." }, null), //
		new Rule("eval uses no door (cli, fiji, spark)", new String[] { "org.karl.eval" }, NONE,
			new String[] { "org.karl.cli.", "org.karl.fiji.", "org.karl.spark." }, null), //
		// NB: both Fiji doors show the same images and tables; that presentation lives with the
		// plug-ins, whose own class loader must load it with them, and the SciJava commands use it.
		new Rule("fiji.ij1 does not use fiji.commands", new String[] { "org.karl.fiji.ij1" }, NONE,
			new String[] { "org.karl.fiji.commands." }, null), //
		new Rule("fiji.commands uses of fiji.ij1 only what both Fiji doors show", new String[] {
			"org.karl.fiji.commands" }, NONE, new String[] { "org.karl.fiji.ij1." }, null, new String[] {
				"org.karl.fiji.ij1.Shown", "org.karl.fiji.ij1.TableResult", "org.karl.fiji.ij1.MapView",
				"org.karl.fiji.ij1.ResultsTables" }), //
		// NB: eval calls ops (verified counts), so ops calling eval would close a cycle.
		new Rule("ops does not use eval", new String[] { "org.karl.ops" }, NONE, new String[] {
			"org.karl.eval." }, null), //
		// NB: one loader with its cache policies for every door; only the engine boundary behind
		// it (ops.engine.tf) loads KarlModel. eval's bench loads its own (Bench says why); spark is
		// held to ops and below by its own rule, which reports KarlModel there.
		new Rule("doors and ops load a model only through ops.Models", new String[] { "org.karl.cli",
			"org.karl.fiji", "org.karl.ops" }, new String[] { "org.karl.ops.engine.tf" },
			new String[] { "org.karl.engine.runtime.KarlModel", "org.karl.engine.runtime.ModelSession" },
			null), //
		// NB: ops computes (maps, rows, notes, the loss curve) and the Fiji doors show it
		// (fiji.ij1: MapView, TableResult, ResultsTables, LossPlot). The one ij.gui type ops names
		// is the area selection it reads (ij.gui.Roi). ops.engine is held to no ImageJ and no AWT
		// by its own rule, which reports those there.
		new Rule("ops draws nothing (no ij.gui but the selection ij.gui.Roi)", new String[] {
			"org.karl.ops" }, new String[] { "org.karl.ops.engine" }, new String[] { "ij.gui." }, null,
			new String[] { "ij.gui.Roi" }), //
		new Rule("ops fills no ImageJ table (ij.measure.ResultsTable)", new String[] {
			"org.karl.ops" }, new String[] { "org.karl.ops.engine" }, new String[] {
				"ij.measure.ResultsTable" }, null), //
		new Rule("ops sets no lookup table (ij.process.LUT)", new String[] { "org.karl.ops" },
			new String[] { "org.karl.ops.engine" }, new String[] { "ij.process.LUT" }, null), //
		new Rule("ops uses no AWT", new String[] { "org.karl.ops" }, new String[] {
			"org.karl.ops.engine" }, new String[] { "java.awt." }, null), //
		// NB: the job takes karl map's command line, so it reads it with the CLI's parser (only cli
		// uses picocli): its one arrow into another door, to that parser only.
		new Rule("spark uses only the JDK, Spark, Keys, ops, the rooms below ops and cli.MapJobOptions",
			new String[] { "org.karl.spark" }, NONE, null, new String[] { "java.", "org.apache.spark.",
				"org.karl.Keys", "org.karl.spark.", "org.karl.ops.", "org.karl.image.", "org.karl.data.",
				"org.karl.engine.api.", "org.karl.cli.MapJobOptions" }), //
		// NB: the doors, ops, eval and spark are allowed here only because "data uses no door, ops,
		// eval or spark" reports them, not twice.
		new Rule("data uses only the JDK, data, image and engine.api", new String[] {
			"org.karl.data" }, NONE, null, new String[] { "java.", "org.karl.data.", "org.karl.image.",
				"org.karl.engine.api.", "org.karl.cli.", "org.karl.fiji.", "org.karl.ops.", "org.karl.eval.",
				"org.karl.spark." }));

	private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;");
	private static final Pattern IMPORT = Pattern.compile(
		"^\\s*import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;");
	// NB: a qualified type name in code, e.g. "ij.IJ.log(...)", which would bypass an import rule.
	private static final Pattern QUALIFIED = Pattern.compile(
		"(?<![\\w.])((?:ij|net\\.imglib2|org\\.scijava|java\\.awt|org\\.apache\\.spark|org\\.karl\\.(?:engine\\.graph|engine\\.runtime|cli|fiji|ops|image|data|eval|spark))" +
			"(?:\\.[a-z_]\\w*)*\\.[A-Z]\\w*)");

	@Test
	public void mainSourcesFollowTheDependencyRules() throws IOException {
		final Path root = Paths.get("src/main/java");
		assertTrue("run from the project folder: no " + root.toAbsolutePath(), Files.isDirectory(
			root));
		final List<String> problems = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (final Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))
				.sorted()::iterator)
			{
				problems.addAll(violations(f.toString(), Files.readAllLines(f)));
				final String dir = root.relativize(f.getParent()).toString().replace('/', '.');
				final String pkg = packageOf(Files.readAllLines(f));
				if (!dir.equals(pkg)) problems.add(f + ": package " + pkg +
					" does not match its folder " + dir + " [package matches folder]");
			}
		}
		assertTrue(problems.size() + " dependency rule violation(s):\n" + String.join("\n",
			problems), problems.isEmpty());
	}

	/** The violations in one source file, as "file:line: reference [rule]". */
	static List<String> violations(final String file, final List<String> lines) {
		final String pkg = packageOf(lines);
		final String name = Paths.get(file).getFileName().toString().replaceFirst("\\.java$", "");
		final String type = pkg.isEmpty() ? name : pkg + "." + name;
		final List<String> out = new ArrayList<>();
		boolean inComment = false;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (inComment) {
				final int end = line.indexOf("*/");
				if (end < 0) continue;
				line = line.substring(end + 2);
				inComment = false;
			}
			line = line.replaceAll("/\\*.*?\\*/", "").replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
				.replaceAll("//.*", "");
			final int open = line.indexOf("/*");
			if (open >= 0) {
				line = line.substring(0, open);
				inComment = true;
			}
			final List<String> refs = new ArrayList<>();
			final Matcher im = IMPORT.matcher(line);
			if (im.find()) refs.add(im.group(1));
			else {
				final Matcher q = QUALIFIED.matcher(line);
				while (q.find())
					refs.add(q.group(1));
			}
			for (final String ref : refs)
				for (final Rule r : RULES)
					if (r.appliesTo(type) && r.forbids(ref)) out.add(file + ":" + (i + 1) + ": " + ref +
						" [" + r.name() + "]");
		}
		return out;
	}

	private static String packageOf(final List<String> lines) {
		for (final String l : lines) {
			final Matcher m = PACKAGE.matcher(l);
			if (m.find()) return m.group(1);
		}
		return "";
	}

	private static boolean within(final String pkg, final String[] packages) {
		for (final String p : packages)
			if (pkg.equals(p) || pkg.startsWith(p + ".")) return true;
		return false;
	}

	private static boolean startsWithAny(final String s, final String[] prefixes) {
		for (final String p : prefixes)
			if (s.startsWith(p)) return true;
		return false;
	}

	// -- The checker itself --

	private static List<String> check(final String pkg, final String... body) {
		final List<String> lines = new ArrayList<>(List.of("package " + pkg + ";", ""));
		lines.addAll(List.of(body));
		return violations("X.java", lines);
	}

	@Test
	public void engineImportingImageJIsReportedWithFileLineAndRule() {
		assertEquals(List.of("X.java:3: ij.ImagePlus [engine uses no ImageJ, ImgLib2, SciJava " +
			"or AWT]"), check("org.karl.engine.train", "import ij.ImagePlus;"));
		assertEquals(1, check("org.karl.engine.graph", "import java.awt.Color;").size());
		assertEquals(1, check("org.karl.engine.runtime", "import net.imglib2.*;").size());
		assertEquals(1, check("org.karl.engine", "import static org.scijava.util.X.y;").size());
		assertEquals(0, check("org.karl.engine.graph", "import org.tensorflow.Graph;").size());
	}

	@Test
	public void engineApiMayImportOnlyTheJdk() {
		assertEquals(0, check("org.karl.engine.api", "import java.util.Objects;").size());
		assertEquals(1, check("org.karl.engine.api", "import org.tensorflow.Tensor;").size());
		assertEquals(1, check("org.karl.engine.api", "import com.google.gson.Gson;").size());
	}

	@Test
	public void imageOutsideImageIjMayNotImportImageJ() {
		assertEquals(1, check("org.karl.image", "import ij.ImagePlus;").size());
		assertEquals(0, check("org.karl.image.ij", "import ij.ImagePlus;").size());
		assertEquals(1, check("org.karl.image", "import org.tensorflow.Tensor;").size());
		assertEquals(0, check("org.karl.image", "import net.imglib2.view.Views;",
			"import org.karl.engine.api.TileSet;").size());
	}

	@Test
	public void cliAndFijiMayNotUseTheGraph() {
		assertEquals(1, check("org.karl.cli", "import org.karl.engine.graph.KarlGraph;").size());
		assertEquals(1, check("org.karl.fiji.ij1", "import org.karl.engine.graph.Layers;").size());
		assertEquals(0, check("org.karl.cli", "import org.karl.engine.api.Tokenizer;").size());
	}

	@Test
	public void sparkStaysInItsRoomAndTheEngineAtTheBottom() {
		assertEquals(1, check("org.karl.ops", "import org.apache.spark.SparkConf;").size());
		assertEquals(0, check("org.karl.spark", "import org.apache.spark.SparkConf;").size());
		assertEquals(1, check("org.karl.cli", "import org.karl.spark.MapJob;").size());
		assertEquals(1, check("org.karl.engine.train", "import org.karl.ops.Models;").size());
		assertEquals(1, check("org.karl.engine.runtime", "  org.karl.image.Tiler.tile(x);").size());
		assertEquals(1, check("org.karl.data", "import org.karl.eval.EvalSet;").size());
		assertEquals(1, check("org.karl.eval", "import org.karl.cli.Main;").size());
		assertEquals(0, check("org.karl.eval", "import org.karl.image.Ssim;").size());
		assertEquals(1, check("org.karl.ops", "import org.karl.eval.Evaluation;").size());
		assertEquals(1, check("org.karl.spark", "import org.karl.engine.runtime.KarlModel;").size());
		assertEquals(1, check("org.karl.spark", "import org.karl.eval.Bench;").size());
		assertEquals(0, check("org.karl.spark", "import static org.karl.Keys.*;",
			"import org.karl.ops.MapBatch;", "import org.karl.image.ij.Normalization;").size());
		assertEquals(1, check("org.karl.data", "import org.karl.engine.runtime.KarlModel;").size());
		assertEquals(0, check("org.karl.data", "import org.karl.image.ij.Planes;").size());
	}

	@Test
	public void aDoorLoadsNoModelButThroughModels() {
		assertEquals(List.of("X.java:3: org.karl.engine.runtime.KarlModel [doors and ops load a " +
			"model only through ops.Models]"), check("org.karl.cli", "import org.karl.engine.runtime.KarlModel;"));
		assertEquals(1, check("org.karl.fiji.ij1", "  org.karl.engine.runtime.ModelSession.load(d);")
			.size());
		assertEquals(1, check("org.karl.ops", "import org.karl.engine.runtime.KarlModel;").size());
		assertEquals(0, check("org.karl.ops.engine.tf", "import org.karl.engine.runtime.KarlModel;")
			.size());
		assertEquals(0, check("org.karl.cli", "import org.karl.ops.Models;").size());
	}

	@Test
	public void opsShowsNothingAndTheFijiDoorsShowItsResults() {
		assertEquals(List.of("X.java:3: ij.gui.Plot [ops draws nothing (no ij.gui but the " +
			"selection ij.gui.Roi)]"), check("org.karl.ops", "import ij.gui.Plot;"));
		assertEquals(1, check("org.karl.ops", "import ij.gui.Overlay;").size());
		assertEquals(1, check("org.karl.ops", "  final ij.gui.ImageRoi r = null;").size());
		assertEquals(1, violations("TrainOp.java", List.of("package org.karl.ops;", "",
			"import ij.gui.Plot;")).size());
		assertEquals("the selection ops reads", 0, check("org.karl.ops", "import ij.gui.Roi;",
			"  final ij.gui.Roi roi = imp.getRoi();").size());
		assertEquals(1, check("org.karl.ops", "import ij.gui.RoiManager;").size());
		assertEquals(List.of("X.java:3: ij.measure.ResultsTable [ops fills no ImageJ table " +
			"(ij.measure.ResultsTable)]"), check("org.karl.ops", "import ij.measure.ResultsTable;"));
		assertEquals(List.of("X.java:3: ij.process.LUT [ops sets no lookup table (ij.process.LUT)]"),
			check("org.karl.ops", "import ij.process.LUT;"));
		assertEquals(List.of("X.java:3: java.awt.Color [ops uses no AWT]"), check("org.karl.ops",
			"import java.awt.Color;"));
		assertEquals(1, check("org.karl.ops", "  final java.awt.Rectangle r = roi.getBounds();")
			.size());
		assertEquals("reported once, by the engine boundary's rule", 1, check("org.karl.ops.engine",
			"import java.awt.Color;").size());
		assertEquals(0, check("org.karl.ops", "import ij.ImagePlus;", "import ij.measure.Calibration;",
			"import ij.process.FloatProcessor;").size());
		assertEquals(0, check("org.karl.fiji.ij1", "import ij.gui.Overlay;", "import ij.process.LUT;",
			"import ij.measure.ResultsTable;", "import java.awt.Color;").size());
		assertEquals(0, check("org.karl.image.ij", "import ij.gui.Overlay;", "import java.awt.Color;")
			.size());
	}

	@Test
	public void theSciJavaCommandsUseOnlyWhatBothFijiDoorsShow() {
		assertEquals(0, check("org.karl.fiji.commands", "import org.karl.fiji.ij1.Shown;",
			"import org.karl.fiji.ij1.TableResult;", "import org.karl.fiji.ij1.MapView;",
			"import org.karl.fiji.ij1.ResultsTables;", "  x = org.karl.fiji.ij1.MapView.TILES;").size());
		assertEquals(List.of("X.java:3: org.karl.fiji.ij1.MacroArgs [fiji.commands uses of fiji.ij1 " +
			"only what both Fiji doors show]"), check("org.karl.fiji.commands",
				"import org.karl.fiji.ij1.MacroArgs;"));
		assertEquals(1, check("org.karl.fiji.commands", "import org.karl.fiji.ij1.ShownLater;").size());
		assertEquals(1, check("org.karl.fiji.ij1", "import org.karl.fiji.commands.Commands;").size());
	}

	@Test
	public void qualifiedNamesInCodeCountButCommentsAndStringsDoNot() {
		assertEquals(1, check("org.karl.engine.train", "  ij.IJ.log(\"x\");").size());
		assertEquals(0, check("org.karl.engine.train", "  // ij.IJ.log is not used here",
			"  String s = \"java.awt.Color\";", "  /* net.imglib2.Img */ int x;", "/**",
			" * {@link ij.ImagePlus}", " */").size());
	}
}
