package io.watchkeeper.camera;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.locationtech.jts.geom.Point;

import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.GeoPoint;
import io.watchkeeper.shared.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A camera in the registry: the aggregate that guards its own life. It changes only through the methods
 * below, each named for what happens to a real camera; a decommissioned camera is kept as history and
 * cannot be changed any more.
 * <p>
 * Precinct and district follow the location (point in polygon, in SQL, see {@link AreaAssignment}) unless
 * a person chose them by hand ({@link #chooseAreaByHand}).
 */
@Entity
@Table(name = "camera")
public class Camera {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "asset_tag", nullable = false, unique = true, length = AssetTag.MAX_LENGTH)
	private String assetTag;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "site_id")
	private Site site;

	@Column(name = "site_index")
	@JdbcTypeCode(SqlTypes.SMALLINT)
	private Integer siteIndex;

	private Point location;

	@Column(length = 300)
	private String address;

	@Column(name = "precinct_id")
	private Long precinctId;

	@Column(name = "district_id")
	private Long districtId;

	@Column(name = "station_id")
	private Long stationId;

	@Column(name = "area_overridden", nullable = false)
	private boolean areaOverridden;

	@Column(name = "heading_deg")
	@JdbcTypeCode(SqlTypes.SMALLINT)
	private Integer headingDeg;

	@Column(name = "fov_deg")
	@JdbcTypeCode(SqlTypes.SMALLINT)
	private Integer fovDeg;

	@Column(name = "range_m")
	private Integer rangeM;

	@Column(name = "retention_days")
	@JdbcTypeCode(SqlTypes.SMALLINT)
	private Integer retentionDays;

	@Column(name = "install_date")
	private LocalDate installDate;

	@Column(name = "service_life_years", nullable = false)
	@JdbcTypeCode(SqlTypes.SMALLINT)
	private int serviceLifeYears = CameraDetails.DEFAULT_SERVICE_LIFE_YEARS;

	@Column(name = "warranty_end")
	private LocalDate warrantyEnd;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private LprCapability lpr = LprCapability.NONE;

	@Column(length = 80)
	private String make;

	@Column(length = 80)
	private String model;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private CameraStatus status = CameraStatus.ACTIVE;

	@Column(name = "funding_source_id")
	private Long fundingSourceId;

	@Column(name = "project_id")
	private Long projectId;

	@Column(name = "contract_id")
	private Long contractId;

	@Column(name = "supplier_vendor_id")
	private Long supplierVendorId;

	@Column(name = "decommissioned_on")
	private LocalDate decommissionedOn;

	@Column(name = "decommission_reason", length = 500)
	private String decommissionReason;

	/** Why it left service (REPLACED, END_OF_LIFE_FAULTY, NOT_NEEDED, NOT_WORTH_REPAIRING, OTHER). */
	@Column(name = "decommission_kind", length = 24)
	private String decommissionKind;

	@Column(name = "serial_number", length = 80)
	private String serialNumber;

	/** The camera this one replaced on its pole (lineage). */
	@Column(name = "replaces_camera_id")
	private Long replacesCameraId;

	private String notes;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected Camera() {
	}

	/**
	 * Registers a camera. With a site (the one its tag names), the camera takes the index from its tag.
	 * Precinct and district are derived from the location unless chosen by hand afterwards.
	 */
	public static Camera register(AssetTag tag, Site site, GeoPoint location, String address, CameraDetails details) {
		Camera camera = new Camera();
		camera.assetTag = tag.value();
		camera.placeOnSite(tag, site);
		camera.place(location, address);
		camera.apply(details);
		return camera;
	}

	/** Changes what can be changed about a working camera: optics, dates, capability, status, money. */
	public void edit(CameraDetails details) {
		refuseIfDecommissioned("edited");
		apply(details);
	}

	/** The camera was moved, or its position or address was corrected; {@code null} location means unplaced. */
	public void relocate(GeoPoint location, String address) {
		refuseIfDecommissioned("moved");
		place(location, address);
	}

	/** The label was corrected; the camera follows the site its new tag names. */
	public void retag(AssetTag tag, Site site) {
		refuseIfDecommissioned("re-tagged");
		this.assetTag = tag.value();
		placeOnSite(tag, site);
	}

	/** A person decided the precinct and district; boundary changes will leave them alone. */
	public void chooseAreaByHand(Long precinctId, Long districtId) {
		refuseIfDecommissioned("re-assigned");
		this.precinctId = precinctId;
		this.districtId = districtId;
		this.areaOverridden = true;
	}

	/**
	 * The police station a person chose (or none). Where the area follows the location, {@link AreaAssignment} then
	 * keeps it only while it belongs to the camera's precinct and no station boundary holds the location.
	 */
	public void assignStation(Long stationId) {
		if (!java.util.Objects.equals(this.stationId, stationId)) {
			refuseIfDecommissioned("re-assigned");
			this.stationId = stationId;
		}
	}

	/** Precinct and district follow the location again (the database derives them, see {@link AreaAssignment}). */
	public void deriveAreaFromLocation() {
		refuseIfDecommissioned("re-assigned");
		this.areaOverridden = false;
		if (location == null) {
			precinctId = null;
			districtId = null;
		}
	}

	/**
	 * Takes the camera out of service for good, e.g. broken beyond repair or past its service life.
	 * Refused when it is already decommissioned; the date may not lie in the future or before installation.
	 */
	public void decommission(String reason, LocalDate on, LocalDate today) {
		decommission("OTHER", reason, on, today);
	}

	/** As {@link #decommission(String, LocalDate, LocalDate)}, with the kind of reason the figures count by. */
	public void decommission(String kind, String reason, LocalDate on, LocalDate today) {
		if (status.isFinal()) {
			throw new ConflictException("Camera " + assetTag + " was already decommissioned on " + decommissionedOn);
		}
		var errors = new java.util.ArrayList<InvalidInputException.FieldError>();
		String why = CameraDetails.blankToNull(reason);
		if (why == null) {
			errors.add(new InvalidInputException.FieldError("reason", "a reason for decommissioning is required"));
		}
		else if (why.length() > 500) {
			errors.add(new InvalidInputException.FieldError("reason", "reason is longer than 500 characters"));
		}
		if (on == null) {
			errors.add(new InvalidInputException.FieldError("on", "the decommission date is required"));
		}
		else if (on.isAfter(today)) {
			errors.add(new InvalidInputException.FieldError("on", "the decommission date " + on + " lies in the future"));
		}
		else if (installDate != null && on.isBefore(installDate)) {
			errors.add(new InvalidInputException.FieldError("on",
					"the decommission date " + on + " is before the install date " + installDate));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException("The camera cannot be decommissioned like this", errors);
		}
		this.status = CameraStatus.DECOMMISSIONED;
		this.decommissionedOn = on;
		this.decommissionReason = why;
		this.decommissionKind = kind;
	}

	/** A camera just registered is the one delivered in place of {@code replaced}, with its serial number. */
	void deliveredFor(long replaced, String serial) {
		this.replacesCameraId = replaced;
		this.serialNumber = serial;
	}

	public String serialNumber() {
		return serialNumber;
	}

	public Long replacesCameraId() {
		return replacesCameraId;
	}

	public String decommissionKind() {
		return decommissionKind;
	}

	Integer fovDeg() {
		return fovDeg;
	}

	Integer rangeM() {
		return rangeM;
	}

	Integer retentionDays() {
		return retentionDays;
	}

	public Long siteId() {
		return site == null ? null : site.id();
	}

	/** The camera's recorded state, field by field, as the audit log shows it. */
	public Map<String, Object> snapshot() {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("assetTag", assetTag);
		s.put("siteCode", site == null ? null : site.code());
		s.put("siteIndex", siteIndex);
		s.put("longitude", location == null ? null : location.getX());
		s.put("latitude", location == null ? null : location.getY());
		s.put("address", address);
		s.put("precinctId", precinctId);
		s.put("districtId", districtId);
		s.put("stationId", stationId);
		s.put("areaOverridden", areaOverridden);
		s.put("heading", headingDeg);
		s.put("fovDeg", fovDeg);
		s.put("rangeM", rangeM);
		s.put("installDate", text(installDate));
		s.put("serviceLifeYears", serviceLifeYears);
		s.put("warrantyEnd", text(warrantyEnd));
		s.put("lpr", lpr.name());
		s.put("make", make);
		s.put("model", model);
		s.put("status", status.name());
		s.put("fundingSourceId", fundingSourceId);
		s.put("projectId", projectId);
		s.put("contractId", contractId);
		s.put("supplierVendorId", supplierVendorId);
		s.put("decommissionedOn", text(decommissionedOn));
		s.put("decommissionReason", decommissionReason);
		s.put("decommissionKind", decommissionKind);
		s.put("serialNumber", serialNumber);
		s.put("replacesCameraId", replacesCameraId);
		s.put("notes", notes);
		s.put("retentionDays", retentionDays);
		return s;
	}

	/** The fields that differ between two snapshots, as {@code {field: [old, new]}}. */
	public static Map<String, Object> diff(Map<String, Object> before, Map<String, Object> after) {
		Map<String, Object> changes = new LinkedHashMap<>();
		after.forEach((field, now) -> {
			Object was = before.get(field);
			if (!java.util.Objects.equals(was, now)) {
				changes.put(field, java.util.Arrays.asList(was, now));
			}
		});
		return changes;
	}

	private void apply(CameraDetails d) {
		this.headingDeg = d.heading() == null ? null : d.heading().degrees();
		this.fovDeg = d.fovDeg();
		this.rangeM = d.rangeM();
		this.installDate = d.installDate();
		this.serviceLifeYears = d.serviceLifeYears();
		this.warrantyEnd = d.warrantyEnd();
		this.lpr = d.lpr();
		this.make = d.make();
		this.model = d.model();
		this.status = d.status();
		this.fundingSourceId = d.fundingSourceId();
		this.projectId = d.projectId();
		this.contractId = d.contractId();
		this.supplierVendorId = d.supplierVendorId();
		this.notes = d.notes();
		this.retentionDays = d.retentionDays();
	}

	private void place(GeoPoint location, String address) {
		if (location != null && !location.isInTaiwan()) {
			throw new InvalidInputException("The location is outside Taiwan", java.util.List.of(
					new InvalidInputException.FieldError("longitude", "location " + location.longitude() + ", "
							+ location.latitude() + " is outside Taiwan (are longitude and latitude swapped?)")));
		}
		String where = CameraDetails.blankToNull(address);
		if (where != null && where.length() > 300) {
			throw new InvalidInputException("address", "address is longer than 300 characters");
		}
		this.location = location == null ? null : location.toPoint();
		this.address = where;
		if (location == null && !areaOverridden) {
			precinctId = null;
			districtId = null;
		}
	}

	private void placeOnSite(AssetTag tag, Site site) {
		this.site = site;
		this.siteIndex = site == null ? null : tag.siteIndex().orElse(null);
	}

	private void refuseIfDecommissioned(String what) {
		if (status.isFinal()) {
			throw new ConflictException("Camera " + assetTag + " was decommissioned on " + decommissionedOn
					+ " and is kept as history; it cannot be " + what);
		}
	}

	private static String text(LocalDate date) {
		return date == null ? null : date.toString();
	}

	@PrePersist
	void stampCreated() {
		createdAt = Instant.now();
		updatedAt = createdAt;
	}

	@PreUpdate
	void stampUpdated() {
		updatedAt = Instant.now();
	}

	public Long id() {
		return id;
	}

	public AssetTag assetTag() {
		return new AssetTag(assetTag);
	}

	public Site site() {
		return site;
	}

	public Integer siteIndex() {
		return siteIndex;
	}

	public GeoPoint location() {
		return GeoPoint.of(location);
	}

	public String address() {
		return address;
	}

	public Long precinctId() {
		return precinctId;
	}

	public Long stationId() {
		return stationId;
	}

	public Long districtId() {
		return districtId;
	}

	public boolean areaOverridden() {
		return areaOverridden;
	}

	public Heading heading() {
		return Heading.of(headingDeg);
	}

	public LocalDate installDate() {
		return installDate;
	}

	/**
	 * Install date plus service life. The database computes the same in its generated column
	 * {@code end_of_life}, which is deliberately not mapped: a generated value read back on update would hide
	 * a lost optimistic-lock race behind a "no generated values" error instead of a stale-version conflict.
	 */
	public LocalDate endOfLife() {
		return installDate == null ? null : installDate.plusYears(serviceLifeYears);
	}

	public LprCapability lpr() {
		return lpr;
	}

	public CameraStatus status() {
		return status;
	}

	public LocalDate decommissionedOn() {
		return decommissionedOn;
	}

	public String decommissionReason() {
		return decommissionReason;
	}

	public long version() {
		return version;
	}
}
