package io.watchkeeper.camera.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The admin page: lists the boundaries, refuses bad uploads with the feature and field named, accepts good ones. */
@SpringBootTest
@AutoConfigureMockMvc
class BoundaryAdminPageIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void adminsSeeTheCurrentBoundariesInBothLanguages() throws Exception {
		String zh = mvc.perform(get("/admin/boundaries").with(user("page-admin").roles("ADMIN")).param("lang", "zh-TW"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(zh).contains("分局與行政區界線").contains("苓雅分局").contains("茄萣區")
			.contains("id=\"precinct-count\">17<").contains("id=\"district-count\">38<");
		String en = mvc.perform(get("/admin/boundaries").with(user("page-admin").roles("ADMIN")).param("lang", "en"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(en).contains("Precinct and district boundaries").contains("Validate and replace");
	}

	@Test
	void othersMayNotSeeOrUpload() throws Exception {
		mvc.perform(get("/admin/boundaries").with(user("page-viewer").roles("VIEWER"))).andExpect(status().isForbidden());
		mvc.perform(multipart("/admin/boundaries").file(file("{}")).param("kind", "precinct")
			.with(user("page-dispatcher").roles("DISPATCHER")).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(multipart("/admin/boundaries").file(file("{}")).param("kind", "precinct")
			.with(user("page-admin").roles("ADMIN"))).andExpect(status().isForbidden()); // no CSRF token
	}

	@Test
	void aBadFileIsShownWithEveryFeatureAndFieldAtFaultAndChangesNothing() throws Exception {
		String before = jdbc.queryForObject("SELECT string_agg(code || updated_at, ',' ORDER BY code) FROM precinct", String.class);
		String bad = """
				{"type":"FeatureCollection","features":[
				 {"type":"Feature","properties":{"name_zh":"甲分局","name_en":"A"},
				  "geometry":{"type":"Polygon","coordinates":[[[120.30,22.60],[120.31,22.60],[120.31,22.61],[120.30,22.60]]]}},
				 {"type":"Feature","properties":{"code":"B","name_zh":"乙分局","name_en":"B"},
				  "geometry":{"type":"LineString","coordinates":[[120.30,22.60],[120.31,22.60]]}}]}""";
		String page = mvc.perform(multipart("/admin/boundaries").file(file(bad)).param("kind", "precinct")
			.with(user("page-admin").roles("ADMIN")).with(csrf()).param("lang", "en"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("nothing was changed").contains("features[0].properties.code")
			.contains("features[1].geometry.type").contains("LineString");
		assertThat(page).contains("<option value=\"precinct\" selected=\"selected\"");
		assertThat(jdbc.queryForObject("SELECT string_agg(code || updated_at, ',' ORDER BY code) FROM precinct", String.class))
			.isEqualTo(before);

		String empty = mvc.perform(multipart("/admin/boundaries").file(new MockMultipartFile("file", "x.geojson", "application/geo+json", new byte[0]))
			.param("kind", "district").with(user("page-admin").roles("ADMIN")).with(csrf()).param("lang", "en"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(empty).contains("Choose a GeoJSON file");
	}

	@Test
	void aBadFileIsExplainedInChineseOnTheChinesePage() throws Exception {
		String bad = """
				{"type":"FeatureCollection","features":[
				 {"type":"Feature","properties":{"name_zh":"甲區","name_en":"A"},
				  "geometry":{"type":"Polygon","coordinates":[[[22.60,120.30],[22.60,120.31],[22.61,120.31],[22.60,120.30]]]}}]}""";
		String page = mvc.perform(multipart("/admin/boundaries").file(file(bad)).param("kind", "district")
			.with(user("page-admin").roles("ADMIN")).with(csrf()).param("lang", "zh-TW"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("行政區界線檔未被接受：共 1 個問題；沒有變更任何資料。")
			.contains("features[0].geometry.coordinates[0][0]").contains("位置 22.6, 120.3 在臺灣以外；經緯度似乎對調了")
			.doesNotContain("was not accepted").doesNotContain("outside Taiwan");

		String empty = mvc.perform(multipart("/admin/boundaries").file(file("{\"type\":\"FeatureCollection\",\"features\":[]}"))
			.param("kind", "district").with(user("page-admin").roles("ADMIN")).with(csrf()).param("lang", "zh-TW"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(empty).contains("此 FeatureCollection 沒有任何圖徵（features）。").doesNotContain("has no features");

		String english = mvc.perform(multipart("/admin/boundaries").file(file("{\"type\":\"FeatureCollection\",\"features\":[]}"))
			.param("kind", "precinct").with(user("page-admin").roles("ADMIN")).with(csrf()).param("lang", "en"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(english).contains("The precinct file was not accepted: 1 problem; nothing was changed.")
			.contains("The FeatureCollection has no features.");
	}

	@Test
	void aGoodFileReplacesTheBoundariesAndSaysWhatChanged() throws Exception {
		byte[] districts = BoundariesIT.bundled("gis/kaohsiung-districts.geojson");
		var result = mvc.perform(multipart("/admin/boundaries").file(new MockMultipartFile("file", "districts.geojson", "application/geo+json", districts))
			.param("kind", "district").with(user("page-admin").roles("ADMIN")).with(csrf()))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/boundaries"))
			.andExpect(flash().attributeExists("result")).andReturn();
		Boundaries.Replacement replacement = (Boundaries.Replacement) result.getFlashMap().get("result");
		assertThat(replacement.kind()).isEqualTo("district");
		assertThat(replacement.updated()).hasSize(38);
		assertThat(replacement.fileName()).isEqualTo("districts.geojson");
		String page = mvc.perform(get("/admin/boundaries").flashAttr("result", replacement)
			.with(user("page-admin").roles("ADMIN")).param("lang", "en"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Replaced districts from 38 features: 0 added, 38 updated, 0 removed; 0 cameras changed");
		assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE action = 'boundaries.replaced' ORDER BY id DESC LIMIT 1", String.class))
			.isEqualTo("page-admin");
	}

	private static MockMultipartFile file(String content) {
		return new MockMultipartFile("file", "precincts.geojson", "application/geo+json", content.getBytes(StandardCharsets.UTF_8));
	}
}
