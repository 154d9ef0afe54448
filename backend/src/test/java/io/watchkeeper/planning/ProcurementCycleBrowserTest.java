package io.watchkeeper.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.BrowserTestSupport;
import io.watchkeeper.support.TestUsers;

/**
 * The whole procurement cycle through the pages, in headless Chromium and zh-TW: the forecast, a budget-capped plan,
 * a project made of its first year, the vendor's technician delivering one new camera, and the lineage and progress
 * that follow. A second test previews and applies the maintenance budget split.
 *
 * <p>The fleet lives in a precinct of its own made per run ({@code ITB} prefix), so the plan (filtered to it) holds
 * only these cameras, all of lpr kind NONE:
 * <pre>
 * camera  site index  end of life       plan year (budget = 3 unit prices a year)
 * A       S1   1      Jan 15 of year 1  1 (24 h down in the last year: ranks first)
 * B       S1   2      Jan 15 of year 1  1
 * C       S2   1      Jan 15 of year 1  1
 * D       S3   1      Jan 15 of year 2  2
 * E       S3   2      Jan 15 of year 3  3
 * </pre>
 * Delivering A's replacement puts the new camera on S1 at index 3.
 */
class ProcurementCycleBrowserTest extends BrowserTestSupport {

	private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
	private static final String PASSWORD = "itb cycle secret";
	private static final String PLANNER = "itb-planner", TECHNICIAN = "itb-technician", ADMIN = "itb-admin";
	private static final int SPLIT_YEAR = 2088;

	@Autowired
	JdbcTemplate jdbc;

	final String run = Long.toString(System.nanoTime() % 10_000_000, 36).toUpperCase();
	final int year = LocalDate.now(TAIPEI).getYear();
	long precinct;
	String vendorCode;
	String fundingCode;
	String site1;
	long cameraA;
	long unitPrice;

	@BeforeEach
	void fleet() {
		TestUsers.ensure(jdbc, PLANNER, PASSWORD, "PROCUREMENT");
		TestUsers.ensure(jdbc, TECHNICIAN, PASSWORD, "VENDOR_TECHNICIAN");
		TestUsers.ensure(jdbc, ADMIN, PASSWORD, "ADMIN");
		precinct = jdbc.queryForObject("""
				INSERT INTO precinct (code, name_zh, name_en, boundary)
				VALUES (?, ?, ?, ST_Multi(ST_MakeEnvelope(121.7, 24.7, 121.8, 24.8, 4326))) RETURNING id""", Long.class,
				"ITB-" + run, "ITB採購循環分局" + run, "ITB cycle precinct " + run);
		vendorCode = "ITB-V-" + run;
		long vendor = jdbc.queryForObject("INSERT INTO vendor (code, name_zh, name_en) VALUES (?, '測試汰換廠商', 'ITB vendor') RETURNING id",
				Long.class, vendorCode);
		jdbc.update("UPDATE app_user SET vendor_id = ? WHERE username = ?", vendor, TECHNICIAN);
		fundingCode = "ITB-F-" + run;
		jdbc.update("""
				INSERT INTO funding_source (code, kind, name_zh, name_en, fiscal_year, amount_ntd)
				VALUES (?, 'CITY_BUDGET', '測試汰換經費', 'ITB replacement budget', ?, 100000000)""", fundingCode, year);
		site1 = site("1");
		String site2 = site("2");
		String site3 = site("3");
		cameraA = camera(site1, 1, year - 8);
		camera(site1, 2, year - 8);
		camera(site2, 1, year - 8);
		camera(site3, 1, year - 7);
		camera(site3, 2, year - 6);
		// A was down for a day last week; the facts of today are computed again so that the plan sees it
		jdbc.update("""
				INSERT INTO outage (camera_id, started_at, ended_at, cause, source)
				VALUES (?, now() - interval '8 days', now() - interval '7 days', 'REPORTED_DOWN', 'itb-test')""", cameraA);
		jdbc.update("DELETE FROM planning_priority_snapshot WHERE as_of = ?", LocalDate.now(TAIPEI));
		unitPrice = jdbc.queryForObject("""
				SELECT unit_price_ntd FROM price_list_entry WHERE kind = 'NONE' AND applies_from <= ?
				 ORDER BY applies_from DESC LIMIT 1""", Long.class, LocalDate.of(year, 1, 1));
	}

	/** The split's year is this class's: its contract and split go (the fleet stays, in its own precinct, released). */
	@AfterEach
	void cleanUp() {
		jdbc.update("DELETE FROM maintenance_budget_split WHERE fiscal_year = ?", SPLIT_YEAR);
		jdbc.update("DELETE FROM maintenance_contract WHERE code = ?", "ITB-MC-" + run);
		// the fleet's precinct was set by hand; released, a test that restores the bundled boundaries may drop it
		jdbc.update("UPDATE camera SET area_overridden = false WHERE precinct_id = ?", precinct);
	}

	private String site(String n) {
		String code = "ITB" + run + "S" + n;
		jdbc.update("INSERT INTO site (code, address, location) VALUES (?, '測試路三段3號', ST_SetSRID(ST_MakePoint(121.75, 24.75), 4326))",
				code);
		return code;
	}

	/** A working camera (lpr NONE, 8 years of life) on the pole at the index, installed on Jan 15 of the year. */
	private long camera(String site, int index, int installedYear) {
		return jdbc.queryForObject("""
				INSERT INTO camera (asset_tag, site_id, site_index, location, address, precinct_id, area_overridden,
				                    heading_deg, fov_deg, range_m, install_date, service_life_years, lpr, make, model, status)
				SELECT ?, s.id, ?, s.location, s.address, ?, true, 90, 90, 60, ?, 8, 'NONE', 'OLDMAKE', 'OLD-1', 'ACTIVE'
				  FROM site s WHERE s.code = ? RETURNING id""", Long.class, site + "-" + String.format("%02d", index), index,
				precinct, LocalDate.of(installedYear, 1, 15), site);
	}

	private String tag(long camera) {
		return jdbc.queryForObject("SELECT asset_tag FROM camera WHERE id = ?", String.class, camera);
	}

	private WebElement waitFor(String css) {
		return waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
	}

	private WebElement field(WebElement form, String name) {
		return form.findElement(By.name(name));
	}

	private void type(WebElement input, String text) {
		input.clear();
		input.sendKeys(text);
	}

	/** A date input takes its value as the browser's locale spells it when typed; set the ISO value instead. */
	private void date(WebElement input, LocalDate day) {
		browser.executeScript("arguments[0].value = arguments[1]", input, day.toString());
	}

	private static long money(String text) {
		return Long.parseLong(text.replaceAll("[^0-9]", ""));
	}

	private void logOut() {
		browser.manage().deleteAllCookies();
	}

	@Test
	void aPlanYearBecomesAProjectAndTheDeliveredCameraReplacesTheOld() throws Exception {
		// 1. the forecast: switch the grouping, the chart draws, the years carry their ROC year
		logIn(PLANNER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/planning?lang=zh-TW"));
		new Select(waitFor("#groupBy")).selectByValue("district");
		browser.findElement(By.id("forecast-submit")).click();
		waitUpTo.until(ExpectedConditions.urlContains("groupBy=district"));
		waitFor("#forecast-chart canvas, #forecast-chart svg");
		assertThat(new Select(browser.findElement(By.id("groupBy"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("district");
		List<WebElement> years = browser.findElements(By.cssSelector("#forecast-table tr.year-row"));
		assertThat(years).hasSize(10);
		assertThat(years.get(0).getAttribute("data-year")).isEqualTo(String.valueOf(year));
		assertThat(years.get(0).getText()).contains("民國" + (year - 1911) + "年");
		assertThat(browser.findElements(By.cssSelector("#breakdown-table tr.group-row"))).isNotEmpty();
		screenshot("cycle-1-forecast-zh");
		assertThat(consoleErrors()).isEmpty();

		// 2. a plan of three years over the precinct: one budget for all years, one weight changed, preview, save
		browser.findElement(By.id("link-plans")).click();
		WebElement form = waitFor("#plan-form");
		type(field(form, "firstYear"), String.valueOf(year));
		type(field(form, "years"), "3");
		type(field(form, "budgetPerYear"), String.valueOf(3 * unitPrice));
		date(field(form, "asOf"), LocalDate.now(TAIPEI));
		new Select(field(form, "precinctId")).selectByValue(String.valueOf(precinct));
		type(field(form, "wDowntime"), "9");
		browser.findElement(By.id("plan-preview")).click();
		waitFor("#plan-preview-result #plan-years");
		assertThat(browser.findElement(By.cssSelector("#plan-year-" + year + " td:nth-child(3)")).getText()).isEqualTo("3");
		String planName = "ITB 汰換計畫 " + run;
		type(browser.findElement(By.cssSelector("#plan-form input[name=name]")), planName);
		browser.findElement(By.id("plan-save")).click();
		waitUpTo.until(ExpectedConditions.urlMatches("/planning/plans/\\d+$"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(planName);
		assertThat(browser.findElement(By.id("plan-inputs")).getText()).contains("停機 9、")
			.contains(String.format("NT$%,d", 3 * unitPrice));
		assertThat(browser.findElement(By.id("plan-created")).getText()).as("saved at, in the city's time")
			.startsWith(PLANNER + ", " + LocalDate.now(TAIPEI)).endsWith("(+08:00)");
		assertThat(browser.findElements(By.cssSelector("#plan-years tbody tr"))).hasSize(3);
		assertThat(browser.findElement(By.cssSelector("#plan-year-" + year + " td:nth-child(3)")).getText()).isEqualTo("3");
		assertThat(money(browser.findElement(By.cssSelector("#plan-year-" + year + " td:nth-child(4)")).getText()))
			.isEqualTo(3 * unitPrice);
		assertThat(browser.findElement(By.cssSelector("#plan-year-" + (year + 1) + " td:nth-child(3)")).getText()).isEqualTo("1");
		assertThat(browser.findElement(By.cssSelector("#plan-year-" + (year + 2) + " td:nth-child(3)")).getText()).isEqualTo("1");
		assertThat(waitFor("#plan-chart canvas, #plan-chart svg").getSize().getHeight()).as("the chart has its height")
			.isGreaterThan(200);
		List<WebElement> planned = browser.findElements(By.cssSelector("#plan-cameras tbody tr[data-camera-id]"));
		assertThat(planned).hasSize(3);
		WebElement first = planned.get(0);
		assertThat(first.getAttribute("data-camera-id")).as("the camera down for a day ranks first").isEqualTo(String.valueOf(cameraA));
		List<WebElement> parts = first.findElements(By.tagName("td"));
		assertThat(parts.get(1).getText()).isEqualTo(tag(cameraA));
		assertThat(Double.parseDouble(parts.get(6).getText())).as("downtime hours").isBetween(23.0, 25.0);
		assertThat(Double.parseDouble(parts.get(4).getText())).as("score")
			.isGreaterThan(Double.parseDouble(planned.get(1).findElements(By.tagName("td")).get(4).getText()));
		screenshot("cycle-2-plan-zh");
		assertThat(consoleErrors()).isEmpty();

		// 3. year 1 becomes a project, with the vendor awarded at once
		browser.findElement(By.cssSelector("#plan-year-" + year + " a.make-project")).click();
		form = waitFor("#plan-project-form");
		assertThat(browser.findElement(By.id("plan-year-summary")).getText()).contains("3");
		String projectCode = "ITB-" + run;
		type(field(form, "code"), projectCode);
		type(field(form, "nameZh"), "測試汰換採購案 " + run);
		type(field(form, "nameEn"), "ITB replacement " + run);
		new Select(field(form, "fundingSourceCode")).selectByValue(fundingCode);
		type(field(form, "fundingAmountNtd"), String.valueOf(3 * unitPrice));
		type(field(form, "warrantyYears"), "3");
		date(field(form, "budgetedOn"), LocalDate.of(year, 1, 10));
		date(field(form, "awardedOn"), LocalDate.of(year, 3, 1));
		date(field(form, "completionDueOn"), LocalDate.of(year + 1, 6, 30));
		new Select(field(form, "vendorCode")).selectByValue(vendorCode);
		browser.findElement(By.id("plan-project-submit")).click();
		waitUpTo.until(ExpectedConditions.urlMatches("/procurement/projects/\\d+$"));
		String projectPage = browser.getCurrentUrl();
		assertThat(browser.findElement(By.id("notice")).getText()).contains(projectCode);
		assertThat(browser.findElement(By.id("project-code")).getText()).isEqualTo(projectCode);
		assertThat(browser.findElement(By.id("project-vendor")).getText()).contains("測試汰換廠商");
		assertThat(browser.findElement(By.id("project-progress")).getText()).endsWith("0 / 3");
		assertThat(browser.findElements(By.cssSelector("#project-orders tbody tr"))).hasSize(3);
		assertThat(browser.findElements(By.cssSelector("#project-timeline li[data-step]"))).isNotEmpty();
		assertThat(money(browser.findElement(By.id("project-funding-total")).getText())).isEqualTo(3 * unitPrice);
		assertThat(browser.findElements(By.id("funding-mismatch"))).isEmpty();
		screenshot("cycle-3-project-zh");
		assertThat(consoleErrors()).isEmpty();
		long order = jdbc.queryForObject("""
				SELECT id FROM work_order WHERE camera_id = ? AND kind = 'REPLACEMENT' AND state <> 'CANCELLED'""", Long.class, cameraA);

		// 4. the vendor's technician records the new camera on A's order
		logOut();
		logIn(TECHNICIAN, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/my-work-orders?lang=zh-TW"));
		List<WebElement> cards = browser.findElements(By.cssSelector("article.my-order"));
		assertThat(cards).as("the vendor's three replacement orders").hasSize(3);
		WebElement card = cards.stream().filter(c -> c.findElement(By.cssSelector(".tag")).getText().equals(tag(cameraA)))
			.findFirst().orElseThrow();
		assertThat(card.getAttribute("data-id")).isEqualTo(String.valueOf(order));
		card.findElement(By.cssSelector("a.details")).click();
		WebElement deliver = waitFor("form.action-deliver");
		assertThat(browser.findElement(By.id("camera-link")).getText()).isEqualTo(tag(cameraA));
		assertThat(deliver.findElement(By.className("deliver-install")).getAttribute("max")).as("today in the city")
			.isEqualTo(LocalDate.now(TAIPEI).toString());
		String serial = "ITB-SN-" + run;
		LocalDate installed = LocalDate.now(TAIPEI).minusDays(1);
		type(deliver.findElement(By.className("deliver-make")), "VIVOTEK");
		type(deliver.findElement(By.className("deliver-model")), "IB9387-LPR");
		type(deliver.findElement(By.className("deliver-serial")), serial);
		date(deliver.findElement(By.className("deliver-install")), installed);
		new Select(deliver.findElement(By.className("deliver-lpr"))).selectByValue("REALTIME_LPR");
		deliver.findElement(By.cssSelector("button.deliver")).click();
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("order-state"), "data-state", "CLOSED"));
		assertThat(browser.findElement(By.id("order-resolution")).getAttribute("data-resolution")).isEqualTo("REPLACED");
		screenshot("cycle-4-delivered-zh");
		assertThat(consoleErrors()).isEmpty();

		// 5. the planner sees the progress and the lineage both ways
		logOut();
		logIn(PLANNER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(projectPage + "?lang=zh-TW");
		assertThat(waitFor("#project-progress").getText()).endsWith("1 / 3");
		WebElement row = browser.findElement(By.cssSelector("#project-orders tr[data-order='" + order + "']"));
		String newTag = site1 + "-03";
		assertThat(row.findElements(By.tagName("a")).get(2).getText()).isEqualTo(newTag);
		screenshot("cycle-5-project-progress-zh");

		row.findElements(By.tagName("a")).get(1).click();
		waitUpTo.until(ExpectedConditions.textToBe(By.id("camera-tag"), tag(cameraA)));
		assertThat(browser.findElement(By.id("camera-status")).getAttribute("data-state")).isEqualTo("DECOMMISSIONED");
		assertThat(browser.findElement(By.id("camera-decommission-kind")).getText()).isEqualTo("已汰換");
		assertThat(browser.findElement(By.id("camera-decommissioned-on")).getText()).contains(installed.toString());
		WebElement replacedBy = browser.findElement(By.id("camera-replaced-by"));
		assertThat(replacedBy.getText()).isEqualTo(newTag);
		screenshot("cycle-5-old-camera-zh");

		replacedBy.click();
		waitUpTo.until(ExpectedConditions.textToBe(By.id("camera-tag"), newTag));
		assertThat(browser.findElement(By.id("camera-site")).getText()).isEqualTo(site1 + " #3");
		assertThat(browser.findElement(By.id("camera-replaces")).getText()).isEqualTo(tag(cameraA));
		assertThat(browser.findElement(By.id("camera-serial")).getText()).isEqualTo(serial);
		assertThat(browser.findElement(By.id("camera-install-date")).getText()).contains(installed.toString());
		assertThat(browser.findElement(By.id("camera-precinct")).getText()).contains("ITB採購循環分局" + run);
		assertThat(browser.findElement(By.id("camera-status")).getAttribute("data-state")).isNotEqualTo("DECOMMISSIONED");
		screenshot("cycle-5-new-camera-zh");
		browser.findElement(By.id("camera-replaces")).click();
		waitUpTo.until(ExpectedConditions.textToBe(By.id("camera-tag"), tag(cameraA)));
		assertThat(consoleErrors()).isEmpty();
	}

	@Test
	void anAdminAppliesTheBudgetSplitWhoseSumIsTheTotal() throws Exception {
		// a contract of this class covers, on the reference day, every precinct no other contract covers
		long vendor = jdbc.queryForObject("SELECT id FROM vendor WHERE code = ?", Long.class, vendorCode);
		long contract = jdbc.queryForObject("""
				INSERT INTO maintenance_contract (code, vendor_id, name_zh, starts_on, ends_on)
				VALUES (?, ?, '測試分配合約', DATE '2088-01-01', DATE '2088-12-31') RETURNING id""", Long.class, "ITB-MC-" + run, vendor);
		jdbc.update("""
				INSERT INTO maintenance_contract_precinct (contract_id, precinct_id)
				SELECT ?, p.id FROM precinct p
				 WHERE NOT EXISTS (SELECT 1 FROM maintenance_contract_precinct mp JOIN maintenance_contract mc ON mc.id = mp.contract_id
				                    WHERE mp.precinct_id = p.id AND mc.starts_on <= DATE '2088-01-01' AND mc.ends_on >= DATE '2088-01-01')""",
				contract);
		long total = 1_000_003;
		logIn(ADMIN, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/planning?lang=zh-TW"));
		browser.findElement(By.id("link-budget-split")).click();
		WebElement form = waitFor("#split-form");
		type(form.findElement(By.id("fiscalYear")), String.valueOf(SPLIT_YEAR));
		type(form.findElement(By.id("totalNtd")), String.valueOf(total));
		date(form.findElement(By.id("referenceDate")), LocalDate.of(SPLIT_YEAR, 1, 1));
		browser.findElement(By.id("split-preview")).click();
		waitFor("#split-table");
		assertThat(browser.findElement(By.id("roc-year")).getText()).contains(String.valueOf(SPLIT_YEAR - 1911));
		List<WebElement> amounts = browser.findElements(By.cssSelector("#split-table tbody td.amount"));
		assertThat(amounts).hasSizeGreaterThan(1);
		assertThat(amounts.stream().mapToLong(a -> money(a.getText())).sum()).isEqualTo(total);
		assertThat(money(browser.findElement(By.id("split-sum-amount")).getText())).isEqualTo(total);
		assertThat(browser.findElement(By.cssSelector("#split-table tr[data-precinct='ITB-" + run + "'] td:nth-child(2)")).getText())
			.as("this fleet's five cameras are out of warranty in " + SPLIT_YEAR).isEqualTo("5");
		assertThat(browser.findElements(By.id("split-refused"))).isEmpty();
		assertThat(browser.findElement(By.id("split-heading")).getText()).as("a year is not an amount: no thousands separator")
			.contains(SPLIT_YEAR + "年度（民國" + (SPLIT_YEAR - 1911) + "年）");
		assertThat(browser.findElement(By.id("split-apply")).getText()).contains(SPLIT_YEAR + "年度");

		browser.findElement(By.id("split-apply")).click();
		waitFor("#split-applied");
		assertThat(browser.getCurrentUrl()).contains("applied=");
		assertThat(browser.findElements(By.id("split-apply"))).as("an applied split is not applied again").isEmpty();
		assertThat(money(browser.findElement(By.id("split-sum-amount")).getText())).isEqualTo(total);
		assertThat(browser.findElement(By.id("split-heading")).getText()).contains(ADMIN);
		assertThat(browser.findElements(By.cssSelector("#split-history tr[data-split]"))).isNotEmpty();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM maintenance_budget_split WHERE fiscal_year = ?", Long.class, SPLIT_YEAR))
			.isEqualTo(1L);
		screenshot("split-applied-zh");
		assertThat(consoleErrors()).isEmpty();
	}
}
