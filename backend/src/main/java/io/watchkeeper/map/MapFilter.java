package io.watchkeeper.map;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.InvalidInputException.FieldError;

/**
 * The map's filters, parsed and checked for form (codes and ids are checked against the database by
 * {@link MapQueries}). Null or empty: no filter.
 *
 * @param lpr NONE, LPR, REALTIME_LPR or ANY_LPR (LPR or REALTIME_LPR; ANY, as the camera list says, means the same)
 */
record MapFilter(String precinct, String district, Set<MapState> states, String lpr, Long funding, Long project,
		Integer installFrom, Integer installTo, Integer eolFrom, Integer eolTo) {

	static final MapFilter NONE = new MapFilter(null, null, Set.of(), null, null, null, null, null, null, null);

	static final List<String> LPR_VALUES = List.of("NONE", "LPR", "REALTIME_LPR", "ANY_LPR");

	static MapFilter parse(String precinct, String district, String state, String lpr, String funding, String project,
			String installFrom, String installTo, String eolFrom, String eolTo) {
		List<FieldError> errors = new ArrayList<>();
		Set<MapState> states = EnumSet.noneOf(MapState.class);
		if (state != null && !state.isBlank()) {
			for (String s : state.split(",")) {
				String name = s.trim().toUpperCase(Locale.ROOT);
				if (name.isEmpty()) {
					continue;
				}
				try {
					states.add(MapState.valueOf(name));
				}
				catch (IllegalArgumentException e) {
					errors.add(new FieldError("state", "state must be a comma list of " + List.of(MapState.values())
							+ ", not '" + s.trim() + "'"));
					break;
				}
			}
		}
		String lprValue = blank(lpr) ? null : lpr.trim().toUpperCase(Locale.ROOT);
		if ("ANY".equals(lprValue)) {
			lprValue = "ANY_LPR"; // the camera list's word for it
		}
		if (lprValue != null && !LPR_VALUES.contains(lprValue)) {
			errors.add(new FieldError("lpr", "lpr must be one of " + LPR_VALUES + ", not '" + lpr + "'"));
		}
		Long fundingId = id("funding", funding, errors);
		Long projectId = id("project", project, errors);
		Integer iFrom = year("installFrom", installFrom, errors);
		Integer iTo = year("installTo", installTo, errors);
		Integer eFrom = year("eolFrom", eolFrom, errors);
		Integer eTo = year("eolTo", eolTo, errors);
		if (iFrom != null && iTo != null && iFrom > iTo) {
			errors.add(new FieldError("installFrom", "installFrom must not be after installTo"));
		}
		if (eFrom != null && eTo != null && eFrom > eTo) {
			errors.add(new FieldError("eolFrom", "eolFrom must not be after eolTo"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors.get(0).message(), errors);
		}
		return new MapFilter(blank(precinct) ? null : precinct.trim(), blank(district) ? null : district.trim(),
				Set.copyOf(states), lprValue, fundingId, projectId, iFrom, iTo, eFrom, eTo);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static Long id(String field, String value, List<FieldError> errors) {
		if (blank(value)) {
			return null;
		}
		try {
			long id = Long.parseLong(value.trim());
			if (id < 1) {
				throw new NumberFormatException();
			}
			return id;
		}
		catch (NumberFormatException e) {
			errors.add(new FieldError(field, field + " must be a positive whole number (an id), not '" + value + "'"));
			return null;
		}
	}

	private static Integer year(String field, String value, List<FieldError> errors) {
		if (blank(value)) {
			return null;
		}
		try {
			int year = Integer.parseInt(value.trim());
			if (year < 1990 || year > 2100) {
				throw new NumberFormatException();
			}
			return year;
		}
		catch (NumberFormatException e) {
			errors.add(new FieldError(field, field + " must be a year from 1990 to 2100, not '" + value + "'"));
			return null;
		}
	}
}
