package io.watchkeeper.placement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.camera.CameraPlacement;
import io.watchkeeper.gazetteer.AddressSuggestions;
import io.watchkeeper.placement.PlacementQueries.Camera;
import io.watchkeeper.placement.PlacementQueries.PoleRef;
import io.watchkeeper.placement.PlacementQueries.Step;
import io.watchkeeper.placement.QueuedPole.PoleCamera;
import io.watchkeeper.placement.QueuedPole.Suggestion;
import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.GeoPoint;
import io.watchkeeper.shared.NotFoundException;

/**
 * The placement queue: the poles whose cameras have no position, one at a time for each user, placed by a click
 * on the map (all the pole's cameras move, the areas follow by polygon, the camera module audits it), skipped to
 * the end of that user's queue, or passed over with "next".
 */
@Service
class PlacementQueue {

	/** How the placement is recorded in the audit event ({@code details.how}); "placed today" counts these. */
	static final String HOW = "queue";

	private final PlacementQueries queries;
	private final CameraPlacement placement;
	private final AddressSuggestions suggestions;
	private final AuditLog audit;
	private final Clock clock;
	private final ZoneId zone;

	PlacementQueue(PlacementQueries queries, CameraPlacement placement, AddressSuggestions suggestions, AuditLog audit, Clock clock,
			@Value("${watchkeeper.zone:Asia/Taipei}") ZoneId zone) {
		this.queries = queries;
		this.placement = placement;
		this.suggestions = suggestions;
		this.audit = audit;
		this.clock = clock;
		this.zone = zone;
	}

	/** The pole after {@code after} (null: the first) in this user's queue under the filter, and the progress. */
	@Transactional(readOnly = true)
	public QueueStep next(String user, QueueFilter filter, PoleRef after, Locale locale) {
		Step step = queries.next(user, filter, after, startOfDay());
		Progress progress = progress(step);
		QueuedPole pole = step.pole().map(ref -> describe(ref, step.skippedAt(), locale)).orElse(null);
		return new QueueStep(pole, progress);
	}

	/**
	 * Places the pole's cameras still without position at {@code point}.
	 *
	 * @param expectedCameraIds the cameras the person saw (may be empty): when some of them have been placed since,
	 *        the answer is a conflict, not a silent placement of what is left
	 * @throws NotFoundException no such pole, or nothing of it is left to place
	 * @throws ConflictException someone placed (some of) the cameras meanwhile
	 * @throws OutsideCityException the point lies outside every precinct and {@code confirmOutside} is false
	 */
	@Transactional
	public PlacedPole place(String user, String remoteAddress, PoleRef pole, GeoPoint point, boolean confirmOutside,
			List<Long> expectedCameraIds, Locale locale) {
		// Locked: a second person placing the same pole waits here, then finds nothing left (409 below).
		List<Camera> cameras = queries.unplacedCameras(pole, true);
		if (cameras.isEmpty() && !queries.exists(pole)) {
			throw new NotFoundException("Pole " + pole.kind().name().toLowerCase(Locale.ROOT), pole.id());
		}
		List<Long> ids = cameras.stream().map(c -> c.camera().id()).toList();
		List<Long> gone = expectedCameraIds.stream().filter(id -> !ids.contains(id)).distinct().toList();
		if (!gone.isEmpty()) {
			throw new ConflictException("Someone placed the cameras " + gone
					+ " of this pole meanwhile (or they are no longer part of it); load the pole again");
		}
		if (ids.isEmpty()) {
			throw new NotFoundException("Unplaced pole " + pole.kind().name().toLowerCase(Locale.ROOT), pole.id());
		}
		if (!confirmOutside && queries.outsideEveryPrecinct(point)) {
			throw new OutsideCityException(point);
		}
		String code = pole.kind() == PoleKind.CAMERA ? cameras.get(0).camera().assetTag()
				: queries.facts(pole, null, null, null, true, false).code();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("pole", pole.kind().name());
		details.put("poleId", pole.id());
		details.put("code", code);
		details.put("confirmedOutside", confirmOutside);
		CameraPlacement.Placed placed = placement.place(ids, point, HOW, details, user, remoteAddress);
		queries.forgetSkips(pole);
		// the areas the cameras now lie in, and the counts without finding the next pole (the page asks /next)
		PlacementQueries.Facts areas = queries.facts(pole, placed.precinctId(), placed.districtId(), placed.stationId(),
				chinese(locale), false);
		Step counts = queries.counts(user, startOfDay());
		return new PlacedPole(pole.kind().name(), pole.id(), placed.cameraIds(), point.longitude(), point.latitude(),
				areas.precinct(), areas.district(), areas.station(), progress(counts));
	}

	/** Moves the pole to the end of this user's queue; a pole with nothing left to place is not found. */
	@Transactional
	public void skip(String user, String remoteAddress, PoleRef pole) {
		if (!queries.waits(pole)) {
			throw new NotFoundException("Unplaced pole " + pole.kind().name().toLowerCase(Locale.ROOT), pole.id());
		}
		queries.skip(user, pole);
		audit.record(user, "placement.skipped", pole.kind().name().toLowerCase(Locale.ROOT), pole.id(), Map.of(),
				remoteAddress);
	}

	private Instant startOfDay() {
		return LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant();
	}

	private static Progress progress(Step step) {
		return new Progress(step.placedToday(), step.placedTodayByUser(), step.remaining(), step.remainingCameras(),
				step.skipped());
	}

	private QueuedPole describe(PoleRef ref, Instant skippedAt, Locale locale) {
		List<Camera> cameras = queries.unplacedCameras(ref, false);
		Optional<AddressSuggestions.Suggestion> proposal = ref.kind() == PoleKind.SITE ? suggestions.forSite(ref.id())
				: suggestions.forCamera(ref.id());
		PlacementQueries.Facts facts = queries.facts(ref, mostNamed(cameras, Camera::precinctId).orElse(null),
				mostNamed(cameras, Camera::districtId).orElse(null), mostNamed(cameras, Camera::stationId).orElse(null),
				chinese(locale), proposal.isEmpty());
		Suggestion suggestion = proposal
			.map(m -> new Suggestion(m.point().longitude(), m.point().latitude(), "ADDRESS", m.quality().name(),
					m.doorPlate(), m.status()))
			.orElseGet(() -> facts.point() == null ? null : new Suggestion(facts.point().longitude(),
					facts.point().latitude(), facts.source(), null, null, null));
		List<PoleCamera> shown = new ArrayList<>(cameras.stream().map(Camera::camera).toList());
		return new QueuedPole(ref.kind().name(), ref.id(), facts.code(), facts.address(), facts.precinct(),
				facts.district(), facts.station(), shown, suggestion, skippedAt);
	}

	/** The area most of the pole's cameras were put under by the list (the lowest id on a tie). */
	private static Optional<Long> mostNamed(List<Camera> cameras, Function<Camera, Long> area) {
		return cameras.stream().map(area).filter(Objects::nonNull)
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting())).entrySet().stream()
			.max(Comparator.<Map.Entry<Long, Long>>comparingLong(Map.Entry::getValue)
				.thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
			.map(Map.Entry::getKey);
	}

	private static boolean chinese(Locale locale) {
		return locale == null || "zh".equals(locale.getLanguage());
	}
}
