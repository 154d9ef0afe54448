package io.watchkeeper.investigation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.watchkeeper.shared.GeoPoint;

/**
 * Loads and saves cases and footage requests with plain SQL; saves write only if the row still has the version that
 * was loaded (else {@link OptimisticLockingFailureException}, answered 409).
 */
@Repository
class CaseStore {

	private final NamedParameterJdbcTemplate jdbc;

	CaseStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	record NewCase(CaseNumber caseNumber, String title, String crimeType, Instant incidentFrom, Instant incidentTo,
			GeoPoint location, String place, Long precinctId, String openedBy, Instant openedAt) {
	}

	boolean numberTaken(CaseNumber number) {
		return !jdbc.queryForList("SELECT 1 FROM investigation_case WHERE upper(case_number) = upper(:n)",
				Map.of("n", number.value()), Integer.class).isEmpty();
	}

	long insert(NewCase c) {
		return jdbc.queryForObject("""
				INSERT INTO investigation_case (case_number, title, crime_type, incident_from, incident_to, location, place,
				                                precinct_id, opened_by, opened_at)
				VALUES (:number, :title, :crimeType, :from, :to,
				        CASE WHEN CAST(:lon AS float8) IS NULL THEN NULL
				             ELSE ST_SetSRID(ST_MakePoint(CAST(:lon AS float8), CAST(:lat AS float8)), 4326) END,
				        :place, :precinct, :openedBy, :openedAt)
				RETURNING id""", new MapSqlParameterSource()
			.addValue("number", c.caseNumber().value())
			.addValue("title", c.title())
			.addValue("crimeType", c.crimeType())
			.addValue("from", Timestamp.from(c.incidentFrom()))
			.addValue("to", Timestamp.from(c.incidentTo()))
			.addValue("lon", c.location() == null ? null : c.location().longitude(), java.sql.Types.DOUBLE)
			.addValue("lat", c.location() == null ? null : c.location().latitude(), java.sql.Types.DOUBLE)
			.addValue("place", c.place())
			.addValue("precinct", c.precinctId(), java.sql.Types.BIGINT)
			.addValue("openedBy", c.openedBy())
			.addValue("openedAt", Timestamp.from(c.openedAt())), Long.class);
	}

	Optional<InvestigationCase> find(long id) {
		return jdbc.query("SELECT id, case_number, precinct_id, state, version FROM investigation_case WHERE id = :id",
				Map.of("id", id), (rs, n) -> new InvestigationCase(rs.getLong("id"), rs.getString("case_number"),
						rs.getObject("precinct_id") == null ? null : rs.getLong("precinct_id"),
						CaseState.valueOf(rs.getString("state")), rs.getLong("version")))
			.stream().findFirst();
	}

	void saveClosed(InvestigationCase c) {
		int updated = jdbc.update("""
				UPDATE investigation_case
				   SET state = :state, closed_by = :by, closed_at = :at, footage_override = :override,
				       footage_override_reason = :reason, version = version + 1
				 WHERE id = :id AND version = :version""", new MapSqlParameterSource()
			.addValue("state", c.state().name())
			.addValue("by", c.closedBy())
			.addValue("at", Timestamp.from(c.closedAt()))
			.addValue("override", c.footageOverride(), java.sql.Types.BOOLEAN)
			.addValue("reason", c.footageOverrideReason())
			.addValue("id", c.id())
			.addValue("version", c.version()));
		if (updated == 0) {
			throw new OptimisticLockingFailureException("Case " + c.caseNumber() + " changed meanwhile");
		}
	}

	record NewRequest(long caseId, long canvassId, long cameraId, String requestedBy, Instant requestedAt, Instant from,
			Instant to, FootagePriority priority, Instant dueAt, LocalDate footageExpiresOn, boolean late) {
	}

	long insert(NewRequest r) {
		return jdbc.queryForObject("""
				INSERT INTO footage_request (case_id, canvass_id, camera_id, requested_by, requested_at, window_from, window_to,
				                             priority, due_at, footage_expires_on, late)
				VALUES (:caseId, :canvassId, :cameraId, :by, :at, :from, :to, :priority, :due, :expires, :late)
				RETURNING id""", new MapSqlParameterSource()
			.addValue("caseId", r.caseId())
			.addValue("canvassId", r.canvassId())
			.addValue("cameraId", r.cameraId())
			.addValue("by", r.requestedBy())
			.addValue("at", Timestamp.from(r.requestedAt()))
			.addValue("from", Timestamp.from(r.from()))
			.addValue("to", Timestamp.from(r.to()))
			.addValue("priority", r.priority().name())
			.addValue("due", Timestamp.from(r.dueAt()))
			.addValue("expires", r.footageExpiresOn())
			.addValue("late", r.late()), Long.class);
	}

	Optional<FootageRequest> findRequest(long caseId, long requestId) {
		List<FootageRequest> found = jdbc.query("""
				SELECT id, case_id, state, not_available_reason, outcome, note, version
				  FROM footage_request WHERE id = :id AND case_id = :caseId""", Map.of("id", requestId, "caseId", caseId),
				(rs, n) -> new FootageRequest(rs.getLong("id"), rs.getLong("case_id"),
						FootageRequest.State.valueOf(rs.getString("state")),
						rs.getString("not_available_reason") == null ? null
								: FootageRequest.NotAvailableReason.valueOf(rs.getString("not_available_reason")),
						rs.getString("outcome") == null ? null : FootageRequest.Outcome.valueOf(rs.getString("outcome")),
						rs.getString("note"), rs.getLong("version")));
		return found.stream().findFirst();
	}

	void save(FootageRequest r) {
		int updated = jdbc.update("""
				UPDATE footage_request
				   SET state = :state, not_available_reason = :reason, answered_by = coalesce(:answeredBy, answered_by),
				       answered_at = coalesce(CAST(:answeredAt AS timestamptz), answered_at), note = :note,
				       outcome = :outcome, outcome_by = coalesce(:outcomeBy, outcome_by),
				       outcome_at = coalesce(CAST(:outcomeAt AS timestamptz), outcome_at),
				       version = version + 1
				 WHERE id = :id AND version = :version""", new MapSqlParameterSource()
			.addValue("state", r.state().name())
			.addValue("reason", r.reason() == null ? null : r.reason().name())
			.addValue("answeredBy", r.answeredBy())
			.addValue("answeredAt", r.answeredAt() == null ? null : Timestamp.from(r.answeredAt()), java.sql.Types.TIMESTAMP)
			.addValue("note", r.note())
			.addValue("outcome", r.outcome() == null ? null : r.outcome().name())
			.addValue("outcomeBy", r.outcomeBy())
			.addValue("outcomeAt", r.outcomeAt() == null ? null : Timestamp.from(r.outcomeAt()), java.sql.Types.TIMESTAMP)
			.addValue("id", r.id())
			.addValue("version", r.version()));
		if (updated == 0) {
			throw new OptimisticLockingFailureException("Footage request " + r.id() + " changed meanwhile");
		}
	}
}
