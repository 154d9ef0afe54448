package io.watchkeeper.camera;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.GeoPoint;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.InvalidInputException.FieldError;
import io.watchkeeper.shared.NotFoundException;
import jakarta.persistence.EntityManager;

/**
 * Registers, edits and decommissions cameras: the registry's write side. Every change is audited with
 * the fields it changed ({@code camera.created}, {@code camera.updated}, {@code camera.decommissioned}),
 * in the same transaction as the change.
 */
@Service
@Transactional
public class CameraRegistry {

	/** Dates such as "decommissioned today" are meant in Taiwan, whatever the server's zone. */
	static final ZoneId TAIWAN = ZoneId.of("Asia/Taipei");

	private final CameraRepository cameras;
	private final SiteRepository sites;
	private final CameraQueries queries;
	private final AreaAssignment areas;
	private final AuditLog audit;
	private final EntityManager entityManager;
	private final Clock clock;

	CameraRegistry(CameraRepository cameras, SiteRepository sites, CameraQueries queries, AreaAssignment areas,
			AuditLog audit, EntityManager entityManager, ObjectProvider<Clock> clock) {
		this.cameras = cameras;
		this.sites = sites;
		this.queries = queries;
		this.areas = areas;
		this.audit = audit;
		this.entityManager = entityManager;
		this.clock = clock.getIfAvailable(() -> Clock.system(TAIWAN));
	}

	/** Registers a new camera and returns its id; a position far outside the department's area is refused. */
	public long register(CameraCommand command) {
		return register(command, false);
	}

	/**
	 * Registers a new camera and returns its id.
	 *
	 * @param confirmedOutsideArea the person confirmed a position far outside the department's area
	 * @throws FarOutsideAreaException when the position is far outside the area and not confirmed
	 */
	public long register(CameraCommand command, boolean confirmedOutsideArea) {
		Validated v = validate(command);
		refuseFarOutsideAreaUnlessConfirmed(v.location(), confirmedOutsideArea);
		if (cameras.existsByAssetTag(v.tag().value())) {
			throw new DuplicateAssetTagException(v.tag());
		}
		Camera camera = Camera.register(v.tag(), siteFor(v.tag(), v.location(), command.address()), v.location(),
				command.address(), v.details());
		if (command.areaChosenByHand()) {
			camera.chooseAreaByHand(command.precinctId(), command.districtId());
		}
		camera.assignStation(command.stationId());
		saveAndFlush(camera, v.tag());
		deriveAreaIfFollowingLocation(camera);
		refuseStationOutsidePrecinct(camera, command.stationId());
		Map<String, Object> created = new LinkedHashMap<>();
		camera.snapshot().forEach((field, value) -> {
			if (value != null) {
				created.put(field, value);
			}
		});
		audit.record("camera.created", "camera", camera.id(), created);
		return camera.id();
	}

	/**
	 * Replaces what is known about a camera. {@code expectedVersion} is the version the editor loaded; if
	 * someone saved in between, the change is refused (409) instead of silently overwriting theirs.
	 */
	public void update(long id, long expectedVersion, CameraCommand command) {
		update(id, expectedVersion, command, false);
	}

	/**
	 * As {@link #update(long, long, CameraCommand)}; a new position far outside the department's area is
	 * refused unless {@code confirmedOutsideArea}. A position kept as it was is not asked about again.
	 */
	public void update(long id, long expectedVersion, CameraCommand command, boolean confirmedOutsideArea) {
		Camera camera = load(id, expectedVersion);
		Map<String, Object> before = camera.snapshot();
		Validated v = validate(command);
		if (!Objects.equals(v.location(), camera.location())) {
			refuseFarOutsideAreaUnlessConfirmed(v.location(), confirmedOutsideArea);
		}
		if (!v.tag().equals(camera.assetTag())) {
			if (cameras.existsByAssetTag(v.tag().value())) {
				throw new DuplicateAssetTagException(v.tag());
			}
			camera.retag(v.tag(), siteFor(v.tag(), v.location(), command.address()));
		}
		if (!Objects.equals(v.location(), camera.location())
				|| !Objects.equals(CameraDetails.blankToNull(command.address()), camera.address())) {
			camera.relocate(v.location(), command.address());
		}
		camera.edit(v.details());
		if (command.areaChosenByHand()) {
			camera.chooseAreaByHand(command.precinctId(), command.districtId());
		}
		else {
			camera.deriveAreaFromLocation();
		}
		camera.assignStation(command.stationId());
		saveAndFlush(camera, v.tag());
		deriveAreaIfFollowingLocation(camera);
		refuseStationOutsidePrecinct(camera, command.stationId());
		Map<String, Object> changes = Camera.diff(before, camera.snapshot());
		if (!changes.isEmpty()) {
			audit.record("camera.updated", "camera", camera.id(), changes);
		}
	}

	/**
	 * Takes a camera out of service for good. {@code expectedVersion} may be {@code null} when the caller
	 * did not load the camera first (decommissioning twice is refused anyway).
	 */
	public void decommission(long id, Long expectedVersion, String reason, LocalDate on) {
		Camera camera = expectedVersion == null ? find(id) : load(id, expectedVersion);
		Map<String, Object> before = camera.snapshot();
		camera.decommission(reason, on, today());
		cameras.saveAndFlush(camera);
		audit.record("camera.decommissioned", "camera", camera.id(), Camera.diff(before, camera.snapshot()));
	}

	/** A delivered replacement's facts (see {@link #replace}); {@code lpr} NONE, LPR or REALTIME_LPR. */
	public record Replacement(String make, String model, String serialNumber, LocalDate installDate,
			LprCapability lpr, Integer heading, LocalDate warrantyEnd) {
	}

	/** The terms a project gives its delivered cameras; each may be null. */
	public record ProjectTerms(Long projectId, Integer warrantyYears, Long fundingSourceId, Long vendorId) {
	}

	/**
	 * Records the camera that replaces {@code oldId} on the same pole and position (location, heading unless given,
	 * field of view, range, address, area, retention), tagged with the site's next free index, and decommissions
	 * the old one on the install date as REPLACED ("replaced by" the new tag). The warranty ends
	 * {@code terms.warrantyYears} after installation, or on the given date where the project has no terms (then it
	 * is required). Audited {@code camera.created}, {@code camera.decommissioned} and {@code CAMERA_REPLACED}.
	 *
	 * @return the new camera
	 */
	public Camera replace(long oldId, Replacement r, ProjectTerms terms) {
		Camera old = find(oldId);
		if (old.status().isFinal()) {
			throw new io.watchkeeper.shared.ConflictException("Camera " + old.assetTag() + " was already decommissioned on "
					+ old.decommissionedOn());
		}
		List<FieldError> errors = new ArrayList<>();
		LocalDate warrantyEnd = terms.warrantyYears() != null ? r.installDate().plusYears(terms.warrantyYears())
				: r.warrantyEnd();
		if (warrantyEnd == null) {
			errors.add(new FieldError("warrantyEnd",
					"the order's project sets no warranty terms: give the new camera's warranty end"));
		}
		if (queries.serialInUse(r.serialNumber())) {
			errors.add(new FieldError("serialNumber", "serial number " + r.serialNumber() + " is already in use"));
		}
		if (old.installDate() != null && r.installDate().isBefore(old.installDate())) {
			errors.add(new FieldError("installDate", "the new camera cannot be installed before the old one ("
					+ old.installDate() + ")"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The new camera cannot be recorded like this", errors);
		}
		AssetTag tag = queries.nextTagOnSite(old);
		GeoPoint at = old.location();
		Heading heading = r.heading() != null ? Heading.of(r.heading()) : old.heading();
		CameraCommand command = new CameraCommand(tag.value(), at == null ? null : at.longitude(),
				at == null ? null : at.latitude(), old.address(), old.areaOverridden() ? old.precinctId() : null,
				old.areaOverridden() ? old.districtId() : null, heading == null ? null : heading.degrees(), old.fovDeg(),
				old.rangeM(), r.installDate(), null, warrantyEnd, r.lpr(), r.make(), r.model(), CameraStatus.ACTIVE,
				terms.fundingSourceId(), terms.projectId(), null, terms.vendorId(), null, old.retentionDays(), old.stationId());
		long newId = register(command, true);
		Camera delivered = find(newId);
		delivered.deliveredFor(oldId, r.serialNumber());
		try {
			cameras.saveAndFlush(delivered);
		}
		catch (DataIntegrityViolationException e) {
			String cause = String.valueOf(e.getMostSpecificCause().getMessage());
			if (cause.contains("camera_serial_number_key")) {
				throw new InvalidInputException("serialNumber", "serial number " + r.serialNumber() + " is already in use");
			}
			if (cause.contains("camera_replaces_key")) {
				throw new io.watchkeeper.shared.ConflictException("Camera " + old.assetTag() + " was replaced already");
			}
			throw e;
		}
		Map<String, Object> before = old.snapshot();
		old.decommission("REPLACED", "replaced by " + tag.value(), r.installDate(), today());
		cameras.saveAndFlush(old);
		audit.record("camera.decommissioned", "camera", oldId, Camera.diff(before, old.snapshot()));
		Map<String, Object> replaced = new LinkedHashMap<>();
		replaced.put("oldCameraId", oldId);
		replaced.put("oldAssetTag", old.assetTag().value());
		replaced.put("newCameraId", newId);
		replaced.put("newAssetTag", tag.value());
		replaced.put("serialNumber", r.serialNumber());
		replaced.put("installDate", r.installDate().toString());
		replaced.put("warrantyEnd", warrantyEnd.toString());
		replaced.put("projectId", terms.projectId());
		audit.record(io.watchkeeper.security.AuditAction.CAMERA_REPLACED, "camera", newId, replaced);
		return delivered;
	}

	/** Takes a camera out of service with a kind of reason (a closed decommission order). */
	public void decommissionAs(long id, String kind, String reason, LocalDate on) {
		Camera camera = find(id);
		Map<String, Object> before = camera.snapshot();
		camera.decommission(kind, reason, on, today());
		cameras.saveAndFlush(camera);
		audit.record("camera.decommissioned", "camera", camera.id(), Camera.diff(before, camera.snapshot()));
	}

	/** Today in Taiwan: the clock may run in UTC, and a decommission at 07:00 in Taipei is on Taipei's date. */
	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), TAIWAN);
	}

	private void refuseFarOutsideAreaUnlessConfirmed(GeoPoint location, boolean confirmed) {
		if (location != null && !confirmed) {
			areas.kilometresFarOutsideArea(location).ifPresent(km -> {
				throw new FarOutsideAreaException(location, km, areas.toleranceMetres() / 1000);
			});
		}
	}

	private Camera find(long id) {
		return cameras.findById(id).orElseThrow(() -> new NotFoundException("Camera", id));
	}

	private Camera load(long id, long expectedVersion) {
		Camera camera = find(id);
		if (camera.version() != expectedVersion) {
			throw new ObjectOptimisticLockingFailureException(Camera.class, id);
		}
		return camera;
	}

	/** The site a tag names, opened at the camera's place if it does not exist yet; none for other tags. */
	private Site siteFor(AssetTag tag, GeoPoint location, String address) {
		return tag.siteCode()
			.map(code -> sites.findByCode(code)
				.orElseGet(() -> sites.save(Site.openFor(code, location, CameraDetails.blankToNull(address)))))
			.orElse(null);
	}

	private void saveAndFlush(Camera camera, AssetTag tag) {
		try {
			cameras.saveAndFlush(camera);
		}
		catch (DataIntegrityViolationException e) {
			// Two people registering the same tag at the same moment: the unique constraint decides.
			if (String.valueOf(e.getMostSpecificCause().getMessage()).contains("camera_asset_tag_key")) {
				throw new DuplicateAssetTagException(tag);
			}
			throw e;
		}
	}

	/** Lets the database put the camera in the precinct and district its location lies in. */
	private void deriveAreaIfFollowingLocation(Camera camera) {
		if (!camera.areaOverridden()) {
			areas.assignCameras(camera.id());
			entityManager.refresh(camera);
		}
	}

	private record Validated(AssetTag tag, GeoPoint location, CameraDetails details) {
	}

	/** Checks the whole command and reports every field at fault at once. */
	private Validated validate(CameraCommand c) {
		List<FieldError> errors = new ArrayList<>();
		AssetTag tag = attempt(errors, () -> AssetTag.of(c.assetTag()));
		GeoPoint location = location(c, errors);
		Heading heading = attempt(errors, () -> Heading.of(c.heading()));
		CameraDetails details = attempt(errors, () -> new CameraDetails(heading, c.fovDeg(),
				c.rangeM(), c.installDate(),
				c.serviceLifeYears() == null ? CameraDetails.DEFAULT_SERVICE_LIFE_YEARS : c.serviceLifeYears(),
				c.warrantyEnd(), c.lpr(), c.make(), c.model(), c.status(), c.fundingSourceId(), c.projectId(),
				c.contractId(), c.supplierVendorId(), c.notes(), c.retentionDays()));
		if (c.address() != null && c.address().strip().length() > 300) {
			errors.add(new FieldError("address", "address is longer than 300 characters"));
		}
		mustExist(errors, "precinctId", CameraQueries.Referenced.PRECINCT, c.precinctId());
		mustExist(errors, "districtId", CameraQueries.Referenced.DISTRICT, c.districtId());
		mustExist(errors, "stationId", CameraQueries.Referenced.STATION, c.stationId());
		mustExist(errors, "fundingSourceId", CameraQueries.Referenced.FUNDING_SOURCE, c.fundingSourceId());
		mustExist(errors, "projectId", CameraQueries.Referenced.PROJECT, c.projectId());
		mustExist(errors, "contractId", CameraQueries.Referenced.CONTRACT, c.contractId());
		mustExist(errors, "supplierVendorId", CameraQueries.Referenced.VENDOR, c.supplierVendorId());
		if (!errors.isEmpty()) {
			throw new InvalidInputException("Some fields are not valid", errors);
		}
		return new Validated(tag, location, details);
	}

	private static GeoPoint location(CameraCommand c, List<FieldError> errors) {
		Double lon = c.longitude();
		Double lat = c.latitude();
		if (lon == null && lat == null) {
			return null;
		}
		if (lon == null || lat == null) {
			errors.add(new FieldError(lon == null ? "longitude" : "latitude",
					"give both longitude and latitude, or neither for an unplaced camera"));
			return null;
		}
		if (inTaiwan(lat, lon) && !inTaiwan(lon, lat)) {
			errors.add(new FieldError("longitude", "longitude " + lon + " and latitude " + lat
					+ " look swapped: Taiwan lies at longitude 118-122.5, latitude 21.5-26.5"));
			return null;
		}
		try {
			GeoPoint point = new GeoPoint(lon, lat);
			if (!point.isInTaiwan()) {
				errors.add(new FieldError("longitude", "location " + lon + ", " + lat
						+ " is outside Taiwan (longitude 118-122.5, latitude 21.5-26.5)"));
				return null;
			}
			return point;
		}
		catch (IllegalArgumentException e) {
			errors.add(new FieldError(e.getMessage().startsWith("latitude") ? "latitude" : "longitude", e.getMessage()));
			return null;
		}
	}

	private static boolean inTaiwan(double lon, double lat) {
		return lon >= 118.0 && lon <= 122.5 && lat >= 21.5 && lat <= 26.5;
	}

	/**
	 * A chosen station must belong to the camera's precinct (chosen by hand or derived from the location). Where the
	 * area follows the location, {@link AreaAssignment} has already dropped a station of another precinct, or put the
	 * station whose boundary holds the location in its place (that is accepted: the boundary decides).
	 */
	private void refuseStationOutsidePrecinct(Camera camera, Long chosen) {
		if (chosen == null || camera.stationId() != null && !camera.stationId().equals(chosen)) {
			return;
		}
		Long stationPrecinct = queries.precinctOfStation(chosen);
		if (camera.stationId() == null || !java.util.Objects.equals(stationPrecinct, camera.precinctId())) {
			throw new InvalidInputException("stationId", "station " + chosen + " belongs to precinct "
					+ queries.precinctCode(stationPrecinct) + ", not to the camera's precinct ("
					+ (camera.precinctId() == null ? "none" : queries.precinctCode(camera.precinctId())) + ")");
		}
	}

	private void mustExist(List<FieldError> errors, String field, CameraQueries.Referenced what, Long id) {
		if (id != null && !queries.exists(what, id)) {
			errors.add(new FieldError(field, "there is no " + what.name().toLowerCase().replace('_', ' ') + " with id " + id));
		}
	}

	private static <T> T attempt(List<FieldError> errors, Supplier<T> parse) {
		try {
			return parse.get();
		}
		catch (InvalidInputException e) {
			errors.addAll(e.fieldErrors());
			return null;
		}
	}
}
