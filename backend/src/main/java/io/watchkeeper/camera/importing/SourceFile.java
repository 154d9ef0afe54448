package io.watchkeeper.camera.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.watchkeeper.camera.importing.ColumnMapping.Column;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An uploaded file, read as CSV or as a GeoJSON FeatureCollection of Points. {@link #analyze} decodes it,
 * finds the columns (CSV headers; GeoJSON property names plus the geometry) with a few sample values,
 * and refuses files that cannot be imported at all. {@link #records()} then streams the records.
 */
final class SourceFile {

	enum Format {
		CSV, GEOJSON
	}

	/** The column GeoJSON geometries appear in, as {@code "lon,lat"}. */
	static final String GEOMETRY_COLUMN = "(geometry)";

	static final int SAMPLES = 5;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** One record: its line in the file (the feature number for GeoJSON), its values by column, and a problem with the record as a whole. */
	record SourceRecord(int line, String[] values, BadValue problem) {
	}

	private final byte[] bytes;

	private final Format format;

	private final TextEncoding.Detected encoding;

	private final char delimiter;

	private final List<Column> columns;

	private final int estimatedRecords;

	private SourceFile(byte[] bytes, Format format, TextEncoding.Detected encoding, char delimiter, List<Column> columns,
			int estimatedRecords) {
		this.bytes = bytes;
		this.format = format;
		this.encoding = encoding;
		this.delimiter = delimiter;
		this.columns = columns;
		this.estimatedRecords = estimatedRecords;
	}

	/**
	 * @param format null to decide from the file name and content
	 * @throws ImportFileException when the file cannot be imported at all
	 */
	static SourceFile analyze(String fileName, byte[] bytes, Format format, TextEncoding.Choice encodingChoice,
			int maxRecords) {
		if (isBlank(bytes)) {
			throw new ImportFileException("import.file.empty");
		}
		TextEncoding.Detected encoding = TextEncoding.detect(bytes, encodingChoice);
		Format actual = format != null ? format : guessFormat(fileName, bytes, encoding);
		SourceFile file = actual == Format.CSV ? analyzeCsv(bytes, encoding) : analyzeGeoJson(bytes, encoding);
		if (file.estimatedRecords > maxRecords) {
			throw new ImportFileException(413, "import.file.tooManyRows", file.estimatedRecords, maxRecords);
		}
		return file;
	}

	/** Re-opens a file analysed earlier (stored with its job) without looking at the content again. */
	static SourceFile reopen(byte[] bytes, Format format, TextEncoding.Detected encoding, char delimiter, List<Column> columns,
			int estimatedRecords) {
		return new SourceFile(bytes, format, encoding, delimiter, columns, estimatedRecords);
	}

	Format format() {
		return format;
	}

	TextEncoding.Detected encoding() {
		return encoding;
	}

	char delimiter() {
		return delimiter;
	}

	List<Column> columns() {
		return columns;
	}

	int estimatedRecords() {
		return estimatedRecords;
	}

	byte[] bytes() {
		return bytes;
	}

	/** A column name is kept with the job (PostgreSQL jsonb cannot hold a NUL) and shown on pages: refuse the file. */
	private static void refuseControlCharacters(String header, int column) {
		if (header != null && Values.hasControlCharacters(header)) {
			throw new ImportFileException("import.file.controlCharactersInHeader", column, Values.forReport(header));
		}
	}

	/** Streams the data records (not the header), skipping blank ones. */
	Iterator<SourceRecord> records() {
		return format == Format.CSV ? csvRecords() : geoJsonRecords();
	}

	private static boolean isBlank(byte[] bytes) {
		for (byte b : bytes) {
			if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF
					&& b != (byte) 0xFF && b != (byte) 0xFE && b != 0) {
				return false;
			}
		}
		return true;
	}

	private static Format guessFormat(String fileName, byte[] bytes, TextEncoding.Detected encoding) {
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		if (name.endsWith(".geojson") || name.endsWith(".json")) {
			return Format.GEOJSON;
		}
		if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv")) {
			return Format.CSV;
		}
		try (Reader reader = reader(bytes, encoding)) {
			int c;
			while ((c = reader.read()) >= 0 && Character.isWhitespace(c)) {
				// skip
			}
			return c == '{' ? Format.GEOJSON : Format.CSV;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Reader reader(byte[] bytes, TextEncoding.Detected encoding) {
		return new InputStreamReader(new ByteArrayInputStream(bytes, encoding.bomLength(), bytes.length - encoding.bomLength()),
				encoding.charset());
	}

	// ---- CSV

	private static SourceFile analyzeCsv(byte[] bytes, TextEncoding.Detected encoding) {
		char delimiter = guessDelimiter(bytes, encoding);
		List<String> headers;
		List<List<String>> samples = new ArrayList<>();
		boolean anyData = false;
		try (CSVParser parser = csvFormat(delimiter).parse(reader(bytes, encoding))) {
			Iterator<CSVRecord> it = parser.iterator();
			headers = it.hasNext() ? it.next().toList() : List.of();
			try {
				while (it.hasNext()) {
					CSVRecord record = it.next();
					if (isBlank(record)) {
						continue;
					}
					anyData = true;
					samples.add(record.toList());
					if (samples.size() >= SAMPLES) {
						break;
					}
				}
			}
			catch (UncheckedIOException | IllegalStateException e) {
				// broken CSV after the header: the run reports it on its line, with the rows before it
				anyData = true;
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException e) {
			throw new ImportFileException("import.file.csv", rootMessage(e));
		}
		if (headers.stream().allMatch(h -> Values.clean(h) == null)) {
			throw new ImportFileException("import.file.noHeader");
		}
		if (!anyData) {
			throw new ImportFileException("import.file.noRows");
		}
		List<Column> columns = new ArrayList<>();
		for (int i = 0; i < headers.size(); i++) {
			String header = Values.clean(headers.get(i));
			refuseControlCharacters(header, i + 1);
			List<String> values = new ArrayList<>();
			for (List<String> row : samples) {
				values.add(i < row.size() ? Values.forReport(row.get(i)) : "");
			}
			columns.add(new Column(i, header == null ? "#" + (i + 1) : header, values));
		}
		return new SourceFile(bytes, Format.CSV, encoding, delimiter, columns, countLines(bytes) - 1);
	}

	private static CSVFormat csvFormat(char delimiter) {
		return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).setTrim(false).get();
	}

	/** Comma, tab or semicolon, whichever the first line has most of outside quotes. */
	private static char guessDelimiter(byte[] bytes, TextEncoding.Detected encoding) {
		int commas = 0;
		int tabs = 0;
		int semicolons = 0;
		boolean quoted = false;
		try (Reader reader = reader(bytes, encoding)) {
			int c;
			while ((c = reader.read()) >= 0 && (quoted || c != '\n')) {
				if (c == '"') {
					quoted = !quoted;
				}
				else if (!quoted) {
					if (c == ',') {
						commas++;
					}
					else if (c == '\t') {
						tabs++;
					}
					else if (c == ';') {
						semicolons++;
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (tabs > commas && tabs >= semicolons) {
			return '\t';
		}
		return semicolons > commas ? ';' : ',';
	}

	private static int countLines(byte[] bytes) {
		int lines = 0;
		for (byte b : bytes) {
			if (b == '\n') {
				lines++;
			}
		}
		return bytes.length > 0 && bytes[bytes.length - 1] != '\n' ? lines + 1 : lines;
	}

	private static boolean isBlank(CSVRecord record) {
		for (String v : record) {
			if (!v.isBlank()) {
				return false;
			}
		}
		return true;
	}

	private Iterator<SourceRecord> csvRecords() {
		CSVParser parser;
		try {
			parser = csvFormat(delimiter).parse(reader(bytes, encoding));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Iterator<CSVRecord> it = parser.iterator();
		int width = columns.size();
		return new Iterator<>() {
			long consumedLines;

			SourceRecord next;

			{
				if (it.hasNext()) {
					it.next(); // header
				}
				consumedLines = parser.getCurrentLineNumber();
				advance();
			}

			private void advance() {
				next = null;
				try {
					while (it.hasNext()) {
						CSVRecord record = it.next();
						int line = (int) consumedLines + 1;
						consumedLines = parser.getCurrentLineNumber();
						if (isBlank(record)) {
							continue;
						}
						String[] values = new String[width];
						BadValue problem = null;
						for (int i = 0; i < record.size(); i++) {
							if (i < width) {
								values[i] = record.get(i);
							}
							else if (!record.get(i).isBlank()) {
								problem = new BadValue("import.error.columnCount", record.size(), width);
							}
						}
						next = new SourceRecord(line, values, problem);
						return;
					}
				}
				catch (UncheckedIOException | IllegalStateException e) {
					// commons-csv reports an unterminated quote this way; the rest of the file is one broken record
					next = new SourceRecord((int) consumedLines + 1, new String[width],
							new BadValue("import.error.csvSyntax", rootMessage(e)));
					consumedLines = Integer.MAX_VALUE - 1;
					exhausted = true;
				}
			}

			boolean exhausted;

			@Override
			public boolean hasNext() {
				return next != null;
			}

			@Override
			public SourceRecord next() {
				SourceRecord current = next;
				if (exhausted) {
					next = null;
				}
				else {
					advance();
				}
				return current;
			}
		};
	}

	// ---- GeoJSON

	private static SourceFile analyzeGeoJson(byte[] bytes, TextEncoding.Detected encoding) {
		Map<String, List<String>> properties = new LinkedHashMap<>();
		List<String> geometries = new ArrayList<>();
		int[] features = { 0 };
		boolean[] collection = { false };
		scanGeoJson(bytes, encoding, collection, feature -> {
			features[0]++;
			JsonNode props = feature.get("properties");
			if (props != null && props.isObject()) {
				for (Map.Entry<String, JsonNode> e : props.properties()) {
					List<String> samples = properties.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
					if (features[0] <= SAMPLES) {
						while (samples.size() < features[0] - 1) {
							samples.add("");
						}
						samples.add(Values.forReport(text(e.getValue())));
					}
				}
			}
			if (geometries.size() < SAMPLES) {
				String g = geometryText(feature.get("geometry"));
				geometries.add(g == null ? "" : Values.forReport(g));
			}
		});
		if (!collection[0]) {
			throw new ImportFileException("import.file.notFeatureCollection");
		}
		if (features[0] == 0) {
			throw new ImportFileException("import.file.noRows");
		}
		List<Column> columns = new ArrayList<>();
		properties.forEach((name, samples) -> {
			refuseControlCharacters(name, columns.size() + 1);
			columns.add(new Column(columns.size(), name, samples));
		});
		columns.add(new Column(columns.size(), GEOMETRY_COLUMN, geometries));
		return new SourceFile(bytes, Format.GEOJSON, encoding, ',', columns, features[0]);
	}

	private static void scanGeoJson(byte[] bytes, TextEncoding.Detected encoding, boolean[] collection,
			java.util.function.Consumer<JsonNode> perFeature) {
		try (JsonParser parser = JSON.createParser(reader(bytes, encoding))) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new ImportFileException("import.file.notFeatureCollection");
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if (name.equals("type")) {
					collection[0] = value == JsonToken.VALUE_STRING && "FeatureCollection".equals(parser.getString());
				}
				else if (name.equals("features") && value == JsonToken.START_ARRAY) {
					while (parser.nextToken() != JsonToken.END_ARRAY) {
						JsonNode feature = parser.readValueAsTree();
						perFeature.accept(feature);
					}
				}
				else {
					parser.skipChildren();
				}
			}
		}
		catch (JacksonException e) {
			var where = e.getLocation();
			throw new ImportFileException("import.file.json", where == null ? 0 : where.getLineNr(),
					where == null ? 0 : where.getColumnNr(), e.getOriginalMessage());
		}
	}

	private Iterator<SourceRecord> geoJsonRecords() {
		// Features are parsed one at a time and kept as flat records; the upload limit bounds the total.
		List<SourceRecord> batch = new ArrayList<>();
		int width = columns.size();
		Map<String, Integer> index = new LinkedHashMap<>();
		for (Column c : columns) {
			index.put(c.header(), c.index());
		}
		int[] number = { 0 };
		scanGeoJson(bytes, encoding, new boolean[1], feature -> {
			number[0]++;
			String[] values = new String[width];
			BadValue problem = null;
			JsonNode props = feature.get("properties");
			if (props != null && props.isObject()) {
				for (Map.Entry<String, JsonNode> e : props.properties()) {
					Integer i = index.get(e.getKey());
					if (i != null) {
						values[i] = text(e.getValue());
					}
				}
			}
			JsonNode geometry = feature.get("geometry");
			if (geometry != null && !geometry.isNull()) {
				String type = geometry.path("type").asString("");
				if (!type.equals("Point")) {
					problem = new BadValue("import.error.geometry.notPoint", type);
				}
				else {
					values[width - 1] = geometryText(geometry);
				}
			}
			batch.add(new SourceRecord(number[0], values, problem));
		});
		return batch.iterator();
	}

	private static String geometryText(JsonNode geometry) {
		if (geometry == null || geometry.isNull()) {
			return null;
		}
		JsonNode coordinates = geometry.get("coordinates");
		if (!"Point".equals(geometry.path("type").asString("")) || coordinates == null || !coordinates.isArray()) {
			return geometry.toString();
		}
		if (coordinates.size() < 2 || !coordinates.get(0).isNumber() || !coordinates.get(1).isNumber()) {
			return coordinates.toString();
		}
		return coordinates.get(0).asString() + "," + coordinates.get(1).asString();
	}

	private static String text(JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		return node.isValueNode() ? node.asString() : node.toString();
	}

	private static String rootMessage(Throwable e) {
		Throwable t = e;
		while (t.getCause() != null) {
			t = t.getCause();
		}
		return t.getMessage();
	}
}
