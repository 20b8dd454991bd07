package org.karl.cli;

import static org.karl.Keys.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.karl.engine.api.Tokenizer;
import org.karl.ops.ComplexityMapOp;
import org.karl.ops.EpsilonSweep;
import org.karl.ops.Inputs;
import org.karl.ops.SweepFiles;
import org.karl.ops.Failures;
import org.karl.ops.MapBatch;
import org.karl.ops.MapFiles;
import org.karl.image.ij.UnreachableFlags;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code karl map}: the headless batch of KARL Complexity Map... with real exit codes. For every
 * image file given (or in a folder given) it writes {@code <name>_map.tif} and
 * {@code <name>_tokens.csv} with {@link ComplexityMapOp}, the map and rows the Fiji command
 * makes. An input that fails is reported and the others are still mapped (exit 1 at the end).
 */
@Command(name = "map", description = "Complexity maps (kept tokens per tile) of image files or " +
	"stacks, as KARL Complexity Map...")
public final class MapCommand extends KarlCommand {

	private final TokenizeCommand.Loader loader;

	public MapCommand() {
		this(TokenizeCommand.Loader.MODELS);
	}

	public MapCommand(final TokenizeCommand.Loader loader) {
		this.loader = loader;
	}

	@Mixin
	RequestOptions request;

	@Mixin
	NormalizeOptions normalize;

	@Mixin
	MapOutputOptions maps;

	@Option(names = "--" + KEY_SWEEP, paramLabel = "E1,E2,...",
		description = "compare epsilons instead of mapping at one: NAME" + SweepFiles.TIF_SUFFIX +
			" (one map per epsilon, slice labels \"ε = 0.05\") and NAME" + SweepFiles.CSV_SUFFIX +
			" (one row per epsilon, columns below); replaces --" + KEY_EPSILON)
	String sweep = DEFAULT_SWEEP;

	@Option(names = "--" + KEY_SHARD, paramLabel = "I/N",
		description = "map only part I of N of the inputs (1-based, round-robin; e.g. a SLURM array " +
			"task), with the output names of the whole run; karl merge joins the tables")
	String shard = "1/1";

	@Option(names = "--" + KEY_SKIP_DONE,
		description = "skip inputs whose map and CSV exist already (a rerun finishes a batch)")
	boolean skipDone;

	@Parameters(paramLabel = "FILE_OR_FOLDER", arity = "1..*", description = {
		"image files, or folders whose image files are all mapped (other files and earlier maps are " +
			"skipped); equal names get distinct outputs" })
	List<Path> files;

	@Override
	String[] footer() {
		return new String[] { "", "CSV columns: " + String.join(", ", ComplexityMapOp.COLUMNS),
			"  + " + String.join(",", ComplexityMapOp.columns(true).subList(ComplexityMapOp.COLUMNS.size(),
				ComplexityMapOp.columns(true).size())) + " with --" + KEY_VERIFY + "; then tiles where " +
				"epsilon is out of reach even at the budget (met 0) are outlined in cyan in the map's " +
				"overlay, named \"" + UnreachableFlags.NAME + "\"", "Sweep CSV columns (--" + KEY_SWEEP +
					"): " + String.join(", ", EpsilonSweep.table(List.of(), true).columns()) + " (" +
					EpsilonSweep.OUT_OF_REACH + " with --" + KEY_VERIFY + "); shares of tiles at the lowest " +
					"count, at the budget, and between (graded)" };
	}

	@Override
	public Integer call() throws Exception {
		final float[] eps = sweep == null || sweep.isBlank() ? null : EpsilonSweep.parse(sweep);
		if (eps != null && skipDone) throw new IllegalArgumentException("--" + KEY_SKIP_DONE +
			" finds the maps of one epsilon, not a sweep's; leave it out with --" + KEY_SWEEP);
		final MapBatch.Plan plan = MapBatch.plan(new MapBatch.Request(files, maps.output, request.model,
			new MapBatch.Settings(request.epsilon(), request.budget, maps.lut, normalize.get(), request.verify),
			shard, null), n -> err().println("karl map: note: " + n));
		if (plan.names().isEmpty()) return Main.EXIT_OK;
		int failed = 0;
		try (Tokenizer tokenizer = loader.load(plan.modelDir())) {
			plan.check(tokenizer); // NB: a bad ε fails once, before any file is read
			if (eps != null) for (final float e : eps) Inputs.budget(tokenizer, e, request.budget);
			for (final Map.Entry<Path, String> in : plan.names().entrySet()) {
				final Path f = in.getKey();
				final MapBatch.Step s = eps != null ? MapBatch.sweepStep(f, f.toString(), maps.output, in
					.getValue(), plan.settings(), eps, () -> tokenizer, Failures.CLI, progress(f.toString()))
					: MapBatch.step(f, f.toString(), maps.output, in.getValue(), plan.settings(), () -> tokenizer,
						skipDone, Failures.CLI, progress(f.toString()));
				if (s.redo() != null) err().println("karl map: note: " + s.redo() + "; mapping " + f +
					" again");
				switch (s.status()) {
					case SKIPPED -> out().println(f + ": done before, skipped");
					case MAPPED -> {
						s.result().notes().forEach(n -> err().println("karl map: note: " + n));
						out().println(f + ": " + s.result().tiles() + " tiles -> " + s.result().map());
						if (!s.result().summary().isEmpty()) out().println(s.result().summary());
					}
					case FAILED -> {
						failed++;
						err().println("karl map: " + f + ": " + s.failure());
					}
				}
			}
		}
		if (failed == 0) return Main.EXIT_OK;
		if (failed < plan.names().size()) err().println("karl map: " + MapBatch.failedLine(failed, plan
			.names().size()));
		return Main.EXIT_FAILURE;
	}

}
