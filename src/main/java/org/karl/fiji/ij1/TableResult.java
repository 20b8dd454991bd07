package org.karl.fiji.ij1;

import ij.ImagePlus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.karl.Keys;
import org.karl.ops.Outputs;
import org.karl.ops.Table;
import org.karl.ops.TokenizeOp;
import org.karl.ops.VerifySummary;

/**
 * What a Fiji door (plug-in or SciJava command) shows after an operation ({@link Shown}): a new
 * image (or null), the rows as a {@link Table}, and notes for the Log. {@link #save} is the one
 * rule for the {@code save=} CSV, {@link #show} the one for tables.
 *
 * @param tmax with token id columns ({@link TokenizeOp#ID_COLUMNS}): the ids per tile; else 0
 * @param summary the one-line verification summary ({@link VerifySummary#line}), "" without
 *          verification
 */
public record TableResult(ImagePlus image, Table table, List<String> notes, int tmax,
	String summary)
{

	public TableResult(final ImagePlus image, final Table table, final List<String> notes) {
		this(image, table, notes, 0);
	}

	public TableResult(final ImagePlus image, final Table table, final List<String> notes,
		final int tmax)
	{
		this(image, table, notes, tmax, "");
	}

	/**
	 * Shows the rows in the table {@code title} ({@link ResultsTables#show}). Token ids, when
	 * there are, go to their own table {@value Keys#TOKENS_TABLE}, one column per token; in the
	 * Results table they stay two text columns, as in the CSV. Returns notes for the Log (none or one).
	 */
	public List<String> show(final String title) {
		final String note;
		if (tmax > 0 && ResultsTables.named(title)) {
			note = ResultsTables.show(table.without(TokenizeOp.ID_COLUMNS), title);
			ResultsTables.show(TokenizeOp.tokenTable(table, tmax), Keys.TOKENS_TABLE);
		}
		else note = ResultsTables.show(table, title);
		return note == null ? List.of() : List.of(note);
	}

	/**
	 * Checks {@code save} (blank: none) before any work: not the input image's file, and
	 * writable; returns it as a path, or null.
	 */
	public static Path checkSave(final String save, final ImagePlus input) throws IOException {
		if (save == null || save.isBlank()) return null;
		final Path p = Path.of(save.trim());
		Outputs.refuseInputs(p, java.util.Collections.singletonList(Outputs.fileOf(input)), "save=");
		Outputs.checkWritableFile(p, "save=");
		return p;
	}

	/** Writes the rows to {@code save} when it is not null. */
	public TableResult save(final Path save) throws IOException {
		if (save != null) table.writeCsv(save);
		return this;
	}
}
