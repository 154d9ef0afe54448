package io.watchkeeper.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.watchkeeper.camera.LprCapability;
import io.watchkeeper.planning.PlanViews.CompareYear;
import io.watchkeeper.planning.PlanViews.Parts;
import io.watchkeeper.planning.PlanViews.PlanCamera;
import io.watchkeeper.planning.PlanViews.PlanSummary;
import io.watchkeeper.planning.PlanViews.PlanView;
import io.watchkeeper.planning.PlanViews.Side;
import io.watchkeeper.planning.PlanViews.YearView;
import tools.jackson.databind.json.JsonMapper;

/** The plan's SQL: the candidates with their score parts, and saved plans (written set-based, read back). */
@Component
class PlanQueries {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final NamedParameterJdbcTemplate jdbc;
	/** Streams candidate rows in batches rather than holding a million in the driver. */
	private final NamedParameterJdbcTemplate streaming;

	PlanQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
		org.springframework.jdbc.core.JdbcTemplate t = new org.springframework.jdbc.core.JdbcTemplate(
				jdbc.getJdbcTemplate().getDataSource());
		t.setFetchSize(20_000);
		this.streaming = new NamedParameterJdbcTemplate(t);
	}

	boolean precinctExists(long id) {
		return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM precinct WHERE id = :id)",
				Map.of("id", id), Boolean.class));
	}

	/**
	 * The cameras a plan may buy: in service (not DECOMMISSIONED or PLANNED), end of life by Dec 31 of the last plan
	 * year, not yet in a project (no non-cancelled REPLACEMENT order with a project), in the precinct when one is
	 * given; with the kept facts of {@code asOf} and the important-site flag.
	 */
	Candidates candidates(PlanInputs in) {
		MapSqlParameterSource p = new MapSqlParameterSource().addValue("asOf", in.asOf())
			.addValue("lastDay", LocalDate.of(in.lastYear(), 12, 31))
			.addValue("precinct", in.precinctId(), java.sql.Types.BIGINT);
		Growing g = new Growing();
		streaming.query("""
				SELECT c.id, c.end_of_life, c.lpr, coalesce(f.downtime_hours, 0) AS downtime_hours,
				       coalesce(f.repair_orders, 0) AS repair_orders, coalesce(f.useful_footage, 0) AS useful_footage,
				       coalesce(f.covered, false) AS covered, i.camera_id IS NOT NULL AS important
				  FROM camera c
				  LEFT JOIN planning_priority_fact f ON f.as_of = :asOf AND f.camera_id = c.id
				  LEFT JOIN planning_important_camera i ON i.camera_id = c.id
				 WHERE c.status NOT IN ('DECOMMISSIONED', 'PLANNED') AND c.end_of_life <= :lastDay
				   AND (CAST(:precinct AS bigint) IS NULL OR c.precinct_id = :precinct)
				   AND NOT EXISTS (SELECT 1 FROM work_order w
				                    WHERE w.camera_id = c.id AND w.kind = 'REPLACEMENT' AND w.state <> 'CANCELLED'
				                      AND w.project_id IS NOT NULL)""", p, rs -> {
			g.add(rs.getLong(1), (int) rs.getDate(2).toLocalDate().toEpochDay(), LprCapability.valueOf(rs.getString(3)),
					rs.getDouble(4), rs.getInt(5), rs.getInt(6), rs.getBoolean(7), rs.getBoolean(8));
		});
		return g.done();
	}

	/** Columns that grow as rows come in. */
	private static final class Growing {
		int n;
		long[] id = new long[1024];
		int[] eol = new int[1024];
		LprCapability[] lpr = new LprCapability[1024];
		double[] down = new double[1024];
		int[] repairs = new int[1024];
		int[] useful = new int[1024];
		boolean[] covered = new boolean[1024];
		boolean[] important = new boolean[1024];

		void add(long cameraId, int endOfLife, LprCapability kind, double downtime, int repairOrders, int footage,
				boolean isCovered, boolean isImportant) {
			if (n == id.length) {
				int c = n * 2;
				id = Arrays.copyOf(id, c);
				eol = Arrays.copyOf(eol, c);
				lpr = Arrays.copyOf(lpr, c);
				down = Arrays.copyOf(down, c);
				repairs = Arrays.copyOf(repairs, c);
				useful = Arrays.copyOf(useful, c);
				covered = Arrays.copyOf(covered, c);
				important = Arrays.copyOf(important, c);
			}
			id[n] = cameraId;
			eol[n] = endOfLife;
			lpr[n] = kind;
			down[n] = downtime;
			repairs[n] = repairOrders;
			useful[n] = footage;
			covered[n] = isCovered;
			important[n] = isImportant;
			n++;
		}

		Candidates done() {
			Candidates c = new Candidates(n);
			System.arraycopy(id, 0, c.cameraId, 0, n);
			System.arraycopy(eol, 0, c.endOfLife, 0, n);
			System.arraycopy(lpr, 0, c.lpr, 0, n);
			System.arraycopy(down, 0, c.downtimeHours, 0, n);
			System.arraycopy(repairs, 0, c.repairOrders, 0, n);
			System.arraycopy(useful, 0, c.usefulFootage, 0, n);
			System.arraycopy(covered, 0, c.covered, 0, n);
			System.arraycopy(important, 0, c.important, 0, n);
			return c;
		}
	}

	// --- saved plans ----------------------------------------------------------------------------------------

	boolean nameTaken(String name) {
		return Boolean.TRUE.equals(jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM replacement_plan WHERE lower(name) = lower(:name))", Map.of("name", name),
				Boolean.class));
	}

	/** Saves the plan, its years and its planned cameras (each set in one statement, from arrays). */
	long save(String name, PlanInputs in, Candidates c, PlanFill.Result r, String by) {
		List<Map<String, Object>> budgets = new ArrayList<>();
		for (int y = 0; y < in.years(); y++) {
			budgets.add(Map.of("fiscalYear", in.firstYear() + y, "budgetNtd", in.budgets()[y]));
		}
		Map<String, Object> inputs = new LinkedHashMap<>();
		inputs.put("budgetPerYear", in.budgetPerYear());
		inputs.put("precinctId", in.precinctId());
		Long id = jdbc.queryForObject("""
				INSERT INTO replacement_plan (name, first_year, years, as_of, budgets, weights, inputs, planned_cameras,
				                              planned_cost, created_by)
				VALUES (:name, :first, :years, :asOf, CAST(:budgets AS jsonb), CAST(:weights AS jsonb),
				        CAST(:inputs AS jsonb), :cameras, :cost, :by) RETURNING id""",
				new MapSqlParameterSource().addValue("name", name).addValue("first", in.firstYear())
					.addValue("years", in.years()).addValue("asOf", in.asOf())
					.addValue("budgets", JSON.writeValueAsString(budgets))
					.addValue("weights", JSON.writeValueAsString(in.weights()))
					.addValue("inputs", JSON.writeValueAsString(inputs)).addValue("cameras", r.plannedCameras())
					.addValue("cost", r.plannedCost()).addValue("by", by),
				Long.class);
		int years = r.years().size();
		Object[][] y = new Object[8][years];
		for (int i = 0; i < years; i++) {
			PlanFill.YearRow row = r.years().get(i);
			y[0][i] = row.fiscalYear();
			y[1][i] = row.budgetNtd();
			y[2][i] = row.cameras();
			y[3][i] = row.costNtd();
			y[4][i] = row.backlogCapped();
			y[5][i] = row.backlogUncapped();
			y[6][i] = row.clearCameras();
			y[7][i] = row.clearCostNtd();
		}
		int planned = r.plannedCameras();
		Object[][] k = new Object[13][planned];
		int at = 0;
		for (int i = 0; i < c.size; i++) {
			int year = r.plannedYear()[i];
			if (year == 0) {
				continue;
			}
			k[0][at] = c.cameraId[i];
			k[1][at] = year;
			k[2][at] = r.rankInYear()[i];
			k[3][at] = BigDecimal.valueOf(c.score(i, in.weights(), year)).setScale(4, RoundingMode.HALF_UP);
			k[4][at] = BigDecimal.valueOf(c.yearsPastEol(i, year)).setScale(3, RoundingMode.HALF_UP);
			k[5][at] = BigDecimal.valueOf(c.downtimeHours[i]).setScale(1, RoundingMode.HALF_UP);
			k[6][at] = c.repairOrders[i];
			k[7][at] = c.lpr[i].name();
			k[8][at] = c.usefulFootage[i];
			k[9][at] = c.covered[i];
			k[10][at] = c.important[i];
			k[11][at] = r.unitPrice()[i];
			at++;
		}
		long planId = id;
		jdbc.getJdbcTemplate().execute((java.sql.Connection con) -> {
			try (var ps = con.prepareStatement("""
					INSERT INTO replacement_plan_year (plan_id, fiscal_year, budget_ntd, cameras, cost_ntd, backlog_capped,
					                                   backlog_uncapped, clear_cameras, clear_cost_ntd)
					SELECT ?, * FROM unnest(?::smallint[], ?::bigint[], ?::integer[], ?::bigint[], ?::integer[],
					                        ?::integer[], ?::integer[], ?::bigint[])""")) {
				ps.setLong(1, planId);
				String[] types = { "smallint", "bigint", "integer", "bigint", "integer", "integer", "integer", "bigint" };
				for (int i = 0; i < 8; i++) {
					ps.setArray(i + 2, array(con, types[i], y[i]));
				}
				ps.executeUpdate();
			}
			try (var ps = con.prepareStatement("""
					INSERT INTO replacement_plan_camera (plan_id, camera_id, fiscal_year, rank, score, years_past_eol,
					       downtime_hours, repair_orders, lpr, useful_footage, covered, important, unit_price_ntd)
					SELECT ?, * FROM unnest(?::bigint[], ?::smallint[], ?::integer[], ?::numeric[], ?::numeric[],
					       ?::numeric[], ?::integer[], ?::varchar[], ?::integer[], ?::boolean[], ?::boolean[], ?::bigint[])""")) {
				ps.setLong(1, planId);
				String[] types = { "bigint", "smallint", "integer", "numeric", "numeric", "numeric", "integer", "varchar",
						"integer", "bool", "bool", "bigint" };
				for (int i = 0; i < 12; i++) {
					ps.setArray(i + 2, array(con, types[i], k[i]));
				}
				ps.executeUpdate();
			}
			return null;
		});
		return planId;
	}

	private static Array array(java.sql.Connection con, String type, Object[] values) throws java.sql.SQLException {
		return con.createArrayOf(type, values);
	}

	List<PlanSummary> list() {
		return jdbc.query("""
				SELECT id, name, as_of, first_year, years, (inputs ->> 'precinctId')::bigint AS precinct_id,
				       planned_cameras, planned_cost, created_by, created_at
				  FROM replacement_plan ORDER BY created_at DESC, id DESC""", Map.of(), (rs, n) -> summary(rs));
	}

	private static PlanSummary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new PlanSummary(rs.getLong("id"), rs.getString("name"), rs.getDate("as_of").toLocalDate(),
				rs.getInt("first_year"), rs.getInt("years"), (Long) rs.getObject("precinct_id", Long.class),
				rs.getInt("planned_cameras"), rs.getLong("planned_cost"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant());
	}

	Optional<PlanSummary> summary(long id) {
		return jdbc.query("""
				SELECT id, name, as_of, first_year, years, (inputs ->> 'precinctId')::bigint AS precinct_id,
				       planned_cameras, planned_cost, created_by, created_at
				  FROM replacement_plan WHERE id = :id""", Map.of("id", id), (rs, n) -> summary(rs)).stream().findFirst();
	}

	Optional<PlanView> plan(long id) {
		return jdbc.query("SELECT *, (inputs ->> 'precinctId')::bigint AS precinct_id, (inputs ->> 'budgetPerYear')::bigint AS per_year FROM replacement_plan WHERE id = :id",
				Map.of("id", id), (rs, n) -> {
					Weights weights = JSON.readValue(rs.getString("weights"), Weights.class);
					return new PlanView(rs.getLong("id"), rs.getString("name"), rs.getDate("as_of").toLocalDate(),
							rs.getInt("first_year"), rs.getInt("years"), (Long) rs.getObject("per_year", Long.class),
							(Long) rs.getObject("precinct_id", Long.class), weights, years(id),
							rs.getInt("planned_cameras"), rs.getLong("planned_cost"), 0, rs.getString("created_by"),
							rs.getTimestamp("created_at").toInstant(), null);
				}).stream().findFirst();
	}

	private List<YearView> years(long id) {
		return jdbc.query("""
				SELECT * FROM replacement_plan_year WHERE plan_id = :id ORDER BY fiscal_year""", Map.of("id", id),
				(rs, n) -> new YearView(rs.getInt("fiscal_year"), PlanViews.rocYear(rs.getInt("fiscal_year")),
						rs.getLong("budget_ntd"), rs.getInt("cameras"), rs.getLong("cost_ntd"), rs.getInt("backlog_capped"),
						rs.getInt("backlog_uncapped"), rs.getInt("clear_cameras"), rs.getLong("clear_cost_ntd")));
	}

	List<PlanCamera> cameras(long planId, int fiscalYear, Long precinctId, int limit, int offset, Locale locale) {
		boolean zh = locale != null && "zh".equals(locale.getLanguage());
		return jdbc.query("""
				SELECT pc.*, c.asset_tag, c.precinct_id, c.end_of_life, p.name_zh, p.name_en
				  FROM replacement_plan_camera pc
				  JOIN camera c ON c.id = pc.camera_id
				  LEFT JOIN precinct p ON p.id = c.precinct_id
				 WHERE pc.plan_id = :plan AND pc.fiscal_year = :year
				   AND (CAST(:precinct AS bigint) IS NULL OR c.precinct_id = :precinct)
				 ORDER BY pc.rank LIMIT :limit OFFSET :offset""",
				new MapSqlParameterSource().addValue("plan", planId).addValue("year", fiscalYear)
					.addValue("precinct", precinctId, java.sql.Types.BIGINT).addValue("limit", limit)
					.addValue("offset", offset),
				(rs, n) -> new PlanCamera(rs.getLong("camera_id"), rs.getString("asset_tag"),
						(Long) rs.getObject("precinct_id", Long.class), rs.getString(zh ? "name_zh" : "name_en"),
						rs.getString("lpr"), rs.getObject("end_of_life", LocalDate.class), rs.getInt("rank"),
						rs.getBigDecimal("score"),
						new Parts(rs.getBigDecimal("years_past_eol"), rs.getBigDecimal("downtime_hours"),
								rs.getInt("repair_orders"), rs.getString("lpr"), rs.getInt("useful_footage"),
								rs.getBoolean("covered"), rs.getBoolean("important")),
						rs.getLong("unit_price_ntd")));
	}

	/** Per fiscal year of either plan: both sides and the cameras one plan's year has that the other's has not. */
	List<CompareYear> compare(long a, long b) {
		return jdbc.query("""
				WITH fy AS (SELECT fiscal_year FROM replacement_plan_year WHERE plan_id IN (:a, :b) GROUP BY fiscal_year)
				SELECT fy.fiscal_year, ya.budget_ntd AS a_budget, ya.cameras AS a_cameras, ya.cost_ntd AS a_cost,
				       ya.backlog_capped AS a_capped, ya.backlog_uncapped AS a_uncapped,
				       yb.budget_ntd AS b_budget, yb.cameras AS b_cameras, yb.cost_ntd AS b_cost,
				       yb.backlog_capped AS b_capped, yb.backlog_uncapped AS b_uncapped,
				       (SELECT count(*) FROM replacement_plan_camera x WHERE x.plan_id = :a AND x.fiscal_year = fy.fiscal_year
				           AND NOT EXISTS (SELECT 1 FROM replacement_plan_camera y WHERE y.plan_id = :b
				                            AND y.fiscal_year = fy.fiscal_year AND y.camera_id = x.camera_id)) AS only_a,
				       (SELECT count(*) FROM replacement_plan_camera y WHERE y.plan_id = :b AND y.fiscal_year = fy.fiscal_year
				           AND NOT EXISTS (SELECT 1 FROM replacement_plan_camera x WHERE x.plan_id = :a
				                            AND x.fiscal_year = fy.fiscal_year AND x.camera_id = y.camera_id)) AS only_b
				  FROM fy
				  LEFT JOIN replacement_plan_year ya ON ya.plan_id = :a AND ya.fiscal_year = fy.fiscal_year
				  LEFT JOIN replacement_plan_year yb ON yb.plan_id = :b AND yb.fiscal_year = fy.fiscal_year
				 ORDER BY fy.fiscal_year""", Map.of("a", a, "b", b), (rs, n) -> {
			Side sa = rs.getObject("a_budget") == null ? null : new Side(rs.getLong("a_budget"), rs.getInt("a_cameras"),
					rs.getLong("a_cost"), rs.getInt("a_capped"), rs.getInt("a_uncapped"));
			Side sb = rs.getObject("b_budget") == null ? null : new Side(rs.getLong("b_budget"), rs.getInt("b_cameras"),
					rs.getLong("b_cost"), rs.getInt("b_capped"), rs.getInt("b_uncapped"));
			int fy = rs.getInt("fiscal_year");
			return new CompareYear(fy, PlanViews.rocYear(fy), sa, sb, rs.getInt("only_a"), rs.getInt("only_b"));
		});
	}

	Weights weights(long id) {
		String json = jdbc.queryForObject("SELECT weights::text FROM replacement_plan WHERE id = :id", Map.of("id", id),
				String.class);
		return JSON.readValue(json, Weights.class);
	}

	boolean madeIntoProject(long id) {
		return Boolean.TRUE.equals(jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM procurement_project WHERE plan_id = :id)", Map.of("id", id), Boolean.class));
	}

	int delete(long id) {
		return jdbc.update("DELETE FROM replacement_plan WHERE id = :id", Map.of("id", id));
	}

	static Date day(LocalDate d) {
		return Date.valueOf(d);
	}
}
