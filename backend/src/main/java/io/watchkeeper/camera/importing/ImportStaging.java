package io.watchkeeper.camera.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.camera.AreaAssignment;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The set-based half of an import, all inside the caller's transaction: valid rows are streamed with
 * PostgreSQL COPY into a temporary table, checked against the registry and the boundaries there, and
 * written with one INSERT ... SELECT per table. The temporary tables vanish with the transaction.
 * Spatial SQL of the import lives here.
 */
@Repository
class ImportStaging {

	private static final String CREATE = """
			CREATE TEMP TABLE import_row (
			    line integer NOT NULL, asset_tag text NOT NULL, site_code text, site_index smallint,
			    lon double precision, lat double precision, location geometry(Point, 4326), address text,
			    named_precinct_id bigint, named_precinct text, named_district_id bigint, named_district text,
			    heading smallint, fov smallint, range_m integer, install_date date, warranty_end date,
			    service_life smallint, lpr text, make text, model text, status text, notes text,
			    funding_source_id bigint, project_id bigint, contract_id bigint,
			    named_station_id bigint, new_station text
			) ON COMMIT DROP""";

	private static final String COPY = "COPY import_row FROM STDIN";

	/**
	 * Precinct and district by point in polygon against the same subdivided boundary pieces AreaAssignment
	 * uses (precinct_part, district_part). The location arrives with the COPY (as EWKB). The pieces drive the
	 * join (each polygon against the staged points its box holds, through a GiST index on the points), so
	 * that PostGIS reuses its prepared polygon from one point to the next; a correlated lookup per point is
	 * several times slower. Where boundaries overlap the lowest id wins, as in AreaAssignment. A row without
	 * location keeps the precinct and district it named. A station's boundary counts only inside its own precinct, as
	 * in AreaAssignment. Statistics are gathered only for the columns later
	 * statements join or filter on: a full ANALYZE of the wide staging rows cost about 0.9 s per 100,000.
	 */
	private static final String[] PREPARE = { "CREATE INDEX ON import_row USING gist (location)",
			"ANALYZE import_row (location)",
			"""
			CREATE TEMP TABLE import_in_precinct ON COMMIT DROP AS
			SELECT DISTINCT ON (r.line) r.line, p.precinct_id AS id FROM precinct_part p JOIN import_row r ON ST_Intersects(p.geom, r.location)
			 ORDER BY r.line, p.precinct_id""",
			"""
			CREATE TEMP TABLE import_in_district ON COMMIT DROP AS
			SELECT DISTINCT ON (r.line) r.line, d.district_id AS id FROM district_part d JOIN import_row r ON ST_Intersects(d.geom, r.location)
			 ORDER BY r.line, d.district_id""",
			"""
			CREATE TEMP TABLE import_in_station ON COMMIT DROP AS
			SELECT DISTINCT ON (r.line) r.line, sp.station_id AS id
			  FROM station_part sp JOIN station s ON s.id = sp.station_id
			  JOIN import_row r ON ST_Intersects(sp.geom, r.location)
			  JOIN import_in_precinct ip ON ip.line = r.line AND ip.id = s.precinct_id
			 ORDER BY r.line, sp.station_id""",
			"""
			CREATE TEMP TABLE import_ready ON COMMIT DROP AS
			SELECT r.*, CASE WHEN r.location IS NULL THEN r.named_precinct_id ELSE ip.id END AS precinct_id,
			            CASE WHEN r.location IS NULL THEN r.named_district_id ELSE id.id END AS district_id,
			            ist.id AS located_station_id
			  FROM import_row r
			  LEFT JOIN import_in_precinct ip ON ip.line = r.line
			  LEFT JOIN import_in_district id ON id.line = r.line
			  LEFT JOIN import_in_station ist ON ist.line = r.line""",
			"ANALYZE import_ready (line, asset_tag, site_code, location, precinct_id, district_id)" };

	private final JdbcTemplate jdbc;

	private final DataSource dataSource;

	ImportStaging(JdbcTemplate jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	AreaNames areaNames() {
		return new AreaNames(
				jdbc.query("SELECT id, code, name_zh, name_en FROM precinct ORDER BY id",
						(rs, n) -> new AreaNames.Area(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))),
				jdbc.query("SELECT id, code, name_zh, name_en FROM district ORDER BY id",
						(rs, n) -> new AreaNames.Area(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))));
	}

	StationNames stationNames() {
		return new StationNames(jdbc.query("SELECT id, precinct_id, code, name_zh, name_en FROM station ORDER BY id",
				(rs, n) -> new StationNames.Station(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getString(5))));
	}

	/** The codes an import may name funding sources, projects and contracts by, upper case. */
	RegistryCodes registryCodes() {
		return new RegistryCodes(codes("funding_source"), codes("procurement_project"), codes("maintenance_contract"));
	}

	private java.util.Map<String, Long> codes(String table) {
		java.util.Map<String, Long> ids = new java.util.HashMap<>();
		jdbc.query("SELECT upper(code), id FROM " + table, rs -> {
			ids.put(rs.getString(1), rs.getLong(2));
		});
		return ids;
	}

	/** Creates the staging table and opens a COPY into it on the transaction's connection. */
	Copy open() {
		// For this transaction only: JIT compilation costs more than it saves on these one-off statements;
		// sorts of 100,000 rows fit in memory; the trigram indexes take the new entries into their pending
		// list, merged later by autovacuum instead of in the middle of the import.
		jdbc.execute("SET LOCAL jit = off");
		jdbc.execute("SET LOCAL work_mem = '64MB'");
		jdbc.execute("SET LOCAL gin_pending_list_limit = '64MB'");
		jdbc.execute(CREATE);
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return new Copy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY));
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot start COPY into the import staging table", e);
		}
	}

	/** After the COPY: geometry and area per row, and statistics so the checks below get good plans. */
	void prepare() {
		for (String statement : PREPARE) {
			jdbc.execute(statement);
		}
	}

	record Clash(int line, String assetTag, long cameraId) {
	}

	List<Clash> tagsAlreadyInRegistry() {
		return jdbc.query("""
				SELECT r.line, r.asset_tag, c.id FROM import_ready r JOIN camera c ON c.asset_tag = r.asset_tag ORDER BY r.line""",
				(rs, n) -> new Clash(rs.getInt(1), rs.getString(2), rs.getLong(3)));
	}

	record AreaMismatch(int line, String named, String located) {
	}

	/** Rows that name a precinct other than the one their location lies in. */
	List<AreaMismatch> precinctMismatches() {
		return jdbc.query("""
				SELECT r.line, r.named_precinct, p.name_zh FROM import_ready r JOIN precinct p ON p.id = r.precinct_id
				 WHERE r.location IS NOT NULL AND r.named_precinct_id IS NOT NULL AND r.named_precinct_id <> r.precinct_id
				 ORDER BY r.line""", (rs, n) -> new AreaMismatch(rs.getInt(1), rs.getString(2), rs.getString(3)));
	}

	List<AreaMismatch> districtMismatches() {
		return jdbc.query("""
				SELECT r.line, r.named_district, d.name_zh FROM import_ready r JOIN district d ON d.id = r.district_id
				 WHERE r.location IS NOT NULL AND r.named_district_id IS NOT NULL AND r.named_district_id <> r.district_id
				 ORDER BY r.line""", (rs, n) -> new AreaMismatch(rs.getInt(1), rs.getString(2), rs.getString(3)));
	}

	/** Rows that name a station other than the one whose boundary holds their location. */
	List<AreaMismatch> stationMismatches() {
		return jdbc.query("""
				SELECT r.line, n.name_zh, s.name_zh FROM import_ready r
				  JOIN station n ON n.id = r.named_station_id JOIN station s ON s.id = r.located_station_id
				 WHERE r.named_station_id <> r.located_station_id ORDER BY r.line""",
				(rs, n) -> new AreaMismatch(rs.getInt(1), rs.getString(2), rs.getString(3)));
	}

	/** A station the list names under a known precinct and the registry lacks: its precinct and name as written. */
	record NewStation(long precinctId, String name) {
	}

	List<NewStation> newStations() {
		return jdbc.query("SELECT DISTINCT named_precinct_id, new_station FROM import_ready WHERE new_station IS NOT NULL",
				(rs, n) -> new NewStation(rs.getLong(1), rs.getString(2)));
	}

	/** Points the rows that name a new station at the station created for it. */
	void pointAtStations(java.util.Map<NewStation, Long> ids) {
		List<NewStation> keys = List.copyOf(ids.keySet());
		jdbc.update(con -> {
			var ps = con.prepareStatement("""
					UPDATE import_ready r SET named_station_id = v.id
					  FROM unnest(?::bigint[], ?::text[], ?::bigint[]) AS v(precinct_id, name, id)
					 WHERE r.new_station = v.name AND r.named_precinct_id = v.precinct_id""");
			ps.setArray(1, con.createArrayOf("bigint", keys.stream().map(NewStation::precinctId).toArray()));
			ps.setArray(2, con.createArrayOf("text", keys.stream().map(NewStation::name).toArray()));
			ps.setArray(3, con.createArrayOf("bigint", keys.stream().map(ids::get).toArray()));
			return ps;
		});
	}

	record Located(int line, double lon, double lat) {
	}

	/** Placed rows outside every precinct boundary (only meaningful when boundaries are loaded). */
	List<Located> outsideEveryPrecinct() {
		return jdbc.query("""
				SELECT r.line, r.lon, r.lat FROM import_ready r
				 WHERE r.location IS NOT NULL AND r.precinct_id IS NULL AND EXISTS (SELECT 1 FROM precinct)
				 ORDER BY r.line""", (rs, n) -> new Located(rs.getInt(1), rs.getDouble(2), rs.getDouble(3)));
	}

	record FarOutside(int line, double lon, double lat, double kilometres) {
	}

	/**
	 * Placed rows far outside the department's area, by the registry's one rule ({@link AreaAssignment#farOutsideArea}),
	 * for all rows at once. Only rows outside every precinct can be far outside, so those are kept first.
	 */
	List<FarOutside> farOutsideArea(double toleranceMetres) {
		return jdbc.query("SELECT r.line, r.lon, r.lat, " + AreaAssignment.kilometresToArea("r.location")
				+ " FROM import_ready r WHERE r.location IS NOT NULL AND r.precinct_id IS NULL AND "
				+ AreaAssignment.farOutsideArea("r.location") + " ORDER BY r.line",
				(rs, n) -> new FarOutside(rs.getInt(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)), toleranceMetres);
	}

	record Spread(int line, String siteCode, long metres, Integer firstLine) {
	}

	/**
	 * Cameras of one site further than {@code metres} from the site's first camera in the file, or from the
	 * site already in the registry (firstLine null): probably a mistyped tag or coordinate.
	 */
	List<Spread> spreadSites(int metres) {
		return jdbc.query("""
				WITH first AS (
				    SELECT DISTINCT ON (site_code) site_code, line, location FROM import_ready
				     WHERE site_code IS NOT NULL AND location IS NOT NULL ORDER BY site_code, site_index, line)
				SELECT r.line, r.site_code, round(ST_Distance(r.location::geography, f.location::geography))::bigint, f.line
				  FROM import_ready r JOIN first f ON f.site_code = r.site_code AND f.line <> r.line
				 WHERE r.location IS NOT NULL AND NOT ST_DWithin(r.location::geography, f.location::geography, ?)
				UNION ALL
				SELECT r.line, r.site_code, round(ST_Distance(r.location::geography, s.location::geography))::bigint, NULL
				  FROM import_ready r JOIN site s ON s.code = r.site_code
				 WHERE r.location IS NOT NULL AND s.location IS NOT NULL
				   AND NOT ST_DWithin(r.location::geography, s.location::geography, ?)
				 ORDER BY 1""", (rs, n) -> new Spread(rs.getInt(1), rs.getString(2), rs.getLong(3), (Integer) rs.getObject(4)),
				metres, metres);
	}

	record SiteCounts(int created, int reused) {
	}

	/**
	 * Creates the sites the file names and the registry lacks, placed at and addressed like their
	 * first camera (lowest index, placed ones first); sites that exist are kept as they are.
	 */
	SiteCounts insertSites() {
		int created = jdbc.update("""
				INSERT INTO site (code, address, location)
				SELECT DISTINCT ON (site_code) site_code, address, location FROM import_ready
				 WHERE site_code IS NOT NULL
				 ORDER BY site_code, location IS NULL, site_index, line
				ON CONFLICT (code) DO NOTHING""");
		Integer named = jdbc.queryForObject("SELECT count(DISTINCT site_code) FROM import_ready WHERE site_code IS NOT NULL",
				Integer.class);
		return new SiteCounts(created, (named == null ? 0 : named) - created);
	}

	/**
	 * Inserts every staged camera, marked with the import that created it. The import is audited as one
	 * event ({@code import.applied}: who, when, from where, which file, how many cameras); a camera's own
	 * trail shows that event through {@code camera.import_id}, and every later change to a camera is audited
	 * field by field. One audit row per camera cost about 1 s per 100,000 cameras (scripts/bench-import).
	 */
	int insertCameras(long jobId) {
		return jdbc.update("""
				INSERT INTO camera (asset_tag, site_id, site_index, location, address, precinct_id, district_id,
				                    heading_deg, fov_deg, range_m, install_date, service_life_years, warranty_end, lpr,
				                    make, model, status, notes, funding_source_id, project_id, contract_id, import_id,
				                    station_id)
				SELECT r.asset_tag, s.id, r.site_index, r.location, r.address, r.precinct_id, r.district_id,
				       r.heading, r.fov, r.range_m, r.install_date, coalesce(r.service_life, 8), r.warranty_end,
				       coalesce(r.lpr, 'NONE'), r.make, r.model, coalesce(r.status, 'ACTIVE'), r.notes,
				       r.funding_source_id, r.project_id, r.contract_id, ?,
				       -- the station whose boundary holds the camera, else the one the list named if it lies in the
				       -- camera's precinct (a station of another precinct would contradict the location)
				       coalesce(r.located_station_id,
				                CASE WHEN ns.precinct_id IS NOT DISTINCT FROM r.precinct_id THEN r.named_station_id END)
				  FROM import_ready r LEFT JOIN site s ON s.code = r.site_code
				  LEFT JOIN station ns ON ns.id = r.named_station_id
				 ORDER BY r.line""", jobId);
	}

	/** Text-format COPY rows, buffered and sent in chunks of about 256 KB. */
	static final class Copy implements AutoCloseable {

		private static final int CHUNK = 256 * 1024;

		private final CopyIn copyIn;

		private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);

		private boolean done;

		Copy(CopyIn copyIn) {
			this.copyIn = copyIn;
		}

		void write(CameraRow r) {
			field(r.line());
			field(r.assetTag());
			field(r.siteCode());
			field(r.siteIndex());
			field(r.location() == null ? null : r.location().longitude());
			field(r.location() == null ? null : r.location().latitude());
			point(r.location());
			field(r.address());
			field(r.namedPrecinctId());
			field(r.namedPrecinct());
			field(r.namedDistrictId());
			field(r.namedDistrict());
			field(r.headingDeg());
			field(r.fovDeg());
			field(r.rangeM());
			field(r.installDate());
			field(r.warrantyEnd());
			field(r.serviceLifeYears());
			field(r.lpr());
			field(r.make());
			field(r.model());
			field(r.status());
			field(r.notes());
			field(r.fundingSourceId());
			field(r.projectId());
			field(r.contractId());
			field(r.namedStationId());
			field(r.newStation());
			buffer.setCharAt(buffer.length() - 1, '\n');
			if (buffer.length() >= CHUNK) {
				flush();
			}
		}

		private void field(Object value) {
			if (value == null) {
				buffer.append("\\N");
			}
			else if (value instanceof String s) {
				for (int i = 0; i < s.length(); i++) {
					char c = s.charAt(i);
					switch (c) {
						case '\\' -> buffer.append("\\\\");
						case '\t' -> buffer.append("\\t");
						case '\n' -> buffer.append("\\n");
						case '\r' -> buffer.append("\\r");
						default -> buffer.append(c);
					}
				}
			}
			else {
				buffer.append(value);
			}
			buffer.append('\t');
		}

		/** A point as hex EWKB with SRID 4326, which the geometry type reads in COPY text format. */
		private void point(io.watchkeeper.shared.GeoPoint p) {
			if (p == null) {
				buffer.append("\\N\t");
				return;
			}
			buffer.append("0101000020E6100000");
			hexLittleEndian(Double.doubleToRawLongBits(p.longitude()));
			hexLittleEndian(Double.doubleToRawLongBits(p.latitude()));
			buffer.append('\t');
		}

		private void hexLittleEndian(long bits) {
			for (int i = 0; i < 8; i++) {
				int b = (int) (bits >>> (8 * i)) & 0xff;
				buffer.append(HEX[b >>> 4]).append(HEX[b & 0xf]);
			}
		}

		private static final char[] HEX = "0123456789ABCDEF".toCharArray();

		private void flush() {
			if (buffer.isEmpty()) {
				return;
			}
			byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
			buffer.setLength(0);
			try {
				copyIn.writeToCopy(bytes, 0, bytes.length);
			}
			catch (SQLException e) {
				throw new UncheckedIOException(new IOException("COPY into the import staging table failed", e));
			}
		}

		/** Ends the COPY; returns the number of rows PostgreSQL took. */
		long finish() {
			flush();
			try {
				done = true;
				return copyIn.endCopy();
			}
			catch (SQLException e) {
				throw new IllegalStateException("COPY into the import staging table failed", e);
			}
		}

		@Override
		public void close() {
			if (!done && copyIn.isActive()) {
				try {
					copyIn.cancelCopy();
				}
				catch (SQLException e) {
					// the transaction is rolled back anyway
				}
			}
		}
	}
}
