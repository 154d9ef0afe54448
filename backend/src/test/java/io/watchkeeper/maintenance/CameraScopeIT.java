package io.watchkeeper.maintenance;

import static io.watchkeeper.maintenance.MaintenanceFixtures.ADMIN;
import static io.watchkeeper.maintenance.MaintenanceFixtures.DISPATCHER;
import static io.watchkeeper.maintenance.MaintenanceFixtures.SQUAD_A;
import static io.watchkeeper.maintenance.MaintenanceFixtures.SQUAD_B;
import static io.watchkeeper.maintenance.MaintenanceFixtures.VENDOR1;
import static io.watchkeeper.maintenance.MaintenanceFixtures.VENDOR2;
import static io.watchkeeper.maintenance.MaintenanceFixtures.VIEWER;
import static io.watchkeeper.maintenance.MaintenanceFixtures.today;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Vendors and squads see only the cameras they maintain, in every camera path (list, exports, camera page, API,
 * unplaced list), no other company's money (/procurement) and no assign-lists. Over real HTTP on PostGIS.
 */
class CameraScopeIT extends MaintenanceHttp {

	/** Vendor 1's cameras: in its contract's precinct, under its warranty, of an order assigned to it. */
	long inPrecinctA, underWarranty, ofItsOrder, ownContract1;

	/** Cameras vendor 1 does not maintain. */
	long inPrecinctB, warrantyOver, otherSupplier, ownContract2;

	@BeforeEach
	void cameras() {
		inPrecinctA = MaintenanceFixtures.camera(jdbc, ids.precinctA(), null, null, null);
		underWarranty = MaintenanceFixtures.camera(jdbc, ids.precinctB(), null, ids.vendor1(), today().plusDays(100));
		ofItsOrder = MaintenanceFixtures.camera(jdbc, ids.precinctB(), ids.contract2(), null, null);
		ownContract1 = MaintenanceFixtures.camera(jdbc, ids.precinctB(), ids.contract1(), null, null);
		inPrecinctB = MaintenanceFixtures.camera(jdbc, ids.precinctB(), null, null, null);
		warrantyOver = MaintenanceFixtures.camera(jdbc, ids.precinctB(), null, ids.vendor1(), today().minusDays(1));
		otherSupplier = MaintenanceFixtures.camera(jdbc, ids.precinctB(), null, ids.vendor2(), today().plusDays(100));
		ownContract2 = MaintenanceFixtures.camera(jdbc, ids.precinctB(), ids.contract2(), null, null);
		long order = openOrder(ofItsOrder, "INSPECTION");
		HttpResponse<String> assigned = post(DISPATCHER, "/api/work-orders/" + order + "/assign",
				Map.of("version", version(order), "contractId", ids.contract1()));
		assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
		// placed: these four; the unplaced list has the others
		jdbc.update("UPDATE camera SET location = ST_SetSRID(ST_MakePoint(120.3, 22.6), 4326) WHERE id IN (?, ?, ?, ?)",
				inPrecinctA, underWarranty, inPrecinctB, otherSupplier);
	}

	/** The cameras a vendor maintains today, counted by SQL written out here: the rule the export must follow. */
	long expectedForVendor(long vendorId) {
		return jdbc.queryForObject("""
				SELECT count(*) FROM camera c
				 WHERE c.precinct_id IN (SELECT mp.precinct_id FROM maintenance_contract_precinct mp
				                           JOIN maintenance_contract mc ON mc.id = mp.contract_id
				                          WHERE mc.vendor_id = ? AND ? BETWEEN mc.starts_on AND mc.ends_on)
				    OR c.contract_id IN (SELECT id FROM maintenance_contract
				                          WHERE vendor_id = ? AND ? BETWEEN starts_on AND ends_on)
				    OR (c.supplier_vendor_id = ? AND c.warranty_end >= ?)
				    OR c.id IN (SELECT camera_id FROM work_order WHERE vendor_id = ?)""", Long.class, vendorId, today(),
				vendorId, today(), vendorId, today(), vendorId);
	}

	@Test
	void aVendorExportsOnlyTheCamerasItMaintains() {
		long expected = expectedForVendor(ids.vendor1());

		HttpResponse<String> csv = get(VENDOR1, "/api/cameras/export.csv?lang=en");
		assertThat(csv.statusCode()).isEqualTo(200);
		List<String> rows = csvTags(csv.body());
		assertThat(rows).hasSize((int) expected);
		assertThat(rows).contains(tag(inPrecinctA), tag(underWarranty), tag(ofItsOrder), tag(ownContract1))
			.doesNotContain(tag(inPrecinctB), tag(warrantyOver), tag(otherSupplier), tag(ownContract2));
		List<Long> precincts = jdbc.queryForList("SELECT DISTINCT precinct_id FROM camera WHERE asset_tag IN ("
				+ String.join(",", rows.stream().map(t -> "'" + t + "'").toList()) + ") AND precinct_id <> ?",
				Long.class, ids.precinctA());
		assertThat(precincts).as("outside its contract's precinct only warranty, own-contract or order cameras")
			.containsOnly(ids.precinctB());

		JsonNode geo = geoJson(VENDOR1);
		assertThat(geo.get("features").size()).isEqualTo((int) expected);

		JsonNode list = json(get(VENDOR1, "/api/cameras?size=200"));
		assertThat(list.get("total").asLong()).isEqualTo(expected);
		JsonNode searched = json(get(VENDOR1, "/api/cameras?q=" + tag(inPrecinctB)));
		assertThat(searched.get("total").asLong()).as("searching for another's camera finds nothing").isZero();
		assertThat(listedTags(VENDOR1, "/api/cameras?placed=false&q=" + tag(ofItsOrder))).contains(tag(ofItsOrder));
		assertThat(listedTags(VENDOR1, "/api/cameras?placed=false&q=" + tag(ownContract2))).doesNotContain(tag(ownContract2));
		assertThat(listedTags(DISPATCHER, "/api/cameras?placed=false&q=" + tag(ownContract2))).contains(tag(ownContract2));

		JsonNode vendor2 = json(get(VENDOR2, "/api/cameras?size=200"));
		assertThat(vendor2.get("total").asLong()).isEqualTo(expectedForVendor(ids.vendor2()));
		assertThat(get(VENDOR2, "/api/cameras/export.csv").body()).contains(tag(ownContract2), tag(otherSupplier))
			.doesNotContain(tag(inPrecinctA), tag(underWarranty));
	}

	@Test
	void anotherPrecinctsCameraIsNotFoundForAVendorOnThePageAndInTheApi() {
		for (long other : List.of(inPrecinctB, warrantyOver, ownContract2)) {
			assertThat(get(VENDOR1, "/api/cameras/" + other).statusCode()).isEqualTo(404);
			assertThat(get(VENDOR1, "/api/cameras/by-asset-tag/" + tag(other)).statusCode()).isEqualTo(404);
			assertThat(get(VENDOR1, "/api/cameras/" + other + "/neighbours").statusCode()).isEqualTo(404);
			assertThat(get(VENDOR1, "/api/cameras/" + other + "/audit").statusCode()).isEqualTo(404);
		}
		Browser vendor = loggedIn(VENDOR1);
		HttpResponse<String> page = vendor.get("/cameras/" + inPrecinctB + "?lang=en");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).doesNotContain(tag(inPrecinctB));
		assertThat(get(VENDOR1, "/api/cameras/" + inPrecinctB).body())
			.as("the same answer as for a camera that does not exist").contains("\"status\":404")
			.doesNotContain(tag(inPrecinctB));

		for (long own : List.of(inPrecinctA, underWarranty, ofItsOrder, ownContract1)) {
			assertThat(get(VENDOR1, "/api/cameras/" + own).statusCode()).isEqualTo(200);
			assertThat(vendor.get("/cameras/" + own).statusCode()).isEqualTo(200);
		}
		HttpResponse<String> list = vendor.get("/cameras?lang=en&q=" + tag(inPrecinctA));
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains(link(inPrecinctA), "Only the cameras you maintain are listed");
		assertThat(vendor.get("/cameras?lang=zh-TW").body()).contains("僅列出您負責維護的攝影機");
		assertThat(loggedIn(DISPATCHER).get("/cameras?lang=en").body()).doesNotContain("id=\"scope-note\"");
		assertThat(vendor.get("/cameras?q=" + tag(inPrecinctB)).body()).doesNotContain(link(inPrecinctB));
		assertThat(vendor.get("/cameras/unplaced?q=" + tag(ofItsOrder)).body()).contains(link(ofItsOrder));
		assertThat(vendor.get("/cameras/unplaced?q=" + tag(ownContract2)).body()).doesNotContain(link(ownContract2));
		assertThat(loggedIn(DISPATCHER).get("/cameras/unplaced?q=" + tag(ownContract2)).body()).contains(link(ownContract2));
	}

	@Test
	void aSquadMemberSeesOnlyItsPrecinct() {
		long expectedA = jdbc.queryForObject("""
				SELECT count(*) FROM camera c
				 WHERE c.precinct_id = ? OR c.id IN (SELECT camera_id FROM work_order WHERE squad_id = ?)""", Long.class,
				ids.precinctA(), ids.squadA());
		JsonNode geo = geoJson(SQUAD_A);
		assertThat(geo.get("features").size()).isEqualTo((int) expectedA);
		List<String> tags = csvTags(get(SQUAD_A, "/api/cameras/export.csv").body());
		assertThat(tags).hasSize((int) expectedA).contains(tag(inPrecinctA))
			.doesNotContain(tag(inPrecinctB), tag(underWarranty), tag(ownContract1));
		assertThat(get(SQUAD_A, "/api/cameras/" + inPrecinctB).statusCode()).isEqualTo(404);
		assertThat(loggedIn(SQUAD_A).get("/cameras/" + inPrecinctB).statusCode()).isEqualTo(404);
		assertThat(get(SQUAD_B, "/api/cameras/" + inPrecinctB).statusCode()).isEqualTo(200);
		assertThat(get(SQUAD_B, "/api/cameras/" + inPrecinctA).statusCode()).isEqualTo(404);
		for (String user : List.of(VENDOR1, SQUAD_A)) { // the map shows the whole city: refused to them, as before
			assertThat(get(user, "/api/map/cameras?bbox=120.2,22.5,120.4,22.7&zoom=16").statusCode()).isEqualTo(403);
			assertThat(loggedIn(user).get("/map").statusCode()).isEqualTo(403);
		}
	}

	@Test
	void theHeadquartersSquadHasNoPrecinctAndSeesTheCamerasOfItsOrders() {
		String hq = "itm-squad-hq";
		io.watchkeeper.support.TestUsers.ensure(jdbc, hq, MaintenanceFixtures.PASSWORD, "SQUAD_MEMBER");
		jdbc.update("UPDATE app_user SET squad_id = ? WHERE username = ?", ids.hqSquad(), hq);
		long order = openOrder(inPrecinctB, "INSPECTION");
		HttpResponse<String> assigned = post(DISPATCHER, "/api/work-orders/" + order + "/assign",
				Map.of("version", version(order), "squadId", ids.hqSquad()));
		assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);

		long expected = jdbc.queryForObject("SELECT count(DISTINCT camera_id) FROM work_order WHERE squad_id = ?",
				Long.class, ids.hqSquad());
		assertThat(geoJson(hq).get("features").size()).isEqualTo((int) expected);
		assertThat(get(hq, "/api/cameras/" + inPrecinctB).statusCode()).isEqualTo(200);
		assertThat(get(hq, "/api/cameras/" + inPrecinctA).statusCode()).isEqualTo(404);
	}

	@Test
	void dispatchersAndViewersStillSeeTheWholeCity() {
		long all = jdbc.queryForObject("SELECT count(*) FROM camera", Long.class);
		for (String user : List.of(ADMIN, DISPATCHER, VIEWER)) {
			assertThat(geoJson(user).get("features").size()).as(user).isEqualTo((int) all);
			assertThat(get(user, "/api/cameras/" + inPrecinctB).statusCode()).as(user).isEqualTo(200);
		}
	}

	@Test
	void vendorsAndSquadsSeeNoMoneyAndNoAssignLists() {
		for (String user : List.of(VENDOR1, SQUAD_A)) {
			assertThat(get(user, "/api/work-orders/assignees").statusCode()).as(user).isEqualTo(403);
			assertThat(get(user, "/api/projects").statusCode()).as(user).isEqualTo(403);
			assertThat(get(user, "/api/funding-sources").statusCode()).as(user).isEqualTo(403);
			Browser browser = loggedIn(user);
			assertThat(browser.get("/procurement").statusCode()).as(user).isEqualTo(403);
			assertThat(browser.get("/procurement/projects/1").statusCode()).as(user).isEqualTo(403);
			HttpResponse<String> cameras = browser.get("/cameras");
			assertThat(cameras.body()).as("no link to the money").doesNotContain("href=\"/procurement\"");
			assertThat(browser.get("/work-orders?lang=en").body()).as("no list of other companies' contracts")
				.doesNotContain("ITM-C2");
		}
		assertThat(get(DISPATCHER, "/api/work-orders/assignees").statusCode()).isEqualTo(200);
		assertThat(get(ADMIN, "/api/work-orders/assignees").body()).contains("ITM-C1", "ITM-C2");
		Browser dispatcher = loggedIn(DISPATCHER);
		assertThat(dispatcher.get("/procurement").statusCode()).isEqualTo(200);
		assertThat(dispatcher.get("/cameras").body()).contains("href=\"/procurement\"");
	}

	private JsonNode geoJson(String user) {
		HttpResponse<String> response = send(request(user, "/api/cameras/export.geojson")
			.setHeader("Accept", "application/geo+json").GET());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json(response);
	}

	private List<String> listedTags(String user, String path) {
		HttpResponse<String> response = get(user, path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> tags = new ArrayList<>();
		json(response).get("items").forEach(i -> tags.add(i.get("assetTag").asString()));
		return tags;
	}

	/** A camera's link in a list page. */
	private static String link(long cameraId) {
		return "href=\"/cameras/" + cameraId + "\"";
	}

	private String tag(long cameraId) {
		return MaintenanceFixtures.assetTag(jdbc, cameraId);
	}

	/** The asset tags of a camera CSV (the first column), without the header. */
	private static List<String> csvTags(String body) {
		try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVParser.parse(body.replace("\uFEFF", ""),
				org.apache.commons.csv.CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get())) {
			return parser.getRecords().stream().map(r -> r.get(0)).toList();
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
