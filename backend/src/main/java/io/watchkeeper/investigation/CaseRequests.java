package io.watchkeeper.investigation;

import java.time.Instant;
import java.util.List;

/** The bodies the case API reads (field names as in the API contract; unknown fields are refused). */
public final class CaseRequests {

	private CaseRequests() {
	}

	public record OpenCase(String caseNumber, String title, String crimeType, Instant incidentFrom, Instant incidentTo,
			Double longitude, Double latitude, String place, Long precinctId) {
	}

	/** The incident point as WGS84 longitude/latitude, TWD97 (EPSG:3826) x/y, or a camera or pole tag. */
	public record PointCanvass(Double longitude, Double latitude, Double twd97X, Double twd97Y, String tag,
			Integer radiusM, Instant from, Instant to, Boolean lprOnly) {
	}

	public record RouteCanvass(List<List<Double>> route, Integer halfWidthM, Instant from, Instant to, Boolean lprOnly) {
	}

	public record NewFootageRequest(Long canvassId, Long cameraId, FootagePriority priority, Instant from, Instant to) {
	}

	public record Answer(FootageRequest.State state, FootageRequest.NotAvailableReason reason, String note,
			Long version) {
	}

	public record OutcomeRequest(FootageRequest.Outcome outcome, Long version) {
	}

	public record Close(CaseState result, Boolean footageContributed, String reason, Long version) {
	}
}
