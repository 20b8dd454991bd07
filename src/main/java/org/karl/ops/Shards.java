package org.karl.ops;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A map batch split over many processes (SLURM array tasks, Spark tasks) and put back
 * together: shard I of N takes the inputs at positions I-1, I-1+N, I-1+2N... of the expanded
 * input list (round-robin, so shards differ by at most one file and neighbouring files, often
 * alike in size, are spread), and {@link #merge} joins the per-image tables into one.
 * <p>
 * Output names are given over the whole list before it is split ({@link #plan}), so every
 * shard names a file as the unsharded run would, and the merged table equals its tables
 * concatenated.
 */
public final class Shards {

	/** The default name of the merged table, beside the per-image tables. */
	public static final String MERGED = "all" + MapFiles.CSV_SUFFIX;

	private static final Pattern SPEC = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

	/** Shard {@code index} (1-based) of {@code count}. */
	public record Shard(int index, int count) {

		public Shard {
			if (count < 1 || index < 1 || index > count) throw new IllegalArgumentException("shard " +
				index + "/" + count + " does not exist; give I/N with 1 <= I <= N");
		}

		/** The whole list: what a run without {@code --shard} maps. */
		public static final Shard ALL = new Shard(1, 1);

		/** Parses {@code "I/N"}, e.g. {@code "3/16"} or SLURM's {@code "$ID/$COUNT"}. */
		public static Shard parse(final String spec) {
			final Matcher m = SPEC.matcher(spec == null ? "" : spec);
			if (!m.matches()) throw new IllegalArgumentException("shard " + spec +
				" is not I/N; give e.g. 3/16 (shard 3 of 16, counted from 1)");
			return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
		}

		/** True when the item at 0-based {@code position} belongs to this shard. */
		public boolean holds(final int position) {
			return position % count == index - 1;
		}

		@Override
		public String toString() {
			return index + "/" + count;
		}
	}

	private Shards() {}

	/**
	 * The one line for a shard with no inputs ({@code files} inputs in all, fewer than shards):
	 * not an error, since a job array may have more tasks than files, but worth a word.
	 */
	public static String emptyNote(final String shard, final int files) {
		return "shard " + Shard.parse(shard) + " has no inputs (" + files + " input" + (files == 1 ? ""
			: "s") + " over " + Shard.parse(shard).count() + " shards); nothing to map";
	}

	/** The items of {@code shard}, in list order. */
	public static <T> List<T> select(final List<T> items, final Shard shard) {
		final List<T> out = new ArrayList<>();
		for (int k = 0; k < items.size(); k++)
			if (shard.holds(k)) out.add(items.get(k));
		return out;
	}

	/**
	 * The inputs of {@code shard} with their output names ({@link Outputs#names} over all of
	 * {@code files}, so that names do not depend on the split), in input order.
	 */
	public static Map<Path, String> plan(final List<Path> files, final Shard shard) {
		final Map<Path, String> names = Outputs.names(files);
		final Map<Path, String> out = new LinkedHashMap<>();
		for (final Path f : select(files, shard))
			out.put(f, names.get(f));
		return out;
	}

	/**
	 * Writes {@code output} (temp + rename): the header of the first table, then the rows of
	 * every table in the order given, byte for byte. No table gives the header of
	 * {@link ComplexityMapOp#COLUMNS} alone. Each table is read with a CSV parser first
	 * ({@link CsvReader#rows}), so a malformed one is refused, naming file and line, before
	 * anything is written.
	 *
	 * @throws IllegalArgumentException when a table's header differs from the first one's, or a
	 *           table is not valid CSV, has a row of another width or was cut off
	 */
	public static void merge(final List<Path> tables, final Path output) throws IOException {
		final String header = tables.isEmpty() ? String.join(",", ComplexityMapOp.COLUMNS) : header(
			tables.get(0));
		for (final Path t : tables) {
			if (!header(t).equals(header)) throw new IllegalArgumentException("table " + t +
				" has columns " + header(t) + ", not " + header +
				"; merge only the tables of one map run");
			try {
				CsvReader.rows(t, null);
			}
			catch (final CsvReader.Malformed e) {
				throw new IllegalArgumentException("table " + t + " is malformed at line " + e.line() +
					" (" + e.problem() + "); map its image again (karl map --skip_done redoes damaged " +
					"outputs) or move the table out of the folder", e);
			}
		}
		AtomicFiles.writeFile(output, tmp -> {
			try (OutputStream out = Files.newOutputStream(tmp)) {
				out.write((header + "\n").getBytes(StandardCharsets.UTF_8));
				for (final Path t : tables)
					copyRows(t, out);
			}
		});
	}

	/**
	 * Merges the per-image tables ({@code *_tokens.csv}) of {@code folder} into {@code output}
	 * in input order: sorted by their first row's image (the input path as given), as a
	 * folder's files are listed. {@code output} and an earlier {@value #MERGED} are not inputs.
	 *
	 * @return the tables merged
	 */
	public static List<Path> merge(final Path folder, final Path output) throws IOException {
		final List<Path> tables = tables(folder, output);
		if (tables.isEmpty()) throw new IllegalArgumentException("no *" + MapFiles.CSV_SUFFIX +
			" tables in " + folder + "; give the --output folder of karl map");
		merge(tables, output);
		return tables;
	}

	/** The per-image tables of {@code folder} in input order (see {@link #merge(Path, Path)}). */
	public static List<Path> tables(final Path folder, final Path output) throws IOException {
		if (!Files.isDirectory(folder)) throw new IllegalArgumentException("folder " + folder +
			" does not exist; give the --output folder of karl map");
		final Path skip = output == null ? null : output.toAbsolutePath().normalize();
		final List<Path> found = new ArrayList<>();
		try (Stream<Path> s = Files.list(folder)) {
			for (final Path f : (Iterable<Path>) s.sorted()::iterator) {
				final String n = f.getFileName().toString();
				if (!n.endsWith(MapFiles.CSV_SUFFIX) || n.startsWith(".") || n.equals(MERGED) ||
					!Files.isRegularFile(f) || f.toAbsolutePath().normalize().equals(skip)) continue;
				found.add(f);
			}
		}
		final Map<Path, String> image = new LinkedHashMap<>();
		for (final Path f : found)
			image.put(f, firstImage(f));
		// NB: stable sort: tables without rows keep their file-name order, last.
		found.sort(Comparator.comparing((Path f) -> image.get(f) == null).thenComparing(f -> image
			.get(f) == null ? "" : image.get(f)));
		return found;
	}

	/** The first line of {@code table}, without its line end. */
	static String header(final Path table) throws IOException {
		try (BufferedReader r = Files.newBufferedReader(table, StandardCharsets.UTF_8)) {
			final String h = r.readLine();
			if (h == null) throw new IllegalArgumentException("table " + table +
				" is empty; map its image again");
			return h;
		}
	}

	/**
	 * The first field of the first row (the image column), unquoted, or null without rows or when
	 * the table cannot be read that far ({@link #merge} then says what is wrong with it).
	 */
	private static String firstImage(final Path table) throws IOException {
		try (CsvReader r = new CsvReader(table)) {
			if (r.next() == null) return null;
			final List<String> row = r.next();
			return row == null ? null : row.get(0);
		}
		catch (final CsvReader.Malformed e) {
			return null;
		}
	}

	/** Appends everything after the header line of {@code table}, ending with a line break. */
	private static void copyRows(final Path table, final OutputStream out) throws IOException {
		try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(table))) {
			int c;
			while ((c = in.read()) >= 0 && c != '\n') {
				// skip the header
			}
			final byte[] buf = new byte[1 << 16];
			int last = '\n';
			for (int n; (n = in.read(buf)) > 0;) {
				out.write(buf, 0, n);
				last = buf[n - 1];
			}
			if (last != '\n') out.write('\n');
		}
	}
}
