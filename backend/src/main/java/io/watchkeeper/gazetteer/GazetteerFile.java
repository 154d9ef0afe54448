package io.watchkeeper.gazetteer;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A door-plate file as cities publish it: CSV in UTF-8 or Big5 (also gzip- or zip-compressed, since a city's list
 * is larger than an upload), with either the split columns (縣市, 鄉鎮市區, 村里, 鄰, 街路段, 地區, 巷, 弄, 號) or one
 * full-address column, and either TWD97 TM2 (橫坐標, 縱坐標; EPSG:3826) or WGS84 (經度, 緯度) coordinates. Header names
 * are matched leniently (full-width, spaces and punctuation ignored; Chinese and English names).
 */
final class GazetteerFile {

	/** The columns a door-plate file may have. */
	enum Column {
		CITY, DISTRICT, VILLAGE, NEIGHBOURHOOD, ROAD, AREA, LANE, ALLEY, NUMBER, ADDRESS, X, Y, LON, LAT
	}

	/** A file that cannot be read at all: a message code of messages/gazetteer and its arguments. */
	static final class Unreadable extends RuntimeException {

		final String code;

		final Object[] args;

		Unreadable(String code, Object... args) {
			super(code);
			this.code = code;
			this.args = args;
		}
	}

	private static final Map<String, Column> HEADERS = Map.ofEntries(Map.entry("縣市", Column.CITY),
			Map.entry("縣市名稱", Column.CITY), Map.entry("縣市別", Column.CITY), Map.entry("city", Column.CITY),
			Map.entry("county", Column.CITY), Map.entry("鄉鎮市區", Column.DISTRICT), Map.entry("鄉鎮市區名稱", Column.DISTRICT),
			Map.entry("鄉鎮", Column.DISTRICT), Map.entry("行政區", Column.DISTRICT), Map.entry("區", Column.DISTRICT),
			Map.entry("district", Column.DISTRICT), Map.entry("town", Column.DISTRICT), Map.entry("村里", Column.VILLAGE),
			Map.entry("村里名稱", Column.VILLAGE), Map.entry("village", Column.VILLAGE), Map.entry("鄰", Column.NEIGHBOURHOOD),
			Map.entry("街路段", Column.ROAD), Map.entry("街路", Column.ROAD), Map.entry("路段", Column.ROAD),
			Map.entry("路名", Column.ROAD), Map.entry("街道", Column.ROAD), Map.entry("road", Column.ROAD),
			Map.entry("street", Column.ROAD), Map.entry("地區", Column.AREA), Map.entry("area", Column.AREA),
			Map.entry("巷", Column.LANE), Map.entry("lane", Column.LANE), Map.entry("弄", Column.ALLEY),
			Map.entry("alley", Column.ALLEY), Map.entry("號", Column.NUMBER), Map.entry("門牌號", Column.NUMBER),
			Map.entry("門牌號碼", Column.NUMBER), Map.entry("number", Column.NUMBER), Map.entry("no", Column.NUMBER),
			Map.entry("門牌", Column.ADDRESS), Map.entry("地址", Column.ADDRESS), Map.entry("完整地址", Column.ADDRESS),
			Map.entry("門牌地址", Column.ADDRESS), Map.entry("完整門牌", Column.ADDRESS), Map.entry("address", Column.ADDRESS),
			Map.entry("fulladdress", Column.ADDRESS), Map.entry("橫坐標", Column.X), Map.entry("橫座標", Column.X),
			Map.entry("x", Column.X), Map.entry("twd97x", Column.X), Map.entry("x坐標", Column.X),
			Map.entry("x座標", Column.X), Map.entry("tm2x", Column.X), Map.entry("縱坐標", Column.Y),
			Map.entry("縱座標", Column.Y), Map.entry("y", Column.Y), Map.entry("twd97y", Column.Y),
			Map.entry("y坐標", Column.Y), Map.entry("y座標", Column.Y), Map.entry("tm2y", Column.Y),
			Map.entry("經度", Column.LON), Map.entry("lon", Column.LON), Map.entry("lng", Column.LON),
			Map.entry("long", Column.LON), Map.entry("longitude", Column.LON), Map.entry("wgs84經度", Column.LON),
			Map.entry("緯度", Column.LAT), Map.entry("lat", Column.LAT), Map.entry("latitude", Column.LAT),
			Map.entry("wgs84緯度", Column.LAT));

	private final CSVParser parser;

	private final Map<Column, Integer> columns;

	private final String encoding;

	private GazetteerFile(CSVParser parser, Map<Column, Integer> columns, String encoding) {
		this.parser = parser;
		this.columns = columns;
		this.encoding = encoding;
	}

	/**
	 * Opens the file: decompresses it when gzip or zip, decides the encoding (UTF-8 when its start is valid UTF-8,
	 * otherwise Big5 as MS950), reads the header and finds the columns.
	 * @throws Unreadable when the file is empty, not text, or lacks the columns a door plate needs
	 */
	static GazetteerFile open(byte[] bytes, long maxUncompressedBytes) {
		if (bytes == null || bytes.length == 0) {
			throw new Unreadable("gazetteer.file.empty");
		}
		try {
			InputStream in = decompress(bytes, maxUncompressedBytes);
			BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
			buffered.mark(1 << 16);
			byte[] head = buffered.readNBytes(1 << 16);
			buffered.reset();
			Charset charset = isUtf8(head) ? StandardCharsets.UTF_8 : Charset.forName("x-windows-950");
			if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
				buffered.skipNBytes(3);
			}
			CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
			Reader reader = new InputStreamReader(buffered, decoder);
			char delimiter = delimiter(new String(head, charset));
			CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
				.setIgnoreSurroundingSpaces(true).get().parse(reader);
			var records = parser.iterator();
			if (!records.hasNext()) {
				throw new Unreadable("gazetteer.file.empty");
			}
			CSVRecord header = records.next();
			Map<Column, Integer> columns = new EnumMap<>(Column.class);
			for (int i = 0; i < header.size(); i++) {
				Column c = column(header.get(i));
				if (c != null) {
					columns.putIfAbsent(c, i);
				}
			}
			List<String> missing = new ArrayList<>();
			if (!columns.containsKey(Column.ADDRESS) && !columns.containsKey(Column.ROAD) && !columns.containsKey(Column.AREA)) {
				missing.add("街路段 / 門牌 (road / address)");
			}
			if (!columns.containsKey(Column.ADDRESS) && !columns.containsKey(Column.NUMBER)) {
				missing.add("號 (number)");
			}
			boolean twd97 = columns.containsKey(Column.X) && columns.containsKey(Column.Y);
			boolean wgs84 = columns.containsKey(Column.LON) && columns.containsKey(Column.LAT);
			if (!twd97 && !wgs84) {
				missing.add("橫坐標 + 縱坐標 (TWD97) / 經度 + 緯度 (WGS84)");
			}
			if (!missing.isEmpty()) {
				throw new Unreadable("gazetteer.file.columns", String.join(", ", missing));
			}
			return new GazetteerFile(parser, columns, charset == StandardCharsets.UTF_8 ? "UTF-8" : "Big5");
		}
		catch (CharacterCodingException e) {
			throw new Unreadable("gazetteer.file.encoding");
		}
		catch (java.io.UncheckedIOException e) {
			throw e.getCause() instanceof CharacterCodingException ? new Unreadable("gazetteer.file.encoding")
					: new Unreadable("gazetteer.file.broken", rootMessage(e));
		}
		catch (IOException e) {
			throw new Unreadable("gazetteer.file.broken", rootMessage(e));
		}
	}

	boolean twd97() {
		return !(columns.containsKey(Column.LON) && columns.containsKey(Column.LAT));
	}

	String encoding() {
		return encoding;
	}

	boolean has(Column c) {
		return columns.containsKey(c);
	}

	/** The records after the header, each with its line number in the file. */
	Iterable<CSVRecord> records() {
		return parser;
	}

	/** The value of a column in a record, trimmed, or null when absent or empty. */
	String value(CSVRecord r, Column c) {
		Integer i = columns.get(c);
		if (i == null || i >= r.size()) {
			return null;
		}
		String v = r.get(i).strip();
		return v.isEmpty() ? null : v;
	}

	static Column column(String header) {
		String h = Normalizer.normalize(header, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
			.replaceAll("[\\s._\\-()（）:：/・·,，\\[\\]\\uFEFF\"']", "").replace('臺', '台');
		Column c = HEADERS.get(h);
		if (c != null) {
			return c;
		}
		if (h.contains("經度") || h.endsWith("longitude")) {
			return Column.LON;
		}
		if (h.contains("緯度") || h.endsWith("latitude")) {
			return Column.LAT;
		}
		if (h.contains("橫坐標") || h.contains("橫座標")) {
			return Column.X;
		}
		if (h.contains("縱坐標") || h.contains("縱座標")) {
			return Column.Y;
		}
		if (h.contains("街路段") || h.contains("路段")) {
			return Column.ROAD;
		}
		return null;
	}

	private static InputStream decompress(byte[] bytes, long max) throws IOException {
		InputStream raw = new ByteArrayInputStream(bytes);
		if (bytes.length > 2 && (bytes[0] & 0xFF) == 0x1F && (bytes[1] & 0xFF) == 0x8B) {
			return limited(new GZIPInputStream(raw, 1 << 16), max);
		}
		if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
			ZipInputStream zip = new ZipInputStream(raw);
			ZipEntry e;
			while ((e = zip.getNextEntry()) != null) {
				if (!e.isDirectory()) {
					return limited(zip, max);
				}
			}
			throw new Unreadable("gazetteer.file.empty");
		}
		if (bytes.length > max) {
			throw new Unreadable("gazetteer.file.tooLarge", max / 1_000_000);
		}
		return raw;
	}

	/** Stops a compressed file that unpacks to more than {@code max} bytes (a zip bomb) with a clear refusal. */
	private static InputStream limited(InputStream in, long max) {
		return new java.io.FilterInputStream(in) {
			private long read;

			@Override
			public int read() throws IOException {
				int b = super.read();
				count(b < 0 ? 0 : 1);
				return b;
			}

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				int n = super.read(b, off, len);
				count(Math.max(n, 0));
				return n;
			}

			private void count(int n) {
				read += n;
				if (read > max) {
					throw new Unreadable("gazetteer.file.tooLarge", max / 1_000_000);
				}
			}
		};
	}

	private static boolean isUtf8(byte[] head) {
		int end = head.length;
		// a multi-byte character cut at the end of the sample is not an error
		int back = 0;
		while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0x80) {
			back++;
		}
		if (end - back - 1 >= 0 && (head[end - back - 1] & 0xC0) == 0xC0) {
			end = end - back - 1;
		}
		try {
			StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(head, 0, end));
			return true;
		}
		catch (CharacterCodingException e) {
			return false;
		}
	}

	private static char delimiter(String head) {
		String first = head.lines().findFirst().orElse("");
		long commas = first.chars().filter(c -> c == ',').count();
		long tabs = first.chars().filter(c -> c == '\t').count();
		long semis = first.chars().filter(c -> c == ';').count();
		return tabs > commas && tabs >= semis ? '\t' : semis > commas ? ';' : ',';
	}

	static String rootMessage(Throwable e) {
		Throwable t = e;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		String m = t.getMessage();
		return m == null ? t.getClass().getSimpleName() : m.length() > 200 ? m.substring(0, 200) : m;
	}
}
