package io.watchkeeper.camera.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which column of the file holds which {@link ImportField}. {@link #detect} proposes one from the header
 * names (and, for X/Y, from the values); the user may change it before running the import. A field
 * comes from at most one column; a column without a field is ignored.
 */
final class ColumnMapping {

	/** A column of the uploaded file: its position, header and a few values to show next to it. */
	record Column(int index, String header, List<String> samples) {
	}

	/** A remark about the proposed mapping, shown next to the mapping and in the report (line 1). */
	record Notice(int column, String code, List<Object> args) {
	}

	record Detection(ColumnMapping mapping, List<Notice> notices) {
	}

	private final ImportField[] byColumn;

	private final Map<ImportField, Integer> byField = new EnumMap<>(ImportField.class);

	private ColumnMapping(ImportField[] byColumn) {
		this.byColumn = byColumn;
		for (int i = 0; i < byColumn.length; i++) {
			if (byColumn[i] != null) {
				byField.put(byColumn[i], i);
			}
		}
	}

	/**
	 * A mapping chosen by a person; refuses a field chosen for two columns (names both) and columns that
	 * the file does not have.
	 */
	static ColumnMapping of(int columnCount, Map<Integer, ImportField> chosen) throws BadValue {
		ImportField[] byColumn = new ImportField[columnCount];
		Map<ImportField, Integer> seen = new EnumMap<>(ImportField.class);
		for (Map.Entry<Integer, ImportField> e : new java.util.TreeMap<>(chosen).entrySet()) {
			int column = e.getKey();
			if (column < 0 || column >= columnCount) {
				throw new BadValue("import.mapping.noSuchColumn", column + 1);
			}
			if (e.getValue() == null) {
				continue;
			}
			Integer earlier = seen.put(e.getValue(), column);
			if (earlier != null) {
				throw new BadValue("import.mapping.fieldTwice", e.getValue(), earlier + 1, column + 1);
			}
			byColumn[column] = e.getValue();
		}
		return new ColumnMapping(byColumn);
	}

	static Detection detect(List<Column> columns) {
		ImportField[] byColumn = new ImportField[columns.size()];
		Map<ImportField, Integer> taken = new EnumMap<>(ImportField.class);
		List<Notice> notices = new ArrayList<>();
		String[] normalized = columns.stream().map(c -> ImportField.normalizeHeader(c.header())).toArray(String[]::new);
		// exact names first, so that "設置地點編號" does not steal 設置地點 from an exact 設置地點 column
		for (int i = 0; i < normalized.length; i++) {
			for (ImportField field : ImportField.values()) {
				if (field.aliases().contains(normalized[i])) {
					if (taken.containsKey(field)) {
						notices.add(new Notice(i, "import.notice.fieldTaken", List.of(columns.get(i).header(), field,
								columns.get(taken.get(field)).header())));
					}
					else {
						byColumn[i] = field;
						taken.put(field, i);
					}
					break;
				}
			}
		}
		for (int i = 0; i < normalized.length; i++) {
			if (byColumn[i] != null || normalized[i].isEmpty()) {
				continue;
			}
			ImportField best = null;
			int bestLength = 0;
			for (ImportField field : ImportField.values()) {
				if (taken.containsKey(field)) {
					continue;
				}
				for (String alias : field.aliases()) {
					boolean meaningful = alias.codePoints().anyMatch(cp -> cp > 0x2e80) ? alias.length() >= 2 : alias.length() >= 4;
					if (meaningful && alias.length() > bestLength && normalized[i].contains(alias)) {
						best = field;
						bestLength = alias.length();
					}
				}
			}
			if (best != null) {
				byColumn[i] = best;
				taken.put(best, i);
			}
		}
		reinterpretByValues(columns, byColumn, taken, notices);
		return new Detection(new ColumnMapping(byColumn), notices);
	}

	/** Columns called X and Y often hold degrees, and 經度/緯度 columns sometimes hold TWD97 metres. */
	private static void reinterpretByValues(List<Column> columns, ImportField[] byColumn, Map<ImportField, Integer> taken,
			List<Notice> notices) {
		Integer x = taken.get(ImportField.TWD97_X);
		Integer y = taken.get(ImportField.TWD97_Y);
		Integer lon = taken.get(ImportField.LONGITUDE);
		Integer lat = taken.get(ImportField.LATITUDE);
		if (x != null && y != null && lon == null && lat == null && mostly(columns.get(x), true)
				&& mostly(columns.get(y), true)) {
			byColumn[x] = ImportField.LONGITUDE;
			byColumn[y] = ImportField.LATITUDE;
			notices.add(new Notice(x, "import.notice.xyHoldDegrees", List.of(columns.get(x).header(), columns.get(y).header())));
		}
		else if (lon != null && lat != null && x == null && y == null && mostly(columns.get(lon), false)
				&& mostly(columns.get(lat), false)) {
			byColumn[lon] = ImportField.TWD97_X;
			byColumn[lat] = ImportField.TWD97_Y;
			notices.add(new Notice(lon, "import.notice.lonLatHoldMetres", List.of(columns.get(lon).header(), columns.get(lat).header())));
		}
	}

	private static boolean mostly(Column column, boolean degrees) {
		int yes = 0;
		int numbers = 0;
		for (String sample : column.samples()) {
			try {
				double d = Coordinates.number(sample);
				numbers++;
				if (degrees ? Math.abs(d) <= 180 : Math.abs(d) > 1000) {
					yes++;
				}
			}
			catch (BadValue | RuntimeException e) {
				// empty or not a number: says nothing
			}
		}
		return numbers > 0 && yes * 2 > numbers;
	}

	ImportField field(int column) {
		return column < byColumn.length ? byColumn[column] : null;
	}

	/** The column holding the field, or -1. */
	int column(ImportField field) {
		Integer c = byField.get(field);
		return c == null ? -1 : c;
	}

	boolean has(ImportField field) {
		return byField.containsKey(field);
	}

	int columnCount() {
		return byColumn.length;
	}

	/**
	 * What the mapping lacks for an import to make sense: an asset tag, somewhere to put the camera
	 * (longitude+latitude, X+Y, a coordinate pair or an address) and both halves of a coordinate pair.
	 * Empty when nothing is missing.
	 */
	List<String> missing() {
		List<String> missing = new ArrayList<>();
		if (!has(ImportField.ASSET_TAG)) {
			missing.add("ASSET_TAG");
		}
		if (has(ImportField.LONGITUDE) != has(ImportField.LATITUDE)) {
			missing.add(has(ImportField.LONGITUDE) ? "LATITUDE" : "LONGITUDE");
		}
		if (has(ImportField.TWD97_X) != has(ImportField.TWD97_Y)) {
			missing.add(has(ImportField.TWD97_X) ? "TWD97_Y" : "TWD97_X");
		}
		boolean located = has(ImportField.LONGITUDE) || has(ImportField.TWD97_X) || has(ImportField.COORDINATES)
				|| has(ImportField.ADDRESS);
		if (!located) {
			missing.add("LOCATION");
		}
		return missing;
	}

	/** Column index (as text, for JSON) to field name, mapped columns only. */
	Map<String, String> toJson() {
		Map<String, String> json = new LinkedHashMap<>();
		for (int i = 0; i < byColumn.length; i++) {
			if (byColumn[i] != null) {
				json.put(String.valueOf(i), byColumn[i].name());
			}
		}
		return json;
	}

	static ColumnMapping fromJson(int columnCount, Map<String, String> json) {
		ImportField[] byColumn = new ImportField[columnCount];
		json.forEach((k, v) -> {
			int i = Integer.parseInt(k);
			if (i < columnCount) {
				byColumn[i] = ImportField.valueOf(v);
			}
		});
		return new ColumnMapping(byColumn);
	}

	@Override
	public String toString() {
		return Arrays.toString(byColumn);
	}
}
