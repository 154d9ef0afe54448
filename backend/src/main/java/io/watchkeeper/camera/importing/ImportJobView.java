package io.watchkeeper.camera.importing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** An import job as the API shows it: state, progress, counts and the report with reasons in words. */
@Schema(name = "ImportJob", description = "An uploaded file and the state and report of its latest run")
record ImportJobView(long id, String fileName, long fileSize, String format, String encoding,
		@Schema(description = "UPLOADED, QUEUED, RUNNING, VALIDATED (dry run, nothing wrong), REJECTED (rows rejected, nothing written), APPLIED (everything written), FAILED (nothing written; see failure) or INTERRUPTED (its node stopped; nothing written; it may be run again)") String status,
		Boolean dryRun,
		@Schema(description = "while running: READING, CHECKING or WRITING") String phase,
		@Schema(description = "true when the node running it stopped; the job may be run again") boolean interrupted,
		String createdBy, Instant createdAt, String runBy, Instant startedAt, Instant finishedAt, Long durationMs,
		@Schema(description = "records in the file (estimated from its lines until a run has read it)") int rowsTotal,
		@Schema(description = "records read and checked so far") int rowsValidated, int rowsRejected,
		@Schema(description = "cameras written; 0 unless status is APPLIED") int rowsWritten, int sitesCreated,
		int sitesReused, @Schema(description = "rows without coordinates, kept with their address") int unplaced,
		int errorCount, int warningCount,
		@Schema(description = "what \"line\" means in the issues: a line of the CSV file (header = 1) or a GeoJSON feature number") String lineUnit,
		@Schema(description = "column header -> field") Map<String, String> mapping, List<IssueView> errors,
		List<IssueView> warnings, String failure,
		@Schema(description = "fields derived from columns with patterns: [{column, pattern}]") List<Derivations.Derivation> derivations) {

	@Schema(name = "ImportIssue")
	record IssueView(int line, String field, String column, String value, String code, String reason) {
	}

	static ImportJobView of(ImportJob job, IssueMessages messages, Locale locale) {
		Map<String, String> mapping = new LinkedHashMap<>();
		ColumnMapping m = job.columnMapping();
		for (ColumnMapping.Column c : job.columns()) {
			ImportField f = m.field(c.index());
			mapping.put(c.header(), f == null ? null : f.name());
		}
		int total = job.status().isFinished() && job.failure() == null ? job.rowsRead() : Math.max(job.estimatedRows(), job.rowsRead());
		return new ImportJobView(job.id(), job.fileName(), job.fileSize(), job.format().name(), job.encoding(),
				job.status().name(), job.dryRun(), job.phase(), job.isInterrupted(), job.createdBy(),
				job.createdAt(), job.runBy(), job.startedAt(), job.finishedAt(), job.durationMillis(), total, job.rowsRead(),
				job.rowsRejected(), job.rowsWritten(), job.sitesCreated(), job.sitesReused(), job.unplaced(), job.errorCount(),
				job.warningCount(), job.format() == SourceFile.Format.GEOJSON ? "feature" : "line", mapping,
				issues(job.errors(), messages, locale), issues(job.warnings(), messages, locale),
				job.failure() == null ? null : messages.render(job.failure().code(), job.failure().args(), locale),
				job.derivationList());
	}

	static List<IssueView> issues(List<ImportIssue> issues, IssueMessages messages, Locale locale) {
		return issues.stream()
			.map(i -> new IssueView(i.line(), i.field(), i.column(), i.value(), i.code(), messages.render(i.code(), i.args(), locale)))
			.toList();
	}
}
