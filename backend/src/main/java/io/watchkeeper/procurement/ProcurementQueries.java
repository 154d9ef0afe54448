package io.watchkeeper.procurement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The procurement pages' SQL: one query per kind of thing on the page (never one per row). Camera counts come
 * from the camera table's funding-source and project indexes.
 */
@Repository
class ProcurementQueries {

	private static final String FUNDING_SOURCES = """
			SELECT f.id, f.code, f.kind, f.name_zh, f.name_en, f.sponsor, f.fiscal_year, f.amount_ntd,
			       funded.cameras
			FROM funding_source f
			CROSS JOIN LATERAL (SELECT count(*) AS cameras FROM camera c WHERE c.funding_source_id = f.id) funded
			ORDER BY f.fiscal_year DESC, f.kind, f.code""";

	private static final String PROJECTS = """
			SELECT p.id, p.code, p.name_zh, p.name_en, p.purpose, p.fiscal_year, p.budget_ntd, p.planned_camera_count,
			       delivered.cameras, v.name_zh AS vendor_zh, v.name_en AS vendor_en,
			       pr.name_zh AS precinct_zh, pr.name_en AS precinct_en,
			       p.budgeted_on, p.tendering_on, p.awarded_on, p.started_on, p.completion_due_on, p.completed_on,
			       p.accepted_on, p.notes
			FROM procurement_project p
			LEFT JOIN vendor v ON v.id = p.vendor_id
			LEFT JOIN precinct pr ON pr.id = p.precinct_id
			CROSS JOIN LATERAL (SELECT count(*) AS cameras FROM camera c WHERE c.project_id = p.id) delivered
			""";

	private static final String PROJECT_FUNDING = """
			SELECT pf.project_id, f.id, f.code, f.kind, f.name_zh, f.name_en, f.fiscal_year, pf.amount_ntd
			FROM project_funding pf
			JOIN funding_source f ON f.id = pf.funding_source_id
			""";

	private static final String CONTRACTS = """
			SELECT mc.id, mc.code, mc.name_zh, mc.name_en, v.name_zh AS vendor_zh, v.name_en AS vendor_en,
			       string_agg(p.name_zh, '、' ORDER BY p.id) AS precincts_zh,
			       string_agg(coalesce(p.name_en, p.name_zh), ', ' ORDER BY p.id) AS precincts_en,
			       mc.starts_on, mc.ends_on, mc.budget_ntd, mc.response_hours, mc.restore_hours
			FROM maintenance_contract mc
			JOIN vendor v ON v.id = mc.vendor_id
			LEFT JOIN maintenance_contract_precinct mcp ON mcp.contract_id = mc.id
			LEFT JOIN precinct p ON p.id = mcp.precinct_id
			GROUP BY mc.id, v.id
			ORDER BY mc.starts_on DESC, min(p.id) NULLS LAST, mc.code""";

	private final JdbcTemplate jdbc;

	ProcurementQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<FundingSource> fundingSources() {
		return jdbc.query(FUNDING_SOURCES, (rs, n) -> new FundingSource(rs.getLong("id"), rs.getString("code"),
				rs.getString("kind"), bilingual(rs, "name_zh", "name_en"), rs.getString("sponsor"),
				rs.getInt("fiscal_year"), money(rs, "amount_ntd"), rs.getLong("cameras")));
	}

	/** All projects, newest fiscal year first, each with its funding sources. */
	List<Project> projects() {
		Map<Long, List<ProjectFunding>> funding = jdbc
			.query(PROJECT_FUNDING + " ORDER BY pf.project_id, pf.amount_ntd DESC, f.code", PROJECT_FUNDING_ROW)
			.stream()
			.collect(Collectors.groupingBy(ProjectFunding::projectId));
		return jdbc.query(PROJECTS + " ORDER BY p.fiscal_year DESC, p.code", PROJECT_ROW).stream()
			.map(p -> p.withFunding(funding.getOrDefault(p.id(), List.of())))
			.toList();
	}

	Optional<Project> project(long id) {
		return jdbc.query(PROJECTS + " WHERE p.id = ?", PROJECT_ROW, id).stream().findFirst()
			.map(p -> p.withFunding(jdbc.query(PROJECT_FUNDING + " WHERE pf.project_id = ? ORDER BY pf.amount_ntd DESC, f.code",
					PROJECT_FUNDING_ROW, id)));
	}

	/** The project's replacement orders: how many delivered and planned, and the first {@link ProjectProgress#LISTED}. */
	ProjectProgress progress(long projectId) {
		Map<String, Object> counts = jdbc.queryForMap("""
				SELECT count(*) FILTER (WHERE state = 'CLOSED' AND resolution = 'REPLACED') AS delivered,
				       count(*) FILTER (WHERE state <> 'CANCELLED') AS planned
				  FROM work_order WHERE project_id = ? AND kind = 'REPLACEMENT'""", projectId);
		List<ProjectProgress.Order> orders = jdbc.query("""
				SELECT w.id, w.camera_id, c.asset_tag, w.state, w.delivered_camera_id, n.asset_tag AS delivered_tag
				  FROM work_order w JOIN camera c ON c.id = w.camera_id
				  LEFT JOIN camera n ON n.id = w.delivered_camera_id
				 WHERE w.project_id = ? AND w.kind = 'REPLACEMENT'
				 ORDER BY w.state = 'CANCELLED', c.asset_tag LIMIT ?""",
				(rs, n) -> new ProjectProgress.Order(rs.getLong("id"), rs.getLong("camera_id"), rs.getString("asset_tag"),
						rs.getString("state"), (Long) rs.getObject("delivered_camera_id"), rs.getString("delivered_tag")),
				projectId, ProjectProgress.LISTED);
		return new ProjectProgress(((Number) counts.get("delivered")).longValue(),
				((Number) counts.get("planned")).longValue(), orders);
	}

	/** Vendors by code, for the upkeep form's choice. */
	List<Map<String, Object>> vendors() {
		return jdbc.queryForList("SELECT code, name_zh, name_en FROM vendor ORDER BY code");
	}

	/** The project's vendor code and warranty years (the upkeep form starts from them). */
	Map<String, Object> terms(long projectId) {
		return jdbc.queryForMap("""
				SELECT v.code AS vendor_code, p.warranty_years FROM procurement_project p
				  LEFT JOIN vendor v ON v.id = p.vendor_id WHERE p.id = ?""", projectId);
	}

	List<MaintenanceContract> contracts() {
		return jdbc.query(CONTRACTS, (rs, n) -> new MaintenanceContract(rs.getLong("id"), rs.getString("code"),
				bilingual(rs, "name_zh", "name_en"), bilingual(rs, "vendor_zh", "vendor_en"),
				bilingual(rs, "precincts_zh", "precincts_en"), date(rs, "starts_on"), date(rs, "ends_on"),
				money(rs, "budget_ntd"), rs.getInt("response_hours"), rs.getInt("restore_hours")));
	}

	private static final RowMapper<ProjectFunding> PROJECT_FUNDING_ROW = (rs, n) -> new ProjectFunding(
			rs.getLong("project_id"), rs.getLong("id"), rs.getString("code"), rs.getString("kind"),
			bilingual(rs, "name_zh", "name_en"), rs.getInt("fiscal_year"), money(rs, "amount_ntd"));

	private static final RowMapper<Project> PROJECT_ROW = (rs, n) -> new Project(rs.getLong("id"), rs.getString("code"),
			bilingual(rs, "name_zh", "name_en"), rs.getString("purpose"), rs.getInt("fiscal_year"),
			money(rs, "budget_ntd"), (Integer) rs.getObject("planned_camera_count"), rs.getLong("cameras"),
			bilingual(rs, "vendor_zh", "vendor_en"), bilingual(rs, "precinct_zh", "precinct_en"),
			date(rs, "budgeted_on"), date(rs, "tendering_on"), date(rs, "awarded_on"), date(rs, "started_on"),
			date(rs, "completion_due_on"), date(rs, "completed_on"), date(rs, "accepted_on"), rs.getString("notes"),
			List.of());

	private static Bilingual bilingual(ResultSet rs, String zh, String en) throws SQLException {
		String z = rs.getString(zh);
		String e = rs.getString(en);
		return z == null && e == null ? null : new Bilingual(z, e);
	}

	private static NtDollars money(ResultSet rs, String column) throws SQLException {
		return new NtDollars(rs.getLong(column));
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}
}
