package io.watchkeeper.camera;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.watchkeeper.maintenance.CameraScope;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.watchkeeper.procurement.ProjectSchedule;

/**
 * The registry's read side in SQL: the filtered, sorted, paged camera list, one camera with the names of
 * everything it refers to, its site neighbours, its audit trail, the reference lists and the exports.
 * Every value reaches the database as a bound parameter; only whitelisted columns reach ORDER BY.
 */
@Repository
class CameraQueries {

	/** The columns of one camera with the names of its references, as the camera page and the exports need. */
	private static final String VIEW_SELECT = """
			SELECT c.id, c.asset_tag, c.site_id, s.code AS site_code, c.site_index, s.address AS site_address,
			       ST_X(c.location) AS lon, ST_Y(c.location) AS lat, c.address,
			       p.id AS p_id, p.code AS p_code, p.name_zh AS p_zh, p.name_en AS p_en,
			       d.id AS d_id, d.code AS d_code, d.name_zh AS d_zh, d.name_en AS d_en,
			       c.area_overridden, c.heading_deg, c.fov_deg, c.range_m, c.install_date, c.service_life_years,
			       c.end_of_life, c.warranty_end, c.lpr, c.make, c.model, c.status,
			       f.id AS f_id, f.code AS f_code, f.name_zh AS f_zh, f.name_en AS f_en, f.kind AS f_kind, f.fiscal_year AS f_year,
			       pr.id AS pr_id, pr.code AS pr_code, pr.name_zh AS pr_zh, pr.name_en AS pr_en, pr.purpose AS pr_kind, pr.fiscal_year AS pr_year,
			       mc.id AS mc_id, mc.code AS mc_code, mc.name_zh AS mc_zh, mc.name_en AS mc_en,
			       omc.id AS omc_id, omc.code AS omc_code, omc.name_zh AS omc_zh, omc.name_en AS omc_en,
			       v.id AS v_id, v.code AS v_code, v.name_zh AS v_zh, v.name_en AS v_en,
			       c.decommissioned_on, c.decommission_reason, c.notes, c.retention_days, c.created_at, c.updated_at, c.version,
			       %s AS state,
			       st.id AS st_id, st.code AS st_code, st.name_zh AS st_zh, st.name_en AS st_en
			""".formatted(CameraState.SQL);

	private static final String VIEW_JOINS = """
			  LEFT JOIN site s ON s.id = c.site_id
			  LEFT JOIN precinct p ON p.id = c.precinct_id
			  LEFT JOIN district d ON d.id = c.district_id
			  LEFT JOIN funding_source f ON f.id = c.funding_source_id
			  LEFT JOIN procurement_project pr ON pr.id = c.project_id
			  LEFT JOIN maintenance_contract mc ON mc.id = camera_contract_on(c.contract_id, c.precinct_id, CAST(:today AS date))
			  LEFT JOIN maintenance_contract omc ON omc.id = c.contract_id
			  LEFT JOIN vendor v ON v.id = c.supplier_vendor_id
			  LEFT JOIN station st ON st.id = c.station_id
			""";

	/** What could be part of an asset tag or a site code (see {@link AssetTag#ALLOWED}). */
	private static final java.util.regex.Pattern TAG_LIKE = java.util.regex.Pattern.compile("[A-Za-z0-9._/-]+");

	/** The order in which a camera's fields are listed in its audit trail (as on the camera page). */
	static final List<String> AUDIT_FIELD_ORDER = List.of("assetTag", "siteCode", "siteIndex", "status", "longitude",
			"latitude", "address", "precinctId", "districtId", "stationId", "areaOverridden", "heading", "fovDeg", "rangeM",
			"installDate", "serviceLifeYears", "warrantyEnd", "lpr", "make", "model", "fundingSourceId", "projectId",
			"contractId", "supplierVendorId", "decommissionedOn", "decommissionReason", "notes", "retentionDays");

	private final NamedParameterJdbcTemplate jdbc;

	/** Reads exports through a cursor, a thousand rows at a time, instead of holding them all in memory. */
	private final NamedParameterJdbcTemplate streaming;

	private final JsonMapper json = JsonMapper.builder().build();

	CameraQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
		JdbcTemplate cursor = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
		cursor.setFetchSize(1000);
		this.streaming = new NamedParameterJdbcTemplate(cursor);
	}

	/**
	 * Planner settings for the list, for this transaction only.
	 * <ul>
	 * <li>Reading rows through an index costs little more than reading them in sequence: the fleet fits in
	 * memory (or on SSD). With the default (4.0, spinning disks) the planner would rather sort a whole
	 * precinct than walk the precinct + asset tag index in order.</li>
	 * <li>Always plan for the actual values. The JDBC driver turns a statement it sees often into a prepared
	 * one, and PostgreSQL may then reuse a generic plan that cannot know how selective {@code ILIKE '%中山%'}
	 * is; measured, that made some searches five times slower than the same SQL typed into psql.</li>
	 * </ul>
	 */
	void tunePlannerForList() {
		jdbc.getJdbcTemplate().execute("SET LOCAL random_page_cost = 1.1; SET LOCAL plan_cache_mode = force_custom_plan");
	}

	/**
	 * The ids of the cameras that match, in no particular order, at most {@code limit} of them. When a
	 * filter matches few cameras this is the cheap way to both count them and page through them.
	 */
	List<Long> matchingIds(CameraFilter filter, CameraScope scope, LocalDate today, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
		return jdbc.queryForList("SELECT c.id FROM camera c WHERE " + where(filter, scope, today, params) + " LIMIT :limit",
				params, Long.class);
	}

	/** The planner's estimate of how many cameras match (EXPLAIN only: no rows are read). */
	long estimateCount(CameraFilter filter, CameraScope scope, LocalDate today) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String plan = jdbc.queryForObject("EXPLAIN (FORMAT JSON) SELECT 1 FROM camera c WHERE " + where(filter, scope, today, params),
				params, String.class);
		tools.jackson.databind.JsonNode rows = json.readTree(plan).path(0).path("Plan").path("Plan Rows");
		return rows.isNumber() ? Math.round(rows.asDouble()) : 0;
	}

	/**
	 * The exact number of matching cameras, or empty when counting takes longer than {@code timeout}. The
	 * count runs under a savepoint with a local statement timeout; rolling back to the savepoint undoes both
	 * the timeout setting and the cancelled statement, so the caller's transaction carries on.
	 */
	java.util.OptionalLong countWithin(CameraFilter filter, CameraScope scope, LocalDate today, java.time.Duration timeout) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return countWithin("SELECT count(*) FROM camera c WHERE " + where(filter, scope, today, params), params, timeout);
	}

	/** Runs a count under a savepoint and a local statement timeout (inside the caller's transaction). */
	java.util.OptionalLong countWithin(String sql, MapSqlParameterSource params, java.time.Duration timeout) {
		return jdbc.getJdbcTemplate().execute((org.springframework.jdbc.core.ConnectionCallback<java.util.OptionalLong>) con -> {
			java.sql.Savepoint savepoint = con.setSavepoint();
			try {
				try (java.sql.Statement st = con.createStatement()) {
					st.execute("SET LOCAL statement_timeout = " + Math.max(1, timeout.toMillis()));
				}
				Long n = jdbc.queryForObject(sql, params, Long.class);
				return java.util.OptionalLong.of(n == null ? 0 : n);
			}
			catch (org.springframework.dao.DataAccessException e) {
				if (e.getMostSpecificCause() instanceof SQLException sqlError && "57014".equals(sqlError.getSQLState())) {
					return java.util.OptionalLong.empty(); // query_canceled: took longer than the timeout
				}
				throw e;
			}
			finally {
				con.rollback(savepoint);
			}
		});
	}

	/**
	 * One page of cameras: {@code limit} rows from {@code offset}, in the given order. The page is chosen on
	 * the camera table alone; names are joined for those rows only.
	 */
	List<CameraListItem> list(CameraFilter filter, CameraScope scope, LocalDate today, CameraSort sort, boolean descending,
			long offset, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return page(where(filter, scope, today, params), params, today, sort, descending, offset, limit);
	}

	/** One page of the given cameras (ids from {@link #matchingIds}, so already within the scope), in the given order. */
	List<CameraListItem> listAmong(List<Long> ids, LocalDate today, CameraSort sort, boolean descending, long offset, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource("ids", ids.toArray(Long[]::new));
		return page("c.id = ANY (:ids)", params, today, sort, descending, offset, limit);
	}

	private List<CameraListItem> page(String where, MapSqlParameterSource params, LocalDate today, CameraSort sort,
			boolean descending, long offset, int limit) {
		String order = sort.orderBy(descending);
		params.addValue("limit", limit).addValue("offset", offset).addValue("today", Date.valueOf(today));
		String sql = """
				SELECT c.id, c.asset_tag, s.code AS site_code, c.address, c.status, c.lpr, c.install_date, c.end_of_life,
				       c.placed, p.id AS p_id, p.code AS p_code, p.name_zh AS p_zh, p.name_en AS p_en,
				       d.id AS d_id, d.code AS d_code, d.name_zh AS d_zh, d.name_en AS d_en, %s AS state,
				       st.id AS st_id, st.code AS st_code, st.name_zh AS st_zh, st.name_en AS st_en
				  FROM (SELECT c.id, c.asset_tag, c.site_id, c.address, c.status, c.lpr, c.install_date, c.end_of_life,
				               c.updated_at, c.location IS NOT NULL AS placed, c.precinct_id, c.district_id, c.station_id
				          FROM camera c
				         WHERE %s
				         ORDER BY %s
				         LIMIT :limit OFFSET :offset) c
				  LEFT JOIN site s ON s.id = c.site_id
				  LEFT JOIN precinct p ON p.id = c.precinct_id
				  LEFT JOIN district d ON d.id = c.district_id
				  LEFT JOIN station st ON st.id = c.station_id
				 ORDER BY %s""".formatted(CameraState.SQL, where, order, order);
		return jdbc.query(sql, params, (rs, n) -> new CameraListItem(rs.getLong("id"), rs.getString("asset_tag"),
				rs.getString("site_code"), rs.getString("address"), ref(rs, "p"), ref(rs, "d"),
				CameraStatus.valueOf(rs.getString("status")), CameraState.valueOf(rs.getString("state")),
				LprCapability.valueOf(rs.getString("lpr")), date(rs, "install_date"), date(rs, "end_of_life"),
				rs.getBoolean("placed"), ref(rs, "st")));
	}

	/** Streams every matching camera, in order, to the consumer (for exports); at most {@code maxRows}. */
	void forEach(CameraFilter filter, CameraScope scope, LocalDate today, CameraSort sort, boolean descending,
			long maxRows, Consumer<CameraView> consumer) {
		MapSqlParameterSource params = new MapSqlParameterSource("max", maxRows).addValue("today", Date.valueOf(today));
		String sql = VIEW_SELECT + " FROM camera c " + VIEW_JOINS + " WHERE " + where(filter, scope, today, params)
				+ " ORDER BY " + sort.orderBy(descending) + " LIMIT :max";
		streaming.query(sql, params, (RowCallbackHandler) rs -> consumer.accept(view(rs)));
	}

	/** The camera, when it exists and lies within the scope: a camera outside it is as good as none. */
	Optional<CameraView> findView(long id, CameraScope scope, LocalDate today) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id).addValue("today", Date.valueOf(today));
		return jdbc.query(VIEW_SELECT + " FROM camera c " + VIEW_JOINS + " WHERE c.id = :id AND " + scope.where(today, params),
				params, (rs, n) -> view(rs)).stream().findFirst().map(this::withLineage);
	}

	/** The camera's serial, kind of decommission, and the cameras it replaced and that replaced it (by their tags). */
	private CameraView withLineage(CameraView view) {
		return jdbc.query("""
				SELECT c.serial_number, c.decommission_kind, o.id AS o_id, o.asset_tag AS o_tag, n.id AS n_id, n.asset_tag AS n_tag
				  FROM camera c
				  LEFT JOIN camera o ON o.id = c.replaces_camera_id
				  LEFT JOIN camera n ON n.replaces_camera_id = c.id
				 WHERE c.id = :id""", Map.of("id", view.id()),
				(rs, n) -> view.withLineage(rs.getString("serial_number"), (Long) rs.getObject("o_id"),
						rs.getString("o_tag"), (Long) rs.getObject("n_id"), rs.getString("n_tag"),
						rs.getString("decommission_kind")))
			.stream().findFirst().orElse(view);
	}

	Optional<Long> findIdByAssetTag(String assetTag, CameraScope scope, LocalDate today) {
		MapSqlParameterSource params = new MapSqlParameterSource("tag", assetTag);
		return jdbc.queryForList("SELECT c.id FROM camera c WHERE c.asset_tag = :tag AND " + scope.where(today, params),
				params, Long.class).stream().findFirst();
	}

	/** The other cameras on the same site within the scope, by index. */
	List<CameraListItem> neighbours(long cameraId, CameraScope scope, LocalDate today) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", cameraId).addValue("today", Date.valueOf(today));
		String inScope = scope.where(today, params);
		return jdbc.query("""
				SELECT c.id, c.asset_tag, s.code AS site_code, c.address, c.status, c.lpr, c.install_date, c.end_of_life,
				       c.location IS NOT NULL AS placed, p.id AS p_id, p.code AS p_code, p.name_zh AS p_zh, p.name_en AS p_en,
				       d.id AS d_id, d.code AS d_code, d.name_zh AS d_zh, d.name_en AS d_en, %s AS state
				  FROM camera o
				  JOIN camera c ON c.site_id = o.site_id AND c.id <> o.id
				  JOIN site s ON s.id = c.site_id
				  LEFT JOIN precinct p ON p.id = c.precinct_id
				  LEFT JOIN district d ON d.id = c.district_id
				 WHERE o.id = :id AND %s
				 ORDER BY c.site_index NULLS LAST, c.asset_tag""".formatted(CameraState.SQL, inScope), params,
				(rs, n) -> new CameraListItem(rs.getLong("id"), rs.getString("asset_tag"), rs.getString("site_code"),
						rs.getString("address"), ref(rs, "p"), ref(rs, "d"), CameraStatus.valueOf(rs.getString("status")),
						CameraState.valueOf(rs.getString("state")), LprCapability.valueOf(rs.getString("lpr")), date(rs, "install_date"), date(rs, "end_of_life"),
						rs.getBoolean("placed")));
	}

	/**
	 * The camera's audit events, newest first. A camera that an import created shows that import's event
	 * ({@code import.applied}) as its {@code camera.imported} line: imports are audited once, not per camera.
	 */
	List<AuditEntry> auditTrail(long cameraId, int limit) {
		return jdbc.query("""
				(SELECT occurred_at, id, actor, action, details::text AS details, remote_addr
				   FROM audit_event
				  WHERE object_type = 'camera' AND object_id = :id)
				UNION ALL
				(SELECT e.occurred_at, e.id, e.actor, 'camera.imported',
				        jsonb_build_object('importId', c.import_id, 'fileName', e.details->>'fileName')::text, e.remote_addr
				   FROM camera c JOIN audit_event e ON e.object_type = 'import' AND e.object_id = c.import_id::text
				                                   AND e.action = 'import.applied'
				  WHERE c.id = :cameraId)
				 ORDER BY occurred_at DESC, id DESC
				 LIMIT :limit""", Map.of("id", String.valueOf(cameraId), "cameraId", cameraId, "limit", limit),
				(rs, n) -> new AuditEntry(rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
						rs.getString("action"), details(rs.getString("details")), rs.getString("remote_addr")));
	}

	/** Every police station with its precinct, in precinct code then name order. */
	List<StationChoice> stations() {
		return jdbc.query("""
				SELECT s.id, s.code, s.name_zh, s.name_en, p.id AS p_id, p.code AS p_code, p.name_zh AS p_zh, p.name_en AS p_en
				  FROM station s JOIN precinct p ON p.id = s.precinct_id ORDER BY p.code, s.name_zh""", Map.of(),
				(rs, n) -> new StationChoice(new Reference(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"),
						rs.getString("name_en"), null, null), rs.getLong("p_id"), ref(rs, "p")));
	}

	List<Reference> precincts() {
		return references("SELECT id, code, name_zh, name_en, NULL AS kind, NULL::int AS fiscal_year FROM precinct ORDER BY code");
	}

	List<Reference> districts() {
		return references("SELECT id, code, name_zh, name_en, NULL AS kind, NULL::int AS fiscal_year FROM district ORDER BY code");
	}

	List<Reference> fundingSources() {
		return references("SELECT id, code, name_zh, name_en, kind, fiscal_year FROM funding_source ORDER BY fiscal_year DESC NULLS LAST, kind, name_zh, code");
	}

	List<Reference> projects() {
		return references("SELECT id, code, name_zh, name_en, purpose AS kind, fiscal_year FROM procurement_project ORDER BY fiscal_year DESC NULLS LAST, code");
	}

	List<Reference> contracts() {
		return references("SELECT id, code, name_zh, name_en, NULL AS kind, extract(year FROM starts_on)::int AS fiscal_year FROM maintenance_contract ORDER BY starts_on DESC, code");
	}

	List<Reference> vendors() {
		return references("SELECT id, code, name_zh, name_en, NULL AS kind, NULL::int AS fiscal_year FROM vendor ORDER BY code");
	}

	List<Procurement.FundingSourceView> fundingSourceViews() {
		return jdbc.query("""
				SELECT f.id, f.code, f.name_zh, f.name_en, f.kind, f.fiscal_year, f.sponsor, f.amount_ntd,
				       coalesce((SELECT sum(pf.amount_ntd) FROM project_funding pf WHERE pf.funding_source_id = f.id), 0) AS allocated
				  FROM funding_source f
				 ORDER BY f.fiscal_year DESC, f.kind, f.name_zh, f.code""",
				(rs, n) -> new Procurement.FundingSourceView(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"),
						rs.getString("name_en"), rs.getString("kind"), rs.getInt("fiscal_year"), rs.getString("sponsor"),
						rs.getLong("amount_ntd"), rs.getLong("allocated")));
	}

	List<Procurement.ProjectView> projectViews(LocalDate today) {
		Map<Long, List<Procurement.Share>> shares = new java.util.HashMap<>();
		jdbc.query("""
				SELECT pf.project_id, pf.amount_ntd, f.id AS f_id, f.code AS f_code, f.name_zh AS f_zh, f.name_en AS f_en
				  FROM project_funding pf JOIN funding_source f ON f.id = pf.funding_source_id
				 ORDER BY pf.project_id, pf.amount_ntd DESC, f.code""", (RowCallbackHandler) rs -> shares
			.computeIfAbsent(rs.getLong("project_id"), k -> new java.util.ArrayList<>())
			.add(new Procurement.Share(ref(rs, "f"), rs.getLong("amount_ntd"))));
		return jdbc.query("""
				SELECT pr.*, (SELECT count(*) FROM camera c WHERE c.project_id = pr.id) AS delivered,
				       v.id AS v_id, v.code AS v_code, v.name_zh AS v_zh, v.name_en AS v_en,
				       p.id AS p_id, p.code AS p_code, p.name_zh AS p_zh, p.name_en AS p_en
				  FROM procurement_project pr
				  LEFT JOIN vendor v ON v.id = pr.vendor_id
				  LEFT JOIN precinct p ON p.id = pr.precinct_id
				 ORDER BY pr.fiscal_year DESC, pr.code""",
				(rs, n) -> new Procurement.ProjectView(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"),
						rs.getString("name_en"), rs.getString("purpose"), rs.getString("purpose"), rs.getInt("fiscal_year"),
						rs.getLong("budget_ntd"), intOrNull(rs, "planned_camera_count"), rs.getLong("delivered"),
						ref(rs, "v"), ref(rs, "p"),
						new Procurement.Milestones(date(rs, "budgeted_on"), date(rs, "tendering_on"), date(rs, "awarded_on"),
								date(rs, "started_on"), date(rs, "completion_due_on"), date(rs, "completed_on"),
								date(rs, "accepted_on")),
						ProjectSchedule.overdue(date(rs, "completion_due_on"), date(rs, "completed_on"), date(rs, "accepted_on"),
								today),
						List.copyOf(shares.getOrDefault(rs.getLong("id"), List.of())), rs.getString("notes")));
	}

	/** The tables a camera refers to by id; the name is never taken from input. */
	enum Referenced {
		PRECINCT("precinct"), DISTRICT("district"), STATION("station"), FUNDING_SOURCE("funding_source"), PROJECT("procurement_project"),
		CONTRACT("maintenance_contract"), VENDOR("vendor");

		final String table;

		Referenced(String table) {
			this.table = table;
		}
	}

	/** True when a camera has this serial number, whatever its case. */
	boolean serialInUse(String serial) {
		return Boolean.TRUE.equals(jdbc.queryForObject(
				"SELECT EXISTS (SELECT 1 FROM camera WHERE upper(serial_number) = upper(:serial))",
				Map.of("serial", serial), Boolean.class));
	}

	/**
	 * The tag of a new camera on {@code old}'s pole: the site's code (its own site, or the one its tag names) with the
	 * index after the highest one used there ({@code LAAA001-03} after {@code -01} and {@code -02}), the lowest free one
	 * once 99 is taken. The site's row is locked first, so two deliveries on one pole at once take turns. A camera on
	 * no site gets its old tag with {@code -R1} (or the next free number).
	 */
	AssetTag nextTagOnSite(Camera old) {
		String code = old.site() != null ? old.site().code() : old.assetTag().siteCode().orElse(null);
		if (code == null) {
			for (int n = 1;; n++) {
				String tag = old.assetTag().value() + "-R" + n;
				if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM camera WHERE asset_tag = :tag)",
						Map.of("tag", tag), Boolean.class))) {
					return AssetTag.of(tag);
				}
			}
		}
		jdbc.query("SELECT id FROM site WHERE code = :code FOR UPDATE", Map.of("code", code), rs -> {
		});
		java.util.Set<Integer> used = new java.util.HashSet<>(jdbc.queryForList("""
				SELECT c.site_index FROM camera c JOIN site s ON s.id = c.site_id WHERE s.code = :code AND c.site_index IS NOT NULL
				UNION
				SELECT CAST(substring(asset_tag FROM '-(\\d{1,2})$') AS integer) FROM camera
				 WHERE asset_tag ~ ('^' || :code || '-\\d{1,2}$')""", Map.of("code", code), Integer.class));
		int highest = used.stream().mapToInt(Integer::intValue).max().orElse(0);
		int next = highest + 1;
		if (next > 99) {
			next = java.util.stream.IntStream.rangeClosed(1, 99).filter(i -> !used.contains(i)).findFirst()
				.orElseThrow(() -> new io.watchkeeper.shared.ConflictException("Site " + code
						+ " has cameras at every index 1 to 99; no tag is free for the new camera"));
		}
		return AssetTag.of(code + "-" + String.format(java.util.Locale.ROOT, "%02d", next));
	}

	Long precinctOfStation(long stationId) {
		return jdbc.queryForList("SELECT precinct_id FROM station WHERE id = :id", Map.of("id", stationId), Long.class)
			.stream().findFirst().orElse(null);
	}

	String precinctCode(Long precinctId) {
		return precinctId == null ? null : jdbc.queryForList("SELECT code FROM precinct WHERE id = :id", Map.of("id", precinctId),
				String.class).stream().findFirst().orElse(null);
	}

	boolean exists(Referenced what, long id) {
		return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM " + what.table + " WHERE id = :id)",
				Map.of("id", id), Boolean.class));
	}

	private List<Reference> references(String sql) {
		return jdbc.query(sql, (rs, n) -> new Reference(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"),
				rs.getString("name_en"), rs.getString("kind"), (Integer) rs.getObject("fiscal_year")));
	}

	/**
	 * The WHERE clause for a filter, binding its values into {@code params}. The text search is written so
	 * that each part can use its own trigram index (asset tag, address, site code) and PostgreSQL can OR
	 * the bitmaps together: the matching site ids are computed once and compared with {@code = ANY}. The caller's
	 * scope comes first: who sees only the cameras they maintain never gets a row, a count or an estimate of others.
	 */
	static String where(CameraFilter f, CameraScope scope, LocalDate today, MapSqlParameterSource params) {
		StringBuilder sql = new StringBuilder(scope.where(today, params));
		if (f.precinctId() != null) {
			sql.append(" AND c.precinct_id = :precinctId");
			params.addValue("precinctId", f.precinctId());
		}
		if (f.districtId() != null) {
			sql.append(" AND c.district_id = :districtId");
			params.addValue("districtId", f.districtId());
		}
		if (f.stationId() != null) {
			sql.append(" AND c.station_id = :stationId");
			params.addValue("stationId", f.stationId());
		}
		if (f.status() != null) {
			sql.append(" AND c.status = :status");
			params.addValue("status", f.status().name());
		}
		if (f.state() != null) {
			sql.append(" AND ").append(f.state().where());
			params.addValue("today", Date.valueOf(today));
		}
		if (f.lpr() != null) {
			if (f.lpr() == LprFilter.ANY) {
				sql.append(" AND c.lpr IN ('LPR', 'REALTIME_LPR')");
			}
			else {
				sql.append(" AND c.lpr = :lpr");
				params.addValue("lpr", f.lpr().name());
			}
		}
		if (f.fundingSourceId() != null) {
			sql.append(" AND c.funding_source_id = :fundingSourceId");
			params.addValue("fundingSourceId", f.fundingSourceId());
		}
		if (f.projectId() != null) {
			sql.append(" AND c.project_id = :projectId");
			params.addValue("projectId", f.projectId());
		}
		if (f.endOfLifeYear() != null) {
			sql.append(" AND c.end_of_life >= :eolFrom AND c.end_of_life < :eolTo");
			params.addValue("eolFrom", Date.valueOf(LocalDate.of(f.endOfLifeYear(), 1, 1)));
			params.addValue("eolTo", Date.valueOf(LocalDate.of(f.endOfLifeYear() + 1, 1, 1)));
		}
		if (f.pastEndOfLife()) {
			sql.append(" AND c.end_of_life <= :today AND c.status <> 'DECOMMISSIONED'");
			params.addValue("today", Date.valueOf(today));
		}
		if (f.placed() != null) {
			sql.append(f.placed() ? " AND c.location IS NOT NULL" : " AND c.location IS NULL");
		}
		if (f.text() != null) {
			params.addValue("text", "%" + escapeLike(f.text()) + "%");
			if (TAG_LIKE.matcher(f.text()).matches()) {
				// Each arm can use its own trigram index and PostgreSQL ORs the bitmaps; the site ids are
				// looked up once (an init plan) so that the site arm is an index condition too.
				sql.append(" AND (c.asset_tag ILIKE :text OR c.address ILIKE :text")
					.append(" OR c.site_id = ANY (ARRAY(SELECT s.id FROM site s WHERE s.code ILIKE :text)))");
			}
			else {
				// Text with Chinese characters or spaces cannot be part of an asset tag or site code.
				sql.append(" AND c.address ILIKE :text");
			}
		}
		return sql.toString();
	}

	/** Makes % and _ in what a person typed match themselves (backslash is LIKE's default escape). */
	static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private Map<String, Object> details(String text) {
		if (text == null) {
			return Map.of();
		}
		Map<String, Object> raw = json.readValue(text, new TypeReference<Map<String, Object>>() {
		});
		// jsonb keeps keys in its own order: show them in the camera's field order, unknown ones after, by name
		Map<String, Object> ordered = new java.util.LinkedHashMap<>();
		AUDIT_FIELD_ORDER.stream().filter(raw::containsKey).forEach(f -> ordered.put(f, raw.get(f)));
		raw.keySet().stream().filter(f -> !ordered.containsKey(f)).sorted().forEach(f -> ordered.put(f, raw.get(f)));
		return ordered;
	}

	private static CameraView view(ResultSet rs) throws SQLException {
		return new CameraView(rs.getLong("id"), rs.getString("asset_tag"), (Long) rs.getObject("site_id"),
				rs.getString("site_code"), intOrNull(rs, "site_index"), rs.getString("site_address"),
				(Double) rs.getObject("lon"), (Double) rs.getObject("lat"), rs.getString("address"), ref(rs, "p"),
				ref(rs, "d"), rs.getBoolean("area_overridden"), intOrNull(rs, "heading_deg"), intOrNull(rs, "fov_deg"),
				intOrNull(rs, "range_m"), date(rs, "install_date"), rs.getInt("service_life_years"),
				date(rs, "end_of_life"), date(rs, "warranty_end"), LprCapability.valueOf(rs.getString("lpr")),
				rs.getString("make"), rs.getString("model"), CameraStatus.valueOf(rs.getString("status")),
				CameraState.valueOf(rs.getString("state")), refWithKind(rs, "f"), refWithKind(rs, "pr"), ref(rs, "mc"), ref(rs, "omc"), ref(rs, "v"), date(rs, "decommissioned_on"),
				rs.getString("decommission_reason"), rs.getString("notes"), intOrNull(rs, "retention_days"), instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getLong("version"), null, null, null, null, null, null, ref(rs, "st"));
	}

	private static Reference ref(ResultSet rs, String prefix) throws SQLException {
		Object id = rs.getObject(prefix + "_id");
		if (id == null) {
			return null;
		}
		return new Reference(((Number) id).longValue(), rs.getString(prefix + "_code"), rs.getString(prefix + "_zh"),
				rs.getString(prefix + "_en"), null, null);
	}

	private static Reference refWithKind(ResultSet rs, String prefix) throws SQLException {
		Reference r = ref(rs, prefix);
		return r == null ? null : new Reference(r.id(), r.code(), r.nameZh(), r.nameEn(), rs.getString(prefix + "_kind"),
				intOrNull(rs, prefix + "_year"));
	}

	private static Integer intOrNull(ResultSet rs, String column) throws SQLException {
		Object v = rs.getObject(column);
		return v == null ? null : ((Number) v).intValue();
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}

	private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
