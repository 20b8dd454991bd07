package org.karl;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * Every reference in the code, scripts and documents points into this repository
 * (docs/style.md §2): a section sign names its document on the same line
 * ({@code docs/algorithm.md §4.4}; in a document, a bare one means its own sections) and that
 * document has the section; every {@code .md} or {@code .py} file named exists here; nothing
 * cites an issue number or an unexplained ambiguity of another document. A failure names the
 * file, the line and what is wrong.
 */
public class DocsReferencesTest {

	/** Files and folders checked, relative to the project folder. */
	static final List<String> CHECKED = List.of("src", "scripts", "macros", "docs", "README.md",
		"pom.xml", "plugins.config", "karl", ".ci");

	/**
	 * NB: this test holds examples of bad references for its own checks; the shipped model's card
	 * (models/default/README.md) is not in {@link #CHECKED}: it is written with the model and edited
	 * only with it, and still names a section of a document outside the repository and an issue.
	 */
	static final Set<String> NOT_CHECKED = Set.of("src/test/java/org/karl/DocsReferencesTest.java");

	/** Folders that hold no sources: build output, downloaded data, training runs. */
	private static final Set<String> NOT_SOURCES = Set.of("target", ".git", "data", "runs");

	private static final Pattern TEXT = Pattern.compile(
		".*\\.(java|md|sh|ijm|xml|sbatch|html|txt|config|properties)$|.*/(run|karl)$");
	private static final Pattern SECTION = Pattern.compile("§\\s*(\\d+(?:\\.\\d+)*[a-z]?)");
	private static final Pattern FILE = Pattern.compile(
		"(?<![\\w./-])((?:[\\w.-]+/)*[\\w-]+\\.(?:md|py))(?![\\w])");
	private static final Pattern URL = Pattern.compile("\\b(?:https?://|github\\.com/)\\S+");
	private static final Pattern HEADING = Pattern.compile(
		"^#{1,6}\\s+(\\d+(?:\\.\\d+)*[a-z]?)[.\\s]");
	private static final Pattern BANNED = Pattern.compile(
		"\\[AMBIGUITY|\\b[Ii]ssues? #?\\d+|shared/docs/");

	private final Path root = Paths.get("").toAbsolutePath();
	private final Map<Path, Set<String>> sections = new HashMap<>();
	private Map<String, Path> names;

	@Test
	public void everyReferencePointsIntoTheRepository() throws IOException {
		assertTrue("run from the project folder: no " + root.resolve("docs"), Files.isDirectory(root
			.resolve("docs")));
		final List<String> problems = new ArrayList<>();
		for (final Path f : checkedFiles())
			problems.addAll(problems(f, Files.readAllLines(f)));
		assertTrue(problems.size() + " reference(s) outside the repository:\n" + String.join("\n",
			problems), problems.isEmpty());
	}

	@Test
	public void theAlgorithmHasTheSectionsTheCodeCites() throws IOException {
		final Set<String> s = sectionsOf(root.resolve("docs/algorithm.md"));
		for (final String n : List.of("2", "3.1", "3.9", "3.10", "4.4", "4.8", "5", "6.3", "7", "8.7"))
			assertTrue("docs/algorithm.md §" + n, s.contains(n));
	}

	/** The problems of one file, as "path:line: what". */
	List<String> problems(final Path file, final List<String> lines) throws IOException {
		final List<String> out = new ArrayList<>();
		final String rel = root.relativize(file.toAbsolutePath()).toString().replace('\\', '/');
		final boolean doc = rel.endsWith(".md");
		for (int i = 0; i < lines.size(); i++) {
			final String line = URL.matcher(lines.get(i)).replaceAll("");
			final String at = rel + ":" + (i + 1) + ": ";
			final Matcher b = BANNED.matcher(line);
			while (b.find())
				out.add(at + "'" + b.group() + "': say what it means in words");
			final List<int[]> files = new ArrayList<>();
			final Matcher f = FILE.matcher(line);
			while (f.find()) {
				files.add(new int[] { f.start(), f.end() });
				if (resolve(file, f.group(1)) == null) out.add(at + f.group(1) +
					" is not a file of this repository");
			}
			final Matcher s = SECTION.matcher(line);
			while (s.find()) {
				String target = null;
				for (final int[] r : files)
					if (r[1] <= s.start()) target = line.substring(r[0], r[1]);
				final Path d = target != null ? resolve(file, target) : doc ? file : null;
				if (target == null && !doc) out.add(at + s.group() +
					": name the document, e.g. docs/algorithm.md " + s.group());
				else if (d != null && d.toString().endsWith(".md") && !sectionsOf(d).contains(s.group(1)))
					out.add(at + (target == null ? rel : target) + " has no section " + s.group(1));
			}
		}
		return out;
	}

	/** The numbered headings of a document: "3.4" for "### 3.4 ε bins", "4b" for "## 4b. ...". */
	Set<String> sectionsOf(final Path doc) throws IOException {
		final Path key = doc.toAbsolutePath().normalize();
		if (!sections.containsKey(key)) {
			final Set<String> s = new HashSet<>();
			for (final String l : Files.readAllLines(key)) {
				final Matcher m = HEADING.matcher(l);
				if (m.find()) s.add(m.group(1));
			}
			sections.put(key, s);
		}
		return sections.get(key);
	}

	/**
	 * A named file: relative to the project folder, to docs/ or to the citing file, or else any
	 * file of the repository with that name (e.g. the README.md of a model folder); null if none.
	 */
	Path resolve(final Path from, final String name) throws IOException {
		for (final Path p : List.of(root.resolve(name), root.resolve("docs").resolve(name), from
			.toAbsolutePath().getParent().resolve(name)))
			if (Files.isRegularFile(p)) return p;
		if (names == null) names = allNames();
		return names.get(Paths.get(name).getFileName().toString());
	}

	private Map<String, Path> allNames() throws IOException {
		final Map<String, Path> s = new HashMap<>();
		try (Stream<Path> files = Files.walk(root)) {
			files.filter(p -> !excluded(p) && Files.isRegularFile(p)).sorted().forEach(p -> s
				.putIfAbsent(p.getFileName().toString(), p));
		}
		return s;
	}

	private boolean excluded(final Path p) {
		final Path rel = root.relativize(p.toAbsolutePath());
		return rel.getNameCount() > 0 && NOT_SOURCES.contains(rel.getName(0).toString());
	}

	private List<Path> checkedFiles() throws IOException {
		final List<Path> out = new ArrayList<>();
		for (final String c : CHECKED) {
			final Path p = root.resolve(c);
			if (!Files.exists(p)) continue;
			try (Stream<Path> files = Files.walk(p)) {
				files.filter(Files::isRegularFile).filter(f -> TEXT.matcher(f.toString().replace('\\',
					'/')).matches()).filter(f -> !NOT_CHECKED.contains(root.relativize(f).toString()
						.replace('\\', '/'))).sorted().forEach(out::add);
			}
		}
		return out;
	}

	// -- The checker itself --

	private List<String> check(final String file, final String... lines) throws IOException {
		return problems(root.resolve(file), List.of(lines));
	}

	@Test
	public void aBareSectionInCodeOrAMissingSectionIsReported() throws IOException {
		assertEquals(List.of("src/X.java:1: §3.5: name the document, e.g. docs/algorithm.md §3.5"),
			check("src/X.java", "/** §3.5: encoder */"));
		assertEquals(List.of(), check("src/X.java", "/** docs/algorithm.md §3.5: encoder */"));
		assertEquals(List.of("src/X.java:1: docs/algorithm.md has no section 9.9"), check(
			"src/X.java", " * see docs/algorithm.md §9.9"));
		assertEquals(List.of(), check("docs/algorithm.md", "as in §4.4 and §3.9"));
		assertEquals(1, check("docs/engine.md", "the §3.9 mask").size()); // engine.md's own §3.9
		assertEquals(List.of(), check("docs/engine.md", "table of docs/evaluation.md §4b"));
	}

	@Test
	public void outsideDocumentsAndIssuesAreReported() throws IOException {
		assertEquals(List.of("README.md:1: karl-algorithm.md is not a file of this repository"),
			check("README.md", "see karl-algorithm.md §7.3"));
		assertEquals(1, check("src/X.java", "/** the bins (karl_vqgan.py L57) */").size());
		assertEquals(1, check("src/X.java", "// the fix of [AMBIGUITY 1]").size());
		assertEquals(1, check("src/X.java", "/** Issue 4's bad inputs */").size());
		assertEquals(1, check("docs/x.md", "goals (issues 3 and 7)").size());
		assertEquals(List.of(), check("src/X.java", "// docs/engine.md and README.md, " +
			"https://github.com/x/y/blob/main/notes.md"));
	}
}
