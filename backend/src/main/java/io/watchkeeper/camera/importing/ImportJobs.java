package io.watchkeeper.camera.importing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.watchkeeper.camera.importing.ColumnMapping.Column;
import io.watchkeeper.camera.importing.ColumnMapping.Notice;
import io.watchkeeper.camera.importing.ImportJob.Failure;
import io.watchkeeper.camera.importing.ImportJob.Status;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code import_job} table. Calls join the caller's transaction when there is one. */
@Repository
class ImportJobs {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COLUMNS_STALE_AFTER_SECONDS = """
			id, file_name, file_size, format, encoding, delimiter, columns, mapping, notices, estimated_rows,
			content IS NOT NULL AS has_content, created_by, created_at, status, dry_run, phase, run_by, started_at,
			finished_at, heartbeat_at < now() - make_interval(secs => %s) AS stale, rows_read, rows_rejected, rows_written,
			sites_created, sites_reused, unplaced, error_count, warning_count, failure, derivations""";

	private final JdbcTemplate jdbc;

	/** A queued or running job that has not touched its heartbeat for this long was interrupted. */
	private final Duration staleAfter;

	private final String columns;

	ImportJobs(JdbcTemplate jdbc, ImportProperties properties) {
		this.jdbc = jdbc;
		this.staleAfter = properties.interruptedAfter();
		this.columns = COLUMNS_STALE_AFTER_SECONDS.formatted(staleAfter.toMillis() / 1000.0);
	}

	long create(String fileName, long size, SourceFile file, ColumnMapping mapping, List<Notice> notices, byte[] content,
			String createdBy) {
		return create(fileName, size, file, mapping, List.of(), notices, content, createdBy);
	}

	long create(String fileName, long size, SourceFile file, ColumnMapping mapping,
			List<Derivations.Derivation> derivations, List<Notice> notices, byte[] content, String createdBy) {
		return jdbc.queryForObject("""
				INSERT INTO import_job (file_name, file_size, format, encoding, delimiter, columns, mapping, notices,
				                        estimated_rows, content, created_by, status, derivations)
				VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, 'UPLOADED', ?::jsonb)
				RETURNING id""", Long.class, fileName, size, file.format().name(), file.encoding().label(),
				String.valueOf(file.delimiter()), json(file.columns()), json(mapping.toJson()), json(encodeNotices(notices)),
				file.estimatedRecords(), content, createdBy, json(derivations));
	}

	/** The job with its report, or null. */
	ImportJob find(long id, boolean withIssues) {
		String sql = "SELECT " + columns + (withIssues ? ", errors, warnings" : ", NULL AS errors, NULL AS warnings")
				+ " FROM import_job WHERE id = ?";
		List<ImportJob> jobs = jdbc.query(sql, this::map, id);
		return jobs.isEmpty() ? null : jobs.get(0);
	}

	List<ImportJob> recent(int limit) {
		return jdbc.query("SELECT " + columns + ", NULL AS errors, NULL AS warnings FROM import_job ORDER BY created_at DESC, id DESC LIMIT ?",
				this::map, limit);
	}

	byte[] content(long id) {
		List<byte[]> content = jdbc.query("SELECT content FROM import_job WHERE id = ? AND content IS NOT NULL",
				(rs, n) -> rs.getBytes(1), id);
		return content.isEmpty() ? null : content.get(0);
	}

	/**
	 * Marks the job queued for a run, unless it is running (on any node) or was applied already; the
	 * check and the change are one statement, so two clicks cannot start two runs.
	 */
	boolean claim(long id, boolean dryRun, ColumnMapping mapping, String runBy) {
		return claim(id, dryRun, mapping, null, runBy);
	}

	/** As {@link #claim(long, boolean, ColumnMapping, String)}, keeping the derivations run (null: the job's). */
	boolean claim(long id, boolean dryRun, ColumnMapping mapping, List<Derivations.Derivation> derivations, String runBy) {
		return jdbc.update("""
				UPDATE import_job
				   SET status = 'QUEUED', dry_run = ?, mapping = ?::jsonb, derivations = coalesce(?::jsonb, derivations), run_by = ?, phase = NULL, started_at = NULL,
				       finished_at = NULL, heartbeat_at = now(), rows_read = 0, rows_rejected = 0, rows_written = 0,
				       sites_created = 0, sites_reused = 0, unplaced = 0, error_count = 0, warning_count = 0,
				       errors = NULL, warnings = NULL, failure = NULL
				 WHERE id = ?
				   AND (status IN ('UPLOADED', 'VALIDATED', 'REJECTED', 'FAILED', 'INTERRUPTED')
				        OR (status IN ('QUEUED', 'RUNNING') AND heartbeat_at < now() - make_interval(secs => ?)))""",
				dryRun, json(mapping.toJson()), derivations == null ? null : json(derivations), runBy, id, staleAfter.toMillis() / 1000.0) == 1;
	}

	void started(long id) {
		jdbc.update("UPDATE import_job SET status = 'RUNNING', phase = 'READING', started_at = clock_timestamp(), heartbeat_at = clock_timestamp() WHERE id = ?", id);
	}

	void progress(long id, String phase, int rowsRead, int rowsRejected) {
		jdbc.update("""
				UPDATE import_job SET phase = ?, rows_read = ?, rows_rejected = ?, heartbeat_at = now()
				 WHERE id = ? AND status = 'RUNNING'""", phase, rowsRead, rowsRejected, id);
	}

	record Outcome(Status status, int rowsRead, int rowsRejected, int rowsWritten, int sitesCreated, int sitesReused,
			int unplaced, ImportReport report, Failure failure) {
	}

	void finish(long id, Outcome o) {
		jdbc.update("""
				UPDATE import_job
				   SET status = ?, phase = NULL, finished_at = clock_timestamp(), heartbeat_at = clock_timestamp(), rows_read = ?, rows_rejected = ?,
				       rows_written = ?, sites_created = ?, sites_reused = ?, unplaced = ?, error_count = ?, warning_count = ?,
				       errors = ?::jsonb, warnings = ?::jsonb, failure = ?::jsonb,
				       content = CASE WHEN ? THEN NULL ELSE content END
				 WHERE id = ?""", o.status().name(), o.rowsRead(), o.rowsRejected(), o.rowsWritten(), o.sitesCreated(),
				o.sitesReused(), o.unplaced(), o.report() == null ? 0 : o.report().errorCount(),
				o.report() == null ? 0 : o.report().warningCount(),
				o.report() == null ? null : json(encodeIssues(o.report().errors())),
				o.report() == null ? null : json(encodeIssues(o.report().warnings())),
				o.failure() == null ? null : json(new Failure(o.failure().code(), encodeArgs(o.failure().args()))),
				o.status() == Status.APPLIED, id);
	}

	/**
	 * Drops uploads that nobody ran, or whose run ended without applying, for a day: they are the bulk of the table.
	 * A queued or running job keeps its upload (an interrupted run is run again from it), and an interrupted or
	 * failed one keeps it for a day after it ended.
	 */
	int forgetOldUploads(Duration age) {
		return jdbc.update("""
				UPDATE import_job SET content = NULL
				 WHERE content IS NOT NULL AND status NOT IN ('QUEUED', 'RUNNING')
				   AND coalesce(finished_at, created_at) < now() - make_interval(secs => ?)""", age.toSeconds());
	}

	/**
	 * Touches the heartbeat of the given runs that are still queued or running: done by a node for the runs it
	 * holds, from its own thread and connection, so the heartbeat goes on while a run sits in one long statement
	 * or transaction (the write phase).
	 */
	int heartbeat(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		return jdbc.update("""
				UPDATE import_job SET heartbeat_at = now()
				 WHERE id = ANY (?) AND status IN ('QUEUED', 'RUNNING')""",
				ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids.toArray())));
	}

	/**
	 * Marks every queued or running job whose heartbeat is older than the limit INTERRUPTED, by the database's
	 * clock (nodes' clocks may differ). Its single transaction was rolled back with its node, so nothing of it was
	 * written; the upload stays for a run again.
	 */
	int markInterrupted() {
		return jdbc.update("""
				UPDATE import_job
				   SET status = 'INTERRUPTED', finished_at = now(), rows_written = 0, sites_created = 0, sites_reused = 0
				 WHERE status IN ('QUEUED', 'RUNNING') AND heartbeat_at < now() - make_interval(secs => ?)""",
				staleAfter.toMillis() / 1000.0);
	}

	private ImportJob map(ResultSet rs, int n) throws SQLException {
		List<Column> columns = JSON.readValue(rs.getString("columns"), new TypeReference<List<Column>>() {
		});
		Map<String, String> mapping = JSON.readValue(rs.getString("mapping"), new TypeReference<Map<String, String>>() {
		});
		List<Notice> notices = JSON.readValue(rs.getString("notices"), new TypeReference<List<Notice>>() {
		});
		String errors = rs.getString("errors");
		String warnings = rs.getString("warnings");
		String failure = rs.getString("failure");
		Object dryRun = rs.getObject("dry_run");
		return new ImportJob(rs.getLong("id"), rs.getString("file_name"), rs.getLong("file_size"),
				SourceFile.Format.valueOf(rs.getString("format")), rs.getString("encoding"), rs.getString("delimiter").charAt(0),
				columns, mapping, notices, rs.getInt("estimated_rows"), rs.getBoolean("has_content"), rs.getString("created_by"),
				instant(rs.getTimestamp("created_at")), Status.valueOf(rs.getString("status")), (Boolean) dryRun,
				rs.getString("phase"), rs.getString("run_by"), instant(rs.getTimestamp("started_at")),
				instant(rs.getTimestamp("finished_at")), rs.getBoolean("stale"), rs.getInt("rows_read"),
				rs.getInt("rows_rejected"), rs.getInt("rows_written"), rs.getInt("sites_created"), rs.getInt("sites_reused"),
				rs.getInt("unplaced"), rs.getInt("error_count"), rs.getInt("warning_count"), issues(errors), issues(warnings),
				failure == null ? null : JSON.readValue(failure, Failure.class),
				JSON.readValue(rs.getString("derivations"), new TypeReference<List<Derivations.Derivation>>() {
				}));
	}

	private static List<ImportIssue> issues(String json) {
		return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<ImportIssue>>() {
		});
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	/** Fields among message arguments are stored as {@code @field:NAME}, so a reader can show their label. */
	static List<Object> encodeArgs(List<Object> args) {
		List<Object> out = new ArrayList<>(args.size());
		for (Object a : args) {
			out.add(IssueMessages.plain(a));
		}
		return out;
	}

	private static List<ImportIssue> encodeIssues(List<ImportIssue> issues) {
		return issues.stream()
			.map(i -> new ImportIssue(i.line(), i.field(), i.column(), i.value(), i.code(), encodeArgs(i.args())))
			.toList();
	}

	private static List<Notice> encodeNotices(List<Notice> notices) {
		return notices.stream().map(n -> new Notice(n.column(), n.code(), encodeArgs(n.args()))).toList();
	}
}
