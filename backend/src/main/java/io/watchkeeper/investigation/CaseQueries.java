package io.watchkeeper.investigation;

import static io.watchkeeper.investigation.CanvassSnapshots.dbl;
import static io.watchkeeper.investigation.CanvassSnapshots.instant;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.watchkeeper.investigation.CaseViews.CaseDetails;
import io.watchkeeper.investigation.CaseViews.CaseListItem;
import io.watchkeeper.investigation.CaseViews.FootageRequestView;

/**
 * Reads cases and footage requests for the API and pages. "Footage contributed" is derived by one rule, here and in
 * the figures: the hand-set override when there is one, else whether a request of the case has outcome USEFUL.
 */
@Repository
class CaseQueries {

	/** The rule for "footage contributed" of the case aliased {@code c}. */
	static final String FOOTAGE_CONTRIBUTED = """
			coalesce(c.footage_override, EXISTS (SELECT 1 FROM footage_request fr
			                                      WHERE fr.case_id = c.id AND fr.outcome = 'USEFUL'))""";

	/** Days before the footage expiry date within which a request is warned about. */
	static final int EXPIRES_SOON_DAYS = 2;

	private final NamedParameterJdbcTemplate jdbc;
	private final CanvassSnapshots snapshots;

	CaseQueries(NamedParameterJdbcTemplate jdbc, CanvassSnapshots snapshots) {
		this.jdbc = jdbc;
		this.snapshots = snapshots;
	}

	private static String precinctName(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? "p.name_zh" : "p.name_en";
	}

	/** The cases the investigator may see, newest first; {@code number}: part of the case number. */
	List<CaseListItem> list(Investigator who, CaseState state, String number, Locale locale, int limit) {
		MapSqlParameterSource p = new MapSqlParameterSource()
			.addValue("all", who.seesAll())
			.addValue("precinct", who.precinctId(), java.sql.Types.BIGINT)
			.addValue("state", state == null ? null : state.name(), java.sql.Types.VARCHAR)
			.addValue("number", number == null || number.isBlank() ? null : "%" + likeEscape(number.strip().toUpperCase(Locale.ROOT)) + "%",
					java.sql.Types.VARCHAR)
			.addValue("limit", limit);
		return jdbc.query("""
				SELECT c.id, c.case_number, c.title, c.crime_type, c.state, c.opened_at, c.opened_by, c.precinct_id,
				       %s AS precinct_name, %s AS footage
				  FROM investigation_case c LEFT JOIN precinct p ON p.id = c.precinct_id
				 WHERE (:all OR c.precinct_id = :precinct)
				   AND (CAST(:state AS varchar) IS NULL OR c.state = :state)
				   AND (CAST(:number AS varchar) IS NULL OR upper(c.case_number) LIKE :number)
				 ORDER BY c.opened_at DESC, c.id DESC LIMIT :limit""".formatted(precinctName(locale), FOOTAGE_CONTRIBUTED), p,
				(rs, n) -> new CaseListItem(rs.getLong("id"), rs.getString("case_number"), rs.getString("title"),
						rs.getString("crime_type"), CaseState.valueOf(rs.getString("state")), instant(rs, "opened_at"),
						rs.getString("opened_by"), rs.getObject("precinct_id") == null ? null : rs.getLong("precinct_id"),
						rs.getString("precinct_name"), rs.getBoolean("footage")));
	}

	private static String likeEscape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	Optional<CaseDetails> details(long id, Locale locale, LocalDate today) {
		List<FootageRequestView> requests = requests(id);
		return jdbc.query("""
				SELECT c.*, ST_X(c.location) AS lon, ST_Y(c.location) AS lat, %s AS precinct_name, %s AS footage
				  FROM investigation_case c LEFT JOIN precinct p ON p.id = c.precinct_id WHERE c.id = :id"""
			.formatted(precinctName(locale), FOOTAGE_CONTRIBUTED), Map.of("id", id),
				(rs, n) -> new CaseDetails(rs.getLong("id"), rs.getString("case_number"), rs.getString("title"),
						rs.getString("crime_type"), instant(rs, "incident_from"), instant(rs, "incident_to"), dbl(rs, "lon"),
						dbl(rs, "lat"), rs.getString("place"),
						rs.getObject("precinct_id") == null ? null : rs.getLong("precinct_id"), rs.getString("precinct_name"),
						rs.getString("opened_by"), instant(rs, "opened_at"), CaseState.valueOf(rs.getString("state")),
						rs.getString("closed_by"), instant(rs, "closed_at"), rs.getBoolean("footage"),
						(Boolean) rs.getObject("footage_override"), rs.getString("footage_override_reason"),
						rs.getLong("version"), snapshots.summaries(id, today), requests))
			.stream().findFirst();
	}

	/** The case's footage requests, oldest first. */
	List<FootageRequestView> requests(long caseId) {
		return jdbc.query(REQUEST_SELECT + " WHERE r.case_id = :caseId ORDER BY r.requested_at, r.id",
				Map.of("caseId", caseId), (rs, n) -> request(rs));
	}

	Optional<FootageRequestView> request(long caseId, long requestId) {
		return jdbc.query(REQUEST_SELECT + " WHERE r.case_id = :caseId AND r.id = :id",
				Map.of("caseId", caseId, "id", requestId), (rs, n) -> request(rs)).stream().findFirst();
	}

	private static final String REQUEST_SELECT = """
			SELECT r.*, cc.asset_tag,
			       NOT r.late AND (r.requested_at AT TIME ZONE 'Asia/Taipei')::date
			           >= r.footage_expires_on - %d AS expires_soon
			  FROM footage_request r JOIN canvass_camera cc ON cc.canvass_id = r.canvass_id AND cc.camera_id = r.camera_id"""
		.formatted(EXPIRES_SOON_DAYS);

	private static FootageRequestView request(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new FootageRequestView(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("canvass_id"),
				rs.getLong("camera_id"), rs.getString("asset_tag"), rs.getString("requested_by"),
				instant(rs, "requested_at"), instant(rs, "window_from"), instant(rs, "window_to"),
				FootagePriority.valueOf(rs.getString("priority")), instant(rs, "due_at"),
				rs.getObject("footage_expires_on", LocalDate.class), rs.getBoolean("late"), rs.getBoolean("expires_soon"),
				rs.getString("state"), rs.getString("not_available_reason"), rs.getString("outcome"), rs.getString("note"),
				rs.getString("answered_by"), instant(rs, "answered_at"), rs.getLong("version"));
	}

	/** The precincts, for the forms: id and name in the reader's language. */
	record PrecinctChoice(long id, String name) {
	}

	List<PrecinctChoice> precincts(Locale locale) {
		return jdbc.query("SELECT p.id, %s AS name FROM precinct p ORDER BY p.code".formatted(precinctName(locale)),
				(rs, n) -> new PrecinctChoice(rs.getLong("id"), rs.getString("name")));
	}

	boolean precinctExists(long id) {
		return !jdbc.queryForList("SELECT 1 FROM precinct WHERE id = :id", Map.of("id", id), Integer.class).isEmpty();
	}
}
