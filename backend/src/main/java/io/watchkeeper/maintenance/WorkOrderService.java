package io.watchkeeper.maintenance;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.watchkeeper.security.AuditLog;
import io.watchkeeper.shared.ConflictException;
import io.watchkeeper.shared.InvalidInputException;
import io.watchkeeper.shared.NotFoundException;

/**
 * The work order use cases: open one by hand (routed like the job's), assign, and every transition, each in
 * its own transaction: load the order the caller may see (else 404), check the version they loaded (else 409
 * naming the current one), let the aggregate decide, save with optimistic locking, keep the history and, for
 * assignments, closures and cancellations, an audit event.
 */
@Service
public class WorkOrderService {

	/** The audit log's object type for work orders. */
	public static final String AUDIT_TYPE = "work_order";

	private final WorkOrderStore store;
	private final Assignables assignables;
	private final MaintenanceProperties properties;
	private final AuditLog audit;
	private final NamedParameterJdbcTemplate jdbc;
	private final Clock clock;
	private final ZoneId zone;
	private final ReplacementCameras cameras;

	WorkOrderService(WorkOrderStore store, Assignables assignables, MaintenanceProperties properties, AuditLog audit,
			NamedParameterJdbcTemplate jdbc, Clock clock, @Value("${watchkeeper.zone:Asia/Taipei}") ZoneId zone,
			ReplacementCameras cameras) {
		this.cameras = cameras;
		this.store = store;
		this.assignables = assignables;
		this.properties = properties;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
		this.zone = zone;
	}

	/** What a dispatcher asks for when opening an order by hand. */
	public record NewWorkOrder(long cameraId, WorkOrderKind kind, WorkOrderPriority priority, String title, String note) {
	}

	/**
	 * Opens an order for a camera, routed like the outage job's (warranty vendor, the camera's or its precinct's
	 * contract today, or nobody).
	 *
	 * @return the new order's id
	 */
	@Transactional
	public long create(NewWorkOrder request, Caller caller) {
		if (!caller.dispatches()) {
			throw new WorkOrderRefused("Only a dispatcher opens work orders by hand");
		}
		if (request.kind() == null) {
			throw new InvalidInputException("kind", "kind is required: REPAIR, REPLACEMENT, DECOMMISSION or INSPECTION");
		}
		String title = request.title() == null || request.title().isBlank() ? null : request.title().strip();
		if (title != null && title.length() > 300) {
			throw new InvalidInputException("title", "The title is longer than 300 characters");
		}
		String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
		if (note != null && note.length() > WorkOrder.MAX_NOTE) {
			throw new InvalidInputException("note", "The note is longer than " + WorkOrder.MAX_NOTE + " characters");
		}
		return open(request.cameraId(), request.kind(), WorkOrderOrigin.MANUAL, null,
				request.priority() == null ? WorkOrderPriority.NORMAL : request.priority(), title, note, caller);
	}

	/** The id of the camera with this asset tag (case-insensitive); 400 naming the field when there is none. */
	@Transactional(readOnly = true)
	public long cameraByAssetTag(String assetTag, String field) {
		return jdbc.queryForList("SELECT id FROM camera WHERE upper(asset_tag) = upper(:tag)",
				Map.of("tag", assetTag.strip()), Long.class).stream().findFirst()
			.orElseThrow(() -> new InvalidInputException(field, "There is no camera with asset tag " + assetTag.strip()));
	}

	private long open(long cameraId, WorkOrderKind kind, WorkOrderOrigin origin, Long outageId,
			WorkOrderPriority priority, String title, String note, Caller caller) {
		String status = jdbc.queryForList("SELECT status FROM camera WHERE id = :id", Map.of("id", cameraId), String.class)
			.stream().findFirst()
			.orElseThrow(() -> new Localized.Invalid("cameraId", "There is no camera " + cameraId,
					"maintenance.detail.noCamera", String.valueOf(cameraId)));
		if ("DECOMMISSIONED".equals(status)) {
			throw new Localized.Conflict("Camera " + cameraId + " is decommissioned; it gets no more work orders",
					"maintenance.detail.decommissioned", String.valueOf(cameraId));
		}
		Instant now = clock.instant();
		WorkOrderStore.Routed routed = store.route(cameraId, today(now), properties).orElseThrow();
		long id = store.insert(kind, cameraId, origin, outageId, priority, title, note, routed, now, caller.username())
			.orElseThrow(() -> {
				String blocking = store.blockingOrder(cameraId, kind).map(String::valueOf).orElse("?");
				return new Localized.Conflict("Camera " + cameraId + " already has "
						+ (kind == WorkOrderKind.REPAIR ? "an open repair order" : "a " + kind.name().toLowerCase() + " order")
						+ " (work order " + blocking + ")", "maintenance.detail.alreadyHasOrder",
						Localized.label("maintenance.kind." + kind.name()), blocking);
			});
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("kind", kind.name());
		details.put("origin", origin.name());
		details.put("routedBy", "manual");
		if (routed.assignee() != null) {
			details.put("assigneeKind", routed.assignee().kind().name());
			if (routed.assignee().contractId() != null) {
				details.put("contractId", routed.assignee().contractId());
			}
			details.put("vendorId", routed.assignee().vendorId());
		}
		store.appendHistory(id, List.of(new HistoryEntry(now, caller.username(), "OPENED", null,
				routed.assignee() == null ? WorkOrderState.NEW : WorkOrderState.ASSIGNED, note, details)));
		audit.record(caller.username(), "work_order.open", AUDIT_TYPE, id, details, AuditLog.currentRemoteAddress());
		return id;
	}

	@Transactional
	public void assign(long id, Long version, AssignTarget target, String note, Caller caller) {
		WorkOrder order = load(id, caller, requireVersion(version));
		assignLoaded(order, target, note, caller, false);
	}

	/**
	 * @param sameIsDone true when an order already with that assignee counts as done (bulk assignment is
	 *        idempotent); false to refuse it with 409
	 */
	private void assignLoaded(WorkOrder order, AssignTarget target, String note, Caller caller, boolean sameIsDone) {
		Instant now = clock.instant();
		Assignee to;
		SlaTargets targets;
		if (!caller.dispatches()) {
			throw new WorkOrderRefused("Only a dispatcher assigns or reassigns a work order");
		}
		if (target.contractId() != null) {
			Assignables.Contract contract = assignables.contract(target.contractId())
				.orElseThrow(() -> noContract(target.contractId()));
			if (!contract.runsOn(today(now))) {
				throw contractNotRunning(contract, today(now));
			}
			to = Assignee.contract(contract.id(), contract.vendorId());
			targets = new SlaTargets(contract.responseHours(), contract.restoreHours());
		}
		else if (target.squadId() != null) {
			Assignables.Squad squad = assignables.squad(target.squadId())
				.orElseThrow(() -> noSquad(target.squadId()));
			Long cameraPrecinct = jdbc.queryForObject("SELECT precinct_id FROM camera WHERE id = :id",
					Map.of("id", order.cameraId()), Long.class);
			if (!squad.headquarters() && !squad.precinctId().equals(cameraPrecinct)) {
				throw new Localized.Invalid("squadId", "Squad " + squad.code()
						+ " works in another precinct; hand the order to HQ's squad or to the camera's precinct's squad",
						"maintenance.detail.squadElsewhere", squad.code());
			}
			to = Assignee.squad(squad.id());
			targets = defaults();
		}
		else {
			WorkOrderStore.Routed routed = store.route(order.cameraId(), today(now), properties).orElseThrow();
			if (routed.assignee() == null) {
				throw new Localized.Conflict("Neither a warranty nor a maintenance contract covers this camera on "
						+ today(now) + "; choose a contract or a squad", "maintenance.detail.notCovered", today(now).toString());
			}
			to = routed.assignee();
			targets = routed.targets();
		}
		if (sameIsDone && to.equals(order.assignee())) {
			return;
		}
		order.assign(caller, to, targets, note, now);
		store.save(order);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("assigneeKind", to.kind().name());
		if (to.contractId() != null) {
			details.put("contractId", to.contractId());
		}
		if (to.vendorId() != null) {
			details.put("vendorId", to.vendorId());
		}
		if (to.squadId() != null) {
			details.put("squadId", to.squadId());
		}
		audit.record(caller.username(), "work_order.assign", AUDIT_TYPE, order.id(), details,
				AuditLog.currentRemoteAddress());
	}

	/**
	 * Bulk assignment from the outage board, one outage at a time: its camera's open repair order (opened now,
	 * routed, if the detection job has not raised one yet) goes to the target at whatever version it has.
	 *
	 * @return the order's id
	 */
	@Transactional
	public long assignForOutage(long outageId, AssignTarget target, String note, Caller caller) {
		if (!caller.dispatches()) {
			throw new WorkOrderRefused("Only a dispatcher assigns work orders");
		}
		Map<String, Object> outage = jdbc.queryForList("SELECT camera_id, ended_at FROM outage WHERE id = :id",
				Map.of("id", outageId)).stream().findFirst()
			.orElseThrow(() -> new NotFoundException("Outage", outageId));
		if (outage.get("ended_at") != null) {
			throw new Localized.Conflict("Outage " + outageId + " has ended; the camera is recording again",
					"maintenance.detail.outageEnded", String.valueOf(outageId));
		}
		long cameraId = ((Number) outage.get("camera_id")).longValue();
		Optional<Long> existing = store.blockingOrder(cameraId, WorkOrderKind.REPAIR);
		long orderId = existing.isPresent() ? existing.get()
				: open(cameraId, WorkOrderKind.REPAIR, WorkOrderOrigin.OUTAGE, outageId, WorkOrderPriority.NORMAL, null,
						null, caller);
		WorkOrder order = store.find(orderId).orElseThrow();
		assignLoaded(order, target, note, caller, true);
		return orderId;
	}

	@Transactional
	public void start(long id, Long version, String note, Caller caller) {
		WorkOrder order = load(id, caller, requireVersion(version));
		order.start(caller, note, clock.instant());
		store.save(order);
	}

	@Transactional
	public void hold(long id, Long version, String reason, Caller caller) {
		WorkOrder order = load(id, caller, requireVersion(version));
		order.hold(caller, reason, clock.instant());
		store.save(order);
	}

	@Transactional
	public void resume(long id, Long version, String note, Caller caller) {
		WorkOrder order = load(id, caller, requireVersion(version));
		order.resume(caller, note, clock.instant());
		store.save(order);
	}

	@Transactional
	public void restore(long id, Long version, String note, Resolution proposed, Caller caller) {
		WorkOrder order = load(id, caller, requireVersion(version));
		order.restore(caller, note, proposed, clock.instant());
		store.save(order);
	}

	@Transactional
	public void close(long id, Long version, Resolution resolution, String note, Caller caller) {
		close(id, version, resolution, note, Delivery.NONE, caller);
	}

	/**
	 * Closes an order. A replacement order is closed by its delivery: the new camera's facts are required, the new
	 * camera is recorded on the old one's pole and the old one decommissioned (REPLACED), its open outage ended and its
	 * other open orders cancelled (a camera taken down has nothing left to repair), all in this transaction. A
	 * decommission order needs a kind and a reason and decommissions the camera today. The order's row is locked
	 * first, so two deliveries of one order at once give one camera: the second finds a new version (409).
	 */
	@Transactional
	public void close(long id, Long version, Resolution resolution, String note, Delivery delivery, Caller caller) {
		long expected = requireVersion(version);
		List<Long> project = jdbc.query("SELECT project_id FROM work_order WHERE id = :id FOR UPDATE", Map.of("id", id),
				(rs, n) -> (Long) rs.getObject(1));
		Long projectId = project.isEmpty() ? null : project.get(0);
		WorkOrder order = load(id, caller, expected);
		order.check(WorkOrderAction.CLOSE, caller);
		Instant now = clock.instant();
		Delivery given = delivery == null ? Delivery.NONE : delivery;
		Map<String, Object> details = new LinkedHashMap<>();
		Resolution closing = resolution;
		String closingNote = note;
		switch (order.kind()) {
			case REPLACEMENT -> {
				closing = requireResolution(resolution, Resolution.REPLACED);
				ReplacementCameras.NewCamera camera = given.camera(today(now));
				ReplacementCameras.Delivered delivered = cameras.replace(order.cameraId(), projectId, camera, now);
				closingNote = blank(note) ? "Replaced by " + delivered.assetTag() : note;
				details.put("deliveredCameraId", delivered.cameraId());
				details.put("deliveredAssetTag", delivered.assetTag());
				jdbc.update("UPDATE work_order SET delivered_camera_id = :camera WHERE id = :id",
						Map.of("camera", delivered.cameraId(), "id", id));
			}
			case DECOMMISSION -> {
				closing = requireResolution(resolution, Resolution.DECOMMISSIONED);
				Delivery.Decommission decommission = given.decommission();
				cameras.decommission(order.cameraId(), decommission.kind(), decommission.reason(), today(now));
				closingNote = blank(note) ? decommission.reason() : note;
				details.put("decommissionKind", decommission.kind().name());
			}
			default -> {
			}
		}
		order.close(caller, closing, closingNote, now);
		store.save(order);
		if (order.kind() == WorkOrderKind.REPLACEMENT || order.kind() == WorkOrderKind.DECOMMISSION) {
			details.put("cancelledOrders", takenOutOfService(order.cameraId(), id, now, caller));
		}
		details.put("resolution", closing.name());
		details.put("note", order.newHistory().get(0).note());
		audit.record(caller.username(), "work_order.close", AUDIT_TYPE, id, details, AuditLog.currentRemoteAddress());
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	/** The resolution of a delivery or decommission is what happened; another one is refused. */
	private static Resolution requireResolution(Resolution given, Resolution only) {
		if (given != null && given != only) {
			throw new InvalidInputException("resolution", "This order closes as " + only + ", not " + given);
		}
		return only;
	}

	/**
	 * The camera is out of service: its open outage ends now and its other open orders are cancelled, each with a
	 * history line; its closed orders, outages and history stay.
	 *
	 * @return the number of orders cancelled
	 */
	private int takenOutOfService(long cameraId, long closedOrder, Instant now, Caller caller) {
		Map<String, Object> params = Map.of("camera", cameraId, "order", closedOrder,
				"now", java.sql.Timestamp.from(now), "actor", caller.username(),
				"note", "Camera taken out of service by work order " + closedOrder);
		jdbc.update("""
				UPDATE outage SET ended_at = greatest(CAST(:now AS timestamptz), started_at)
				 WHERE camera_id = :camera AND ended_at IS NULL""", params);
		return jdbc.update("""
				WITH open AS (
				    SELECT id, state FROM work_order
				     WHERE camera_id = :camera AND id <> :order AND state NOT IN ('CLOSED', 'CANCELLED') FOR UPDATE),
				cancelled AS (
				    UPDATE work_order w SET state = 'CANCELLED', cancelled_at = :now, version = w.version + 1,
				           hold_reason = NULL, state_before_hold = NULL, on_hold_since = NULL
				      FROM open WHERE w.id = open.id
				    RETURNING w.id, open.state AS from_state)
				INSERT INTO work_order_event (work_order_id, occurred_at, actor, action, from_state, to_state, note)
				SELECT id, :now, :actor, 'CANCELLED', from_state, 'CANCELLED', :note FROM cancelled""", params);
	}

	@Transactional
	public void cancel(long id, Long version, String note, Caller caller) {
		WorkOrder order = load(id, caller, requireVersion(version));
		order.cancel(caller, note, clock.instant());
		store.save(order);
		audit.record(caller.username(), "work_order.cancel", AUDIT_TYPE, id,
				Map.of("note", order.newHistory().get(0).note()), AuditLog.currentRemoteAddress());
	}

	/**
	 * Attaches a photo: a JPEG or PNG that decodes, at most {@code photo-max-size} and {@code photo-max-pixels},
	 * stored as encoded again from its pixels ({@link PhotoImage}).
	 *
	 * @return the photo's id
	 */
	@Transactional
	public long addPhoto(long id, String fileName, byte[] content, Caller caller) {
		WorkOrder order = load(id, caller, null);
		long max = properties.photoMaxSize().toBytes();
		if (content == null || content.length == 0) {
			throw new InvalidInputException("file", "The photo is empty; choose a JPEG or PNG image");
		}
		if (content.length > max) {
			throw new PhotoTooLargeException(content.length, max);
		}
		String name = cleanFileName(fileName);
		// decoded and encoded again: only pixels are kept (no appended HTML, no EXIF/GPS)
		PhotoImage photo = PhotoImage.decode(name, content, properties.photoMaxPixels());
		String type = photo.type().contentType();
		byte[] stored = photo.content();
		Instant now = clock.instant();
		order.attachPhoto(caller, name, type, stored.length, now);
		long photoId = store.insertPhoto(id, caller.username(), name, type, stored, sha256(stored), now);
		store.appendHistory(id, order.newHistory());
		return photoId;
	}

	/** A stored photo, for whoever may see its order. */
	public record Photo(long id, String contentType, String fileName, byte[] content) {
	}

	@Transactional(readOnly = true)
	public Photo photo(long id, long photoId, Caller caller) {
		load(id, caller, null);
		return jdbc.query("""
				SELECT id, content_type, file_name, content FROM work_order_photo WHERE id = :photo AND work_order_id = :order""",
				Map.of("photo", photoId, "order", id),
				(rs, n) -> new Photo(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
			.stream().findFirst().orElseThrow(() -> new NotFoundException("Photo", photoId));
	}

	/** The order as the caller may see it; absent (404) when they may not see it at all. */
	@Transactional(readOnly = true)
	public WorkOrder find(long id, Caller caller) {
		return load(id, caller, null);
	}

	private WorkOrder load(long id, Caller caller, Long version) {
		WorkOrder order = store.find(id).filter(o -> o.visibleTo(caller))
			.orElseThrow(() -> new NotFoundException("Work order", id));
		if (version != null && version != order.version()) {
			throw new StaleVersionException(id, version, order.version());
		}
		return order;
	}

	/** The version a transition needs: the one the caller loaded. */
	static long requireVersion(Long version) {
		if (version == null) {
			throw new InvalidInputException("version", "version is required: the version of the order you loaded");
		}
		return version;
	}

	static InvalidInputException noContract(long contractId) {
		return new Localized.Invalid("contractId", "There is no contract " + contractId, "maintenance.detail.noContract",
				String.valueOf(contractId));
	}

	static InvalidInputException contractNotRunning(Assignables.Contract contract, LocalDate today) {
		return new Localized.Invalid("contractId", "Contract " + contract.code() + " runs from " + contract.startsOn()
				+ " to " + contract.endsOn() + ", not today (" + today + ")", "maintenance.detail.contractNotRunning",
				contract.code(), contract.startsOn().toString(), contract.endsOn().toString(), today.toString());
	}

	static InvalidInputException noSquad(long squadId) {
		return new Localized.Invalid("squadId", "There is no repair squad " + squadId, "maintenance.detail.noSquad",
				String.valueOf(squadId));
	}

	private SlaTargets defaults() {
		return new SlaTargets(properties.defaultResponseHours(), properties.defaultRestoreHours());
	}

	/** Today in the application's zone, by the service's clock. */
	LocalDate today() {
		return today(clock.instant());
	}

	LocalDate today(Instant now) {
		return LocalDate.ofInstant(now, zone);
	}

	private static String cleanFileName(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_").strip();
		return base.length() > 255 ? base.substring(base.length() - 255) : base;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
