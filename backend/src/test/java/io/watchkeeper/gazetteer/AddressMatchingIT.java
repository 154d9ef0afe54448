package io.watchkeeper.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.shared.ConflictException;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Matching over a hand-made gazetteer (WGS84, in the sea west of Penghu where no other test places anything): exact
 * door plates written in other forms, the nearest number on the same side of the road, road only, a road in two
 * districts, an intersection, nothing; then review (reject takes the position back, accepting a road proposal places).
 */
@SpringBootTest
@AutoConfigureMockMvc
class AddressMatchingIT {

	@Autowired
	MockMvc mvc;

	/** Road 港測一路 runs east along latitude LAT: number n at lon BASE + n * STEP, odd numbers north, even south. */
	static final double BASE = 119.40;

	static final double STEP = 0.0001;

	static final double LAT = 23.90;

	@Autowired
	Gazetteers gazetteers;

	@Autowired
	AddressMatching matching;

	@Autowired
	MatchReview review;

	@Autowired
	AddressSuggestions suggestions;

	@Autowired
	JdbcTemplate jdbc;

	long otherDistrict;

	@BeforeEach
	void gazetteerAndCameras() {
		StringBuilder csv = new StringBuilder("鄉鎮市區,街路段,巷,弄,號,經度,緯度\n");
		for (int n = 1; n <= 39; n++) {
			if (n == 14 || n == 16) {
				continue;
			}
			csv.append(row("測甲區", "港測一路", "", n + "", BASE + n * STEP, LAT + (n % 2 == 1 ? 0.0002 : -0.0002)));
		}
		csv.append(row("測甲區", "港測一路", "", "15之3", BASE + 15.3 * STEP, LAT + 0.0003));
		for (int n = 1; n <= 6; n++) {
			csv.append(row("測甲區", "港測一路", "5", n + "", BASE + 5 * STEP + 0.00005, LAT - 0.0003 - n * STEP));
		}
		for (int n = 1; n <= 20; n++) {
			csv.append(row("測甲區", "港測二路三段", "", n + "", BASE + n * STEP, LAT + 0.01));
		}
		// the same road name in two districts, far apart
		for (int n = 1; n <= 10; n++) {
			csv.append(row("測甲區", "港測長路", "", n + "", BASE + n * STEP, LAT + 0.02));
			csv.append(row("測乙區", "港測長路", "", n + "", BASE + 0.05 + n * STEP, LAT + 0.02));
		}
		// 港測橫路 runs north from 港測一路 at number 20
		for (int k = 3; k <= 20; k++) {
			csv.append(row("測甲區", "港測橫路", "", k + "", BASE + 20 * STEP + (k % 2 == 1 ? 0.0002 : -0.0002), LAT + k * STEP));
		}
		gazetteers.importFile("AMT matching", "高雄市", csv.toString().getBytes(StandardCharsets.UTF_8), "amt.csv", "it", null);
		jdbc.update("INSERT INTO district (code, name_zh, name_en, boundary) VALUES ('IT-AMT-B', '測乙區', 'Test B', "
				+ "ST_Multi(ST_MakeEnvelope(119.6, 23.9, 119.7, 24.0, 4326))) ON CONFLICT (code) DO NOTHING");
		otherDistrict = jdbc.queryForObject("SELECT id FROM district WHERE code = 'IT-AMT-B'", Long.class);
		jdbc.update("UPDATE camera SET status = 'DECOMMISSIONED', decommissioned_on = current_date WHERE asset_tag LIKE 'AMT%' AND status <> 'DECOMMISSIONED'");
		jdbc.update("DELETE FROM address_match WHERE camera_ids && (SELECT array_agg(id) FROM camera WHERE asset_tag LIKE 'AMT%')");
	}

	private static String row(String district, String road, String lane, String number, double lon, double lat) {
		return district + "," + road + "," + lane + ",," + number + "," + lon + "," + lat + "\n";
	}

	private long camera(String tag, String address, Long districtId) {
		String suffix = Long.toString(System.nanoTime(), 36).toUpperCase();
		String site = tag + suffix;
		long siteId = jdbc.queryForObject("INSERT INTO site (code, address) VALUES (?, ?) RETURNING id", Long.class, site, address);
		return jdbc.queryForObject("""
				INSERT INTO camera (asset_tag, site_id, site_index, address, district_id) VALUES (?, ?, 1, ?, ?) RETURNING id""",
				Long.class, site + "-01", siteId, address, districtId);
	}

	private Map<String, Object> matchOf(long cameraId) {
		return jdbc.queryForMap("""
				SELECT quality, status, reason, ST_X(point) AS lon, ST_Y(point) AS lat, matched_text, number_gap
				  FROM address_match WHERE camera_ids @> ARRAY[?::bigint] ORDER BY id DESC LIMIT 1""", cameraId);
	}

	private Double[] position(long cameraId) {
		return jdbc.queryForObject("SELECT ST_X(location), ST_Y(location) FROM camera WHERE id = ?",
				(rs, i) -> new Double[] { (Double) rs.getObject(1), (Double) rs.getObject(2) }, cameraId);
	}

	@Test
	void matchesEveryKindOfAddressWithItsQualityAndPlacesTheGoodOnes() {
		long sub = camera("AMTA", "高雄市測甲區港測一路15-3號", null);
		long fullWidth = camera("AMTB", "港測一路１２號前", null);
		long section = camera("AMTC", "測甲區港測二路3段5號旁", null);
		long nearest = camera("AMTD", "測甲區港測一路14號", null);
		long roadOnly = camera("AMTE", "測甲區港測一路", null);
		long laneMissing = camera("AMTF", "測甲區港測一路77巷3號", null);
		long ambiguous = camera("AMTG", "港測長路3號", null);
		long byCameraDistrict = camera("AMTH", "港測長路3號", otherDistrict);
		long byAddressDistrict = camera("AMTI", "測甲區港測長路3號", otherDistrict);
		long intersection = camera("AMTJ", "港測一路與港測橫路口", null);
		long unknown = camera("AMTK", "測甲區港測無名路5號", null);
		long zhiForm = camera("AMTL", "港測一路15號之三", null);

		AddressMatching.RunResult result = matching.run(
				EnumSet.of(MatchQuality.EXACT, MatchQuality.NEAREST, MatchQuality.INTERSECTION), "it", null);
		assertThat(result.camerasPlaced()).isGreaterThanOrEqualTo(8);

		assertThat(matchOf(sub)).containsEntry("quality", "EXACT").containsEntry("status", "APPLIED");
		assertThat(position(sub)[0]).isCloseTo(BASE + 15.3 * STEP, within(1e-9));
		assertThat(matchOf(zhiForm)).containsEntry("quality", "EXACT");
		assertThat(position(zhiForm)[1]).isCloseTo(LAT + 0.0003, within(1e-9));
		assertThat(matchOf(fullWidth)).containsEntry("quality", "EXACT");
		assertThat(position(fullWidth)[0]).isCloseTo(BASE + 12 * STEP, within(1e-9));
		assertThat(matchOf(section)).containsEntry("quality", "EXACT");
		assertThat(position(section)[1]).isCloseTo(LAT + 0.01, within(1e-9));

		// 14 is missing: 13 and 15 are one away but across the road; 12 is two away on the same side
		assertThat(matchOf(nearest)).containsEntry("quality", "NEAREST").containsEntry("number_gap", 2);
		assertThat(position(nearest)[0]).isCloseTo(BASE + 12 * STEP, within(1e-9));
		assertThat(position(nearest)[1]).isCloseTo(LAT - 0.0002, within(1e-9));

		// road only: proposed, not applied; its point is the road's middle door plate
		Map<String, Object> road = matchOf(roadOnly);
		assertThat(road).containsEntry("quality", "ROAD").containsEntry("status", "PROPOSED");
		assertThat((Double) road.get("lon")).isBetween(BASE + 15 * STEP, BASE + 25 * STEP);
		assertThat(position(roadOnly)[0]).isNull();
		assertThat(matchOf(laneMissing)).containsEntry("quality", "ROAD").containsEntry("reason", "NUMBER_NOT_ON_ROAD");

		assertThat(matchOf(ambiguous)).containsEntry("quality", "NONE").containsEntry("status", "UNMATCHED");
		assertThat((String) matchOf(ambiguous).get("reason")).startsWith("AMBIGUOUS_DISTRICT").contains("測甲區", "測乙區");
		assertThat(position(byCameraDistrict)[0]).isCloseTo(BASE + 0.05 + 3 * STEP, within(1e-9));
		assertThat(position(byAddressDistrict)[0]).isCloseTo(BASE + 3 * STEP, within(1e-9));

		Map<String, Object> meet = matchOf(intersection);
		assertThat(meet).containsEntry("quality", "INTERSECTION").containsEntry("status", "APPLIED");
		assertThat(position(intersection)[0]).isCloseTo(BASE + 20 * STEP, within(0.0003));
		assertThat(position(intersection)[1]).isCloseTo(LAT + 0.0002, within(0.0003));

		assertThat(matchOf(unknown)).containsEntry("quality", "NONE").containsEntry("reason", "ROAD_UNKNOWN");
		assertThat(position(unknown)[0]).isNull();

		assertThat(suggestions.forCamera(roadOnly)).hasValueSatisfying(s -> assertThat(s.quality()).isEqualTo(MatchQuality.ROAD));
		assertThat(suggestions.forCamera(unknown)).isEmpty();
	}

	@Test
	void rejectingTakesThePositionBackAndAcceptingARoadProposalPlaces() {
		long exact = camera("AMTR", "測甲區港測一路7號", null);
		long road = camera("AMTS", "測甲區港測橫路", null);
		matching.run(EnumSet.of(MatchQuality.EXACT), "it", null);
		long exactMatch = jdbc.queryForObject("SELECT id FROM address_match WHERE camera_ids @> ARRAY[?::bigint] ORDER BY id DESC LIMIT 1", Long.class, exact);
		long roadMatch = jdbc.queryForObject("SELECT id FROM address_match WHERE camera_ids @> ARRAY[?::bigint] ORDER BY id DESC LIMIT 1", Long.class, road);
		assertThat(position(exact)[0]).isNotNull();

		assertThat(review.reject(exactMatch, "reviewer", null).status()).isEqualTo("REJECTED");
		assertThat(position(exact)[0]).isNull();
		assertThat(jdbc.queryForObject("SELECT decided_by FROM address_match WHERE id = ?", String.class, exactMatch)).isEqualTo("reviewer");
		assertThatThrownBy(() -> review.reject(exactMatch, "reviewer", null)).isInstanceOf(ConflictException.class);

		assertThat(review.accept(roadMatch, "reviewer", null).status()).isEqualTo("APPLIED");
		assertThat(position(road)[1]).isBetween(LAT, LAT + 0.003);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'camera.unplaced' AND details->'cameras' @> to_jsonb(?::bigint)",
				Long.class, exact)).isEqualTo(1);

		// a rejected match is not proposed again by the next run
		matching.run(EnumSet.of(MatchQuality.EXACT), "it", null);
		assertThat(position(exact)[0]).isNull();
		assertThat(jdbc.queryForList("SELECT status FROM address_match WHERE camera_ids @> ARRAY[?::bigint]", String.class, exact))
			.containsExactly("REJECTED");
	}

	@Test
	void aPolesCamerasShareOneMatch() {
		long first = camera("AMTP", "測甲區港測一路9號", null);
		long siteId = jdbc.queryForObject("SELECT site_id FROM camera WHERE id = ?", Long.class, first);
		long second = jdbc.queryForObject("""
				INSERT INTO camera (asset_tag, site_id, site_index, address) SELECT code || '-02', id, 2, address FROM site WHERE id = ? RETURNING id""",
				Long.class, siteId);
		matching.run(EnumSet.of(MatchQuality.EXACT), "it", null);
		assertThat(jdbc.queryForObject("SELECT count(*) FROM address_match WHERE site_id = ?", Long.class, siteId)).isEqualTo(1);
		assertThat(position(second)).containsExactly(position(first));
		assertThat(position(second)[0]).isCloseTo(BASE + 9 * STEP, within(1e-9));
		List<Long> placed = jdbc.queryForList("SELECT id FROM camera WHERE site_id = ? AND location IS NOT NULL", Long.class, siteId);
		assertThat(placed).containsExactlyInAnyOrder(first, second);
	}

	@Test
	void theReviewPageAndTheApi() throws Exception {
		long camera = camera("AMTW", "測甲區港測一路11號", null);
		mvc.perform(post("/api/placement/matches/run").contentType(MediaType.APPLICATION_JSON).content("{\"autoApply\":[\"BOGUS\"]}")
			.with(user("gz-dispatcher").roles("DISPATCHER"))).andExpect(status().isBadRequest());
		assertThat(position(camera)[0]).isNull();
		String run = mvc.perform(post("/api/placement/matches/run").contentType(MediaType.APPLICATION_JSON).content("{}")
			.with(user("gz-dispatcher").roles("DISPATCHER"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(run).contains("\"runId\"").contains("\"EXACT\"");
		assertThat(position(camera)[0]).isCloseTo(BASE + 11 * STEP, within(1e-9));
		long id = jdbc.queryForObject("SELECT id FROM address_match WHERE camera_ids @> ARRAY[?::bigint] ORDER BY id DESC LIMIT 1", Long.class, camera);

		for (String filter : new String[] { "quality", "status", "run" }) {
			String value = switch (filter) {
				case "quality" -> "EXACT";
				case "status" -> "APPLIED";
				default -> jdbc.queryForObject("SELECT run_id FROM address_match WHERE id = ?", Long.class, id).toString();
			};
			assertThat(mvc.perform(get("/api/placement/matches").param(filter, value).with(user("gz-dispatcher").roles("DISPATCHER")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
				.as("the list filtered by " + filter + " alone").contains("\"id\":" + id);
		}
		assertThat(mvc.perform(get("/api/placement/matches").with(user("gz-dispatcher").roles("DISPATCHER")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
			.as("the list without filters").contains("\"matches\":[");
		String page = mvc.perform(get("/placement/matches").param("quality", "EXACT").param("q", "港測一路11")
			.with(user("gz-dispatcher").roles("DISPATCHER")).param("lang", "zh-TW"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("地址比對").contains("data-match-id=\"" + id + "\"").contains("門牌相符");
		mvc.perform(post("/placement/matches/" + id + "/reject").with(user("gz-dispatcher").roles("DISPATCHER")))
			.andExpect(status().isForbidden()); // no CSRF token
		mvc.perform(post("/placement/matches/" + id + "/reject").with(user("gz-dispatcher").roles("DISPATCHER")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(position(camera)[0]).isNull();
		mvc.perform(post("/api/placement/matches/" + id + "/reject").with(user("gz-dispatcher").roles("DISPATCHER")))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/placement/matches/reject").with(user("gz-dispatcher").roles("DISPATCHER")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/placement/matches").param("quality", "nonsense").with(user("gz-dispatcher").roles("DISPATCHER")))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/placement/matches").with(user("gz-viewer").roles("VIEWER"))).andExpect(status().isForbidden());
	}
}
