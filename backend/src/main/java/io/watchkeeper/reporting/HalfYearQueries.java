package io.watchkeeper.reporting;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.watchkeeper.reporting.HalfYearReport.Funding;
import io.watchkeeper.reporting.HalfYearReport.Project;
import io.watchkeeper.reporting.HalfYearReport.Stage;

/**
 * The half-year report's set-based SQL: the projects of items 2 to 5 in one statement (each flagged with the items
 * it belongs to) and their funding in a second, the maintenance contracts of the year in a third, and the records
 * behind the figures (one statement each).
 */
@Repository
class HalfYearQueries {

	/** Funding kinds of item 5: money from state-owned enterprises and local sources. */
	static final List<String> LOCAL_KINDS = List.of("SOE_COMMUNITY_FUND", "DONATION", "OTHER");

	/**
	 * A project is active in [:from, :asOf] when any of its milestones lies in it, or when it was awarded or started
	 * before it and not accepted before its first day.
	 */
	private static final String ACTIVE = """
			(p.budgeted_on BETWEEN :from AND :asOf OR p.tendering_on BETWEEN :from AND :asOf
			 OR p.awarded_on BETWEEN :from AND :asOf OR p.started_on BETWEEN :from AND :asOf
			 OR p.completed_on BETWEEN :from AND :asOf OR p.accepted_on BETWEEN :from AND :asOf
			 OR ((p.awarded_on < :from OR p.started_on < :from) AND (p.accepted_on IS NULL OR p.accepted_on >= :from)))""";

	private static final String FUNDED_BY = "EXISTS (SELECT 1 FROM project_funding pf JOIN funding_source fs ON fs.id = pf.funding_source_id"
			+ " WHERE pf.project_id = p.id AND %s)";

	private static final String REPLACEMENT = "(p.purpose IN ('REPLACEMENT', 'LPR_UPGRADE') AND " + ACTIVE + ")";

	private static final String NEW_INSTALLATION = "(p.purpose = 'NEW_INSTALLATION' AND p.budgeted_on BETWEEN :from AND :asOf AND "
			+ FUNDED_BY.formatted("fs.kind = 'CITY_BUDGET'") + ")";

	private static final String SUBSIDY = "((p.budgeted_on IS NULL OR p.budgeted_on <= :asOf) AND "
			+ FUNDED_BY.formatted("fs.kind = 'CENTRAL_SUBSIDY' AND fs.fiscal_year = :year") + ")";

	private static final String LOCAL = "(" + ACTIVE + " AND " + FUNDED_BY.formatted("fs.kind IN (:localKinds)") + ")";

	/**
	 * A camera counts as decommissioned in [:from, :to] as {@link MaintenanceFigures} counts it: a camera in service
	 * in the period whose decommission day lies in it, for any reason but a replacement.
	 */
	private static final String DECOMMISSIONED = """
			c.status <> 'PLANNED' AND c.install_date <= :to AND c.decommissioned_on BETWEEN :from AND :to
			AND c.decommission_kind IS DISTINCT FROM 'REPLACED'""";

	/** In service with plate recognition at the end of :asOf, as {@link MaintenanceFigures#lprInServiceAt} counts. */
	private static final String LPR_IN_SERVICE = """
			c.lpr <> 'NONE' AND c.status <> 'PLANNED' AND c.install_date <= :asOf
			AND (c.decommissioned_on IS NULL OR c.decommissioned_on > :asOf)""";

	/** Verified orders restored (or, without a restore time, closed) in [:s, :e), as {@link MaintenanceFigures} counts. */
	private static final String RESTORED = """
			w.state = 'CLOSED' AND w.resolution = :resolution
			AND coalesce(w.restored_at, w.closed_at) >= :s AND coalesce(w.restored_at, w.closed_at) < :e""";

	private final NamedParameterJdbcTemplate jdbc;

	HalfYearQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * For the caller's transaction: no JIT. The projects' statement is estimated far above PostgreSQL's JIT threshold
	 * (the per-project camera counts), and compiling it took 1.8 s of a 1.9 s statement on a million cameras (43 ms
	 * without); the report's other statements gain nothing from it either.
	 */
	void withoutJit() {
		jdbc.getJdbcTemplate().execute("SET LOCAL jit = off");
	}

	/** The projects of items 2 to 5 of a period, each once. */
	record ProjectLists(List<Project> replacements, List<Project> newInstallations, List<Project> subsidized,
			List<Project> localFunds, Map<Long, List<FundingPart>> funding) {
	}

	/** A funding part with the source's fiscal year (the report's {@link Funding} has none). */
	record FundingPart(Funding funding, int fiscalYear) {
	}

	ProjectLists projects(HalfYear period, LocalDate asOf) {
		MapSqlParameterSource p = params(period, asOf);
		List<Project> replacements = new ArrayList<>();
		List<Project> newInstallations = new ArrayList<>();
		List<Project> subsidized = new ArrayList<>();
		List<Project> local = new ArrayList<>();
		List<Long> ids = new ArrayList<>();
		// the projects are chosen first: the cameras are counted for them only, not for every project of the city
		// (a year's installation project holds tens of thousands on a million cameras: 0.5-1.1 s before)
		jdbc.query("""
				WITH chosen AS MATERIALIZED (
				    SELECT p.*, %s AS is_replacement, %s AS is_new, %s AS is_subsidy, %s AS is_local
				      FROM procurement_project p
				     WHERE %1$s OR %2$s OR %3$s OR %4$s)
				SELECT p.id, p.code, p.name_zh, p.name_en, p.purpose, p.budget_ntd, p.precinct_id, pr.code AS precinct_code,
				       pr.name_zh AS precinct_zh, pr.name_en AS precinct_en, p.planned_camera_count,
				       coalesce(cams.n, 0) AS registered, coalesce(cams.realtime, 0) AS realtime,
				       dist.name_zh AS district_zh, dist.name_en AS district_en,
				       p.budgeted_on, p.tendering_on, p.awarded_on, p.started_on, p.completion_due_on, p.completed_on, p.accepted_on,
				       p.is_replacement, p.is_new, p.is_subsidy, p.is_local
				  FROM chosen p
				  LEFT JOIN precinct pr ON pr.id = p.precinct_id
				  LEFT JOIN LATERAL (SELECT count(*) AS n, count(*) FILTER (WHERE c.lpr = 'REALTIME_LPR') AS realtime
				                       FROM camera c WHERE c.project_id = p.id) cams ON true
				  LEFT JOIN LATERAL (SELECT d.name_zh, d.name_en FROM camera c JOIN district d ON d.id = c.district_id
				                      WHERE c.project_id = p.id GROUP BY d.id ORDER BY count(*) DESC, d.code LIMIT 1) dist ON true
				 ORDER BY pr.code NULLS FIRST, p.code""".formatted(REPLACEMENT, NEW_INSTALLATION, SUBSIDY, LOCAL), p, rs -> {
			Project project = project(rs, asOf);
			if (rs.getBoolean("is_replacement")) {
				replacements.add(project);
			}
			if (rs.getBoolean("is_new")) {
				newInstallations.add(project);
			}
			if (rs.getBoolean("is_subsidy")) {
				subsidized.add(project);
			}
			if (rs.getBoolean("is_local")) {
				local.add(project);
			}
			ids.add(project.id());
		});
		Map<Long, List<FundingPart>> funding = funding(ids);
		return new ProjectLists(withFunding(replacements, funding), withFunding(newInstallations, funding),
				withFunding(subsidized, funding), withFunding(local, funding), funding);
	}

	private static List<Project> withFunding(List<Project> projects, Map<Long, List<FundingPart>> funding) {
		return projects.stream().map(p -> new Project(p.id(), p.code(), p.nameZh(), p.nameEn(), p.purpose(), p.budgetNtd(),
				p.precinctId(), p.precinctZh(), p.precinctEn(), p.districtZh(), p.districtEn(), p.cameras(), p.realtimeLpr(),
				funding.getOrDefault(p.id(), List.of()).stream().map(FundingPart::funding).toList(), p.stage(), p.budgetedOn(),
				p.tenderingOn(), p.awardedOn(), p.startedOn(), p.completionDueOn(), p.completedOn(), p.acceptedOn())).toList();
	}

	private static Project project(ResultSet rs, LocalDate asOf) throws SQLException {
		LocalDate budgeted = known(rs, "budgeted_on", asOf);
		LocalDate tendering = known(rs, "tendering_on", asOf);
		LocalDate awarded = known(rs, "awarded_on", asOf);
		LocalDate started = known(rs, "started_on", asOf);
		LocalDate completed = known(rs, "completed_on", asOf);
		LocalDate accepted = known(rs, "accepted_on", asOf);
		Stage stage = accepted != null ? Stage.ACCEPTED : completed != null ? Stage.COMPLETED
				: started != null ? Stage.STARTED : awarded != null ? Stage.AWARDED
				: tendering != null ? Stage.TENDERING : budgeted != null ? Stage.BUDGETED : Stage.PLANNED;
		Integer planned = (Integer) rs.getObject("planned_camera_count");
		return new Project(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
				rs.getString("purpose"), rs.getLong("budget_ntd"), (Long) rs.getObject("precinct_id"),
				rs.getString("precinct_zh"), rs.getString("precinct_en"), rs.getString("district_zh"),
				rs.getString("district_en"), planned != null ? planned : rs.getLong("registered"), rs.getLong("realtime"),
				List.of(), stage, budgeted, tendering, awarded, started, rs.getObject("completion_due_on", LocalDate.class),
				completed, accepted);
	}

	/** A milestone as known on {@code asOf}: null when it lies after. */
	private static LocalDate known(ResultSet rs, String column, LocalDate asOf) throws SQLException {
		LocalDate day = rs.getObject(column, LocalDate.class);
		return day == null || day.isAfter(asOf) ? null : day;
	}

	/** The funding parts of {@code projectIds}, largest first. */
	private Map<Long, List<FundingPart>> funding(Collection<Long> projectIds) {
		Map<Long, List<FundingPart>> parts = new HashMap<>();
		if (projectIds.isEmpty()) {
			return parts;
		}
		jdbc.query("""
				SELECT pf.project_id, fs.id, fs.code, fs.kind, fs.name_zh, fs.name_en, fs.sponsor, pf.amount_ntd, fs.fiscal_year
				  FROM project_funding pf JOIN funding_source fs ON fs.id = pf.funding_source_id
				 WHERE pf.project_id IN (:ids)
				 ORDER BY pf.amount_ntd DESC, fs.code""", new MapSqlParameterSource("ids", projectIds),
				rs -> {
					parts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
						.add(new FundingPart(new Funding(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
								rs.getString(6), rs.getString(7), rs.getLong(8)), rs.getInt(9)));
				});
		return parts;
	}

	/** Item 8's contracts: those that start in {@code fiscalYear}. */
	record Contracts(long budgetNtd, long contracts, long precincts, long companies, boolean splitByOutOfWarranty) {
	}

	Contracts contracts(int fiscalYear) {
		return jdbc.queryForObject("""
				WITH mc AS (SELECT * FROM maintenance_contract WHERE extract(year FROM starts_on) = :year),
				     sums AS (SELECT coalesce(sum(budget_ntd), 0) AS budget, count(*) AS contracts,
				                     count(DISTINCT vendor_id) AS companies FROM mc)
				SELECT s.budget, s.contracts, s.companies,
				       (SELECT count(DISTINCT mp.precinct_id) FROM maintenance_contract_precinct mp JOIN mc ON mc.id = mp.contract_id),
				       EXISTS (SELECT 1 FROM maintenance_budget_split b WHERE b.fiscal_year = :year AND b.total_ntd = s.budget)
				  FROM sums s""", new MapSqlParameterSource("year", fiscalYear),
				(rs, n) -> new Contracts(rs.getLong(1), rs.getLong(2), rs.getLong(4), rs.getLong(3), rs.getBoolean(5)));
	}

	// --- the records behind the figures

	/** A page of records and how many there are in all. */
	record Page(long total, List<HalfYearRecords.Row> rows) {
	}

	private static final String CAMERA_ROWS = """
			SELECT c.id, c.asset_tag, pr.name_zh, pr.name_en, %s AS detail, %s AS day
			  FROM camera c LEFT JOIN precinct pr ON pr.id = c.precinct_id
			 WHERE %s ORDER BY c.asset_tag, c.id LIMIT :limit""";

	Page decommissionedCameras(HalfYear period, LocalDate asOf, int limit) {
		return cameras("c.decommission_kind", "c.decommissioned_on", DECOMMISSIONED, params(period, asOf), limit);
	}

	Page lprCameras(LocalDate asOf, int limit) {
		return cameras("c.lpr", "c.install_date", LPR_IN_SERVICE, new MapSqlParameterSource("asOf", Date.valueOf(asOf)), limit);
	}

	/** The cameras that name one of {@code projectIds}, all or only those with real-time plate recognition. */
	Page projectCameras(Collection<Long> projectIds, boolean realtimeOnly, int limit) {
		if (projectIds.isEmpty()) {
			return new Page(0, List.of());
		}
		return cameras("c.lpr", "c.install_date",
				"c.project_id IN (:ids)" + (realtimeOnly ? " AND c.lpr = 'REALTIME_LPR'" : ""),
				new MapSqlParameterSource("ids", projectIds), limit);
	}

	private Page cameras(String detail, String day, String where, MapSqlParameterSource params, int limit) {
		long total = jdbc.queryForObject("SELECT count(*) FROM camera c WHERE " + where, params, Long.class);
		List<HalfYearRecords.Row> rows = jdbc.query(CAMERA_ROWS.formatted(detail, day, where), params.addValue("limit", limit),
				(rs, n) -> {
					long id = rs.getLong("id");
					return new HalfYearRecords.Row("camera", id, rs.getString("asset_tag"), rs.getString("name_zh"),
							rs.getString("name_en"), rs.getString("detail"), rs.getObject("day", LocalDate.class), "/cameras/" + id);
				});
		return new Page(total, rows);
	}

	/** Item 8's contracts of {@code fiscalYear}, by code. */
	Page contracts(int fiscalYear, int limit) {
		MapSqlParameterSource p = new MapSqlParameterSource("year", fiscalYear).addValue("limit", limit);
		long total = jdbc.queryForObject("SELECT count(*) FROM maintenance_contract WHERE extract(year FROM starts_on) = :year",
				p, Long.class);
		List<HalfYearRecords.Row> rows = jdbc.query("""
				SELECT mc.id, mc.code, v.name_zh, v.name_en, mc.budget_ntd, mc.starts_on
				  FROM maintenance_contract mc JOIN vendor v ON v.id = mc.vendor_id
				 WHERE extract(year FROM mc.starts_on) = :year ORDER BY mc.code LIMIT :limit""",
				p, (rs, n) -> {
					return new HalfYearRecords.Row("contract", rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"),
							rs.getString("name_en"), String.valueOf(rs.getLong("budget_ntd")),
							rs.getObject("starts_on", LocalDate.class), null);
				});
		return new Page(total, rows);
	}

	/** Verified orders with {@code resolution} restored from {@code start} until {@code until}. */
	Page restoredOrders(String resolution, Instant start, Instant until, ZoneId zone, int limit) {
		MapSqlParameterSource p = new MapSqlParameterSource("resolution", resolution).addValue("s", Timestamp.from(start))
			.addValue("e", Timestamp.from(until)).addValue("zone", zone.getId());
		long total = jdbc.queryForObject("SELECT count(*) FROM work_order w WHERE " + RESTORED, p, Long.class);
		List<HalfYearRecords.Row> rows = jdbc.query("""
				SELECT w.id, c.asset_tag, pr.name_zh, pr.name_en, w.resolution,
				       (coalesce(w.restored_at, w.closed_at) AT TIME ZONE :zone)::date AS day
				  FROM work_order w JOIN camera c ON c.id = w.camera_id LEFT JOIN precinct pr ON pr.id = c.precinct_id
				 WHERE %s ORDER BY coalesce(w.restored_at, w.closed_at), w.id LIMIT :limit""".formatted(RESTORED),
				p.addValue("limit", limit), (rs, n) -> {
					long id = rs.getLong("id");
					return new HalfYearRecords.Row("work-order", id, rs.getString("asset_tag"), rs.getString("name_zh"),
							rs.getString("name_en"), rs.getString("resolution"), rs.getObject("day", LocalDate.class),
							"/work-orders/" + id);
				});
		return new Page(total, rows);
	}

	record ProjectName(long id, String code, String nameZh, String nameEn) {
	}

	/** The code and names of project {@code id}, if there is one. */
	Optional<ProjectName> project(long id) {
		return jdbc.query("SELECT id, code, name_zh, coalesce(name_en, name_zh) FROM procurement_project WHERE id = :id",
				new MapSqlParameterSource("id", id),
				(rs, n) -> new ProjectName(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).stream().findFirst();
	}

	private static MapSqlParameterSource params(HalfYear period, LocalDate asOf) {
		return new MapSqlParameterSource().addValue("from", Date.valueOf(period.from()))
			.addValue("to", Date.valueOf(period.to())).addValue("asOf", Date.valueOf(asOf))
			.addValue("year", period.year()).addValue("localKinds", LOCAL_KINDS);
	}
}
