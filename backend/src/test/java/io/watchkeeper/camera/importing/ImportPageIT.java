package io.watchkeeper.camera.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The import pages: an unrecognised required column is chosen on the page; the report counts rows and problems apart. */
@SpringBootTest
@AutoConfigureMockMvc
class ImportPageIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anUnrecognisedAssetTagColumnIsChosenOnTheMappingPageAndTheImportGoesOn() throws Exception {
		String csv = "\uFEFF代碼,安裝地址,經度,緯度\n"
				+ "PGM001-01,高雄市苓雅區四維三路2號," + ImportTestData.LON + "," + ImportTestData.LAT + "\n"
				+ "PGM001-02,高雄市苓雅區四維三路2號," + ImportTestData.LON + "," + ImportTestData.LAT + "\n";
		MvcResult uploaded = mvc.perform(multipart("/imports").file(file("codes.csv", csv)).param("lang", "zh-TW")
			.with(user("page-dispatcher").roles("DISPATCHER")).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn();
		String location = uploaded.getResponse().getRedirectedUrl();
		assertThat(location).matches("/imports/\\d+");
		long id = Long.parseLong(location.substring("/imports/".length()));

		String page = page(location + "?lang=zh-TW");
		assertThat(page).contains("id=\"mapping-missing\"").contains("下列必要項目還沒有對應的欄位")
			.contains("id=\"missing-ASSET_TAG\"").contains("<strong>編號</strong>");
		assertThat(page).as("the asset-tag choice is marked in the list").contains("編號（必要，尚未指定）");
		assertThat(page).as("the unmapped 代碼 column is marked").containsPattern("<select[^>]*id=\"target-0\"[^>]*class=\"needs-choice\"|<select[^>]*class=\"needs-choice\"[^>]*id=\"target-0\"");
		assertThat(page).contains("id=\"run-dry\"");

		// running without choosing is refused on the same page, naming the field
		String refused = mvc.perform(post(location + "/run").param("dryRun", "true").param("lang", "zh-TW")
			.with(user("page-dispatcher").roles("DISPATCHER")).with(csrf()))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("缺少必要欄位：編號").contains("id=\"mapping-form\"");

		run(location, true, "ASSET_TAG", "ADDRESS", "LONGITUDE", "LATITUDE");
		assertThat(awaitStatus(id)).isEqualTo("VALIDATED");
		String validated = page(location + "?lang=zh-TW");
		assertThat(validated).doesNotContain("id=\"mapping-missing\"").contains("試算：全部 2 列皆正確");

		run(location, false, "ASSET_TAG", "ADDRESS", "LONGITUDE", "LATITUDE");
		assertThat(awaitStatus(id)).isEqualTo("APPLIED");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag IN ('PGM001-01', 'PGM001-02')", Integer.class))
			.isEqualTo(2);
	}

	@Test
	void theApiStillRefusesAMappingWithoutAnAssetTag() throws Exception {
		mvc.perform(multipart("/api/imports").file(file("codes.csv", "代碼,地址\nX-1,高雄市\n"))
			.with(user("api-dispatcher").roles("DISPATCHER")).with(csrf()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theReportCountsRejectedRowsAndProblemsApart() throws Exception {
		String csv = "\uFEFF編號,安裝地址,經度,緯度,裝設日期,視角,監視距離\n"
				+ "PGR001-01,高雄市苓雅區四維三路2號," + ImportTestData.LON + "," + ImportTestData.LAT + ",112/03/30,90,50\n"
				+ "PGR001-02,高雄市苓雅區四維三路2號," + ImportTestData.LON + "," + ImportTestData.LAT + ",112/02/30,999,-5\n"
				+ "PGR001-03,高雄市苓雅區四維三路2號," + ImportTestData.LON + "," + ImportTestData.LAT + ",112/03/30,90,50\n";
		String location = mvc.perform(multipart("/imports").file(file("bad.csv", csv))
			.with(user("page-dispatcher").roles("DISPATCHER")).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring("/imports/".length()));
		run(location, true, null);
		assertThat(awaitStatus(id)).isEqualTo("REJECTED");
		String zh = page(location + "?lang=zh-TW");
		assertThat(zh).contains("共 3 列，其中 1 列被拒絕（問題 3 項）").contains("問題 3 項（分布於 1 列被拒絕的資料）")
			.doesNotContain("被拒絕的資料（3）");
		String en = page(location + "?lang=en");
		assertThat(en).contains("1 of 3 rows were rejected (3 problems)").contains("3 problems in 1 rejected row");
	}

	private void run(String location, boolean dryRun, String... targets) throws Exception {
		var request = post(location + "/run").param("dryRun", String.valueOf(dryRun))
			.with(user("page-dispatcher").roles("DISPATCHER")).with(csrf());
		if (targets != null && targets.length > 0 && targets[0] != null) {
			request.param("target", targets);
		}
		mvc.perform(request).andExpect(status().is3xxRedirection());
	}

	private String awaitStatus(long id) throws InterruptedException {
		for (int i = 0; i < 300; i++) {
			String status = jdbc.queryForObject("SELECT status FROM import_job WHERE id = ?", String.class, id);
			if (!status.equals("QUEUED") && !status.equals("RUNNING") && !status.equals("UPLOADED")) {
				return status;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("import " + id + " did not finish");
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url).with(user("page-dispatcher").roles("DISPATCHER"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static MockMultipartFile file(String name, String content) {
		return new MockMultipartFile("file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
	}
}
