package io.watchkeeper.camera.importing;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.watchkeeper.camera.importing.ColumnMapping.Column;
import io.watchkeeper.camera.importing.SourceFile.SourceRecord;
import io.watchkeeper.shared.GeoPoint;

/**
 * Checks one record against the rules of the registry and turns it into a {@link CameraRow}, or reports
 * every field that is wrong (it does not stop at the first). Remembers the asset tags it has seen, to
 * refuse duplicates inside the file. One instance per run; not thread-safe.
 */
final class RowValidator {

	/** Two locations in one row further apart than this are worth a warning. */
	static final double DISAGREEING_LOCATIONS_M = 100;

	private static final Pattern WARRANTY_YEARS = Pattern.compile("(\\d{1,2})\\s*(?:年|years?|yrs?|y)?");

	private final ColumnMapping mapping;

	private final List<Column> columns;

	private final AreaNames areas;

	private final ImportReport report;

	private final Coordinates coordinates = new Coordinates();

	private final Map<String, Integer> firstLineOfTag = new HashMap<>();

	/** The longest name a station may have (station.name_zh). */
	private static final int MAX_STATION_NAME = 100;

	// A file repeats the same directions, dates and yes/no values thousands of times: read each once.
	private final Parser<CompassHeading.Direction> directions = remembered(CompassHeading::read);

	private final Parser<Integer> fovs = remembered(v -> CameraValues.whole(v, 1, 360));

	private final Parser<Integer> ranges = remembered(v -> CameraValues.whole(v, 1, 2000));

	private final Parser<Integer> serviceLives = remembered(v -> CameraValues.whole(v, 1, 30));

	private final Parser<LocalDate> dates = remembered(RocDates::parse);

	private final Parser<String> lprs = remembered(CameraValues::lpr);

	private final Parser<String> statuses = remembered(CameraValues::status);

	private final RegistryCodes codes;

	private final StationNames stations;

	private final ImportOptions options;

	RowValidator(ColumnMapping mapping, List<Column> columns, AreaNames areas, ImportReport report) {
		this(mapping, columns, areas, RegistryCodes.none(), report);
	}

	RowValidator(ColumnMapping mapping, List<Column> columns, AreaNames areas, RegistryCodes codes, ImportReport report) {
		this(mapping, columns, areas, StationNames.none(), codes, ImportOptions.DEFAULT, report);
	}

	RowValidator(ColumnMapping mapping, List<Column> columns, AreaNames areas, StationNames stations, RegistryCodes codes,
			ImportOptions options, ImportReport report) {
		this.stations = stations;
		this.options = options;
		this.codes = codes;
		this.mapping = mapping;
		this.columns = columns;
		this.areas = areas;
		this.report = report;
	}

	/** A valid row, or null when the record was rejected (its errors are in the report). */
	CameraRow validate(SourceRecord record) {
		Row row = new Row(record);
		if (record.problem() != null) {
			row.error(null, record.problem());
		}
		// a NUL or other control character in any mapped cell rejects the row before any parser reads the cell (some,
		// like Double.parseDouble, silently drop it; PostgreSQL cannot store it at all)
		for (ImportField field : ImportField.values()) {
			String raw = row.value(field);
			if (raw != null && Values.hasControlCharacters(raw)) {
				row.error(field, new BadValue("import.error.controlCharacters"));
			}
		}
		if (row.rejected) {
			return null;
		}
		CameraValues.Tag tag = null;
		try {
			tag = CameraValues.assetTag(row.value(ImportField.ASSET_TAG));
		}
		catch (BadValue e) {
			row.error(ImportField.ASSET_TAG, e);
		}
		String siteCode = tag == null ? null : tag.siteCode();
		Integer siteIndex = tag == null ? null : tag.siteIndex();
		try {
			String explicitSite = CameraValues.siteCode(row.value(ImportField.SITE_CODE));
			if (explicitSite != null) {
				if (siteCode != null && !siteCode.equals(explicitSite)) {
					throw new BadValue("import.error.site.mismatch", explicitSite, tag.assetTag(), siteCode);
				}
				siteCode = explicitSite;
			}
		}
		catch (BadValue e) {
			row.error(ImportField.SITE_CODE, e);
		}
		if (tag != null) {
			Integer first = firstLineOfTag.putIfAbsent(tag.assetTag(), record.line());
			if (first != null) {
				row.error(ImportField.ASSET_TAG, new BadValue("import.error.duplicateInFile", tag.assetTag(), first));
			}
		}

		GeoPoint point = location(row);
		String address = row.text(ImportField.ADDRESS);
		if (point == null && address == null && !row.rejected) {
			row.error(mapping.has(ImportField.ADDRESS) ? ImportField.ADDRESS : null, new BadValue("import.error.noLocation"));
		}

		StringBuilder notes = new StringBuilder();
		Unit unit = unit(row, notes);
		AreaNames.Area precinct = unit.precinct();
		AreaNames.Area district = null;
		String districtName = row.text(ImportField.DISTRICT);
		if (districtName != null) {
			district = areas.district(districtName);
			if (district == null && areas.knowsDistricts()) {
				row.warning(ImportField.DISTRICT, "import.warning.unknownDistrict", districtName);
			}
		}
		Integer heading = null;
		boolean allRound = false;
		String direction = row.value(ImportField.HEADING);
		if (present(direction)) {
			try {
				CompassHeading.Direction d = directions.parse(direction);
				heading = d == null ? null : d.degrees();
				allRound = d != null && d.allRound();
			}
			catch (BadValue e) {
				if (options.strict()) {
					row.error(ImportField.HEADING, e);
				}
				else {
					// "import.error.heading.unknown" -> "import.warning.heading.unknown": kept without a heading
					row.warning(ImportField.HEADING, e.code().replace(".error.", ".warning."), Values.forReport(direction));
				}
			}
		}
		Integer fov = row.parse(ImportField.FOV, fovs);
		if (allRound) {
			if (fov != null && fov != 360) {
				row.warning(ImportField.FOV, "import.warning.allRoundFov", fov);
			}
			fov = 360;
		}
		else if (fov != null && fov == 360 && heading != null) {
			// a view angle of 360° (or 全景 read from the name) is an all-round camera: it faces no one way
			row.warning(ImportField.HEADING, "import.warning.allRoundHeading", heading);
			heading = null;
		}
		Integer range = row.parse(ImportField.RANGE, ranges);
		Integer serviceLife = row.parse(ImportField.SERVICE_LIFE, serviceLives);
		LocalDate installed = row.parse(ImportField.INSTALL_DATE, dates);
		LocalDate warrantyEnd = warrantyEnd(row, installed);
		String lpr = row.parse(ImportField.LPR, lprs);
		String status = row.parse(ImportField.STATUS, statuses);
		String make = row.text(ImportField.MAKE);
		String model = row.text(ImportField.MODEL);
		Long fundingSource = row.parse(ImportField.FUNDING_SOURCE, v -> codes.resolve(ImportField.FUNDING_SOURCE, v));
		Long project = row.parse(ImportField.PROJECT, v -> codes.resolve(ImportField.PROJECT, v));
		Long contract = row.parse(ImportField.CONTRACT, v -> codes.resolve(ImportField.CONTRACT, v));
		String ownNotes = row.text(ImportField.NOTES);
		if (ownNotes != null) {
			notes.insert(0, notes.isEmpty() ? ownNotes : ownNotes + "\n");
		}
		if (row.rejected) {
			return null;
		}
		return new CameraRow(record.line(), tag.assetTag(), siteCode, siteIndex, point, address,
				precinct == null ? null : precinct.id(), precinct == null ? null : precinct.nameZh(),
				district == null ? null : district.id(), district == null ? null : district.nameZh(), heading, fov, range,
				installed, warrantyEnd, serviceLife, lpr, make, model, status, notes.isEmpty() ? null : notes.toString(),
				fundingSource, project, contract, unit.stationId(), unit.newStation());
	}

	private GeoPoint location(Row row) {
		Coordinates.Reading fromLonLat = null;
		Coordinates.Reading fromPair = null;
		Coordinates.Reading fromXy = null;
		String lon = row.value(ImportField.LONGITUDE);
		String lat = row.value(ImportField.LATITUDE);
		if (present(lon) || present(lat)) {
			fromLonLat = pairOfCells(row, ImportField.LONGITUDE, lon, ImportField.LATITUDE, lat, false);
		}
		String pair = row.value(ImportField.COORDINATES);
		if (present(pair)) {
			try {
				fromPair = coordinates.pair(pair);
			}
			catch (BadValue e) {
				row.error(ImportField.COORDINATES, e);
			}
		}
		String x = row.value(ImportField.TWD97_X);
		String y = row.value(ImportField.TWD97_Y);
		if (present(x) || present(y)) {
			fromXy = pairOfCells(row, ImportField.TWD97_X, x, ImportField.TWD97_Y, y, true);
		}
		Coordinates.Reading chosen = fromLonLat != null ? fromLonLat : fromPair != null ? fromPair : fromXy;
		if (chosen == null) {
			return null;
		}
		if (chosen.warningCode() != null) {
			ImportField field = chosen == fromLonLat ? ImportField.LATITUDE : chosen == fromXy ? ImportField.TWD97_X : ImportField.COORDINATES;
			row.warning(field, chosen.warningCode(), chosen.point().longitude(), chosen.point().latitude());
		}
		Coordinates.Reading other = chosen == fromXy ? null : fromXy != null ? fromXy : chosen == fromLonLat ? fromPair : null;
		if (other != null) {
			double metres = distanceMetres(chosen.point(), other.point());
			if (metres > DISAGREEING_LOCATIONS_M) {
				row.warning(chosen == fromLonLat ? ImportField.LONGITUDE : ImportField.COORDINATES,
						"import.warning.locationsDisagree", Math.round(metres));
			}
		}
		return chosen.point();
	}

	private Coordinates.Reading pairOfCells(Row row, ImportField first, String a, ImportField second, String b, boolean twd97) {
		if (!present(a)) {
			row.error(first, new BadValue("import.error.coordinates.half", second));
			return null;
		}
		if (!present(b)) {
			row.error(second, new BadValue("import.error.coordinates.half", first));
			return null;
		}
		Double da = row.parse(first, Coordinates::number);
		Double db = row.parse(second, Coordinates::number);
		if (da == null || db == null) {
			return null;
		}
		try {
			return twd97 ? coordinates.twd97(da, db) : coordinates.lonLat(da, db);
		}
		catch (BadValue e) {
			row.error(first, e);
			return null;
		}
	}

	/** The precinct and station a row names, and a station to create when the run creates them. */
	private record Unit(AreaNames.Area precinct, Long stationId, String newStation) {
	}

	/**
	 * The row's precinct and station from its precinct, unit and station columns. A unit cell may hold both
	 * ({@code 新興分局 中正四路派出所}), so may a precinct cell; a station column wins over a station inside them. A station
	 * alone names its precinct when only one precinct has a station of that name. What cannot be resolved is a
	 * warning naming the row and stays in the notes, never a rejection.
	 */
	private Unit unit(Row row, StringBuilder notes) {
		String precinctCell = row.text(ImportField.PRECINCT);
		String unitCell = row.text(ImportField.UNIT);
		String stationCell = row.text(ImportField.STATION);
		UnitNames.Unit fromPrecinct = UnitNames.split(precinctCell);
		UnitNames.Unit fromUnit = UnitNames.split(unitCell);
		String precinctText = fromPrecinct != null && fromPrecinct.precinct() != null ? fromPrecinct.precinct()
				: fromUnit != null ? fromUnit.precinct() : null;
		ImportField precinctField = fromPrecinct != null && fromPrecinct.precinct() != null ? ImportField.PRECINCT
				: ImportField.UNIT;
		String stationText = stationCell != null ? stationCell
				: fromUnit != null && fromUnit.station() != null ? fromUnit.station()
				: fromPrecinct != null ? fromPrecinct.station() : null;
		ImportField stationField = stationCell != null ? ImportField.STATION
				: fromUnit != null && fromUnit.station() != null ? ImportField.UNIT : ImportField.PRECINCT;

		AreaNames.Area precinct = null;
		if (precinctText != null) {
			precinct = areas.precinct(precinctText);
			if (precinct == null && fromPrecinct != null && fromUnit != null && fromUnit.precinct() != null) {
				precinct = areas.precinct(fromUnit.precinct());
			}
			if (precinct == null && areas.knowsPrecincts()) {
				row.warning(precinctField, "import.warning.unknownPrecinct", precinctText);
			}
		}
		Long stationId = null;
		String newStation = null;
		if (stationText != null && !UnitNames.stationKey(stationText).isEmpty()) {
			if (precinct != null) {
				StationNames.Station station = stations.find(precinct.id(), stationText);
				if (station != null) {
					stationId = station.id();
				}
				else if (options.createStations() && UnitNames.isChinese(stationText)
						&& UnitNames.stationName(stationText).length() <= MAX_STATION_NAME) {
					newStation = UnitNames.stationName(stationText);
					row.warning(stationField, "import.warning.stationCreated", newStation, precinct.nameZh());
				}
				else {
					row.warning(stationField, "import.warning.unknownStation", stationText, precinct.nameZh());
				}
			}
			else {
				List<StationNames.Station> named = stations.named(stationText);
				if (named.size() == 1 && precinctText == null) {
					stationId = named.get(0).id();
					precinct = areas.precinctById(named.get(0).precinctId());
				}
				else if (named.size() > 1 && precinctText == null) {
					row.warning(stationField, "import.warning.stationAmbiguous", stationText,
							String.join("、", named.stream().map(s -> areas.precinctName(s.precinctId())).toList()));
				}
				else if (precinctText == null) {
					row.warning(stationField, "import.warning.stationWithoutPrecinct", stationText);
				}
				// with an unknown precinct the precinct's warning says it all
			}
		}
		boolean unitResolved = unitCell == null || (fromUnit.precinct() == null || precinct != null)
				&& (fromUnit.station() == null || stationId != null || newStation != null);
		if (!unitResolved) {
			appendNote(notes, ImportField.UNIT, unitCell);
		}
		if (stationCell != null && stationId == null && newStation == null) {
			appendNote(notes, ImportField.STATION, stationCell);
		}
		return new Unit(precinct, stationId, newStation);
	}

	private LocalDate warrantyEnd(Row row, LocalDate installed) {
		String raw = Values.clean(row.value(ImportField.WARRANTY_END));
		if (raw == null) {
			return null;
		}
		Matcher years = WARRANTY_YEARS.matcher(raw);
		LocalDate end;
		if (years.matches()) {
			// "保固 3年": a warranty period, counted from the install date
			if (installed == null) {
				row.error(ImportField.WARRANTY_END, new BadValue("import.error.warranty.yearsWithoutInstallDate", raw));
				return null;
			}
			end = installed.plusYears(Integer.parseInt(years.group(1)));
		}
		else {
			end = row.parse(ImportField.WARRANTY_END, dates);
		}
		if (end != null && installed != null && end.isBefore(installed)) {
			row.error(ImportField.WARRANTY_END, new BadValue("import.error.warranty.beforeInstall", raw, installed));
			return null;
		}
		return end;
	}

	private void appendNote(StringBuilder notes, ImportField field, String value) {
		if (!notes.isEmpty()) {
			notes.append('\n');
		}
		notes.append(columns.get(mapping.column(field)).header()).append(": ").append(value);
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	static double distanceMetres(GeoPoint a, GeoPoint b) {
		double r = 6_371_008.8;
		double dLat = Math.toRadians(b.latitude() - a.latitude());
		double dLon = Math.toRadians(b.longitude() - a.longitude());
		double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(a.latitude()))
				* Math.cos(Math.toRadians(b.latitude())) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * r * Math.asin(Math.sqrt(h));
	}

	@FunctionalInterface
	interface Parser<T> {
		T parse(String raw) throws BadValue;
	}

	/** A parser that remembers its answers (values and refusals) for up to 10,000 distinct inputs. */
	static <T> Parser<T> remembered(Parser<T> parser) {
		Map<String, Object> answers = new HashMap<>();
		return raw -> {
			Object answer = answers.get(raw);
			if (answer == null) {
				try {
					answer = parser.parse(raw);
				}
				catch (BadValue e) {
					answer = e;
				}
				if (answers.size() < 10_000 && answer != null) {
					answers.put(raw, answer);
				}
			}
			if (answer instanceof BadValue e) {
				throw e;
			}
			@SuppressWarnings("unchecked")
			T value = (T) answer;
			return value;
		};
	}

	/** The record being checked, with the issues it collected. */
	private final class Row {

		final SourceRecord record;

		boolean rejected;

		Row(SourceRecord record) {
			this.record = record;
		}

		String value(ImportField field) {
			int c = mapping.column(field);
			return c < 0 ? null : record.values()[c];
		}

		<T> T parse(ImportField field, Parser<T> parser) {
			String raw = value(field);
			if (!present(raw)) {
				return null;
			}
			try {
				return parser.parse(raw);
			}
			catch (BadValue e) {
				error(field, e);
				return null;
			}
		}

		String text(ImportField field) {
			return parse(field, raw -> CameraValues.text(raw, field));
		}

		void error(ImportField field, BadValue e) {
			rejected = true;
			report.error(issue(field, e.code(), e.args()));
		}

		void warning(ImportField field, String code, Object... args) {
			report.warning(issue(field, code, List.of(args)));
		}

		private ImportIssue issue(ImportField field, String code, List<Object> args) {
			int c = field == null ? -1 : mapping.column(field);
			String column = c < 0 ? null : columns.get(c).header();
			String value = c < 0 ? null : Values.forReport(record.values()[c]);
			return new ImportIssue(record.line(), field == null ? null : field.name(), column, value, code, args);
		}
	}
}
