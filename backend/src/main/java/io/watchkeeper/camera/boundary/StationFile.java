package io.watchkeeper.camera.boundary;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.watchkeeper.camera.boundary.GeoJsonPolygons.Problem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an uploaded stations file before anything is written: a CSV (UTF-8, with or without byte order mark, or
 * Big5 as Windows writes it) with columns precinct (分局), station (派出所), optionally the English name and the code,
 * header names recognised in Chinese and English; or a GeoJSON FeatureCollection of station boundaries whose
 * properties name the precinct and the station the same way. Every problem names its line (CSV) or feature (GeoJSON)
 * and field; a file with any problem is refused whole.
 */
final class StationFile {

	/** One station of the file, ready to be written; {@code geometryJson} only for GeoJSON. */
	record Entry(int line, String where, long precinctId, String nameZh, String nameEn, String code, String geometryJson,
			String repair) {
	}

	record Parsed(String format, List<Entry> entries) {
	}

	/** More rows than any city has stations: a file this long is the wrong file. */
	static final int MAX_ROWS = 5000;

	static final int MAX_PROBLEMS = 100;

	enum Column {
		PRECINCT("分局", "所屬分局", "轄區分局", "分局名稱", "分局別", "precinct", "precinctname", "precinctcode"),
		STATION("派出所", "派出所名稱", "所屬派出所", "轄區派出所", "名稱", "中文名稱", "單位", "station", "stationname", "name", "namezh"),
		NAME_EN("英文名稱", "英文", "派出所英文名稱", "nameen", "englishname", "english", "stationnameen"),
		CODE("代碼", "代號", "派出所代碼", "編號", "code", "stationcode");

		final Set<String> names;

		Column(String... names) {
			this.names = Set.of(names);
		}

		static Column of(String header) {
			String key = headerKey(header);
			for (Column c : values()) {
				if (c.names.contains(key)) {
					return c;
				}
			}
			return null;
		}
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Charset BIG5 = Charset.forName("x-windows-950");

	private final Map<String, Long> precincts;

	private final List<Problem> problems = new ArrayList<>();

	private final List<Entry> entries = new ArrayList<>();

	private final Map<Stations.StationName, String> seenNames = new HashMap<>();

	private final Map<String, String> seenCodes = new HashMap<>();

	private StationFile(Map<String, Long> precincts) {
		this.precincts = precincts;
	}

	/**
	 * Reads and checks the file; {@code precincts} maps {@link Stations#key} of each precinct's code and names to its
	 * id. Throws {@link BoundaryFileException} with every problem.
	 */
	static Parsed read(String fileName, byte[] content, Map<String, Long> precincts) {
		StationFile file = new StationFile(precincts);
		String format = isGeoJson(fileName, content) ? "geojson" : "csv";
		if (content == null || content.length == 0) {
			file.problems.add(new Problem("file", "station.file.empty"));
		}
		else if (format.equals("geojson")) {
			file.readGeoJson(content);
		}
		else {
			file.readCsv(content);
		}
		if (!file.problems.isEmpty()) {
			List<Problem> reported = file.problems;
			if (reported.size() > MAX_PROBLEMS) {
				int more = reported.size() - MAX_PROBLEMS;
				reported = new ArrayList<>(reported.subList(0, MAX_PROBLEMS));
				reported.add(new Problem("file", "boundary.problem.more", more));
			}
			throw new BoundaryFileException("station.file.rejected", List.of(file.problems.size()), reported, false);
		}
		return new Parsed(format, List.copyOf(file.entries));
	}

	private static boolean isGeoJson(String fileName, byte[] content) {
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		if (name.endsWith(".geojson") || name.endsWith(".json")) {
			return true;
		}
		if (name.endsWith(".csv") || name.endsWith(".txt") || content == null) {
			return false;
		}
		int i = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF ? 3 : 0;
		while (i < content.length && Character.isWhitespace(content[i])) {
			i++;
		}
		return i < content.length && content[i] == '{';
	}

	// ---- CSV

	private void readCsv(byte[] content) {
		String text = decode(content);
		if (text == null) {
			return;
		}
		char delimiter = delimiter(text);
		try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get()
			.parse(new java.io.StringReader(text))) {
			var it = parser.iterator();
			if (!it.hasNext()) {
				problems.add(new Problem("file", "station.file.empty"));
				return;
			}
			CSVRecord header = it.next();
			Map<Column, Integer> columns = new LinkedHashMap<>();
			List<String> headers = new ArrayList<>();
			for (int i = 0; i < header.size(); i++) {
				String h = header.get(i) == null ? "" : header.get(i).replace("\uFEFF", "").strip();
				headers.add(h);
				Column c = Column.of(h);
				if (c != null && !columns.containsKey(c)) {
					columns.put(c, i);
				}
			}
			for (Column required : List.of(Column.PRECINCT, Column.STATION)) {
				if (!columns.containsKey(required)) {
					problems.add(new Problem("line 1", required == Column.PRECINCT ? "station.file.noPrecinctColumn"
							: "station.file.noStationColumn", String.join(", ", headers)));
				}
			}
			if (!problems.isEmpty()) {
				return;
			}
			int rows = 0;
			// the iterator reads a record ahead, so the line count after hasNext() is where that record ends; it starts
			// on the line after the previous one ended (a quoted value may span lines)
			long previousEnd = parser.getCurrentLineNumber();
			while (it.hasNext()) {
				int line = (int) previousEnd + 1;
				previousEnd = parser.getCurrentLineNumber();
				CSVRecord record = it.next();
				if (isBlank(record)) {
					continue;
				}
				if (++rows > MAX_ROWS) {
					problems.add(new Problem("line " + line, "station.file.tooMany", MAX_ROWS));
					return;
				}
				Map<Column, String> values = new LinkedHashMap<>();
				Map<Column, String> fields = new LinkedHashMap<>();
				columns.forEach((c, i) -> {
					values.put(c, i < record.size() ? record.get(i) : null);
					fields.put(c, "line " + line + ": " + headers.get(i));
				});
				entry(line, "line " + line, values, fields, null);
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException e) {
			problems.add(new Problem("file", "station.file.csv", String.valueOf(e.getMessage())));
		}
	}

	/** UTF-8 (a byte order mark or valid UTF-8) or Big5; a file that is neither is a problem. */
	private String decode(byte[] content) {
		int bom = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF ? 3 : 0;
		for (Charset charset : bom > 0 ? List.of(StandardCharsets.UTF_8) : List.of(StandardCharsets.UTF_8, BIG5)) {
			try {
				return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(content, bom, content.length - bom)).toString();
			}
			catch (CharacterCodingException e) {
				// try the next one
			}
		}
		problems.add(new Problem("file", "station.file.encoding"));
		return null;
	}

	private static char delimiter(String text) {
		int end = text.indexOf('\n');
		String first = end < 0 ? text : text.substring(0, end);
		long commas = first.chars().filter(c -> c == ',').count();
		long tabs = first.chars().filter(c -> c == '\t').count();
		long semicolons = first.chars().filter(c -> c == ';').count();
		return tabs > commas && tabs >= semicolons ? '\t' : semicolons > commas ? ';' : ',';
	}

	private static boolean isBlank(CSVRecord record) {
		for (String v : record) {
			if (v != null && !v.isBlank()) {
				return false;
			}
		}
		return true;
	}

	// ---- GeoJSON

	private void readGeoJson(byte[] content) {
		GeoJsonPolygons.Result parsed = GeoJsonPolygons.read(content);
		problems.addAll(parsed.problems());
		if (parsed.features().size() > MAX_ROWS) {
			problems.add(new Problem("features", "station.file.tooMany", MAX_ROWS));
			return;
		}
		for (GeoJsonPolygons.Feature feature : parsed.features()) {
			String path = "features[" + feature.index() + "].properties";
			Map<Column, String> values = new LinkedHashMap<>();
			Map<Column, String> fields = new LinkedHashMap<>();
			feature.properties().forEach((key, value) -> {
				Column c = Column.of(key);
				if (c != null && !values.containsKey(c)) {
					values.put(c, value);
					fields.put(c, path + "." + key);
				}
			});
			for (Column c : Column.values()) {
				fields.putIfAbsent(c, path + "." + c.name().toLowerCase(Locale.ROOT));
			}
			entry(feature.index(), "features[" + feature.index() + "]", values, fields, feature);
		}
	}

	// ---- one station

	private void entry(int line, String where, Map<Column, String> values, Map<Column, String> fields,
			GeoJsonPolygons.Feature feature) {
		int before = problems.size();
		Long precinctId = null;
		String precinct = Stations.name(values.get(Column.PRECINCT));
		if (precinct == null) {
			problems.add(new Problem(fields.get(Column.PRECINCT), "station.problem.precinct.required"));
		}
		else {
			precinctId = precincts.get(Stations.key(precinct));
			if (precinctId == null) {
				problems.add(new Problem(fields.get(Column.PRECINCT), "station.file.precinctUnknown", precinct));
			}
		}
		String nameZh = Stations.name(values.get(Column.STATION));
		for (Problem p : Stations.problems(nameZh, fields.get(Column.STATION))) {
			problems.add(p);
		}
		String nameEn = Stations.name(values.get(Column.NAME_EN));
		if (nameEn != null) {
			problems.addAll(Stations.problems(nameEn, fields.get(Column.NAME_EN)));
		}
		String code = Stations.code(values.get(Column.CODE));
		if (code != null) {
			if (!Stations.CODE.matcher(code).matches()) {
				problems.add(new Problem(fields.get(Column.CODE), "station.problem.code", code));
			}
			else {
				String first = seenCodes.putIfAbsent(code, where);
				if (first != null) {
					problems.add(new Problem(fields.get(Column.CODE), "station.file.duplicateCode", code, first));
				}
			}
		}
		if (problems.size() > before) {
			return;
		}
		Stations.StationName name = new Stations.StationName(precinctId, nameZh);
		String first = seenNames.putIfAbsent(name, where);
		if (first != null) {
			problems.add(new Problem(fields.get(Column.STATION), "station.file.duplicateName", nameZh, first));
			return;
		}
		entries.add(new Entry(line, fields.get(Column.STATION), precinctId, nameZh, nameEn, code,
				feature == null ? null : feature.geometryJson(), feature == null ? null : feature.topologyProblem()));
	}

	/** Header or property name as compared: folded, lower case, without spaces, underscores, hyphens and brackets. */
	static String headerKey(String header) {
		if (header == null) {
			return "";
		}
		return Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
			.replaceAll("[\\s_\\-()（）\\[\\]\"'.]", "");
	}

	/** A bare geometry or a single Feature wrapped as a FeatureCollection, so that {@link GeoJsonPolygons} reads it. */
	static byte[] asFeatureCollection(byte[] geoJson) {
		if (geoJson == null || geoJson.length == 0) {
			return geoJson;
		}
		String type;
		try {
			JsonNode root = JSON.readTree(new ByteArrayInputStream(geoJson));
			type = root != null && root.isObject() && root.get("type") != null ? root.get("type").asString() : null;
		}
		catch (RuntimeException e) {
			return geoJson; // GeoJsonPolygons reports it with its position
		}
		String text = new String(geoJson, StandardCharsets.UTF_8);
		if ("Feature".equals(type)) {
			return ("{\"type\":\"FeatureCollection\",\"features\":[" + text + "]}").getBytes(StandardCharsets.UTF_8);
		}
		if ("Polygon".equals(type) || "MultiPolygon".equals(type)) {
			return ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":" + text
					+ "}]}").getBytes(StandardCharsets.UTF_8);
		}
		return geoJson;
	}

}
