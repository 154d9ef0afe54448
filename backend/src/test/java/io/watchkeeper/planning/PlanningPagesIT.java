package io.watchkeeper.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.PageSession;
import io.watchkeeper.support.TestUsers;

/** The forecast page and the price list page over real HTTP, as a planner and as a dispatcher. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanningPagesIT {

	static final String PASSWORD = "planning pages secret";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void fixtures() {
		ForecastFleet.ensure(jdbc);
		TestUsers.ensure(jdbc, "itf-page-planner", PASSWORD, "PROCUREMENT");
		TestUsers.ensure(jdbc, "itf-page-dispatcher", PASSWORD, "DISPATCHER");
		TestUsers.ensure(jdbc, "itf-page-viewer", PASSWORD, "VIEWER");
	}

	PageSession as(String user) {
		return PageSession.loggedIn(port, "198.18.7." + (user.length() + 10), user, PASSWORD);
	}

	@Test
	void theForecastPageHasTheChartDataTheTableWithRocYearsAndTheExportLinks() {
		PageSession planner = as("itf-page-planner");
		HttpResponse<String> r = planner.get("/planning?years=3&groupBy=precinct&asOf=2070-03-01&lang=zh-TW");
		assertThat(r.statusCode()).isEqualTo(200);
		String page = r.body();
		assertThat(page).contains("id=\"forecast-table\"", "2070（民國159年）", "2071（民國160年）", "2072（民國161年）")
			.doesNotContain("2073（民國162年）");
		assertThat(page).contains("id=\"forecast-chart\"", "data-chart=", "/webjars/echarts/5.3.1/dist/echarts.min.js",
				"/js/planning/forecast-chart.js");
		assertThat(page).contains("href=\"/api/planning/forecast.csv?years=3&amp;groupBy=precinct&amp;asOf=2070-03-01&amp;lang=zh-TW\"",
				"href=\"/api/planning/forecast.xlsx?years=3&amp;groupBy=precinct&amp;asOf=2070-03-01&amp;lang=zh-TW\"");
		assertThat(page).contains("href=\"/planning/prices\"", "href=\"/planning/plans\"", "href=\"/planning/budget-split\"");
		// the 2070 row: F01 F05 F06 at NT$350,000 (only this fleet ends its life in 2070)
		assertThat(row(page, "data-year=\"2070\"")).contains(">3<", "NT$350,000");
		assertThat(row(page, "data-year=\"2072\"")).contains(">2<", "NT$330,000");
		assertThat(page).contains("id=\"backlog-row\"", "已逾年限", "六龜分局");

		String english = planner.get("/planning?years=3&groupBy=lpr&asOf=2070-03-01&lang=en").body();
		assertThat(english).contains("2070 (ROC 159)", "Real-time LPR", "End-of-life forecast");
	}

	@Test
	void badParametersShowNextToTheirFields() {
		HttpResponse<String> r = as("itf-page-planner").get("/planning?years=11&groupBy=vendor&lang=en");
		assertThat(r.statusCode()).isEqualTo(400);
		assertThat(r.body()).contains("id=\"years-error\"", "id=\"groupBy-error\"").doesNotContain("id=\"forecast-table\"");
		HttpResponse<String> noPrice = as("itf-page-planner").get("/planning?years=1&asOf=2012-06-01&lang=en");
		assertThat(noPrice.statusCode()).isEqualTo(400);
		assertThat(noPrice.body()).contains("id=\"prices-error\"");
	}

	@Test
	void aPlannerSetsAPriceOnThePageADispatcherOnlyReadsTheList() {
		jdbc.update("DELETE FROM price_list_entry WHERE applies_from = DATE '2087-01-01'");
		PageSession planner = as("itf-page-planner");
		String list = planner.get("/planning/prices?lang=en").body();
		assertThat(list).contains("id=\"price-form\"", "id=\"in-force\"", "NT$");

		HttpResponse<String> bad = planner.submit("/planning/prices", "/planning/prices",
				Map.of("kind", "REALTIME_LPR", "appliesFrom", "2087-01-01", "unitPriceNtd", "0"));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("id=\"unitPriceNtd-error\"").doesNotContain("id=\"kind-error\"");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM price_list_entry WHERE applies_from = DATE '2087-01-01'", Long.class))
			.isZero();

		HttpResponse<String> saved = planner.submit("/planning/prices", "/planning/prices",
				Map.of("kind", "REALTIME_LPR", "appliesFrom", "2087-01-01", "unitPriceNtd", "180,500", "note", "ITF page"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(jdbc.queryForObject("""
				SELECT unit_price_ntd FROM price_list_entry WHERE kind = 'REALTIME_LPR' AND applies_from = DATE '2087-01-01'""",
				Long.class)).isEqualTo(180_500);
		assertThat(planner.get("/planning/prices?lang=en").body()).contains("NT$180,500", "2087-01-01");

		PageSession dispatcher = as("itf-page-dispatcher");
		String readOnly = dispatcher.get("/planning/prices?lang=en").body();
		assertThat(readOnly).contains("NT$180,500").doesNotContain("id=\"price-form\"");
		assertThat(dispatcher.get("/planning?years=1&lang=en").statusCode()).isEqualTo(200);
		assertThat(as("itf-page-viewer").get("/planning").statusCode()).isEqualTo(403);
		assertThat(as("itf-page-viewer").get("/planning/prices").statusCode()).isEqualTo(403);
	}

	/** The table row carrying {@code marker}. */
	static String row(String page, String marker) {
		int at = page.indexOf(marker);
		assertThat(at).as(marker).isPositive();
		return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
	}
}
