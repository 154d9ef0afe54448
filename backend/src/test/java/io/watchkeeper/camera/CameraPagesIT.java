package io.watchkeeper.camera;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The camera pages without a browser: bad list parameters, form messages, decommissioned cameras. */
@SpringBootTest
@AutoConfigureMockMvc
class CameraPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CameraRegistry registry;

	@Autowired
	CameraCatalog catalog;

	long cameraId;

	@BeforeEach
	void data() {
		CameraFixtures.ensureAreas(jdbc, "ITG", 23.60);
		cameraId = catalog.getByAssetTagOptional("PGA001-01")
			.orElseGet(() -> registry.register(CameraFixtures.at("PGA001-01", 119.35, 23.65, "頁面路1號")));
	}

	@Test
	void aBogusSortOrANegativePageFallsBackAndStillShowsCameras() throws Exception {
		String en = page(get("/cameras").param("sort", "bogus").param("q", "PGA001").param("lang", "en"));
		assertThat(en).contains("cannot sort by \"bogus\"; sorted by asset tag instead").contains("PGA001-01")
			.doesNotContain("id=\"camera-empty\"");
		String zh = page(get("/cameras").param("page", "-1").param("q", "PGA001").param("lang", "zh-TW"));
		assertThat(zh).contains("沒有第「-1」頁，顯示第一頁").contains("PGA001-01");
		String badStatus = page(get("/cameras").param("status", "BOGUS").param("q", "PGA001").param("lang", "en"));
		assertThat(badStatus).contains("Status: \"BOGUS\" is not valid; use one of Planned (PLANNED)")
			.doesNotContain("Failed to convert").contains("PGA001-01");
	}

	@Test
	void aPagePastTheEndSaysWhichIsTheLastPage() throws Exception {
		String en = page(get("/cameras").param("page", "400").param("q", "PGA001").param("lang", "en"));
		assertThat(en).contains("id=\"camera-past-end\"").contains("the last page is 1.")
			.doesNotContain("id=\"camera-empty\"");
	}

	@Test
	void theFormNamesTheFieldAndAllowedValuesAndOneMessagePerField() throws Exception {
		String zh = page(post("/cameras/new").with(csrf()).param("assetTag", "").param("status", "BOGUS")
			.param("latitude", "abc").param("installDate", "2016-02-30").param("lang", "zh-TW"));
		assertThat(zh).doesNotContain("Failed to convert").doesNotContain("java.lang")
			.contains("請從清單中選擇狀態：規劃中、使用中或故障。").contains("例如 22.63982")
			.contains("日曆上沒有 2016-02-30 這一天").doesNotContain("請以 YYYY-MM-DD 格式輸入日期")
			.contains("編號為必填。").doesNotContain("編號只能包含");
		assertThat(zh).contains("裝設與使用年限").contains("經費、採購與維護").contains("id=\"fieldset-notes\"");
	}

	@Test
	void aDecommissionedCameraHasNoEditOrDecommissionForm() throws Exception {
		long id = catalog.getByAssetTagOptional("PGD001-01")
			.orElseGet(() -> registry.register(CameraFixtures.at("PGD001-01", 119.36, 23.66, "頁面路2號")));
		if (!catalog.get(id).decommissioned()) {
			registry.decommission(id, null, "測試報廢", LocalDate.of(2024, 1, 2));
		}
		for (String path : new String[] { "/cameras/" + id + "/edit", "/cameras/" + id + "/decommission" }) {
			mvc.perform(get(path).with(user("pg-dispatcher").roles("DISPATCHER")))
				.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/cameras/" + id))
				.andExpect(flash().attribute("notice", "camera.decommissioned.final"));
			mvc.perform(post(path).with(csrf()).with(user("pg-dispatcher").roles("DISPATCHER")).param("assetTag", "PGD001-01")
				.param("reason", "again").param("version", "0"))
				.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/cameras/" + id));
		}
		String zh = page(get("/cameras/" + id).param("lang", "zh-TW").flashAttr("notice", "camera.decommissioned.final"));
		assertThat(zh).contains("此攝影機已報廢，不能再編輯或再次報廢。");
	}

	@Test
	void theAuditTrailNamesAreasAndLabelsInsteadOfIdsAndCodes() throws Exception {
		String zh = page(get("/cameras/" + cameraId).param("lang", "zh-TW"));
		String trail = zh.substring(zh.indexOf("id=\"audit-trail\""));
		assertThat(trail).contains("ITG-WEST ITG西分局").contains("ITG-SEA ITG海區").contains("否");
		assertThat(trail).doesNotContainPattern("分局</span>:\\s*<span>\\d+<");
	}

	@Test
	void administratorsSeeFromWhereEachChangeCameOnTheCameraPage() throws Exception {
		jdbc.update("INSERT INTO audit_event (actor, action, object_type, object_id, details, remote_addr) "
				+ "VALUES ('pg-api', 'camera.updated', 'camera', ?, '{\"heading\": [10, 20]}'::jsonb, '10.98.76.54')",
				String.valueOf(cameraId));
		String admin = org.springframework.web.util.HtmlUtils.htmlUnescape(mvc
			.perform(get("/cameras/" + cameraId).param("lang", "en").with(user("pg-admin").roles("ADMIN")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(admin).contains("From (address)").containsPattern("class=\"audit-from nowrap\">10\\.98\\.76\\.54<");
		assertThat(page(get("/cameras/" + cameraId).param("lang", "en"))).doesNotContain("10.98.76.54")
			.doesNotContain("From (address)");
	}

	@Test
	void dropdownsListPrecinctsByNameInTheReadersLanguage() throws Exception {
		String zh = page(get("/cameras").param("q", "PGA001").param("lang", "zh-TW"));
		assertThat(zh.indexOf(">三民第一分局<")).as("三 (3 strokes) before 鳳 (14)").isPositive()
			.isLessThan(zh.indexOf(">鳳山分局<"));
		String en = page(get("/cameras").param("q", "PGA001").param("lang", "en"));
		int fengshan = en.indexOf("Fengshan");
		assertThat(fengshan).isPositive().isLessThan(en.indexOf("Gangshan"));
	}

	@Test
	void aCameraOutsideEveryPrecinctShowsAWarning() throws Exception {
		long id = catalog.getByAssetTagOptional("PGT001-01")
			.orElseGet(() -> registry.register(CameraFixtures.at("PGT001-01", 121.5, 25.03, "台北"), true));
		String zh = page(get("/cameras/" + id).param("lang", "zh-TW"));
		assertThat(zh).contains("id=\"warning-OUTSIDE_PRECINCTS\"").contains("不在高雄市各分局轄區內");
		assertThat(page(get("/cameras/" + cameraId).param("lang", "zh-TW"))).doesNotContain("warning-OUTSIDE_PRECINCTS");
	}

	@Test
	void aPositionFarOutsideTheAreaIsSavedOnlyWithTheBoxTicked() throws Exception {
		String zh = page(post("/cameras/new").with(csrf()).param("assetTag", "PGT002-01").param("longitude", "121.5")
			.param("latitude", "25.03").param("status", "ACTIVE").param("lang", "zh-TW"));
		assertThat(zh).contains("id=\"confirm-outside-area\"").contains("遠在本局轄區之外")
			.contains("我確認此位置在本局轄區之外");
		String en = page(post("/cameras/new").with(csrf()).param("assetTag", "PGT002-01").param("longitude", "121.5")
			.param("latitude", "25.03").param("status", "ACTIVE").param("lang", "en"));
		assertThat(en).contains("km outside the department's area")
			.contains("I confirm this position is outside the department's area");
		assertThat(catalog.getByAssetTagOptional("PGT002-01")).isEmpty();
		mvc.perform(post("/cameras/new").with(csrf()).with(user("pg-dispatcher").roles("DISPATCHER"))
			.param("assetTag", "PGT002-01").param("longitude", "121.5").param("latitude", "25.03").param("status", "ACTIVE")
			.param("confirmOutsideArea", "true"))
			.andExpect(status().is3xxRedirection());
		long id = catalog.getByAssetTagOptional("PGT002-01").orElseThrow();
		assertThat(catalog.get(id).warnings()).extracting(CameraView.Warning::code).contains("OUTSIDE_PRECINCTS");
		String edit = page(post("/cameras/" + cameraId + "/edit").with(csrf()).param("assetTag", "PGA001-01")
			.param("longitude", "121.5").param("latitude", "25.03").param("status", "ACTIVE")
			.param("version", String.valueOf(catalog.get(cameraId).version())).param("lang", "en"));
		assertThat(edit).contains("id=\"confirm-outside-area\"");
		assertThat(catalog.get(cameraId).longitude()).isEqualTo(119.35);
	}

	@Test
	void footageRetentionIsEditedOnTheFormAndShownOnTheCameraPage() throws Exception {
		assertThat(page(get("/cameras/" + cameraId).param("lang", "en"))).contains("Footage retention (days)")
			.containsPattern("id=\"camera-retention\">(city default|\\d+)<");
		assertThat(page(get("/cameras/" + cameraId + "/edit").param("lang", "zh-TW"))).contains("錄影保存天數")
			.contains("name=\"retentionDays\"");
		CameraView before = catalog.get(cameraId);
		String refused = page(post("/cameras/" + cameraId + "/edit").with(csrf()).param("assetTag", before.assetTag())
			.param("longitude", String.valueOf(before.longitude())).param("latitude", String.valueOf(before.latitude()))
			.param("status", "ACTIVE").param("retentionDays", "0").param("version", String.valueOf(before.version()))
			.param("lang", "zh-TW"));
		assertThat(refused).contains("錄影保存天數須介於 1 至 3650 天");
		assertThat(catalog.get(cameraId).version()).isEqualTo(before.version());
		mvc.perform(post("/cameras/" + cameraId + "/edit").with(csrf()).with(user("pg-dispatcher").roles("DISPATCHER"))
			.param("assetTag", before.assetTag()).param("longitude", String.valueOf(before.longitude()))
			.param("latitude", String.valueOf(before.latitude())).param("status", "ACTIVE").param("retentionDays", "14")
			.param("version", String.valueOf(before.version())))
			.andExpect(status().is3xxRedirection());
		assertThat(catalog.get(cameraId).retentionDays()).isEqualTo(14);
		assertThat(page(get("/cameras/" + cameraId).param("lang", "zh-TW"))).contains("id=\"camera-retention\">14<");
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return org.springframework.web.util.HtmlUtils.htmlUnescape(mvc.perform(request.with(user("pg-dispatcher")
			.roles("DISPATCHER"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}
}
