package org.karl.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The probe-group table of the report: one row per group (blank, smooth, shapes_k, noise), one
 * column per ε, and a last row saying whether the means rise along the groups (strictly; noise may tie).
 */
final class ProbeTable {

	private ProbeTable() {}

	static void append(final StringBuilder s, final EvalResult r) {
		if (r.epsilons().isEmpty()) return;
		final List<String> cols = new ArrayList<>(List.of("group"));
		for (final EvalResult.AtEpsilon e : r.epsilons()) cols.add("ε " + EvalReport.f(e.epsilon(),
			3));
		s.append(EvalReport.header(cols.toArray(String[]::new)));
		for (final String g : r.epsilons().get(0).probes().keySet()) {
			final List<String> row = new ArrayList<>(List.of(g));
			for (final EvalResult.AtEpsilon e : r.epsilons()) row.add(EvalReport.f(e.probes().get(g),
				2));
			s.append(EvalReport.row(row.toArray(String[]::new)));
		}
		final List<String> last = new ArrayList<>(List.of("ordered"));
		for (final EvalResult.AtEpsilon e : r.epsilons()) last.add(e.probesOrdered() ? "yes" : "no");
		s.append(EvalReport.row(last.toArray(String[]::new)));
	}
}
