package io.watchkeeper.camera.importing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.watchkeeper.camera.importing.ColumnMapping.Column;
import io.watchkeeper.camera.importing.ColumnMapping.Notice;

/** An uploaded file and the state and report of its latest run, as stored in {@code import_job}. */
record ImportJob(long id, String fileName, long fileSize, SourceFile.Format format, String encoding, char delimiter,
		List<Column> columns, Map<String, String> mapping, List<Notice> notices, int estimatedRows, boolean hasContent,
		String createdBy, Instant createdAt, Status status, Boolean dryRun, String phase, String runBy, Instant startedAt,
		Instant finishedAt, boolean stale, int rowsRead, int rowsRejected, int rowsWritten, int sitesCreated, int sitesReused,
		int unplaced, int errorCount, int warningCount, List<ImportIssue> errors, List<ImportIssue> warnings,
		Failure failure, List<Derivations.Derivation> derivations) {

	enum Status {
		/** analysed, waiting for the user to check the mapping and run it */
		UPLOADED,
		QUEUED,
		RUNNING,
		/** a dry run found nothing wrong; nothing was written */
		VALIDATED,
		/** rows were rejected; nothing was written */
		REJECTED,
		/** a real run wrote every row */
		APPLIED,
		/** the run broke off for a reason outside the file (see failure); nothing was written */
		FAILED,
		/** the node running it stopped (no heartbeat); nothing was written, and it can be run again */
		INTERRUPTED;

		public boolean isFinished() {
			return this == VALIDATED || this == REJECTED || this == APPLIED || this == FAILED;
		}
	}

	record Failure(String code, List<Object> args) {
	}

	/** A run that its node left behind: marked by the sweep, or not yet swept but without a heartbeat for too long. */
	public boolean isInterrupted() {
		return status == Status.INTERRUPTED || ((status == Status.QUEUED || status == Status.RUNNING) && stale);
	}

	public boolean isActive() {
		return (status == Status.QUEUED || status == Status.RUNNING) && !stale;
	}

	/** Whether it may be run (again): not while it runs, and never after it was applied. */
	public boolean isRunnable() {
		return hasContent && !isActive() && status != Status.APPLIED;
	}

	public Long durationMillis() {
		return startedAt == null || finishedAt == null ? null : finishedAt.toEpochMilli() - startedAt.toEpochMilli();
	}

	/** The derivations chosen for the job; never null. */
	List<Derivations.Derivation> derivationList() {
		return derivations == null ? List.of() : derivations;
	}

	ColumnMapping columnMapping() {
		return ColumnMapping.fromJson(columns.size(), mapping);
	}
}
