package io.watchkeeper.map;

import java.util.Locale;

import io.watchkeeper.shared.InvalidInputException;

/** Which areas: the police precincts or the administrative districts. */
enum AreaKind {
	PRECINCT, DISTRICT;

	String table() {
		return name().toLowerCase(Locale.ROOT);
	}

	static AreaKind parse(String kind) {
		if (kind == null || kind.isBlank()) {
			return PRECINCT;
		}
		try {
			return valueOf(kind.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("kind", "kind must be precinct or district, not '" + kind + "'");
		}
	}
}
