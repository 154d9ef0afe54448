package io.watchkeeper.investigation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the case API and pages show: cases, canvass snapshots and footage requests, as read from the database. */
public final class CaseViews {

	private CaseViews() {
	}

	/** A line of the case list. */
	public record CaseListItem(long id, String caseNumber, String title, String crimeType, CaseState state,
			Instant openedAt, String openedBy, Long precinctId, String precinctName, boolean footageContributed) {
	}

	/** One case with its canvasses and footage requests. */
	public record CaseDetails(long id, String caseNumber, String title, String crimeType, Instant incidentFrom,
			Instant incidentTo, Double longitude, Double latitude, String place, Long precinctId, String precinctName,
			String openedBy, Instant openedAt, CaseState state, String closedBy, Instant closedAt,
			boolean footageContributed, Boolean footageOverride, String footageOverrideReason, long version,
			List<CanvassSummary> canvasses, List<FootageRequestView> requests) {
	}

	/** A canvass of a case, without its cameras. */
	public record CanvassSummary(long id, String kind, Instant runAt, String runBy, Instant from, Instant to,
			Integer radiusM, Integer halfWidthM, boolean lprOnly, int found, int facingAndRecording, int expired) {
	}

	public record Point(double longitude, double latitude) {
	}

	public record Summary(int found, int facingAndRecording, int expired) {
	}

	/**
	 * A canvass as stored: the snapshot taken when it ran. {@code summary.expired} and each camera's {@code expired}
	 * are as of today (footage keeps expiring after the snapshot); everything else is as answered.
	 */
	public record CanvassView(long id, long caseId, String caseNumber, String kind, Instant runAt, String runBy,
			Instant from, Instant to, Integer radiusM, Integer halfWidthM, boolean lprOnly, Point point,
			List<List<Double>> route, Summary summary, List<CanvassCamera> cameras) {
	}

	/** A footage request; {@code expiresSoon}: requested within two days before the footage expiry date. */
	public record FootageRequestView(long id, long caseId, long canvassId, long cameraId, String assetTag,
			String requestedBy, Instant requestedAt, Instant from, Instant to, FootagePriority priority, Instant dueAt,
			LocalDate footageExpiresOn, boolean late, boolean expiresSoon, String state, String notAvailableReason,
			String outcome, String note, String answeredBy, Instant answeredAt, long version) {
	}
}
