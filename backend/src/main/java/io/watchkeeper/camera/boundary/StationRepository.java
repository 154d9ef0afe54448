package io.watchkeeper.camera.boundary;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import io.watchkeeper.camera.CameraState;

/** All SQL for police stations. Geometries are always bound parameters. */
@Repository
class StationRepository {

	/** GeoJSON in, SRID 4326, 2-D, always a MultiPolygon; made valid when JTS found it invalid. */
	private static final String GEOMETRY = "ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(:geometry), 4326)))";

	private static final String REPAIRED_GEOMETRY =
			"ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(:geometry), 4326))), 3))";

	private static final String SELECT = """
			SELECT s.id, s.code, s.precinct_id, p.code AS precinct_code, p.name_zh AS precinct_zh, p.name_en AS precinct_en,
			       s.name_zh, s.name_en, s.boundary IS NOT NULL AS has_boundary, s.updated_at,
			       (SELECT count(*) FROM app_user u WHERE u.station_id = s.id) AS users
			  FROM station s JOIN precinct p ON p.id = s.precinct_id""";

	private final NamedParameterJdbcTemplate jdbc;

	StationRepository(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Stations in precinct then name order, with camera counts by state on {@code today}; all when {@code precinctId} is null. */
	List<Stations.Station> list(Long precinctId, LocalDate today) {
		MapSqlParameterSource p = new MapSqlParameterSource("precinct", precinctId).addValue("today", today);
		Map<Long, Map<String, Long>> counts = new LinkedHashMap<>();
		jdbc.query("SELECT c.station_id, " + CameraState.SQL + " AS state, count(*) AS n FROM camera c "
				+ "WHERE c.station_id IS NOT NULL" + (precinctId == null ? "" : " AND c.precinct_id = :precinct")
				+ " GROUP BY 1, 2", p, (ResultSet rs) -> {
					counts.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
				});
		return jdbc.query(SELECT + (precinctId == null ? "" : " WHERE s.precinct_id = :precinct")
				+ " ORDER BY p.code, s.name_zh", p, (rs, n) -> station(rs, counts.getOrDefault(rs.getLong("id"), Map.of())));
	}

	Optional<Stations.Station> find(long id, LocalDate today) {
		MapSqlParameterSource p = new MapSqlParameterSource("id", id).addValue("today", today);
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.query("SELECT " + CameraState.SQL + " AS state, count(*) FROM camera c WHERE c.station_id = :id GROUP BY 1", p,
				(ResultSet rs) -> {
					counts.put(rs.getString(1), rs.getLong(2));
				});
		return jdbc.query(SELECT + " WHERE s.id = :id", p, (rs, n) -> station(rs, counts)).stream().findFirst();
	}

	Optional<Long> idByName(long precinctId, String nameZh) {
		return jdbc.queryForList("SELECT id FROM station WHERE precinct_id = :precinct AND name_zh = :name",
				new MapSqlParameterSource("precinct", precinctId).addValue("name", nameZh), Long.class).stream().findFirst();
	}

	Optional<Long> idByCode(String code) {
		return jdbc.queryForList("SELECT id FROM station WHERE code = :code", new MapSqlParameterSource("code", code), Long.class)
			.stream().findFirst();
	}

	/** Precinct id by code, Chinese or English name (case-insensitive), or the Chinese name without 分局. */
	Map<String, Long> precinctKeys() {
		Map<String, Long> keys = new LinkedHashMap<>();
		jdbc.query("SELECT id, code, name_zh, name_en FROM precinct ORDER BY code", (ResultSet rs) -> {
			long id = rs.getLong(1);
			for (int i = 2; i <= 4; i++) {
				String key = Stations.key(rs.getString(i));
				if (key != null) {
					keys.putIfAbsent(key, id);
				}
			}
			String zh = rs.getString(3);
			if (zh != null && zh.endsWith("分局") && zh.length() > 2) {
				keys.putIfAbsent(Stations.key(zh.substring(0, zh.length() - 2)), id);
			}
		});
		return keys;
	}

	Optional<String> precinctCode(long precinctId) {
		return jdbc.queryForList("SELECT code FROM precinct WHERE id = :id", new MapSqlParameterSource("id", precinctId),
				String.class).stream().findFirst();
	}

	Optional<Long> precinctIdByCode(String code) {
		return jdbc.queryForList("SELECT id FROM precinct WHERE upper(code) = upper(:code)", new MapSqlParameterSource("code", code),
				Long.class).stream().findFirst();
	}

	Map<String, Long> precinctIdsByCode() {
		Map<String, Long> ids = new LinkedHashMap<>();
		jdbc.query("SELECT code, id FROM precinct ORDER BY code", (ResultSet rs) -> {
			ids.put(rs.getString(1), rs.getLong(2));
		});
		return ids;
	}

	/** (precinct id, Chinese name) to station id, for all stations. */
	Map<Stations.StationName, Long> idsByName() {
		Map<Stations.StationName, Long> ids = new LinkedHashMap<>();
		jdbc.query("SELECT precinct_id, name_zh, id FROM station", (ResultSet rs) -> {
			ids.put(new Stations.StationName(rs.getLong(1), rs.getString(2)), rs.getLong(3));
		});
		return ids;
	}

	long insert(String code, long precinctId, String nameZh, String nameEn) {
		return jdbc.queryForObject("INSERT INTO station (code, precinct_id, name_zh, name_en) VALUES (:code, :precinct, :zh, :en) RETURNING id",
				new MapSqlParameterSource("code", code).addValue("precinct", precinctId).addValue("zh", nameZh).addValue("en", nameEn),
				Long.class);
	}

	void update(long id, String code, long precinctId, String nameZh, String nameEn) {
		jdbc.update("UPDATE station SET code = :code, precinct_id = :precinct, name_zh = :zh, name_en = :en, updated_at = now() WHERE id = :id",
				new MapSqlParameterSource("code", code).addValue("precinct", precinctId).addValue("zh", nameZh)
					.addValue("en", nameEn).addValue("id", id));
	}

	/** Sets the boundary from GeoJSON; false when what is left once made valid has no area. */
	boolean setBoundary(long id, String geometryJson, boolean repair) {
		return jdbc.update("UPDATE station SET boundary = g, updated_at = now() FROM (SELECT "
				+ (repair ? REPAIRED_GEOMETRY : GEOMETRY) + " AS g) AS input WHERE id = :id AND NOT ST_IsEmpty(g)",
				new MapSqlParameterSource("id", id).addValue("geometry", geometryJson)) > 0;
	}

	/**
	 * Stations (code, name) whose boundary lies mostly outside their precinct: less than half its area inside. A
	 * station's streets are its precinct's, so such a boundary is a wrong file or a wrong precinct.
	 */
	List<String> boundariesMostlyOutsidePrecinct(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.queryForList("""
				SELECT s.code || ' ' || s.name_zh FROM station s JOIN precinct p ON p.id = s.precinct_id
				 WHERE s.id = ANY(:ids) AND s.boundary IS NOT NULL
				   AND ST_Area(ST_Intersection(s.boundary, p.boundary)::geography) < 0.5 * ST_Area(s.boundary::geography)
				 ORDER BY s.code""", new MapSqlParameterSource("ids", ids.toArray(Long[]::new)), String.class);
	}

	void clearBoundary(long id) {
		jdbc.update("UPDATE station SET boundary = NULL, updated_at = now() WHERE id = :id", new MapSqlParameterSource("id", id));
	}

	/** Cameras and users that refer to the station. */
	long[] references(long id) {
		return jdbc.queryForObject("SELECT (SELECT count(*) FROM camera WHERE station_id = :id), "
				+ "(SELECT count(*) FROM app_user WHERE station_id = :id)", new MapSqlParameterSource("id", id),
				(rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) });
	}

	void delete(long id) {
		jdbc.update("DELETE FROM station WHERE id = :id", new MapSqlParameterSource("id", id));
	}

	/** The next free number for generated codes {@code <prefix>-NN}. */
	int nextNumber(String prefix) {
		Integer max = jdbc.queryForObject("SELECT max(substring(code FROM length(:prefix) + 2)::int) FROM station "
				+ "WHERE left(code, length(:prefix) + 1) = :prefix || '-' AND substring(code FROM length(:prefix) + 2) ~ '^[0-9]{1,6}$'",
				new MapSqlParameterSource("prefix", prefix), Integer.class);
		return max == null ? 1 : max + 1;
	}

	/**
	 * Creates every (precinct, name) not yet a station, in one statement, with generated codes
	 * {@code <precinct code>-NN} numbered on from the precinct's highest; returns the names created.
	 */
	List<Stations.StationName> createMissing(List<Stations.StationName> names) {
		MapSqlParameterSource p = new MapSqlParameterSource()
			.addValue("precincts", names.stream().map(Stations.StationName::precinctId).toArray(Long[]::new))
			.addValue("names", names.stream().map(Stations.StationName::nameZh).toArray(String[]::new));
		List<Stations.StationName> created = new ArrayList<>();
		jdbc.query("""
				WITH wanted AS (
				    SELECT DISTINCT w.precinct_id, w.name_zh FROM unnest(CAST(:precincts AS bigint[]), CAST(:names AS text[])) AS w(precinct_id, name_zh)
				     WHERE NOT EXISTS (SELECT 1 FROM station s WHERE s.precinct_id = w.precinct_id AND s.name_zh = w.name_zh)),
				numbered AS (
				    SELECT w.precinct_id, w.name_zh, left(p.code, 25) AS prefix,
				           row_number() OVER (PARTITION BY w.precinct_id ORDER BY w.name_zh) AS n
				      FROM wanted w JOIN precinct p ON p.id = w.precinct_id),
				based AS (
				    SELECT n.*, n.n + coalesce((SELECT max(substring(s.code FROM length(n.prefix) + 2)::int) FROM station s
				                 WHERE left(s.code, length(n.prefix) + 1) = n.prefix || '-'
				                   AND substring(s.code FROM length(n.prefix) + 2) ~ '^[0-9]{1,6}$'), 0) AS number
				      FROM numbered n)
				INSERT INTO station (code, precinct_id, name_zh)
				SELECT prefix || '-' || lpad(number::text, 2, '0'), precinct_id, name_zh FROM based
				ON CONFLICT DO NOTHING
				RETURNING precinct_id, name_zh""", p, (ResultSet rs) -> {
					created.add(new Stations.StationName(rs.getLong(1), rs.getString(2)));
				});
		return created;
	}

	/** Stations that belong to the given precincts, as "code name" per precinct id, for refusing their removal. */
	Map<Long, List<String>> stationsOf(List<Long> precinctIds) {
		Map<Long, List<String>> names = new LinkedHashMap<>();
		if (precinctIds.isEmpty()) {
			return names;
		}
		jdbc.query("SELECT precinct_id, name_zh FROM station WHERE precinct_id = ANY(CAST(:ids AS bigint[])) ORDER BY precinct_id, name_zh",
				new MapSqlParameterSource("ids", precinctIds.toArray(Long[]::new)), (ResultSet rs) -> {
					names.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
				});
		return names;
	}

	/** Stations holding any of the codes: code to (precinct id, Chinese name). */
	Map<String, Stations.StationName> holdersOfCodes(List<String> codes) {
		Map<String, Stations.StationName> holders = new LinkedHashMap<>();
		if (codes.isEmpty()) {
			return holders;
		}
		jdbc.query("SELECT code, precinct_id, name_zh FROM station WHERE code = ANY(CAST(:codes AS text[]))",
				new MapSqlParameterSource("codes", codes.toArray(String[]::new)), (ResultSet rs) -> {
					holders.put(rs.getString(1), new Stations.StationName(rs.getLong(2), rs.getString(3)));
				});
		return holders;
	}

	/** Entries (by position) whose geometry has no area left once made valid. */
	List<Integer> emptyOnceRepaired(List<String> geometries) {
		if (geometries.isEmpty()) {
			return List.of();
		}
		return jdbc.queryForList("SELECT g.n - 1 FROM unnest(CAST(:g AS text[])) WITH ORDINALITY AS g(json, n) "
				+ "WHERE ST_IsEmpty(ST_CollectionExtract(ST_MakeValid(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(g.json), 4326))), 3))",
				new MapSqlParameterSource("g", geometries.toArray(String[]::new)), Integer.class);
	}

	/** Inserts new stations whose codes are given, in one statement. */
	void insertWithCodes(List<StationFile.Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		jdbc.update("INSERT INTO station (code, precinct_id, name_zh) SELECT v.code, v.precinct_id, v.name_zh "
				+ "FROM unnest(CAST(:codes AS text[]), CAST(:precincts AS bigint[]), CAST(:names AS text[])) AS v(code, precinct_id, name_zh)",
				new MapSqlParameterSource("codes", entries.stream().map(StationFile.Entry::code).toArray(String[]::new))
					.addValue("precincts", entries.stream().map(StationFile.Entry::precinctId).toArray(Long[]::new))
					.addValue("names", entries.stream().map(StationFile.Entry::nameZh).toArray(String[]::new)));
	}

	/**
	 * Applies the file to the stations it names, in one statement: the English name and code where given, the boundary
	 * where given (made valid where JTS found it invalid). Returns the ids written (those that changed).
	 */
	List<Long> apply(List<StationFile.Entry> entries) {
		MapSqlParameterSource p = new MapSqlParameterSource()
			.addValue("precincts", entries.stream().map(StationFile.Entry::precinctId).toArray(Long[]::new))
			.addValue("names", entries.stream().map(StationFile.Entry::nameZh).toArray(String[]::new))
			.addValue("en", entries.stream().map(StationFile.Entry::nameEn).toArray(String[]::new))
			.addValue("codes", entries.stream().map(StationFile.Entry::code).toArray(String[]::new))
			.addValue("geometries", entries.stream().map(StationFile.Entry::geometryJson).toArray(String[]::new))
			.addValue("repairs", entries.stream().map(e -> e.repair() != null).toArray(Boolean[]::new));
		return jdbc.queryForList("""
				WITH v AS (
				    SELECT v.precinct_id, v.name_zh, v.name_en, v.code,
				           CASE WHEN v.geometry IS NULL THEN NULL
				                WHEN v.repair THEN ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(v.geometry), 4326))), 3))
				                ELSE ST_Multi(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(v.geometry), 4326))) END AS boundary
				      FROM unnest(CAST(:precincts AS bigint[]), CAST(:names AS text[]), CAST(:en AS text[]), CAST(:codes AS text[]),
				                  CAST(:geometries AS text[]), CAST(:repairs AS boolean[])) AS v(precinct_id, name_zh, name_en, code, geometry, repair))
				UPDATE station s SET name_en = coalesce(v.name_en, s.name_en), code = coalesce(v.code, s.code),
				       boundary = coalesce(v.boundary, s.boundary), updated_at = now()
				  FROM v
				 WHERE s.precinct_id = v.precinct_id AND s.name_zh = v.name_zh
				   AND (s.name_en IS DISTINCT FROM coalesce(v.name_en, s.name_en) OR s.code <> coalesce(v.code, s.code)
				        OR (v.boundary IS NOT NULL AND (s.boundary IS NULL OR NOT ST_Equals(s.boundary, v.boundary))))
				RETURNING s.id""", p, Long.class);
	}

	private static Stations.Station station(ResultSet rs, Map<String, Long> counts) throws SQLException {
		Map<String, Long> byState = new LinkedHashMap<>();
		long total = 0;
		for (CameraState state : CameraState.values()) {
			long n = counts.getOrDefault(state.name(), 0L);
			byState.put(state.name(), n);
			total += n;
		}
		return new Stations.Station(rs.getLong("id"), rs.getString("code"), rs.getLong("precinct_id"),
				rs.getString("precinct_code"), rs.getString("precinct_zh"), rs.getString("precinct_en"), rs.getString("name_zh"),
				rs.getString("name_en"), rs.getBoolean("has_boundary"), total, byState, rs.getLong("users"),
				rs.getObject("updated_at", OffsetDateTime.class));
	}
}
