package io.watchkeeper.camera;

/**
 * What the camera list and its exports are narrowed to; every part is optional.
 *
 * @param state cameras in that state ({@link CameraState}: in outage, faulty, past end of life, working ...)
 * @param endOfLifeYear cameras whose service life ends in that calendar year
 * @param pastEndOfLife cameras still in service (not decommissioned) whose end of life is before today
 * @param placed {@code false} for cameras without a location (the unplaced list), {@code true} for placed ones
 * @param text part of an asset tag, site code or address, case-insensitive
 * @param stationId cameras of that police station
 */
public record CameraFilter(Long precinctId, Long districtId, CameraStatus status, CameraState state, LprFilter lpr, Long fundingSourceId,
		Long projectId, Integer endOfLifeYear, boolean pastEndOfLife, Boolean placed, String text, Long stationId) {

	/** A filter without a station. */
	public CameraFilter(Long precinctId, Long districtId, CameraStatus status, CameraState state, LprFilter lpr,
			Long fundingSourceId, Long projectId, Integer endOfLifeYear, boolean pastEndOfLife, Boolean placed, String text) {
		this(precinctId, districtId, status, state, lpr, fundingSourceId, projectId, endOfLifeYear, pastEndOfLife, placed, text,
				null);
	}

	public static final int MAX_TEXT_LENGTH = 100;

	public CameraFilter {
		text = text == null || text.isBlank() ? null : text.strip();
		if (text != null && text.length() > MAX_TEXT_LENGTH) {
			throw new io.watchkeeper.shared.InvalidInputException("q",
					"search text is longer than " + MAX_TEXT_LENGTH + " characters");
		}
		if (endOfLifeYear != null && (endOfLifeYear < 1990 || endOfLifeYear > 2100)) {
			throw new io.watchkeeper.shared.InvalidInputException("endOfLifeYear",
					"end-of-life year must be between 1990 and 2100, got " + endOfLifeYear);
		}
	}

	public static CameraFilter none() {
		return new CameraFilter(null, null, null, null, null, null, null, null, false, null, null);
	}

	public static CameraFilter unplaced() {
		return new CameraFilter(null, null, null, null, null, null, null, null, false, Boolean.FALSE, null);
	}

	public CameraFilter withText(String q) {
		return new CameraFilter(precinctId, districtId, status, state, lpr, fundingSourceId, projectId, endOfLifeYear,
				pastEndOfLife, placed, q, stationId);
	}
}
