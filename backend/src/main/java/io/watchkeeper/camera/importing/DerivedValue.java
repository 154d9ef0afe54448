package io.watchkeeper.camera.importing;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the text of one derived field becomes in the import: values for import fields (the install date,
 * the LPR capability, the heading...) and notes. Reads the text the way the columns of those fields are
 * read, so a derived value and a column value mean the same.
 */
record DerivedValue(DerivedField field, String text, List<Fill> fills, BadValue problem) {

	/** A value for an import field; for {@link ImportField#NOTES} a line added to the notes. */
	record Fill(ImportField target, String value) {
	}

	static final String PROGRAMME_NOTE = "計畫/Programme: ";

	static final String VIEW_NOTE = "鏡頭型式/View: ";

	static final String ROAD_NOTE = "面向道路: ";

	private static final Pattern ALL_ROUND = Pattern.compile("(?i)全景|環景|360|魚眼|鱼眼|fish-?eye|panoram|omni|all-?round");

	private static final Pattern REALTIME = Pattern.compile("(?i)即時|real-?\\s*time|\\brt\\b|live");

	private static final Pattern YEAR = Pattern.compile("(?:民國|民国)?\\s*(\\d{2,4})\\s*年?(?:度)?");

	/** The funding sources and projects of the registry by folded code and name, with their codes. */
	record Programmes(Map<String, String> fundingSources, Map<String, String> projects) {

		static Programmes none() {
			return new Programmes(Map.of(), Map.of());
		}

		static String key(String text) {
			String v = Values.clean(text);
			return v == null ? "" : v.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
		}
	}

	static boolean isAllRound(String view) {
		return view != null && ALL_ROUND.matcher(view).find();
	}

	/** The year of an install-year text: 2-3 digits are a ROC year, 4 digits a western one. */
	static int year(String text) throws BadValue {
		var m = YEAR.matcher(Values.fold(text).strip());
		if (!m.matches() || m.group(1).length() == 4 && m.group(1).charAt(0) == '0') {
			throw new BadValue("import.derive.year.unreadable", text);
		}
		int year = Integer.parseInt(m.group(1));
		if (m.group(1).length() <= 3) {
			year += RocDates.ROC_OFFSET;
		}
		if (year < RocDates.MIN_YEAR || year > RocDates.MAX_YEAR) {
			throw new BadValue("import.derive.year.range", text, year, RocDates.MIN_YEAR, RocDates.MAX_YEAR);
		}
		return year;
	}

	static DerivedValue read(DerivedField field, String text, Programmes programmes) {
		try {
			return new DerivedValue(field, text, fills(field, text, programmes), null);
		}
		catch (BadValue e) {
			return new DerivedValue(field, text, List.of(), e);
		}
	}

	private static List<Fill> fills(DerivedField field, String text, Programmes programmes) throws BadValue {
		return switch (field) {
			case YEAR -> List.of(new Fill(ImportField.INSTALL_DATE, LocalDate.of(year(text), 1, 1).toString()));
			case PROGRAMME -> {
				String key = Programmes.key(text);
				String funding = programmes.fundingSources().get(key);
				String project = programmes.projects().get(key);
				if (funding != null) {
					yield List.of(new Fill(ImportField.FUNDING_SOURCE, funding));
				}
				if (project != null) {
					yield List.of(new Fill(ImportField.PROJECT, project));
				}
				yield List.of(new Fill(ImportField.NOTES, PROGRAMME_NOTE + text));
			}
			case LPR -> List.of(new Fill(ImportField.LPR, REALTIME.matcher(text).find() ? "REALTIME_LPR" : "LPR"));
			case VIEW -> isAllRound(text) ? List.of(new Fill(ImportField.FOV, "360"))
					: List.of(new Fill(ImportField.NOTES, VIEW_NOTE + text));
			case HEADING -> {
				Integer degrees = CompassHeading.parse(text);
				yield degrees == null ? List.of() : List.of(new Fill(ImportField.HEADING, String.valueOf(degrees)));
			}
			case ROAD -> List.of(new Fill(ImportField.NOTES, ROAD_NOTE + text), new Fill(ImportField.ADDRESS, text));
		};
	}

	/** Every import field a derived field may fill. */
	static List<ImportField> targets(DerivedField field) {
		return switch (field) {
			case YEAR -> List.of(ImportField.INSTALL_DATE);
			case PROGRAMME -> List.of(ImportField.FUNDING_SOURCE, ImportField.PROJECT, ImportField.NOTES);
			case LPR -> List.of(ImportField.LPR);
			case VIEW -> List.of(ImportField.FOV, ImportField.NOTES);
			case HEADING -> List.of(ImportField.HEADING);
			case ROAD -> List.of(ImportField.NOTES, ImportField.ADDRESS);
		};
	}
}
