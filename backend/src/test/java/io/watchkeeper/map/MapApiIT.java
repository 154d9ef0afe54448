package io.watchkeeper.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The map's API over real HTTP on the real PostGIS. Each test places its own cameras (asset tags ITMAP...) in
 * its own patch of the Taoyuan district's mountains, where nobody else puts any, and asks only about that patch.
 * The camera threshold is lowered to 10 so that a few cameras are enough to see clusters; clusters come from the
 * kept per-cell counts up to zoom 11 only, so that the other tests see exact viewport edges, and every low-zoom
 * request first applies the queued changes to them (aggregate-max-age 0).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "watchkeeper.map.camera-threshold=10", "watchkeeper.map.aggregate-max-zoom=11",
				"watchkeeper.map.aggregate-max-age=0s" })
class MapApiIT {

	static final String PASSWORD = "itmap password 123";
	static final String USER = "itmap-viewer";
	static final AtomicInteger patches = new AtomicInteger();
	static final AtomicInteger tags = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MapCells cells;

	@Autowired
	MapQueries queries;

	@Autowired
	MapProperties properties;

	@Autowired
	MapCounts mapCounts;

	final HttpClient http = HttpClient.newHttpClient();
	final JsonMapper json = JsonMapper.builder().build();

	/** This test's patch: a corner south-west of its cameras. */
	double lon0;
	double lat0;
	String run;

	@BeforeEach
	void patch() {
		TestUsers.ensure(jdbc, USER, PASSWORD, "VIEWER");
		int n = patches.incrementAndGet();
		lon0 = 120.60 + 0.03 * n;
		lat0 = 23.15;
		run = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
	}

	long camera(double lon, double lat, String status, String lpr, String precinct) {
		String tag = "ITMAP-" + run + "-" + tags.incrementAndGet();
		return jdbc.queryForObject("""
				INSERT INTO camera (asset_tag, location, precinct_id, status, lpr, install_date, heading_deg, fov_deg, range_m,
				                    decommissioned_on)
				VALUES (?, ST_SetSRID(ST_MakePoint(?, ?), 4326), (SELECT id FROM precinct WHERE code = ?), ?, ?, DATE '2024-01-01',
				        90, 60, 50, CASE WHEN ? = 'DECOMMISSIONED' THEN DATE '2025-01-01' END)
				RETURNING id""", Long.class, tag, lon, lat, precinct, status, lpr, status);
	}

	void openOutage(long cameraId, Instant startedAt) {
		jdbc.update("INSERT INTO outage (camera_id, started_at, cause, source) VALUES (?, ?, 'MANUAL', 'itmap')",
				cameraId, java.sql.Timestamp.from(startedAt));
	}

	String anyPrecinct() {
		return jdbc.queryForObject("SELECT min(code) FROM precinct", String.class);
	}

	HttpResponse<String> get(String path) throws Exception {
		return getAs(USER, path);
	}

	HttpResponse<String> getAs(String user, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("X-Forwarded-For", "10.90." + (patches.get() % 250) + ".7")
			.GET().build();
		return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	JsonNode ok(String path) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

	String bbox(double minLon, double minLat, double maxLon, double maxLat) {
		return "bbox=" + minLon + "," + minLat + "," + maxLon + "," + maxLat;
	}

	/** Two groups (12 near the corner, 8 about 0.008° east) of which 3 down, 2 faulty, 4 LPR, 1 real-time LPR. */
	List<Long> twoGroups(String precinct) {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			ids.add(camera(lon0 + 0.0001 * i, lat0 + 0.00005 * i, i < 2 ? "FAULTY" : "ACTIVE",
					i < 4 ? "LPR" : "NONE", i < 6 ? precinct : null));
		}
		for (int i = 0; i < 8; i++) {
			ids.add(camera(lon0 + 0.008 + 0.0001 * i, lat0 + 0.0001 * i, "ACTIVE", i == 0 ? "REALTIME_LPR" : "NONE", null));
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		for (int i = 12; i < 15; i++) {
			openOutage(ids.get(i), now.minus(2, ChronoUnit.HOURS));
		}
		return ids;
	}

	@Test
	void clustersAddUpToTheTotalWithTheStateMixAndOnlyInsideTheViewport() throws Exception {
		twoGroups(anyPrecinct());
		// just outside the box's east edge: not counted
		double maxLon = lon0 + 0.0095;
		camera(maxLon + 0.0002, lat0 + 0.0005, "ACTIVE", "NONE", null);
		String view = bbox(lon0 - 0.0005, lat0 - 0.0005, maxLon, lat0 + 0.0015);

		JsonNode body = ok("/api/map/cameras?" + view + "&zoom=14");
		assertThat(body.get("mode").asString()).isEqualTo("clusters");
		assertThat(body.get("zoom").asInt()).isEqualTo(14);
		assertThat(body.get("total").asLong()).isEqualTo(20);
		assertThat(body.get("truncated").asBoolean()).isFalse();
		assertThat(body.get("cameras").size()).isZero();
		JsonNode clusters = body.get("clusters");
		long sum = 0;
		long outage = 0;
		long faulty = 0;
		long working = 0;
		long lpr = 0;
		long realtime = 0;
		for (JsonNode c : clusters) {
			long stateSum = 0;
			for (var e : c.get("states").properties()) {
				stateSum += e.getValue().asLong();
			}
			assertThat(stateSum).as("states of a cluster add up to its count").isEqualTo(c.get("count").asLong());
			assertThat(c.get("lon").asDouble()).isBetween(lon0 - 0.0005, maxLon);
			assertThat(c.get("lat").asDouble()).isBetween(lat0 - 0.0005, lat0 + 0.0015);
			sum += c.get("count").asLong();
			outage += c.get("states").get("OUTAGE").asLong();
			faulty += c.get("states").get("FAULTY").asLong();
			working += c.get("states").get("WORKING").asLong();
			lpr += c.get("lpr").asLong();
			realtime += c.get("realtimeLpr").asLong();
		}
		assertThat(sum).isEqualTo(20);
		assertThat(clusters.size()).as("two groups 0.008° (about 800 m, more than a 64-px cell at zoom 14) apart")
			.isGreaterThanOrEqualTo(2);
		assertThat(outage).isEqualTo(3);
		assertThat(faulty).isEqualTo(2);
		assertThat(working).isEqualTo(15);
		assertThat(lpr).isEqualTo(4);
		assertThat(realtime).isEqualTo(1);

		// moving the east edge past the outsider counts it too
		JsonNode wider = ok("/api/map/cameras?" + bbox(lon0 - 0.0005, lat0 - 0.0005, maxLon + 0.001, lat0 + 0.0015) + "&zoom=14");
		assertThat(wider.get("total").asLong()).isEqualTo(21);
	}

	@Test
	void lowZoomClustersComeFromTheKeptCellCountsAndFollowOutages() throws Exception {
		// zoom 11 cells are about 4.9 km wide and a view is rounded out to them: keep away from the other patches
		lat0 = 23.30;
		List<Long> ids = twoGroups(anyPrecinct());
		refreshCells();
		String view = bbox(lon0 - 0.0005, lat0 - 0.0005, lon0 + 0.0095, lat0 + 0.0015);
		JsonNode body = ok("/api/map/cameras?" + view + "&zoom=11");
		assertThat(body.get("mode").asString()).isEqualTo("clusters");
		assertThat(body.get("total").asLong()).isEqualTo(20);
		assertThat(sum(body, "OUTAGE")).isEqualTo(3);
		assertThat(sum(body, "FAULTY")).isEqualTo(2);
		assertThat(body.get("clusters").valueStream().mapToLong(c -> c.get("lpr").asLong()).sum()).isEqualTo(4);
		JsonNode first = body.get("clusters").get(0);
		assertThat(first.get("lon").asDouble()).isBetween(lon0 - 0.0005, lon0 + 0.0095);
		assertThat(first.get("lat").asDouble()).isBetween(lat0 - 0.0005, lat0 + 0.0015);
		JsonNode working = ok("/api/map/cameras?" + view + "&zoom=11&state=WORKING,OUTAGE");
		assertThat(working.get("total").asLong()).isEqualTo(18);
		assertThat(sum(working, "FAULTY")).isZero();

		// an outage opened a moment ago is in the very next answer, without rebuilding the cells
		openOutage(ids.get(15), Instant.now().minusSeconds(60));
		JsonNode after = ok("/api/map/cameras?" + view + "&zoom=11");
		assertThat(sum(after, "OUTAGE")).isEqualTo(4);
		assertThat(sum(after, "WORKING")).isEqualTo(14);
		assertThat(after.get("total").asLong()).isEqualTo(20);
		// and its end too
		jdbc.update("UPDATE outage SET ended_at = now() WHERE camera_id = ? AND ended_at IS NULL", ids.get(15));
		assertThat(sum(ok("/api/map/cameras?" + view + "&zoom=11"), "OUTAGE")).isEqualTo(3);
	}

	@Test
	void keptCountsFollowEveryKindOfChangeAndEqualARebuild() throws Exception {
		lat0 = 23.55;
		String precinct = anyPrecinct();
		List<Long> ids = twoGroups(precinct);
		refreshCells();
		String view = bbox(lon0 - 0.0005, lat0 - 0.0005, lon0 + 0.0095, lat0 + 0.0015);
		assertThat(ok("/api/map/cameras?" + view + "&zoom=11").get("total").asLong()).isEqualTo(20);

		// a new camera, a decommissioning, a move out of the view, a new precinct, a faulty one repaired, LPR added
		long added = camera(lon0 + 0.002, lat0 + 0.0005, "ACTIVE", "LPR", null);
		jdbc.update("UPDATE camera SET status = 'DECOMMISSIONED', decommissioned_on = DATE '2026-01-01' WHERE id = ?", ids.get(3));
		jdbc.update("UPDATE camera SET location = ST_SetSRID(ST_MakePoint(?, ?), 4326) WHERE id = ?", lon0, lat0 + 0.2, ids.get(19));
		jdbc.update("UPDATE camera SET precinct_id = (SELECT id FROM precinct WHERE code = ?) WHERE id = ?", precinct, ids.get(18));
		jdbc.update("UPDATE camera SET status = 'ACTIVE' WHERE id = ?", ids.get(0));
		jdbc.update("UPDATE camera SET lpr = 'REALTIME_LPR' WHERE id = ?", ids.get(17));
		openOutage(added, Instant.now().minusSeconds(30));

		JsonNode body = ok("/api/map/cameras?" + view + "&zoom=11");
		assertThat(body.get("total").asLong()).as("20 + 1 added - 1 moved away").isEqualTo(20);
		assertThat(sum(body, "DECOMMISSIONED")).isEqualTo(1);
		assertThat(sum(body, "FAULTY")).isEqualTo(1);
		assertThat(sum(body, "OUTAGE")).isEqualTo(4);
		assertThat(body.get("clusters").valueStream().mapToLong(c -> c.get("realtimeLpr").asLong()).sum()).isEqualTo(2);
		assertThat(ok("/api/map/cameras?" + view + "&zoom=11&precinct=" + precinct).get("total").asLong()).isEqualTo(7);
		assertThat(ok("/api/map/cameras?" + view + "&zoom=11&lpr=LPR").get("total").asLong()).isEqualTo(5);

		// what the changes left in the cells is exactly what summing everything again gives
		String cellsOfPatch = """
				SELECT level || ':' || gx || ':' || gy || ':' || COALESCE(precinct_id, 0) || ':' || lpr || ':' || cameras || ':'
				       || working || ':' || outage || ':' || faulty || ':' || past_eol || ':' || planned || ':'
				       || decommissioned || ':' || round(sum_lon::numeric, 4) || ':' || round(sum_lat::numeric, 4)
				FROM map_cell WHERE cameras > 0 AND level >= 8
				  AND gx BETWEEN (? * 20037508.342789244 / 180 / 305.7481131439209)::int >> (15 - level)
				             AND ((? + 0.01) * 20037508.342789244 / 180 / 305.7481131439209)::int >> (15 - level)
				ORDER BY 1""";
		List<String> kept = jdbc.queryForList(cellsOfPatch, String.class, lon0, lon0);
		assertThat(kept).isNotEmpty();
		refreshCells();
		assertThat(jdbc.queryForList(cellsOfPatch, String.class, lon0, lon0)).isEqualTo(kept);
	}

	@Test
	void aStatementChangingThousandsOfCamerasQueuesARebuildInsteadOfThousandsOfChanges() throws Exception {
		lat0 = 23.65;
		refreshCells();
		String prefix = "ITMAP-" + run + "-B";
		jdbc.update("""
				INSERT INTO camera (asset_tag, location, status, lpr, install_date)
				SELECT ? || i, ST_SetSRID(ST_MakePoint(? + (i % 50) * 0.0001, ? + (i / 50) * 0.0001), 4326), 'ACTIVE', 'NONE',
				       DATE '2024-01-01'
				FROM generate_series(0, 2499) i""", prefix, lon0, lat0);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM map_dirty WHERE camera_id IS NULL", Long.class)).isOne();
		assertThat(cells.sync()).as("a queued rebuild is not a sync").isFalse();
		// until the rebuild is done the counts come from the cameras: the new ones are in them at once
		String box = bbox(lon0 - 0.0005, lat0 - 0.0005, lon0 + 0.006, lat0 + 0.006);
		assertThat(ok("/api/map/cameras?" + box + "&zoom=11").get("total").asLong()).isEqualTo(2500);
		refreshCells();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM map_dirty", Long.class)).isZero();
		JsonNode body = ok("/api/map/cameras?" + bbox(lon0 - 0.0005, lat0 - 0.0005, lon0 + 0.006, lat0 + 0.006) + "&zoom=11");
		assertThat(body.get("total").asLong()).isEqualTo(2500);
	}

	@Test
	void everyFilterCountsTheSameFromTheKeptCellsAsFromTheCameras() throws Exception {
		lat0 = 23.85;
		String precinct = anyPrecinct();
		long fund = jdbc.queryForObject("""
				INSERT INTO funding_source (code, kind, name_zh, fiscal_year, amount_ntd)
				VALUES (?, 'CITY_BUDGET', '測試預算', 2020, 1000) RETURNING id""", Long.class, "ITMAP-F-" + run);
		long project = jdbc.queryForObject("""
				INSERT INTO procurement_project (code, name_zh, purpose, fiscal_year, budget_ntd)
				VALUES (?, '測試案', 'REPLACEMENT', 2020, 1000) RETURNING id""", Long.class, "ITMAP-P-" + run);
		refreshCells();
		// 40 cameras: installed 2012..2021 (i % 10), funded by fund when i is even, of the project when i % 3 == 0,
		// in the precinct for i < 20, LPR when i % 4 == 0, faulty when i % 5 == 1, down when i % 6 == 2
		int[] year = new int[40];
		for (int i = 0; i < 40; i++) {
			year[i] = 2012 + i % 10;
			long id = jdbc.queryForObject("""
					INSERT INTO camera (asset_tag, location, precinct_id, status, lpr, install_date, funding_source_id, project_id)
					VALUES (?, ST_SetSRID(ST_MakePoint(?, ?), 4326), (SELECT id FROM precinct WHERE code = ?), ?, ?, ?, ?, ?)
					RETURNING id""", Long.class, "ITMAP-" + run + "-Y" + i, lon0 + 0.0002 * i, lat0 + 0.0001 * (i % 7),
					i < 20 ? precinct : null, i % 5 == 1 ? "FAULTY" : "ACTIVE", i % 4 == 0 ? "LPR" : "NONE",
					java.time.LocalDate.of(year[i], 3, 1), i % 2 == 0 ? fund : null, i % 3 == 0 ? project : null);
			if (i % 6 == 2) {
				openOutage(id, Instant.now().minusSeconds(600));
			}
		}
		String box = (lon0 - 0.0005) + "," + (lat0 - 0.0005) + "," + (lon0 + 0.0085) + "," + (lat0 + 0.0012);
		Viewport view = Viewport.parse(box, "11", properties);
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Taipei"));
		record Case(String query, long expected, MapFilter filter) {
		}
		java.util.function.IntPredicate all = i -> true;
		List<Case> cases = new ArrayList<>();
		java.util.function.BiConsumer<String, java.util.function.IntPredicate> add = (query, which) -> {
			java.util.Map<String, String> q = new java.util.HashMap<>();
			for (String part : query.split("&")) {
				q.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
			}
			cases.add(new Case(query, java.util.stream.IntStream.range(0, 40).filter(which).count(),
					MapFilter.parse(q.get("precinct"), q.get("district"), q.get("state"), q.get("lpr"), q.get("funding"),
							q.get("project"), q.get("installFrom"), q.get("installTo"), q.get("eolFrom"), q.get("eolTo"))));
		};
		add.accept("funding=" + fund, i -> i % 2 == 0);
		add.accept("project=" + project, i -> i % 3 == 0);
		add.accept("installFrom=2015&installTo=2017", i -> year[i] >= 2015 && year[i] <= 2017);
		add.accept("installFrom=2020", i -> year[i] >= 2020);
		add.accept("eolTo=2022", i -> year[i] + 8 <= 2022);
		add.accept("eolFrom=2025&eolTo=2026", i -> year[i] + 8 >= 2025 && year[i] + 8 <= 2026);
		add.accept("funding=" + fund + "&project=" + project + "&lpr=LPR", i -> i % 12 == 0);
		add.accept("precinct=" + precinct + "&installTo=2013&state=WORKING,PAST_EOL",
				i -> i < 20 && year[i] <= 2013 && i % 5 != 1 && i % 6 != 2);
		add.accept("state=OUTAGE&funding=" + fund, i -> i % 6 == 2 && i % 2 == 0);
		add.accept("lpr=ANY_LPR", i -> i % 4 == 0);
		add.accept("state=FAULTY", i -> i % 5 == 1 && i % 6 != 2);
		for (Case c : cases) {
			JsonNode body = ok("/api/map/cameras?bbox=" + box + "&zoom=11&" + c.query());
			assertThat(body.get("total").asLong()).as(c.query() + " from the cells").isEqualTo(c.expected());
			MapQueries.ClusterResult counted = queries.clusters(view, c.filter(), queries.resolve(c.filter()), today,
					view.cellMetres(64), 3000);
			assertThat(counted.total()).as(c.query() + " from the cameras").isEqualTo(c.expected());
			for (String state : List.of("WORKING", "OUTAGE", "FAULTY", "PAST_EOL")) {
				long answered = body.get("mode").asString().equals("clusters") ? sum(body, state)
						: body.get("cameras").valueStream().filter(k -> k.get("state").asString().equals(state)).count();
				assertThat(answered).as(c.query() + " " + state)
					.isEqualTo(counted.clusters().stream().mapToLong(k -> k.states().get(state)).sum());
			}
		}
		assertThat(cases.stream().filter(c -> c.expected() > 0).count()).isGreaterThan(8);
	}

	@Test
	void aCameraWhoseEndOfLifeIsTodayIsPastEndOfLifeOnTheMapAndInTheList() throws Exception {
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Taipei"));
		long id = camera(lon0 + 0.002, lat0 + 0.002, "ACTIVE", "NONE", null);
		jdbc.update("UPDATE camera SET install_date = ? WHERE id = ?", today.minusYears(8), id);
		String tag = jdbc.queryForObject("SELECT asset_tag FROM camera WHERE id = ?", String.class, id);
		assertThat(ok("/api/map/cameras/" + id).get("state").asString()).isEqualTo("PAST_EOL");
		JsonNode list = ok("/api/cameras?pastEndOfLife=true&q=" + tag);
		assertThat(list.toString()).contains(tag);
		jdbc.update("UPDATE camera SET install_date = ? WHERE id = ?", today.minusYears(8).plusDays(1), id);
		assertThat(ok("/api/map/cameras/" + id).get("state").asString()).isEqualTo("WORKING");
		assertThat(ok("/api/cameras?pastEndOfLife=true&q=" + tag).toString()).doesNotContain(tag);
	}

	@Test
	void theSchedulerKeepsTheCountsUpWhileNobodyLooks() throws Exception {
		lat0 = 23.95;
		List<Long> ids = twoGroups(anyPrecinct());
		refreshCells();
		openOutage(ids.get(16), Instant.now().minusSeconds(120));
		assertThat(jdbc.queryForObject("SELECT count(*) FROM map_dirty WHERE camera_id = ?", Long.class, ids.get(16)))
			.isPositive();
		assertThat(mapCounts.bringUpToDate()).isEqualTo("up to date");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM map_dirty", Long.class)).isZero();
		assertThat(jdbc.queryForObject("SELECT state FROM map_camera WHERE camera_id = ?", String.class, ids.get(16)))
			.isEqualTo("OUTAGE");
		jdbc.update("INSERT INTO map_dirty (camera_id) VALUES (NULL)");
		assertThat(mapCounts.bringUpToDate()).isEqualTo("rebuilt");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM map_dirty", Long.class)).isZero();
	}

	void refreshCells() throws InterruptedException {
		for (int i = 0; i < 100 && !cells.rebuild(); i++) {
			Thread.sleep(100); // a background rebuild holds the lock: wait for it, then rebuild after our changes
		}
	}

	static long sum(JsonNode body, String state) {
		return body.get("clusters").valueStream().mapToLong(c -> c.get("states").get(state).asLong()).sum();
	}

	@Test
	void filtersApply() throws Exception {
		String precinct = anyPrecinct();
		List<Long> ids = twoGroups(precinct);
		String view = bbox(lon0 - 0.0005, lat0 - 0.0005, lon0 + 0.0095, lat0 + 0.0015);
		JsonNode down = ok("/api/map/cameras?" + view + "&zoom=14&state=OUTAGE");
		assertThat(down.get("total").asLong()).isEqualTo(3);
		assertThat(down.get("mode").asString()).as("3 cameras are fewer than the threshold").isEqualTo("cameras");
		assertThat(down.get("cameras").valueStream().map(c -> c.get("id").asLong()).toList())
			.containsExactlyInAnyOrderElementsOf(ids.subList(12, 15));
		assertThat(down.get("cameras").get(0).get("state").asString()).isEqualTo("OUTAGE");
		assertThat(down.get("cameras").get(0).get("outageSince").asString()).endsWith("Z");

		assertThat(ok("/api/map/cameras?" + view + "&zoom=14&state=OUTAGE,faulty").get("total").asLong()).isEqualTo(5);
		assertThat(ok("/api/map/cameras?" + view + "&zoom=14&lpr=LPR").get("total").asLong()).isEqualTo(4);
		assertThat(ok("/api/map/cameras?" + view + "&zoom=14&lpr=ANY_LPR").get("total").asLong()).isEqualTo(5);
		assertThat(ok("/api/map/cameras?" + view + "&zoom=14&lpr=any").get("total").asLong()).as("the list's word").isEqualTo(5);
		assertThat(ok("/api/map/cameras?" + view + "&zoom=14&lpr=REALTIME_LPR").get("total").asLong()).isEqualTo(1);
		assertThat(ok("/api/map/cameras?" + view + "&zoom=14&precinct=" + precinct).get("total").asLong()).isEqualTo(6);
		assertThat(ok("/api/map/cameras?" + view + "&zoom=14&installFrom=2024&installTo=2024").get("total").asLong())
			.isEqualTo(20);
		assertThat(ok("/api/map/cameras?" + view + "&zoom=14&installFrom=2025").get("total").asLong()).isZero();
		// end of life 2032 (installed 2024, 8 years)
		assertThat(ok("/api/map/cameras?" + view + "&zoom=14&eolFrom=2032&eolTo=2032").get("total").asLong()).isEqualTo(20);
	}

	@Test
	void zoomSwitchesBetweenClustersAndCameras() throws Exception {
		twoGroups(anyPrecinct());
		String view = bbox(lon0 - 0.0005, lat0 - 0.0005, lon0 + 0.0095, lat0 + 0.0015);
		assertThat(ok("/api/map/cameras?" + view + "&zoom=15").get("mode").asString()).isEqualTo("clusters");
		JsonNode close = ok("/api/map/cameras?" + view + "&zoom=16");
		assertThat(close.get("mode").asString()).isEqualTo("cameras");
		assertThat(close.get("total").asLong()).isEqualTo(20);
		assertThat(close.get("clusters").size()).isZero();
		JsonNode first = close.get("cameras").get(0);
		assertThat(first.get("assetTag").asString()).startsWith("ITMAP-");
		assertThat(first.get("heading").asInt()).isEqualTo(90);
		assertThat(first.get("fov").asInt()).isEqualTo(60);
		assertThat(first.get("range").asInt()).isEqualTo(50);
		assertThat(first.get("lon").asDouble()).isBetween(lon0 - 0.0005, lon0 + 0.0095);
	}

	@Test
	void aViewWithMoreCamerasThanTheCapAnswersAnEvenSampleAndTheTotal() throws Exception {
		lat0 = 23.40; // alone up here: the total is estimated from the cells, rounded out to ~306 m
		String prefix = "ITMAP-" + run + "-S";
		// 3,600 cameras on a 60 x 60 grid about 10 m apart
		jdbc.update("""
				INSERT INTO camera (asset_tag, location, status, lpr, install_date)
				SELECT ? || i || '-' || j, ST_SetSRID(ST_MakePoint(? + i * 0.0001, ? + j * 0.0001), 4326), 'ACTIVE', 'NONE',
				       DATE '2024-01-01'
				FROM generate_series(0, 59) i, generate_series(0, 59) j""", prefix, lon0, lat0);
		refreshCells();
		double maxLon = lon0 + 0.0059;
		double maxLat = lat0 + 0.0059;
		JsonNode body = ok("/api/map/cameras?" + bbox(lon0 - 0.00005, lat0 - 0.00005, maxLon + 0.00005, maxLat + 0.00005)
				+ "&zoom=18");
		assertThat(body.get("mode").asString()).isEqualTo("cameras");
		assertThat(body.get("truncated").asBoolean()).isTrue();
		assertThat(body.get("total").asLong()).isEqualTo(3600);
		JsonNode cameras = body.get("cameras");
		assertThat(cameras.size()).as("at most the cap, at least 46 of each of 64 tiles less those on two tiles").isBetween(2000, 3000);
		// spread over the whole view: every quarter holds about a quarter of the sample
		double midLon = lon0 + 0.00295;
		double midLat = lat0 + 0.00295;
		for (int q = 0; q < 4; q++) {
			boolean east = q % 2 == 1;
			boolean north = q >= 2;
			long inQuarter = cameras.valueStream().filter(c -> (c.get("lon").asDouble() > midLon) == east
					&& (c.get("lat").asDouble() > midLat) == north).count();
			assertThat(inQuarter).as("quarter " + q).isBetween(450L, 900L);
		}
		assertThat(cameras.valueStream().map(c -> c.get("id").asLong()).distinct().count()).isEqualTo(cameras.size());

		// when the kept counts promise many, the sample comes first: full tiles make it a sample ...
		Viewport view = Viewport.parse((lon0 - 0.00005) + "," + (lat0 - 0.00005) + "," + (maxLon + 0.00005) + ","
				+ (maxLat + 0.00005), "18", properties);
		MapFilter none = MapFilter.NONE;
		java.time.LocalDate today = java.time.LocalDate.now();
		MapQueries.CameraResult sampled = queries.cameras(view, none, java.util.Map.of(), today, 640, true);
		assertThat(sampled.truncated()).isTrue();
		assertThat(sampled.total()).isEqualTo(-1);
		assertThat(sampled.cameras().size()).isBetween(500, 640);
		// ... and a sample in which no tile was full is all of the view's cameras, exactly
		MapQueries.CameraResult whole = queries.cameras(view, none, java.util.Map.of(), today, 640 * 8, true);
		assertThat(whole.truncated()).isFalse();
		assertThat(whole.total()).isEqualTo(3600);
		assertThat(whole.cameras()).hasSize(3600);
	}

	@Test
	void anOversizedBoxIsClippedAroundItsCentreNotRefused() throws Exception {
		camera(lon0 + 0.001, lat0 + 0.001, "ACTIVE", "NONE", null);
		// 10 degrees square at zoom 16: far more than a 3840 x 2160 view (about 0.08 x 0.04 degrees)
		double cLon = lon0 + 0.001;
		double cLat = lat0 + 0.001;
		JsonNode body = ok("/api/map/cameras?" + bbox(cLon - 5, cLat - 5, cLon + 5, cLat + 5) + "&zoom=16");
		assertThat(body.get("truncated").asBoolean()).isTrue();
		JsonNode box = body.get("bbox");
		double width = box.get(2).asDouble() - box.get(0).asDouble();
		double height = box.get(3).asDouble() - box.get(1).asDouble();
		assertThat(width).isCloseTo(3840 * 360.0 / 256 / 65536, org.assertj.core.data.Offset.offset(1e-6));
		assertThat(height).isLessThan(width).isGreaterThan(0.01);
		assertThat(body.get("cameras").valueStream().map(c -> c.get("assetTag").asString()))
			.anyMatch(t -> t.startsWith("ITMAP-" + run));
		assertThat(body.get("cameras").size()).isLessThanOrEqualTo(3000);
	}

	@Test
	void badBboxZoomOrFilterIsA400NamingTheParameter() throws Exception {
		String view = bbox(lon0, lat0, lon0 + 0.01, lat0 + 0.01);
		assertBad("/api/map/cameras?bbox=1,2,3&zoom=12", "bbox");
		assertBad("/api/map/cameras?bbox=a,b,c,d&zoom=12", "bbox");
		assertBad("/api/map/cameras?bbox=120.4,22.6,120.3,22.7&zoom=12", "bbox");
		assertBad("/api/map/cameras?bbox=120.3,22.6,190,22.7&zoom=12", "bbox");
		assertBad("/api/map/cameras?zoom=12", "bbox");
		assertBad("/api/map/cameras?" + view + "&zoom=23", "zoom");
		assertBad("/api/map/cameras?" + view + "&zoom=1.5", "zoom");
		assertBad("/api/map/cameras?" + view, "zoom");
		assertBad("/api/map/cameras?" + view + "&zoom=12&state=BROKEN", "state");
		assertBad("/api/map/cameras?" + view + "&zoom=12&lpr=MAYBE", "lpr");
		assertBad("/api/map/cameras?" + view + "&zoom=12&precinct=ITMAP-NOPE", "precinct");
		assertBad("/api/map/cameras?" + view + "&zoom=12&district=ITMAP-NOPE", "district");
		assertBad("/api/map/cameras?" + view + "&zoom=12&funding=x", "funding");
		assertBad("/api/map/cameras?" + view + "&zoom=12&project=999999999", "project");
		assertBad("/api/map/cameras?" + view + "&zoom=12&installFrom=20x4", "installFrom");
		assertBad("/api/map/cameras?" + view + "&zoom=12&eolFrom=2030&eolTo=2020", "eolFrom");
		assertBad("/api/map/boundaries?kind=county", "kind");
		assertBad("/api/map/areas?from=2026-13-01&to=2026-12-01", "from");
		assertBad("/api/map/outages/changes", "since");
		assertBad("/api/map/outages/changes?since=yesterday", "since");
	}

	void assertBad(String path, String field) throws Exception {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode body = json.readTree(response.body());
		assertThat(body.get("errors").get(0).get("field").asString()).as(path).isEqualTo(field);
	}

	@Test
	void popupShowsTheCameraAndItsOutagesAnd404ForAnUnknownOne() throws Exception {
		String precinct = anyPrecinct();
		long id = camera(lon0 + 0.002, lat0 + 0.002, "ACTIVE", "REALTIME_LPR", precinct);
		Instant started = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		openOutage(id, started);
		JsonNode facts = ok("/api/map/cameras/" + id);
		assertThat(facts.get("id").asLong()).isEqualTo(id);
		assertThat(facts.get("assetTag").asString()).startsWith("ITMAP-" + run);
		assertThat(facts.get("state").asString()).isEqualTo("OUTAGE");
		assertThat(facts.get("lpr").asString()).isEqualTo("REALTIME_LPR");
		assertThat(facts.get("precinct").get("code").asString()).isEqualTo(precinct);
		assertThat(facts.get("precinct").get("nameZh").asString()).isNotBlank();
		assertThat(facts.get("installDate").asString()).isEqualTo("2024-01-01");
		assertThat(facts.get("endOfLife").asString()).isEqualTo("2032-01-01");
		assertThat(Instant.parse(facts.get("outageSince").asString())).isEqualTo(started);
		assertThat(facts.get("recentOutages").size()).isEqualTo(1);
		assertThat(facts.get("recentOutages").get(0).get("endedAt").isNull()).isTrue();
		assertThat(facts.get("workOrder").isNull()).isTrue();

		HttpResponse<String> missing = get("/api/map/cameras/999999999");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(get("/api/map/cameras/abc").statusCode()).isEqualTo(400);
	}

	@Test
	void onlyAdministratorsAndDispatchersSeeACamerasWorkOrderInItsPopup() throws Exception {
		long id = camera(lon0 + 0.003, lat0 + 0.003, "ACTIVE", "NONE", anyPrecinct());
		long order = jdbc.queryForObject("""
				INSERT INTO work_order (kind, camera_id, origin, state, opened_at, created_by)
				VALUES ('INSPECTION', ?, 'MANUAL', 'NEW', now(), 'itmap') RETURNING id""", Long.class, id);
		TestUsers.ensure(jdbc, "itmap-dispatcher", PASSWORD, "DISPATCHER");
		TestUsers.ensure(jdbc, "itmap-investigator", PASSWORD, "INVESTIGATOR");
		TestUsers.ensure(jdbc, "itmap-vendor", PASSWORD, "VENDOR_TECHNICIAN");

		TestUsers.ensure(jdbc, "itmap-squad", PASSWORD, "SQUAD_MEMBER");
		TestUsers.ensure(jdbc, "itmap-procurement", PASSWORD, "PROCUREMENT");

		HttpResponse<String> dispatcher = getAs("itmap-dispatcher", "/api/map/cameras/" + id);
		assertThat(json.readTree(dispatcher.body()).get("workOrder").get("id").asLong()).isEqualTo(order);
		assertThat(json.readTree(dispatcher.body()).get("workOrderVisible").asBoolean()).isTrue();
		// a camera without an order: visible, and none
		long bare = camera(lon0 + 0.004, lat0 + 0.003, "ACTIVE", "NONE", anyPrecinct());
		JsonNode none = json.readTree(getAs("itmap-dispatcher", "/api/map/cameras/" + bare).body());
		assertThat(none.get("workOrder").isNull()).isTrue();
		assertThat(none.get("workOrderVisible").asBoolean()).isTrue();
		for (String user : List.of(USER, "itmap-investigator", "itmap-procurement")) {
			HttpResponse<String> popup = getAs(user, "/api/map/cameras/" + id);
			assertThat(popup.statusCode()).isEqualTo(200);
			assertThat(json.readTree(popup.body()).get("workOrder").isNull()).as(user).isTrue();
			assertThat(json.readTree(popup.body()).get("workOrderVisible").asBoolean()).as(user).isFalse();
		}
		// vendors and squads work from their own orders: the city map with its outages is not theirs
		for (String user : List.of("itmap-vendor", "itmap-squad")) {
			assertThat(getAs(user, "/api/map/cameras/" + id).statusCode()).as(user).isEqualTo(403);
			assertThat(getAs(user, "/api/map/cameras?" + bbox(lon0, lat0, lon0 + 0.01, lat0 + 0.01) + "&zoom=14")
				.statusCode()).as(user).isEqualTo(403);
		}
	}

	@Test
	void pollingFromAnImpossibleMomentIsA400() throws Exception {
		for (String since : List.of("-999999999-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2999-01-01T00:00:00Z")) {
			HttpResponse<String> answer = get("/api/map/outages/changes?since=" + since);
			assertThat(answer.statusCode()).as(since).isEqualTo(400);
			assertThat(answer.body()).contains("since");
		}
	}

	private int precinctCount() {
		return jdbc.queryForObject("SELECT count(*) FROM precinct", Integer.class);
	}

	/** The 38 Kaohsiung districts, plus any a test of another module added (the gazetteer's two-district roads). */
	private int districtCount() {
		return jdbc.queryForObject("SELECT count(*) FROM district", Integer.class);
	}

	@Test
	void boundariesAreGeoJsonWithNames() throws Exception {
		JsonNode precincts = ok("/api/map/boundaries");
		assertThat(precincts.get("type").asString()).isEqualTo("FeatureCollection");
		// the 17 Kaohsiung precincts, plus any a test of another module added for a fleet of its own
		assertThat(precincts.get("features").size()).isEqualTo(precinctCount()).isGreaterThanOrEqualTo(17);
		for (JsonNode f : precincts.get("features")) {
			assertThat(f.get("properties").get("nameZh").asString()).isNotBlank();
			assertThat(f.get("properties").get("nameEn").asString()).isNotBlank();
			assertThat(f.get("geometry").get("type").asString()).isIn("MultiPolygon", "Polygon");
		}
		assertThat(ok("/api/map/boundaries?kind=district").get("features").size()).isEqualTo(districtCount())
			.isGreaterThanOrEqualTo(38);
	}

	@Test
	void areaFiguresHaveOneRowPerPrecinct() throws Exception {
		twoGroups(anyPrecinct());
		camera(lon0, lat0, "ACTIVE", "NONE", anyPrecinct()); // and one more whose location is then forgotten
		jdbc.update("UPDATE camera SET location = NULL WHERE asset_tag = (SELECT max(asset_tag) FROM camera WHERE asset_tag LIKE ?)",
				"ITMAP-" + run + "-%");
		refreshCells();
		Instant now = Instant.now();
		// from the kept cells plus the unplaced cameras: the same figures as counting every camera
		for (AreaKind kind : AreaKind.values()) {
			assertThat(queries.areas(kind, now.minusSeconds(86400), now, cells.areaCounts(kind)))
				.isEqualTo(queries.areas(kind, now.minusSeconds(86400), now, java.util.Optional.empty()));
		}
		JsonNode areas = ok("/api/map/areas?kind=precinct");
		assertThat(areas.get("areas").size()).isEqualTo(precinctCount());
		JsonNode row = areas.get("areas").get(0);
		assertThat(row.has("cameras") && row.has("working") && row.has("down") && row.has("downtimeHours")
				&& row.has("availability") && row.has("openOrders")).isTrue();
		assertThat(ok("/api/map/areas?kind=district&from=2026-01-01&to=2026-01-31").get("areas").size())
			.isEqualTo(districtCount()).isGreaterThanOrEqualTo(38);
	}

	@Test
	void changesReportAnOutageOpenedAndOneClosedSinceAMoment() throws Exception {
		long stays = camera(lon0 + 0.003, lat0 + 0.003, "ACTIVE", "NONE", null);
		long recovers = camera(lon0 + 0.004, lat0 + 0.003, "ACTIVE", "NONE", null);
		openOutage(recovers, Instant.now().minus(1, ChronoUnit.HOURS));
		Instant since = Instant.now().minusSeconds(1);
		Thread.sleep(1100);
		openOutage(stays, Instant.now().minusSeconds(30));
		jdbc.update("UPDATE outage SET ended_at = now() WHERE camera_id = ? AND ended_at IS NULL", recovers);

		JsonNode changes = ok("/api/map/outages/changes?since=" + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8));
		assertThat(changes.get("opened").valueStream().map(o -> o.get("cameraId").asLong()).toList()).contains(stays)
			.doesNotContain(recovers);
		JsonNode opened = changes.get("opened").valueStream().filter(o -> o.get("cameraId").asLong() == stays).findFirst()
			.orElseThrow();
		assertThat(opened.get("lon").asDouble()).isEqualTo(lon0 + 0.003, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(changes.get("closed").valueStream().map(o -> o.get("cameraId").asLong()).toList()).contains(recovers)
			.doesNotContain(stays);
		Instant now = Instant.parse(changes.get("now").asString());
		// polling again from `now`: nothing new from this test
		JsonNode later = ok("/api/map/outages/changes?since=" + URLEncoder.encode(now.toString(), StandardCharsets.UTF_8));
		assertThat(later.get("opened").valueStream().map(o -> o.get("cameraId").asLong()).toList()).doesNotContain(stays);
	}
}
