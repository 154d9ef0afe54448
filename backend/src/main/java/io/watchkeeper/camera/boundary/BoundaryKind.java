package io.watchkeeper.camera.boundary;

import java.util.Locale;

import io.watchkeeper.shared.NotFoundException;

/** The two kinds of area a camera belongs to: police precinct (分局) and administrative district (行政區). */
public enum BoundaryKind {

	PRECINCT("precinct", "precincts", "gis/kaohsiung-precincts.geojson"),
	DISTRICT("district", "districts", "gis/kaohsiung-districts.geojson");

	private final String table;
	private final String plural;
	private final String bundledFile;

	BoundaryKind(String table, String plural, String bundledFile) {
		this.table = table;
		this.plural = plural;
		this.bundledFile = bundledFile;
	}

	/** The table name, which is also the audit object type. */
	public String table() {
		return table;
	}

	public String plural() {
		return plural;
	}

	String bundledFile() {
		return bundledFile;
	}

	/** Accepts {@code precinct}, {@code precincts}, {@code district}, {@code districts} in any case. */
	public static BoundaryKind of(String name) {
		String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
		for (BoundaryKind kind : values()) {
			if (kind.table.equals(key) || kind.plural.equals(key)) {
				return kind;
			}
		}
		throw new NotFoundException("Boundary kind", name + " (use precincts or districts)");
	}
}
