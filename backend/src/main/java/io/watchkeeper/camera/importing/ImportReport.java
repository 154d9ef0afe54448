package io.watchkeeper.camera.importing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the errors and warnings of one run. Every problem is counted and every rejected line is
 * remembered; the first {@code maxListed} problems of each kind are kept for the report, so that a file
 * that is wrong on every row still gets a report of a reasonable size.
 */
final class ImportReport {

	private static final Comparator<ImportIssue> BY_LINE = Comparator.comparingInt(ImportIssue::line)
		.thenComparing(i -> i.field() == null ? "" : i.field());

	private final int maxListed;

	private final List<ImportIssue> errors = new ArrayList<>();

	private final List<ImportIssue> warnings = new ArrayList<>();

	private final BitSet rejectedLines = new BitSet();

	private int errorCount;

	private int warningCount;

	ImportReport(int maxListed) {
		this.maxListed = maxListed;
	}

	void error(ImportIssue issue) {
		errorCount++;
		rejectedLines.set(issue.line());
		if (errors.size() < maxListed) {
			errors.add(issue);
		}
	}

	void warning(ImportIssue issue) {
		warningCount++;
		if (warnings.size() < maxListed) {
			warnings.add(issue);
		}
	}

	boolean hasErrors() {
		return errorCount > 0;
	}

	boolean isRejected(int line) {
		return rejectedLines.get(line);
	}

	int rejectedRows() {
		return rejectedLines.cardinality();
	}

	int errorCount() {
		return errorCount;
	}

	int warningCount() {
		return warningCount;
	}

	List<ImportIssue> errors() {
		List<ImportIssue> sorted = new ArrayList<>(errors);
		sorted.sort(BY_LINE);
		return sorted;
	}

	List<ImportIssue> warnings() {
		List<ImportIssue> sorted = new ArrayList<>(warnings);
		sorted.sort(BY_LINE);
		return sorted;
	}
}
