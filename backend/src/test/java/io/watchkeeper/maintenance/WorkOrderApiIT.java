package io.watchkeeper.maintenance;

import static io.watchkeeper.maintenance.MaintenanceFixtures.ADMIN;
import static io.watchkeeper.maintenance.MaintenanceFixtures.DISPATCHER;
import static io.watchkeeper.maintenance.MaintenanceFixtures.INVESTIGATOR;
import static io.watchkeeper.maintenance.MaintenanceFixtures.PROCUREMENT;
import static io.watchkeeper.maintenance.MaintenanceFixtures.SQUAD_A;
import static io.watchkeeper.maintenance.MaintenanceFixtures.SQUAD_B;
import static io.watchkeeper.maintenance.MaintenanceFixtures.VENDOR1;
import static io.watchkeeper.maintenance.MaintenanceFixtures.VENDOR2;
import static io.watchkeeper.maintenance.MaintenanceFixtures.VIEWER;
import static io.watchkeeper.maintenance.MaintenanceFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** The work order API over real HTTP on PostGIS: the life of an order, routing, scoping per role, races, bad input. */
class WorkOrderApiIT extends MaintenanceHttp {

	@Autowired
	WorkOrderStore store;

	@Autowired
	MaintenanceProperties properties;

	@Test
	void aRepairGoesFromOpenToClosedWithItsHistoryAndAuditTrail() {
		long camera = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null);
		long id = openOrder(camera, "REPAIR");
		JsonNode opened = json(get(DISPATCHER, "/api/work-orders/" + id));
		assertThat(opened.get("state").asString()).isEqualTo("ASSIGNED");
		assertThat(opened.get("assigneeKind").asString()).isEqualTo("CONTRACT");
		assertThat(opened.get("contract").get("code").asString()).isEqualTo("ITM-C1");
		assertThat(opened.get("camera").get("assetTag").asString()).isEqualTo(MaintenanceFixtures.assetTag(jdbc, camera));
		assertThat(opened.get("actions").toString()).contains("ASSIGN", "CANCEL").doesNotContain("CLOSE", "RESTORE");

		HttpResponse<String> started = post(VENDOR1, "/api/work-orders/" + id + "/start", Map.of("version", version(id)));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		assertThat(json(started).get("state").asString()).isEqualTo("IN_PROGRESS");

		// a vendor's technician may not propose "restored in-house": that is the squads' figure
		HttpResponse<String> inHouse = post(VENDOR1, "/api/work-orders/" + id + "/restore",
				Map.of("version", version(id), "note", "replaced the PoE injector", "resolution", "RESTORED_IN_HOUSE"));
		assertThat(inHouse.statusCode()).as(inHouse.body()).isEqualTo(400);
		assertThat(inHouse.body()).contains("\"field\":\"resolution\"", "held by a repair squad");
		assertThat(state(id)).isEqualTo("IN_PROGRESS");

		HttpResponse<String> restored = post(VENDOR1, "/api/work-orders/" + id + "/restore",
				Map.of("version", version(id), "note", "replaced the PoE injector"));
		assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
		assertThat(json(restored).get("resolution").asString()).isEqualTo("RESTORED_BY_VENDOR");

		HttpResponse<String> closed = post(DISPATCHER, "/api/work-orders/" + id + "/close",
				Map.of("version", version(id), "resolution", "RESTORED_BY_VENDOR", "note", "picture checked"));
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
		JsonNode body = json(closed);
		assertThat(body.get("state").asString()).isEqualTo("CLOSED");
		assertThat(body.get("closedAt").isNull()).isFalse();
		List<String> actions = new ArrayList<>();
		body.get("history").forEach(h -> actions.add(h.get("action").asString() + ":" + h.get("actor").asString()));
		assertThat(actions).containsExactly("OPENED:" + DISPATCHER, "STARTED:" + VENDOR1, "RESTORED:" + VENDOR1,
				"CLOSED:" + DISPATCHER);
		assertThat(jdbc.queryForList("""
				SELECT action FROM audit_event WHERE object_type = 'work_order' AND object_id = ? ORDER BY id""",
				String.class, String.valueOf(id))).containsExactly("work_order.open", "work_order.close");
	}

	@Test
	void routingGoesToTheWarrantyVendorThenTheContractThenNobody() {
		// under warranty: the supplier, whatever contract there is
		long warranty = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), ids.vendor2(), today().plusDays(100));
		JsonNode w = json(get(DISPATCHER, "/api/work-orders/" + openOrder(warranty, "REPAIR")));
		assertThat(w.get("assigneeKind").asString()).isEqualTo("WARRANTY_VENDOR");
		assertThat(w.get("vendor").get("code").asString()).isEqualTo("ITM-V2");
		assertThat(w.get("contract").isNull()).isTrue();

		// out of warranty, the camera's own running contract
		long own = MaintenanceFixtures.camera(jdbc, ids.precinctB(), ids.contract2(), ids.vendor1(), today().minusDays(1));
		JsonNode o = json(get(DISPATCHER, "/api/work-orders/" + openOrder(own, "INSPECTION")));
		assertThat(o.get("assigneeKind").asString()).isEqualTo("CONTRACT");
		assertThat(o.get("contract").get("code").asString()).isEqualTo("ITM-C2");
		assertThat(o.get("vendor").get("code").asString()).isEqualTo("ITM-V2");

		// no own contract (or an expired one): the contract covering the precinct today
		long byPrecinct = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.expiredContract(), null, null);
		JsonNode p = json(get(DISPATCHER, "/api/work-orders/" + openOrder(byPrecinct, "REPAIR")));
		assertThat(p.get("contract").get("code").asString()).isEqualTo("ITM-C1");
		// due times follow that contract's targets: respond in 4 h, restore in 24 h
		java.time.Instant openedAt = java.time.Instant.parse(p.get("openedAt").asString());
		assertThat(java.time.Instant.parse(p.get("restoreDueAt").asString())).isEqualTo(openedAt.plusSeconds(24 * 3600));
		assertThat(java.time.Instant.parse(p.get("responseDueAt").asString())).isEqualTo(openedAt.plusSeconds(4 * 3600));

		// nobody: NEW for a dispatcher, due by the configured defaults
		long nobody = MaintenanceFixtures.camera(jdbc, null, null, null, null);
		JsonNode n = json(get(DISPATCHER, "/api/work-orders/" + openOrder(nobody, "REPAIR")));
		assertThat(n.get("state").asString()).isEqualTo("NEW");
		assertThat(n.get("assigneeKind").isNull()).isTrue();
		java.time.Instant nOpened = java.time.Instant.parse(n.get("openedAt").asString());
		assertThat(java.time.Instant.parse(n.get("restoreDueAt").asString()))
			.isEqualTo(nOpened.plusSeconds(properties.defaultRestoreHours() * 3600L));

		// by date: the warranty camera goes to its supplier until the warranty ends, then to the contract
		LocalDateCheck.routeOn(store, properties, warranty, today().plusDays(100), "WARRANTY_VENDOR", ids.vendor2());
		LocalDateCheck.routeOn(store, properties, warranty, today().plusDays(101), "CONTRACT", ids.vendor1());
		// and the contract only while it runs
		LocalDateCheck.routeOn(store, properties, own, today().plusDays(366), null, null);
	}

	/** Routing on a given day through the same SQL the job uses. */
	static final class LocalDateCheck {
		static void routeOn(WorkOrderStore store, MaintenanceProperties properties, long camera, java.time.LocalDate day,
				String kind, Long vendor) {
			WorkOrderStore.Routed routed = store.route(camera, day, properties).orElseThrow();
			if (kind == null) {
				assertThat(routed.assignee()).as("nobody on " + day).isNull();
				return;
			}
			assertThat(routed.assignee().kind().name()).as("on " + day).isEqualTo(kind);
			assertThat(routed.assignee().vendorId()).isEqualTo(vendor);
		}
	}

	@Test
	void everyRoleSeesAndActsOnOnlyWhatItMay() {
		long vendorCamera = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null);
		long vendorOrder = openOrder(vendorCamera, "REPAIR");
		long squadCamera = MaintenanceFixtures.camera(jdbc, ids.precinctA(), null, null, null);
		long squadOrder = openOrder(squadCamera, "REPAIR");
		HttpResponse<String> handed = post(DISPATCHER, "/api/work-orders/" + squadOrder + "/assign",
				Map.of("version", version(squadOrder), "squadId", ids.squadA(), "note", "simple fault"));
		assertThat(handed.statusCode()).as(handed.body()).isEqualTo(200);
		long photo = json(upload(DISPATCHER, "/api/work-orders/" + vendorOrder + "/photos", "pole.jpg", "image/jpeg",
				PhotoTypeTest.jpeg())).get("id").asLong();
		long squadPhoto = json(upload(DISPATCHER, "/api/work-orders/" + squadOrder + "/photos", "pole.png", "image/png",
				PhotoTypeTest.png())).get("id").asLong();
		String vendorTag = MaintenanceFixtures.assetTag(jdbc, vendorCamera);
		String squadTag = MaintenanceFixtures.assetTag(jdbc, squadCamera);

		// who sees which of the two orders (200) or finds it missing (404); 403: the role may not use the API at all
		Map<String, int[]> expected = new HashMap<>();
		expected.put(ADMIN, new int[] { 200, 200 });
		expected.put(DISPATCHER, new int[] { 200, 200 });
		expected.put(VENDOR1, new int[] { 200, 404 });
		expected.put(VENDOR2, new int[] { 404, 404 });
		expected.put(SQUAD_A, new int[] { 404, 200 });
		expected.put(SQUAD_B, new int[] { 404, 404 });
		expected.put(PROCUREMENT, new int[] { 403, 403 });
		expected.put(INVESTIGATOR, new int[] { 403, 403 });
		expected.put(VIEWER, new int[] { 403, 403 });
		String filter = "?camera=ITM&size=200";
		for (var e : expected.entrySet()) {
			String user = e.getKey();
			int vendorSees = e.getValue()[0];
			int squadSees = e.getValue()[1];
			assertThat(get(user, "/api/work-orders/" + vendorOrder).statusCode()).as(user + " vendor order").isEqualTo(vendorSees);
			assertThat(get(user, "/api/work-orders/" + squadOrder).statusCode()).as(user + " squad order").isEqualTo(squadSees);
			assertThat(getBytes(user, "/api/work-orders/" + vendorOrder + "/photos/" + photo).statusCode())
				.as(user + " vendor photo").isEqualTo(vendorSees);
			assertThat(getBytes(user, "/api/work-orders/" + squadOrder + "/photos/" + squadPhoto).statusCode())
				.as(user + " squad photo").isEqualTo(squadSees);
			// another order's photo id under this order is no photo of it
			assertThat(getBytes(user, "/api/work-orders/" + vendorOrder + "/photos/" + squadPhoto).statusCode())
				.as(user + " photo of another order").isIn(403, 404);
			HttpResponse<String> list = get(user, "/api/work-orders" + filter);
			HttpResponse<String> export = get(user, "/api/work-orders/export.csv" + filter);
			if (vendorSees == 403) {
				assertThat(list.statusCode()).as(user + " list").isEqualTo(403);
				assertThat(export.statusCode()).as(user + " export").isEqualTo(403);
				continue;
			}
			assertThat(list.statusCode()).isEqualTo(200);
			assertThat(list.body().contains("\"id\":" + vendorOrder + ",\"kind\"")).as(user + " lists vendor order").isEqualTo(vendorSees == 200);
			assertThat(list.body().contains("\"id\":" + squadOrder + ",\"kind\"")).as(user + " lists squad order").isEqualTo(squadSees == 200);
			assertThat(export.statusCode()).isEqualTo(200);
			assertThat(export.body().contains(vendorTag)).as(user + " exports vendor order").isEqualTo(vendorSees == 200);
			assertThat(export.body().contains(squadTag)).as(user + " exports squad order").isEqualTo(squadSees == 200);
			// acting on an order one may not see is the same 404 as reading it; nothing changes
			long before = version(vendorOrder);
			if (vendorSees == 404) {
				HttpResponse<String> start = post(user, "/api/work-orders/" + vendorOrder + "/start",
						Map.of("version", before));
				assertThat(start.statusCode()).as(user + " start").isEqualTo(404);
				assertThat(start.body()).contains("Work order " + vendorOrder + " not found");
				assertThat(version(vendorOrder)).isEqualTo(before);
			}
		}
		// the technician who may see the order may start it, but the dispatcher may not start for them
		assertThat(post(DISPATCHER, "/api/work-orders/" + vendorOrder + "/start", Map.of("version", version(vendorOrder)))
			.statusCode()).isEqualTo(403);
		assertThat(post(VENDOR1, "/api/work-orders/" + vendorOrder + "/start", Map.of("version", version(vendorOrder)))
			.statusCode()).isEqualTo(200);
		// a squad member may not reassign even their own order
		HttpResponse<String> squadAssign = post(SQUAD_A, "/api/work-orders/" + squadOrder + "/assign",
				Map.of("version", version(squadOrder), "contractId", ids.contract1()));
		assertThat(squadAssign.statusCode()).isEqualTo(403);
		assertThat(squadAssign.body()).contains("Only a dispatcher");
		// "mine" lists exactly the caller's own open orders
		assertThat(get(SQUAD_A, "/api/work-orders/mine").body()).contains("\"id\":" + squadOrder + ",\"kind\"")
			.doesNotContain("\"id\":" + vendorOrder + ",\"kind\"");
		assertThat(get(VENDOR2, "/api/work-orders/mine").body()).doesNotContain("\"id\":" + vendorOrder + ",\"kind\"");
	}

	@Test
	void fiftyConcurrentClosesOfOneOrderGiveOneSuccessAndFortyNineConflicts() throws Exception {
		long camera = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null);
		long id = openOrder(camera, "REPAIR");
		post(VENDOR1, "/api/work-orders/" + id + "/start", Map.of("version", version(id)));
		post(VENDOR1, "/api/work-orders/" + id + "/restore", Map.of("version", version(id), "note", "fixed"));
		assertThat(state(id)).isEqualTo("RESTORED");
		long loaded = version(id);
		// warm the credential cache so that fifty bcrypt checks do not dominate
		get(DISPATCHER, "/api/work-orders/" + id);

		int attempts = 50;
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(attempts);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < attempts; i++) {
				int n = i;
				answers.add(pool.submit(() -> {
					go.await();
					return post(DISPATCHER, "/api/work-orders/" + id + "/close",
							Map.of("version", loaded, "resolution", "RESTORED_BY_VENDOR", "note", "verified " + n));
				}));
			}
			go.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> r = answer.get();
				statuses.add(r.statusCode());
				if (r.statusCode() == 409) {
					assertThat(r.body()).contains("\"currentVersion\":" + (loaded + 1));
				}
			}
			assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
			assertThat(statuses).filteredOn(s -> s == 409).hasSize(attempts - 1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(state(id)).isEqualTo("CLOSED");
		assertThat(version(id)).isEqualTo(loaded + 1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM work_order_event WHERE work_order_id = ? AND action = 'CLOSED'",
				Integer.class, id)).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE object_type = 'work_order' AND object_id = ? AND action = 'work_order.close'",
				Integer.class, String.valueOf(id))).isEqualTo(1);
	}

	@Test
	void badInputIsAnsweredClearlyAndChangesNothing() {
		long camera = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null);
		long id = openOrder(camera, "REPAIR");
		String base = "/api/work-orders/" + id;
		long v = version(id);
		int events = jdbc.queryForObject("SELECT count(*) FROM work_order_event WHERE work_order_id = ?", Integer.class, id);

		HttpResponse<String> illegal = post(DISPATCHER, base + "/close",
				Map.of("version", v, "resolution", "RESTORED_BY_VENDOR", "note", "x"));
		assertThat(illegal.statusCode()).isEqualTo(409);
		assertThat(json(illegal).get("detail").asString()).contains("is ASSIGNED", "only when it is RESTORED");

		HttpResponse<String> stale = post(VENDOR1, base + "/start", Map.of("version", v - 1 < 0 ? 99 : v - 1));
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(json(stale).get("currentVersion").asLong()).isEqualTo(v);
		assertThat(json(stale).get("title").asString()).isEqualTo("Stale version");

		assertThat(post(VENDOR1, base + "/start", Map.of("note", "no version")).statusCode()).isEqualTo(400);
		assertThat(post(VENDOR1, base + "/start", "{\"version\": ").statusCode()).isEqualTo(400);
		HttpResponse<String> unknownField = post(VENDOR1, base + "/start", "{\"version\": " + v + ", \"colour\": \"red\"}");
		assertThat(unknownField.statusCode()).isEqualTo(400);
		assertThat(unknownField.body()).contains("colour");
		assertThat(post(VENDOR1, base + "/hold", Map.of("version", v)).body()).contains("reason");
		assertThat(post(VENDOR1, "/api/work-orders/987654321/start", Map.of("version", 0)).statusCode()).isEqualTo(404);
		assertThat(get(DISPATCHER, "/api/work-orders/987654321").statusCode()).isEqualTo(404);

		// the order moves on to RESTORED; then closing without resolution or note
		post(VENDOR1, base + "/start", Map.of("version", version(id)));
		assertThat(post(VENDOR1, base + "/restore", Map.of("version", version(id))).statusCode()).isEqualTo(400);
		post(VENDOR1, base + "/restore", Map.of("version", version(id), "note", "done"));
		HttpResponse<String> noResolution = post(DISPATCHER, base + "/close", Map.of("version", version(id)));
		assertThat(noResolution.statusCode()).isEqualTo(400);
		assertThat(noResolution.body()).contains("\"field\":\"resolution\"", "\"field\":\"note\"");
		HttpResponse<String> badResolution = post(DISPATCHER, base + "/close",
				Map.of("version", version(id), "resolution", "FIXED_BY_MAGIC", "note", "x"));
		assertThat(badResolution.statusCode()).isEqualTo(400);
		assertThat(badResolution.body()).contains("resolution");
		assertThat(state(id)).isEqualTo("RESTORED");

		// photos: not an image, an image in disguise, too large
		HttpResponse<String> text = upload(VENDOR1, base + "/photos", "pole.jpg", "image/jpeg",
				"this is not a picture at all".getBytes());
		assertThat(text.statusCode()).isEqualTo(400);
		assertThat(text.body()).contains("not a JPEG or PNG");
		byte[] large = new byte[(int) properties.photoMaxSize().toBytes() + 1];
		System.arraycopy(PhotoTypeTest.jpeg(), 0, large, 0, 4);
		HttpResponse<String> tooLarge = upload(VENDOR1, base + "/photos", "big.jpg", "image/jpeg", large);
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(tooLarge.body()).contains("largest photo allowed");
		HttpResponse<String> webp = upload(VENDOR1, base + "/photos", "fixed.webp", "application/octet-stream", PhotoTypeTest.webp());
		assertThat(webp.statusCode()).as("WebP cannot be decoded here, so it cannot be cleaned").isEqualTo(400);
		assertThat(webp.body()).contains("fixed.webp", "WebP");
		byte[] polyglot = PhotoImageTest.concat(java.util.Arrays.copyOf(PhotoTypeTest.jpeg(), 20),
				"<html><script>alert(1)</script></html>".getBytes());
		HttpResponse<String> html = upload(VENDOR1, base + "/photos", "pole.jpg", "image/jpeg", polyglot);
		assertThat(html.statusCode()).isEqualTo(400);
		assertThat(html.body()).contains("\"field\":\"file\"", "pole.jpg", "cannot be decoded");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM work_order_photo WHERE work_order_id = ?", Integer.class, id)).isZero();
		HttpResponse<String> png = upload(VENDOR1, base + "/photos", "fixed.png", "application/octet-stream",
				PhotoImageTest.concat(PhotoTypeTest.png(), "<html><script>alert(1)</script></html>".getBytes()));
		assertThat(png.statusCode()).as(png.body()).isEqualTo(201);
		assertThat(json(png).get("contentType").asString()).as("the type comes from the content").isEqualTo("image/png");
		HttpResponse<byte[]> served = getBytes(VENDOR1, base + "/photos/" + json(png).get("id").asLong());
		assertThat(served.headers().firstValue("Content-Type")).contains("image/png");
		assertThat(served.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
		assertThat(served.headers().allValues("X-Content-Type-Options")).contains("nosniff");
		assertThat(served.headers().allValues("Content-Security-Policy")).anySatisfy(csp -> assertThat(csp).contains("sandbox"));
		assertThat(new String(served.body(), java.nio.charset.StandardCharsets.ISO_8859_1)).as("the appended HTML is gone")
			.doesNotContain("<script");
		assertThat(PhotoType.detect(served.body())).contains(PhotoType.PNG);

		// assignment: two targets, a squad of another precinct, an expired contract
		assertThat(post(DISPATCHER, "/api/work-orders/" + openOrder(MaintenanceFixtures.camera(jdbc, ids.precinctA(), null, null, null), "REPAIR") + "/assign",
				Map.of("version", 0, "contractId", ids.contract1(), "squadId", ids.squadA())).statusCode()).isEqualTo(400);
		long other = openOrder(MaintenanceFixtures.camera(jdbc, ids.precinctA(), null, null, null), "REPAIR");
		HttpResponse<String> wrongSquad = post(DISPATCHER, "/api/work-orders/" + other + "/assign",
				Map.of("version", version(other), "squadId", ids.squadB()));
		assertThat(wrongSquad.statusCode()).isEqualTo(400);
		assertThat(wrongSquad.body()).contains("another precinct");
		HttpResponse<String> expired = post(DISPATCHER, "/api/work-orders/" + other + "/assign",
				Map.of("version", version(other), "contractId", ids.expiredContract()));
		assertThat(expired.statusCode()).isEqualTo(400);
		assertThat(expired.body()).contains("not today");
		assertThat(post(DISPATCHER, "/api/work-orders/" + other + "/assign",
				Map.of("version", version(other), "squadId", ids.hqSquad())).statusCode()).as("HQ's squad works everywhere").isEqualTo(200);

		// a second open repair order for the same camera
		HttpResponse<String> duplicate = post(DISPATCHER, "/api/work-orders", Map.of("cameraId", camera, "kind", "REPAIR"));
		assertThat(duplicate.statusCode()).isEqualTo(409);
		assertThat(duplicate.body()).contains("already has an open repair order (work order " + id + ")");
		assertThat(post(DISPATCHER, "/api/work-orders", Map.of("cameraId", 987654321L, "kind", "REPAIR")).statusCode()).isEqualTo(400);
		assertThat(post(DISPATCHER, "/api/work-orders", Map.of("cameraId", camera)).statusCode()).isEqualTo(400);
		assertThat(post(VENDOR1, "/api/work-orders", Map.of("cameraId", camera, "kind", "INSPECTION")).statusCode()).isEqualTo(403);
		assertThat(get(DISPATCHER, "/api/work-orders?state=BROKEN&size=0").body()).contains("\"field\":\"state\"", "\"field\":\"size\"");

		// nothing of the refused requests left a trace: the events are the good steps only
		assertThat(jdbc.queryForList("SELECT action FROM work_order_event WHERE work_order_id = ? ORDER BY id", String.class, id)
			.subList(events, events + 3)).containsExactly("STARTED", "RESTORED", "PHOTO_ADDED");
	}

	@Test
	void holdAndResumeKeepTheClockAndTheStateItLeft() {
		long camera = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null);
		long id = openOrder(camera, "REPAIR");
		String base = "/api/work-orders/" + id;
		post(VENDOR1, base + "/start", Map.of("version", version(id)));
		JsonNode before = json(get(VENDOR1, base));
		HttpResponse<String> held = post(VENDOR1, base + "/hold", Map.of("version", version(id), "reason", "waiting for a lens"));
		assertThat(held.statusCode()).isEqualTo(200);
		assertThat(json(held).get("state").asString()).isEqualTo("ON_HOLD");
		assertThat(json(held).get("holdReason").asString()).isEqualTo("waiting for a lens");
		jdbc.update("UPDATE work_order SET on_hold_since = on_hold_since - interval '3 hours' WHERE id = ?", id);
		HttpResponse<String> resumed = post(DISPATCHER, base + "/resume", Map.of("version", version(id)));
		assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
		JsonNode after = json(resumed);
		assertThat(after.get("state").asString()).isEqualTo("IN_PROGRESS");
		assertThat(after.get("heldSeconds").asLong()).isBetween(3 * 3600L, 3 * 3600L + 60);
		java.time.Instant dueBefore = java.time.Instant.parse(before.get("restoreDueAt").asString());
		java.time.Instant dueAfter = java.time.Instant.parse(after.get("restoreDueAt").asString());
		assertThat(dueAfter).isEqualTo(dueBefore.plusSeconds(after.get("heldSeconds").asLong()));
		// the hold reason belongs to the hold: gone after resuming, kept in the history
		assertThat(after.get("holdReason").isNull()).as(after.toString()).isTrue();
		assertThat(jdbc.queryForObject("SELECT note FROM work_order_event WHERE work_order_id = ? AND action = 'PUT_ON_HOLD'",
				String.class, id)).isEqualTo("waiting for a lens");
	}

	@Test
	void reassigningAnOrderOnHoldAndResumingDropsThePreviousHoldReason() {
		long camera = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null);
		long id = openOrder(camera, "REPAIR");
		String base = "/api/work-orders/" + id;
		post(VENDOR1, base + "/hold", Map.of("version", version(id), "reason", "no access to the pole"));
		HttpResponse<String> reassigned = post(DISPATCHER, base + "/assign", Map.of("version", version(id), "squadId", ids.hqSquad()));
		assertThat(reassigned.statusCode()).as(reassigned.body()).isEqualTo(200);
		HttpResponse<String> resumed = post(DISPATCHER, base + "/resume", Map.of("version", version(id)));
		assertThat(resumed.statusCode()).as(resumed.body()).isEqualTo(200);
		assertThat(json(resumed).get("state").asString()).isEqualTo("ASSIGNED");
		assertThat(json(resumed).get("holdReason").isNull()).as(resumed.body()).isTrue();
		assertThat(jdbc.queryForObject("SELECT hold_reason FROM work_order WHERE id = ?", String.class, id)).isNull();
	}

	@Test
	void theOverdueFilterAgreesWithTheAggregate() {
		long late = openOrder(MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null), "REPAIR");
		long onTime = openOrder(MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null), "REPAIR");
		long heldEarly = openOrder(MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null), "REPAIR");
		jdbc.update("UPDATE work_order SET restore_due_at = now() - interval '1 hour' WHERE id = ?", late);
		// on hold since before its due time passed: the clock stands, not overdue
		jdbc.update("""
				UPDATE work_order SET state = 'ON_HOLD', state_before_hold = 'ASSIGNED', hold_reason = 'part',
				       on_hold_since = now() - interval '2 hours', response_due_at = now() - interval '1 hour',
				       restore_due_at = now() - interval '1 hour' WHERE id = ?""", heldEarly);
		String body = get(DISPATCHER, "/api/work-orders?overdue=true&camera=ITM&size=200").body();
		assertThat(body).contains("\"id\":" + late + ",\"kind\"").doesNotContain("\"id\":" + onTime + ",\"kind\"")
			.doesNotContain("\"id\":" + heldEarly + ",\"kind\"");
		assertThat(json(get(DISPATCHER, "/api/work-orders/" + late)).get("overdue").asBoolean()).isTrue();
		assertThat(json(get(DISPATCHER, "/api/work-orders/" + heldEarly)).get("overdue").asBoolean()).isFalse();
		assertThat(json(get(DISPATCHER, "/api/work-orders/" + onTime)).get("overdue").asBoolean()).isFalse();
	}
}
