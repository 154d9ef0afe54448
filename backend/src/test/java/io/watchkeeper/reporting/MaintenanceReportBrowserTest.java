package io.watchkeeper.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.BrowserTestSupport;
import io.watchkeeper.support.TestUsers;

/** A dispatcher opens the maintenance figures, picks a period, switches the grouping and the language. */
class MaintenanceReportBrowserTest extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void data() {
		ReportScenario.ensure(jdbc);
		TestUsers.ensure(jdbc, "itr-browser-dispatcher", "itr-browser-secret", "DISPATCHER");
	}

	@Test
	void aDispatcherReadsTheFiguresOfAPeriodByPrecinctAndByVendorInBothLanguages() throws Exception {
		logIn("itr-browser-dispatcher", "itr-browser-secret");
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/cameras?lang=zh-TW"));
		browser.findElement(By.id("nav-reports")).click();
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("figures")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("維護統計");
		assertThat(browser.findElement(By.id("def-in-service")).getText()).contains("未於期間第一日以前報廢");

		// a typed period that ends before it starts: the message stands next to the field
		setDate("from", "1996-03-31");
		setDate("to", "1996-03-01");
		browser.findElement(By.id("range-submit")).click();
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("to-error")));
		assertThat(browser.findElement(By.id("to-error")).getText()).contains("早於起日");

		setDate("from", "1996-03-01");
		setDate("to", "1996-03-31");
		browser.findElement(By.id("range-submit")).click();
		waitUpTo.until(ExpectedConditions.textToBe(By.id("report-period"), "1996年（民國85年）3月"));
		WebElement liugui = browser.findElement(By.cssSelector("#figures tr.figure-row[data-code='LIUGUI']"));
		assertThat(liugui.findElement(By.cssSelector("td.cameras")).getText()).isEqualTo("4");
		assertThat(liugui.findElement(By.cssSelector("td.downtime")).getText()).isEqualTo("216.0");
		assertThat(liugui.findElement(By.cssSelector("td.availability")).getText()).isEqualTo("92.74 %");
		assertThat(browser.findElement(By.cssSelector("#totals .opened")).getText()).isEqualTo("6");
		assertThat(browser.findElement(By.id("total-by-vendors")).getText()).isEqualTo("3");
		assertThat(browser.findElement(By.id("total-in-house")).getText()).isEqualTo("1");
		screenshot("reports-maintenance-zh");

		browser.findElement(By.id("group-vendor")).click();
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#figures tr.figure-row[data-code='ITR-V1']")));
		WebElement vendor = browser.findElement(By.cssSelector("#figures tr.figure-row[data-code='ITR-V1']"));
		assertThat(vendor.findElement(By.cssSelector("td.by-vendors")).getText()).isEqualTo("3");
		assertThat(vendor.findElement(By.cssSelector("td.mttr")).getText()).isEqualTo("7.9");
		assertThat(browser.findElement(By.id("group-vendor")).getAttribute("class")).contains("current");
		assertThat(browser.findElement(By.id("total-by-vendors")).getText()).isEqualTo("3");
		assertThat(browser.findElement(By.id("csv-link")).getAttribute("href"))
			.endsWith("/reports/maintenance.csv?from=1996-03-01&to=1996-03-31&groupBy=vendor");

		// the language switch (in the layout) keeps the page's query: the same period by vendor, in English
		browser.findElement(By.id("lang-en")).click();
		waitUpTo.until(ExpectedConditions.textToBe(By.tagName("h1"), "Maintenance figures"));
		assertThat(browser.getCurrentUrl()).contains("from=1996-03-01", "groupBy=vendor", "lang=en");
		assertThat(browser.findElement(By.id("total-by-vendors")).getText()).isEqualTo("3");
		assertThat(browser.findElement(By.cssSelector("#totals th")).getText()).isEqualTo("City total");
		assertThat(browser.findElement(By.id("def-in-service")).getText()).contains("not decommissioned before its first day");
		browser.findElement(By.id("group-precinct")).click();
		waitUpTo.until(ExpectedConditions.attributeContains(By.id("group-precinct"), "class", "current"));
		browser.findElement(By.id("quick-lastMonth")).click();
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("figures")));
		assertThat(browser.findElements(By.cssSelector("#figures tr.figure-row"))).hasSizeGreaterThanOrEqualTo(17);

		// the preset picker: the seed report's half year
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("year"))).selectByValue("2023");
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("span"))).selectByValue("H1");
		browser.findElement(By.id("preset-submit")).click();
		waitUpTo.until(ExpectedConditions.textToBe(By.id("report-period"), "2023 (ROC 112), First half (Jan–Jun)"));
		browser.findElement(By.id("group-contract")).click();
		waitUpTo.until(ExpectedConditions.attributeContains(By.id("group-contract"), "class", "current"));
		assertThat(browser.findElement(By.id("report-period")).getText()).isEqualTo("2023 (ROC 112), First half (Jan–Jun)");
		screenshot("reports-maintenance-en");
		// the one refused request above answered 400 on purpose; nothing else failed
		assertThat(consoleErrors()).filteredOn(e -> !e.getMessage().contains("to=1996-03-01") || !e.getMessage().contains("400"))
			.isEmpty();
	}

	private void setDate(String id, String isoDate) {
		// a date input takes its value through script in every locale; typing depends on the browser's date format
		browser.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, isoDate);
	}
}
