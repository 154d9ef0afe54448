package io.watchkeeper.camera;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.watchkeeper.shared.InvalidInputException;

/**
 * The columns the camera list may be sorted on, each with its SQL; nothing else ever reaches ORDER BY.
 * Ties are broken by asset tag, which is unique, so paging is stable.
 */
public enum CameraSort {
	ASSET_TAG("assetTag", "c.asset_tag"),
	ADDRESS("address", "c.address"),
	STATUS("status", "c.status"),
	LPR("lpr", "c.lpr"),
	INSTALL_DATE("installDate", "c.install_date"),
	END_OF_LIFE("endOfLife", "c.end_of_life"),
	UPDATED_AT("updatedAt", "c.updated_at");

	private final String param;
	private final String column;

	CameraSort(String param, String column) {
		this.param = param;
		this.column = column;
	}

	public String param() {
		return param;
	}

	/** Parses the {@code sort} request parameter ({@code installDate}); {@code null} or blank means asset tag. */
	public static CameraSort fromParam(String value) {
		if (value == null || value.isBlank()) {
			return ASSET_TAG;
		}
		return Arrays.stream(values()).filter(s -> s.param.equalsIgnoreCase(value.strip())).findFirst()
			.orElseThrow(() -> new InvalidInputException("sort", "cannot sort by '" + value + "'; use one of "
					+ Arrays.stream(values()).map(CameraSort::param).collect(Collectors.joining(", "))));
	}

	/** Parses the {@code dir} request parameter: {@code asc} (default) or {@code desc}. */
	public static boolean descending(String dir) {
		if (dir == null || dir.isBlank() || dir.strip().equalsIgnoreCase("asc")) {
			return false;
		}
		if (dir.strip().toLowerCase(Locale.ROOT).equals("desc")) {
			return true;
		}
		throw new InvalidInputException("dir", "sort direction must be asc or desc, got '" + dir + "'");
	}

	String orderBy(boolean descending) {
		String dir = descending ? " DESC" : " ASC";
		if (this == ASSET_TAG) {
			return column + dir;
		}
		// Cameras without an end of life (no install date) come last in both directions; V43 adds the
		// descending NULLS LAST index so that order is still an index read. Elsewhere PostgreSQL's default
		// null order (last when ascending) matches a plain b-tree read in either direction.
		String nulls = this == END_OF_LIFE ? " NULLS LAST" : "";
		return column + dir + nulls + ", c.asset_tag" + dir;
	}
}
