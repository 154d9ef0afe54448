package io.watchkeeper.procurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The procurement pages over the real database: money, ROC years, milestones, who may read them. */
@SpringBootTest
@AutoConfigureMockMvc
class ProcurementPagesIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	ProcurementFixtures.Ids ids;

	@BeforeEach
	void data() {
		ids = ProcurementFixtures.ensure(jdbc);
	}

	@Test
	void aViewerSeesFundingWithNtDollarsRocYearsAndTotals() throws Exception {
		String page = page("/procurement", "zh-TW");

		String city = row(page, "ITP-F-CITY");
		assertThat(city).contains("測試汰換經費", "市府預算", "高雄市政府", "2023（民國112年）", "NT$39,955,000");
		assertThat(cell(city, "cameras")).as("cameras registered with this source").contains(">2<");
		assertThat(row(page, "ITP-F-TPC")).contains("國營事業促協金", "台灣電力公司", "2031（民國120年）", "NT$3,500,000");
		assertThat(row(page, "ITP-F-DON")).contains("捐贈", "NT$500,000");

		// 2031 holds only this test's two sources: the year total is exactly theirs
		String year2031 = rowWith(page, "data-year=\"2031\"", "funding-by-year");
		assertThat(year2031).contains("2031（民國120年）", "NT$4,000,000", ">2<");
		assertThat(rowWith(page, "data-kind=\"DONATION\"", "funding-by-kind")).contains("捐贈");
		assertThat(section(page, "funding-by-kind")).contains("市府預算", "國營事業促協金");
		assertThat(page).containsPattern("id=\"funding-total\">NT\\$\\d{1,3}(,\\d{3})+<");
	}

	@Test
	void projectsShowBudgetSourcesCamerasMilestonesAndStage() throws Exception {
		String page = page("/procurement", "zh-TW");

		String replacement = row(page, "ITP-P-REPLACE");
		assertThat(replacement).contains("測試汰換逾8年監視器", "汰換", "2023（民國112年）", "NT$49,955,000",
				"測試汰換經費", "NT$39,955,000", "測試車辨經費", "NT$10,000,000", "測試監視器工程有限公司", "全市");
		assertThat(replacement).contains("決標", "2023-03-30（民國112年）", "開工", "2023-04-21（民國112年）", "預定完工",
				"2023-12-31（民國112年）");
		assertThat(replacement).as("planned / delivered").containsPattern(">530</span> /\\s*<a href=\"/cameras\\?project="
				+ ids.replacementProject() + "\">2</a>");
		assertThat(replacement).as("completion due is a deadline, not a stage").contains("data-stage=\"STARTED\"");

		String hunei = row(page, "ITP-P-HUNEI");
		assertThat(hunei).contains("新設", "data-stage=\"ACCEPTED\"", "驗收完畢", "2023-03-29（民國112年）");
		assertThat(row(page, "ITP-P-GAP")).contains("車牌辨識升級", "data-stage=\"NONE\"", "尚無已達成的里程碑")
			.as("a budget date still to come is not reached").contains("2031-06-20（民國120年）");
	}

	@Test
	void contractsShowPrecinctsVendorTargetsAndTheYearTotal() throws Exception {
		String page = page("/procurement", "zh-TW");
		String first = row(page, "ITP-MC-1");
		String precincts = jdbc.queryForObject("SELECT string_agg(name_zh, '、' ORDER BY id) FROM (SELECT id, name_zh "
				+ "FROM precinct ORDER BY id LIMIT 2) p", String.class);
		assertThat(first).contains(precincts, "測試監視器工程有限公司", "2031-01-01（民國120年）", "2031-12-31（民國120年）",
				"NT$1,234,000", ">4<", ">24<");
		assertThat(rowWith(page, "data-year=\"2031\"", "contracts-by-year")).contains("NT$3,234,000", ">2<");
		assertThat(page).containsPattern("id=\"contracts-total\">NT\\$[\\d,]+<");
	}

	@Test
	void englishNamesKindsAndYears() throws Exception {
		String page = page("/procurement", "en");
		assertThat(row(page, "ITP-F-TPC")).contains("ITP community fund", "State-owned-enterprise community fund",
				"2031 (ROC 120)");
		assertThat(row(page, "ITP-P-REPLACE")).contains("ITP replacement of cameras over 8 years old", "Replacement",
				"Awarded", "2023-03-30 (ROC 112)", "City-wide");
		assertThat(page).contains("Funding &amp; projects", "Maintenance contracts");
	}

	@Test
	void aProjectPageHasItsTimelineFundingAndCameraLink() throws Exception {
		String page = page("/procurement/projects/" + ids.replacementProject(), "zh-TW");
		assertThat(page).contains("id=\"project-name\">測試汰換逾8年監視器<", "id=\"project-budget\">NT$49,955,000<",
				"id=\"project-funding-total\">NT$49,955,000<", "href=\"/cameras?project=" + ids.replacementProject() + "\"",
				"id=\"project-delivered\">2<");
		assertThat(page).doesNotContain("id=\"funding-mismatch\"");
		assertThat(milestone(page, "BUDGETED")).contains("data-state=\"pending\"", "—");
		assertThat(milestone(page, "AWARDED")).contains("reached", "2023-03-30（民國112年）");
		assertThat(milestone(page, "STARTED")).contains("reached", "current", "2023-04-21（民國112年）");
		assertThat(milestone(page, "COMPLETION_DUE")).as("due 2023-12-31 and not completed")
			.contains("data-state=\"overdue\"", "逾期");
		assertThat(milestone(page, "ACCEPTED")).contains("data-state=\"pending\"");

		String hunei = page("/procurement/projects/" + ids.huneiProject(), "en");
		assertThat(milestone(hunei, "COMPLETION_DUE")).as("no due date").contains("data-state=\"pending\"");
		assertThat(milestone(hunei, "ACCEPTED")).contains("reached", "current", "2023-03-29 (ROC 112)");
		assertThat(hunei).contains("id=\"project-stage\"", ">Accepted<", "ITP community fund", "State-owned-enterprise community fund");
	}

	@Test
	void aProjectPastItsDueDateAndNotCompletedIsMarkedOverdueInTheListOnItsPageAndInTheApi() throws Exception {
		String list = page("/procurement", "zh-TW");
		assertThat(row(list, "ITP-P-REPLACE")).as("due 2023-12-31, neither completed nor accepted")
			.containsPattern("class=\"badge overdue project-overdue\"[^>]*>逾期<");
		assertThat(row(list, "ITP-P-HUNEI")).as("accepted").doesNotContain("project-overdue");
		assertThat(row(list, "ITP-P-GAP")).as("no due date").doesNotContain("project-overdue");

		assertThat(page("/procurement/projects/" + ids.replacementProject(), "zh-TW"))
			.contains("id=\"project-overdue\"", "逾期：預定 2023-12-31（民國112年） 完工，尚未完工或驗收");
		assertThat(page("/procurement/projects/" + ids.replacementProject(), "en"))
			.contains("Overdue: completion was due 2023-12-31 (ROC 112); neither completed nor accepted");
		assertThat(page("/procurement/projects/" + ids.huneiProject(), "en")).doesNotContain("id=\"project-overdue\"");

		String api = mvc.perform(get("/api/projects").with(viewer())).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		java.util.List<java.util.Map<String, Object>> projects = tools.jackson.databind.json.JsonMapper.builder().build()
			.readValue(api, new tools.jackson.core.type.TypeReference<>() {
			});
		assertThat(projects).filteredOn(p -> p.get("code").toString().startsWith("ITP-P-"))
			.extracting(p -> p.get("code") + "=" + p.get("overdue"))
			.containsExactlyInAnyOrder("ITP-P-REPLACE=true", "ITP-P-HUNEI=false", "ITP-P-GAP=false");
	}

	@Test
	void aProjectWithCamerasButNoMilestoneRecordedSaysSoRatherThanNothingReached() throws Exception {
		jdbc.update("""
				INSERT INTO procurement_project (code, name_zh, name_en, purpose, fiscal_year, budget_ntd, planned_camera_count)
				VALUES ('ITP-P-NODATES', '測試未登錄里程碑案', 'ITP project without dates', 'NEW_INSTALLATION', 2023, 100000, 1)
				ON CONFLICT (code) DO NOTHING""");
		jdbc.update("""
				INSERT INTO camera (asset_tag, project_id)
				SELECT 'ITPCAM009-01', id FROM procurement_project WHERE code = 'ITP-P-NODATES'
				ON CONFLICT (asset_tag) DO NOTHING""");
		long id = jdbc.queryForObject("SELECT id FROM procurement_project WHERE code = 'ITP-P-NODATES'", Long.class);
		assertThat(page("/procurement/projects/" + id, "zh-TW")).contains("尚未登錄里程碑（已交付 1 支）")
			.doesNotContain("尚無已達成的里程碑");
		assertThat(row(page("/procurement", "en"), "ITP-P-NODATES")).contains("No milestone recorded (cameras delivered: 1)");
	}

	@Test
	void aProjectWhoseSourcesDoNotCoverItsBudgetSaysSo() throws Exception {
		String page = page("/procurement/projects/" + ids.mismatchProject(), "en");
		assertThat(page).contains("id=\"funding-mismatch\"",
				"The funding sources add up to NT$500,000, which is not the project budget of NT$1,000,000.");
	}

	@Test
	void anUnknownProjectIsNotFoundAndABadIdIsABadRequest() throws Exception {
		String missing = mvc.perform(get("/procurement/projects/987654321").param("lang", "en").with(viewer()))
			.andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(missing).contains("There is no such procurement project.");
		mvc.perform(get("/procurement/projects/abc").with(viewer())).andExpect(status().isBadRequest());
	}

	@Test
	void everyRoleButVendorsAndSquadsMayReadAndAnonymousUsersAreSentToLogIn() throws Exception {
		for (String role : new String[] { "VIEWER", "PROCUREMENT", "INVESTIGATOR", "DISPATCHER", "ADMIN" }) {
			mvc.perform(get("/procurement").with(user("proc-" + role).roles(role))).andExpect(status().isOk());
		}
		// other companies' contract budgets are no business of a vendor's technician or a squad
		for (String role : new String[] { "VENDOR_TECHNICIAN", "SQUAD_MEMBER" }) {
			mvc.perform(get("/procurement").with(user("proc-" + role).roles(role))).andExpect(status().isForbidden());
			mvc.perform(get("/procurement/projects/" + ids.replacementProject()).with(user("proc-" + role).roles(role)))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/procurement")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/procurement/projects/" + ids.replacementProject()))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void theNavigationLinksToThePage() throws Exception {
		assertThat(page("/cameras", "zh-TW")).contains("<a href=\"/procurement\">經費與採購</a>");
		assertThat(page("/cameras", "en")).contains("<a href=\"/procurement\">Funding &amp; projects</a>");
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor viewer() {
		return user("proc-viewer").roles("VIEWER");
	}

	private String page(String path, String lang) throws Exception {
		return mvc.perform(get(path).param("lang", lang).with(viewer()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** The table row whose data-code is {@code code}. */
	private static String row(String html, String code) {
		return rowWith(html, "data-code=\"" + code + "\"", null);
	}

	/** The first table row (after the element with id {@code within}, if given) carrying {@code attribute}. */
	private static String rowWith(String html, String attribute, String within) {
		String from = within == null ? html : section(html, within);
		Matcher m = Pattern.compile("<tr[^>]*" + Pattern.quote(attribute) + "[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(from);
		assertThat(m.find()).as("row with " + attribute + (within == null ? "" : " in #" + within)).isTrue();
		return m.group();
	}

	/** From the element with this id to the end of its table. */
	private static String section(String html, String id) {
		int start = html.indexOf("id=\"" + id + "\"");
		assertThat(start).as("#" + id).isNotNegative();
		return html.substring(start, html.indexOf("</table>", start));
	}

	private static String cell(String row, String cssClass) {
		Matcher m = Pattern.compile("<td class=\"[^\"]*\\b" + cssClass + "\\b[^\"]*\">(.*?)</td>", Pattern.DOTALL).matcher(row);
		assertThat(m.find()).as("cell ." + cssClass).isTrue();
		return m.group();
	}

	private static String milestone(String html, String step) {
		Matcher m = Pattern.compile("<li[^>]*data-step=\"" + step + "\"[^>]*>(.*?)</li>", Pattern.DOTALL).matcher(html);
		assertThat(m.find()).as("milestone " + step).isTrue();
		return m.group();
	}
}
