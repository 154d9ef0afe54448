package io.watchkeeper.gazetteer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.gazetteer.GazetteerFile.Column;
import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.NotFoundException;

/**
 * Door-plate datasets: import (all or nothing, every bad line reported), list, remove. A file is read and each line
 * normalised in Java, then loaded with COPY into a staging table; SQL converts TWD97 to WGS84 (ST_Transform
 * 3826 to 4326), drops duplicate addresses (the first line kept, later ones reported as warnings: published lists
 * repeat a door plate now and then, and refusing a whole city for it helps nobody), checks every point lies in
 * Taiwan, and builds the per-road table matching uses. An import under an existing name replaces that dataset.
 */
@Service
class Gazetteers {

	/** A problem at a line of the file: a message code of messages/gazetteer with its arguments. */
	record LineProblem(long line, String field, String code, List<Object> args) {
	}

	/** A refused file: the problems (the first {@value #REPORTED}) and how many there were; nothing was written. */
	static final class RefusedFile extends RuntimeException {

		final transient List<LineProblem> problems;

		final long total;

		RefusedFile(List<LineProblem> problems, long total) {
			super(total + " bad lines");
			this.problems = problems;
			this.total = total;
		}
	}

	record Imported(long datasetId, String name, long rows, long duplicates, List<LineProblem> warnings, boolean replaced,
			String encoding, String coordinates) {
	}

	record DatasetSummary(long id, String name, String city, String sourceFile, String coordinates, long rows,
			long warnings, long roads, Instant importedAt, String importedBy) {
	}

	static final int REPORTED = 1000;

	private final NamedParameterJdbcTemplate jdbc;

	private final CopyRows copy;

	private final AuditLog audit;

	private final GazetteerProperties properties;

	Gazetteers(NamedParameterJdbcTemplate jdbc, CopyRows copy, AuditLog audit, GazetteerProperties properties) {
		this.jdbc = jdbc;
		this.copy = copy;
		this.audit = audit;
		this.properties = properties;
	}

	@Transactional(readOnly = true)
	List<DatasetSummary> list() {
		return jdbc.query("""
				SELECT g.id, g.name, g.city, g.source_file, g.coordinates, g.row_count, g.warning_count,
				       (SELECT count(*) FROM gazetteer_road r WHERE r.dataset_id = g.id), g.imported_at, g.imported_by
				  FROM gazetteer_dataset g ORDER BY g.name""", (rs, i) -> new DatasetSummary(rs.getLong(1), rs.getString(2),
				rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
				rs.getTimestamp(9).toInstant(), rs.getString(10)));
	}

	@Transactional
	void remove(long id, String actor, String remoteAddress) {
		String name = jdbc.query("SELECT name FROM gazetteer_dataset WHERE id = :id", Map.of("id", id),
				(rs, i) -> rs.getString(1)).stream().findFirst().orElseThrow(() -> new NotFoundException("gazetteer dataset", id));
		// not while a matching run writes matches that name this dataset's door plates (V168)
		jdbc.getJdbcOperations().execute("SELECT pg_advisory_xact_lock(" + AddressMatching.LOCK + ")");
		jdbc.update("DELETE FROM gazetteer_dataset WHERE id = :id", Map.of("id", id));
		audit.record(actor, "gazetteer.removed", "gazetteer_dataset", id, Map.of("name", name), remoteAddress);
	}

	/**
	 * Imports a door-plate file as the dataset {@code name} (replacing one of that name).
	 * @throws GazetteerFile.Unreadable when the file cannot be read at all
	 * @throws RefusedFile when lines are bad; nothing is written
	 */
	@Transactional
	Imported importFile(String name, String city, byte[] bytes, String fileName, String actor, String remoteAddress) {
		GazetteerFile file = GazetteerFile.open(bytes, properties.maxUncompressedBytes());
		jdbc.getJdbcOperations().execute("""
				CREATE TEMP TABLE gazetteer_staging (line integer, city text, district text, village text, road text,
				  road_key text, lane integer, alley integer, number integer, sub integer, raw_address text,
				  x float8, y float8, projected boolean) ON COMMIT DROP""");
		List<LineProblem> problems = new ArrayList<>();
		long[] bad = { 0 };
		long rows = 0;
		int projected = 0;
		try (CopyRows.Copy staging = copy.into("gazetteer_staging",
				"line, city, district, village, road, road_key, lane, alley, number, sub, raw_address, x, y, projected")) {
			try {
				for (CSVRecord r : file.records()) {
					long line = r.getRecordNumber();
					rows++;
					if (rows > properties.maxRows()) {
						throw new GazetteerFile.Unreadable("gazetteer.file.tooManyRows", properties.maxRows());
					}
					Line l = readLine(file, r, city, problems, bad);
					// after the first bad line nothing more is staged: the file will be refused, only its problems count
					if (l != null && bad[0] == 0) {
						if (l.projected) {
							projected++;
						}
						staging.row(line, l.city, l.address.district() == null ? "" : l.address.district(), l.village,
								l.address.road(), l.address.roadKey(), l.address.lane(), l.address.alley(),
								l.address.number(), l.address.sub(), l.raw, l.x, l.y, l.projected);
					}
				}
			}
			catch (java.io.UncheckedIOException | IllegalStateException e) {
				if (GazetteerFile.rootMessage(e).contains("Input length") || e.getCause() instanceof java.nio.charset.CharacterCodingException) {
					throw new GazetteerFile.Unreadable("gazetteer.file.encoding");
				}
				throw new GazetteerFile.Unreadable("gazetteer.file.broken", GazetteerFile.rootMessage(e));
			}
			if (bad[0] > 0) {
				throw new RefusedFile(problems, bad[0]);
			}
			if (rows == 0) {
				throw new GazetteerFile.Unreadable("gazetteer.file.noRows");
			}
			staging.finish();
		}
		MapSqlParameterSource p = new MapSqlParameterSource("name", name).addValue("city", city)
			.addValue("file", fileName == null ? null : fileName.length() > 300 ? fileName.substring(0, 300) : fileName)
			.addValue("coordinates", projected * 2 >= rows ? "TWD97" : "WGS84").addValue("by", actor);
		// not while a matching run writes matches that name the replaced dataset's door plates (V168)
		jdbc.getJdbcOperations().execute("SELECT pg_advisory_xact_lock(" + AddressMatching.LOCK + ")");
		boolean replaced = jdbc.update("DELETE FROM gazetteer_dataset WHERE name = :name", p) > 0;
		long id = jdbc.queryForObject("""
				INSERT INTO gazetteer_dataset (name, city, source_file, coordinates, imported_by)
				VALUES (:name, :city, :file, :coordinates, :by) RETURNING id""", p, Long.class);
		p.addValue("id", id).addValue("limit", REPORTED);
		List<LineProblem> warnings = jdbc.query("""
				SELECT line, first_line FROM (
				  SELECT line, min(line) OVER (PARTITION BY city, district, road_key, lane, alley, number, sub) AS first_line
				    FROM gazetteer_staging) s
				 WHERE line <> first_line ORDER BY line LIMIT :limit""", p,
				(rs, i) -> new LineProblem(rs.getLong(1), "address", "gazetteer.line.duplicate", List.of(rs.getLong(2))));
		long inserted = jdbc.update("""
				INSERT INTO door_plate (dataset_id, line, city, district, village, road, road_key, lane, alley, number, sub, raw_address, location)
				SELECT :id, line, city, district, village, road, road_key, lane, alley, number, sub, raw_address,
				       CASE WHEN projected THEN ST_Transform(ST_SetSRID(ST_MakePoint(x, y), 3826), 4326)
				            ELSE ST_SetSRID(ST_MakePoint(x, y), 4326) END
				  FROM (SELECT DISTINCT ON (city, district, road_key, lane, alley, number, sub) *
				          FROM gazetteer_staging ORDER BY city, district, road_key, lane, alley, number, sub, line) s""", p);
		long outside = jdbc.queryForObject("""
				SELECT count(*) FROM door_plate WHERE dataset_id = :id
				   AND NOT (ST_X(location) BETWEEN 118.0 AND 122.5 AND ST_Y(location) BETWEEN 21.5 AND 26.5)""", p, Long.class);
		if (outside > 0) {
			throw new RefusedFile(jdbc.query("""
					SELECT line, ST_X(location), ST_Y(location) FROM door_plate WHERE dataset_id = :id
					   AND NOT (ST_X(location) BETWEEN 118.0 AND 122.5 AND ST_Y(location) BETWEEN 21.5 AND 26.5)
					 ORDER BY line LIMIT :limit""", p, (rs, i) -> new LineProblem(rs.getLong(1), "coordinates",
					"gazetteer.line.outsideTaiwan", List.of(round(rs.getDouble(2)), round(rs.getDouble(3))))), outside);
		}
		jdbc.update("""
				INSERT INTO gazetteer_road (dataset_id, city, district, road_key, plates, middle_plate, points, spine)
				SELECT :id, city, district, road_key, plates, middle_plate, points,
				       CASE WHEN odd IS NOT NULL AND even IS NOT NULL THEN ST_Collect(odd, even) ELSE coalesce(odd, even, points) END
				  FROM (SELECT city, district, road_key, count(*) AS plates,
				               coalesce((array_agg(id ORDER BY number, sub) FILTER (WHERE lane = 0 AND alley = 0))
				                          [(count(*) FILTER (WHERE lane = 0 AND alley = 0) + 1) / 2],
				                        (array_agg(id ORDER BY lane, alley, number, sub))[(count(*) + 1) / 2]) AS middle_plate,
				               ST_Multi(coalesce(ST_Collect(location) FILTER (WHERE lane = 0 AND alley = 0), ST_Collect(location))) AS points,
				               CASE WHEN count(*) FILTER (WHERE lane = 0 AND alley = 0 AND parity = 1) >= 2 THEN ST_Simplify(
				                 ST_MakeLine(location ORDER BY number, sub) FILTER (WHERE lane = 0 AND alley = 0 AND parity = 1), 0.00005) END AS odd,
				               CASE WHEN count(*) FILTER (WHERE lane = 0 AND alley = 0 AND parity = 0) >= 2 THEN ST_Simplify(
				                 ST_MakeLine(location ORDER BY number, sub) FILTER (WHERE lane = 0 AND alley = 0 AND parity = 0), 0.00005) END AS even
				          FROM door_plate WHERE dataset_id = :id GROUP BY city, district, road_key) r""", p);
		long duplicates = rows - inserted;
		jdbc.update("UPDATE gazetteer_dataset SET row_count = :rows, warning_count = :warnings WHERE id = :id",
				p.addValue("rows", inserted).addValue("warnings", duplicates));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", name);
		details.put("file", fileName);
		details.put("rows", inserted);
		details.put("duplicates", duplicates);
		details.put("replaced", replaced);
		audit.record(actor, "gazetteer.imported", "gazetteer_dataset", id, details, remoteAddress);
		return new Imported(id, name, inserted, duplicates, warnings, replaced, file.encoding(),
				projected * 2 >= rows ? "TWD97" : "WGS84");
	}

	private static double round(double v) {
		return Math.round(v * 1e6) / 1e6;
	}

	private record Line(String city, String village, Address address, String raw, double x, double y, boolean projected) {
	}

	/** Reads one line; adds its problems (the first REPORTED) and counts them in {@code bad[0]}. */
	private static Line readLine(GazetteerFile file, CSVRecord r, String datasetCity, List<LineProblem> problems,
			long[] bad) {
		long line = r.getRecordNumber();
		long badBefore = bad[0];
		String raw;
		Address a;
		String district = text(file.value(r, Column.DISTRICT));
		if (file.has(Column.ADDRESS) && file.value(r, Column.ADDRESS) != null) {
			raw = file.value(r, Column.ADDRESS);
			a = AddressNormaliser.parse(raw);
		}
		else {
			String road = file.value(r, Column.ROAD);
			if (road == null) {
				road = file.value(r, Column.AREA);
			}
			// the district column is not written into the text: a town's name (台東市) would read as part of the road
			StringBuilder s = new StringBuilder();
			s.append(road == null ? "" : road);
			String lane = part(file.value(r, Column.LANE), '巷');
			String alley = part(file.value(r, Column.ALLEY), '弄');
			if (lane != null) {
				s.append(lane).append('巷');
			}
			if (alley != null) {
				s.append(alley).append('弄');
			}
			String number = file.value(r, Column.NUMBER);
			if (number != null) {
				s.append(number);
			}
			raw = (district == null ? "" : district) + s;
			if (road == null) {
				problem(problems, bad, line, "road", "gazetteer.line.noRoad", List.of());
			}
			if (number == null) {
				problem(problems, bad, line, "number", "gazetteer.line.noNumber", List.of());
			}
			a = AddressNormaliser.parse(s.toString());
			if (district != null && a.kind() == Address.Kind.DOOR_PLATE && district.length() <= 20) {
				a = a.inDistrict(district);
			}
		}
		if (bad[0] == badBefore && a.kind() != Address.Kind.DOOR_PLATE) {
			problem(problems, bad, line, "address", "gazetteer.line.notADoorPlate", List.of(excerpt(raw)));
		}
		if (a.district() == null && district != null && a.kind() == Address.Kind.DOOR_PLATE) {
			a = a.inDistrict(district.length() > 20 ? null : district);
		}
		String city = text(file.value(r, Column.CITY));
		if (city == null) {
			city = a.city() != null ? a.city() : datasetCity == null ? "" : datasetCity;
		}
		if (city.length() > 20) {
			problem(problems, bad, line, "city", "gazetteer.line.tooLong", List.of(20));
		}
		if (a.district() != null && a.district().length() > 20 || a.roadKey() != null && a.roadKey().length() > 90) {
			problem(problems, bad, line, "address", "gazetteer.line.tooLong", List.of(20));
		}
		boolean twd97 = file.twd97();
		Double x = coordinate(file, r, twd97 ? Column.X : Column.LON, line, problems, bad);
		Double y = coordinate(file, r, twd97 ? Column.Y : Column.LAT, line, problems, bad);
		if (x == null || y == null) {
			return null;
		}
		// some "TWD97" files carry degrees in their X and Y columns: a value a degree can be is taken as one
		boolean projected = twd97 && Math.abs(x) > 180;
		boolean inRange = projected ? x >= -100_000 && x <= 500_000 && y >= 2_300_000 && y <= 2_950_000
				: x >= 118.0 && x <= 122.5 && y >= 21.5 && y <= 26.5;
		if (!inRange) {
			problem(problems, bad, line, "coordinates", "gazetteer.line.outsideTaiwan", List.of(x, y));
		}
		if (bad[0] != badBefore) {
			return null;
		}
		String village = text(file.value(r, Column.VILLAGE));
		return new Line(city, village != null && village.length() <= 40 ? village : null, a, excerpt(raw), x, y, projected);
	}

	private static Double coordinate(GazetteerFile file, CSVRecord r, Column c, long line, List<LineProblem> problems,
			long[] bad) {
		String field = c.name().toLowerCase(java.util.Locale.ROOT);
		String v = file.value(r, c);
		if (v == null) {
			problem(problems, bad, line, field, "gazetteer.line.coordinateMissing", List.of());
			return null;
		}
		try {
			double d = Double.parseDouble(java.text.Normalizer.normalize(v, java.text.Normalizer.Form.NFKC).replace(",", ""));
			if (!Double.isFinite(d)) {
				throw new NumberFormatException();
			}
			return d;
		}
		catch (NumberFormatException e) {
			problem(problems, bad, line, field, "gazetteer.line.coordinateNotNumber", List.of(excerpt(v)));
			return null;
		}
	}

	private static void problem(List<LineProblem> problems, long[] bad, long line, String field, String code,
			List<Object> args) {
		bad[0]++;
		if (problems.size() < REPORTED) {
			problems.add(new LineProblem(line, field, code, args));
		}
	}

	/** A cell's number for 巷 or 弄, without the unit people sometimes write in it. */
	private static String part(String v, char unit) {
		if (v == null) {
			return null;
		}
		String s = v.strip();
		if (!s.isEmpty() && s.charAt(s.length() - 1) == unit) {
			s = s.substring(0, s.length() - 1);
		}
		return s.isEmpty() || s.equals("0") ? null : s;
	}

	private static String text(String v) {
		if (v == null) {
			return null;
		}
		String s = java.text.Normalizer.normalize(v, java.text.Normalizer.Form.NFKC).replaceAll("\\s", "").replace('臺', '台');
		return s.isEmpty() ? null : s;
	}

	private static String excerpt(String v) {
		String s = v.replaceAll("\\p{Cntrl}", " ");
		return s.length() > 120 ? s.substring(0, 120) + "…" : s;
	}
}
