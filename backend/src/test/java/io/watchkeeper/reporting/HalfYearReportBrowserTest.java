package io.watchkeeper.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.BrowserTestSupport;
import io.watchkeeper.support.TestUsers;

/**
 * A report reader opens the half-year report of {@link ReportScenario}'s half year (1996 H1) in zh-TW: the text, the
 * figures and the charts drawn; follows a figure of the text to its records and finds as many as the figure says;
 * reads it in English and opens the print page. Screenshots: half-year-zh, half-year-records, half-year-en,
 * half-year-print.
 */
class HalfYearReportBrowserTest extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void data() {
		ReportScenario.ensure(jdbc);
		TestUsers.ensure(jdbc, "ithy-browser-viewer", "ithy-browser-secret", "VIEWER");
	}

	@Test
	void aReportReaderReadsTheHalfYearReportFollowsAFigureToItsRecordsAndPrintsIt() throws Exception {
		logIn("ithy-browser-viewer", "ithy-browser-secret");
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/cameras?lang=zh-TW"));
		browser.findElement(By.id("nav-half-year")).click();
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("half-year-form")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("半年報");

		// the form: the scenario's half year, ROC year beside the western one
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("year"))).selectByValue("1996");
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("half"))).selectByValue("1");
		assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("year"))).getFirstSelectedOption().getText())
			.isEqualTo("1996（民國85年）");
		browser.findElement(By.id("half-year-submit")).click();
		waitUpTo.until(ExpectedConditions.textToBe(By.id("report-period"), "1996年（民國85年）上半年"));
		assertThat(browser.findElement(By.id("quick-seed")).getText()).contains("112年上半年");
		assertThat(browser.findElements(By.cssSelector("#report-text .hy-paragraph"))).isNotEmpty();
		for (String chart : List.of("chart-availability", "chart-restored", "chart-lpr")) {
			waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " canvas")));
		}
		assertThat(browser.findElement(By.id("def-cases")).getText()).contains("監視器影像協助");

		// a count the text states, linked to its records: the one with the most records within the list's limit
		WebElement link = null;
		long expected = -1;
		for (WebElement candidate : browser.findElements(By.cssSelector("#report-text a.figure-link"))) {
			String figure = candidate.getAttribute("data-figure");
			List<WebElement> rows = browser.findElements(By.cssSelector("#half-year-figures tr.figure-row[data-key='" + figure + "']"));
			// cameras: a VIEWER sees case figures' records as counts per precinct, not one row per case
			if (rows.isEmpty() || !"CAMERAS".equals(rows.get(0).getAttribute("data-unit"))) {
				continue;
			}
			long value = Long.parseLong(rows.get(0).getAttribute("data-value"));
			assertThat(candidate.getText().replace(",", "")).as(figure).contains(String.valueOf(value));
			if (value > expected && value <= HalfYearReports.DEFAULT_LIMIT) {
				link = candidate;
				expected = value;
			}
		}
		assertThat(link).as("a count in the text linked to its records").isNotNull();
		assertThat(expected).isPositive();
		String figure = link.getAttribute("data-figure");
		wholePage("half-year-zh");

		link.click();
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("records")));
		assertThat(browser.getCurrentUrl()).contains("figure=" + figure, "year=1996", "half=1");
		assertThat(browser.findElements(By.cssSelector("#records tr.record-row"))).hasSize((int) expected);
		wholePage("half-year-records");

		browser.findElement(By.id("back-to-report")).click();
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("half-year-figures")));
		browser.findElement(By.id("lang-en")).click();
		waitUpTo.until(ExpectedConditions.textToBe(By.tagName("h1"), "Half-year report"));
		assertThat(browser.getCurrentUrl()).contains("year=1996", "half=1", "lang=en");
		assertThat(browser.findElement(By.id("report-period")).getText()).isEqualTo("1996 H1 (January–June) (ROC 85)");
		assertThat(browser.findElement(By.cssSelector("#half-year-figures tr.figure-row[data-key='" + figure + "'] td.value"))
			.getText()).isEqualTo(expected + (figure.startsWith("cases") ? (expected == 1 ? " case" : " cases")
					: (expected == 1 ? " camera" : " cameras")));
		assertThat(browser.findElement(By.id("def-cases")).getText()).contains("camera footage contributed");
		for (String chart : List.of("chart-availability", "chart-restored", "chart-lpr")) {
			waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " canvas")));
		}
		assertThat(browser.findElement(By.id("export-docx")).getAttribute("href"))
			.endsWith("/api/reports/half-year.docx?year=1996&half=1&groupBy=precinct&lang=en");
		int figures = browser.findElements(By.cssSelector("#half-year-figures tr.figure-row")).size();
		int paragraphs = browser.findElements(By.cssSelector("#report-text .hy-paragraph")).size();
		assertThat(figures).isPositive();
		wholePage("half-year-en");

		browser.findElement(By.id("print-link")).click();
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("print-title")));
		assertThat(browser.findElement(By.id("print-title")).getText()).isEqualTo("VIII. Strengthening the CCTV system, 1996 H1 (January–June)");
		assertThat(browser.findElements(By.cssSelector("header.topbar"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector("#half-year-figures tr.figure-row"))).hasSize(figures);
		assertThat(browser.findElements(By.cssSelector("#report-text .hy-paragraph"))).hasSize(paragraphs);
		assertThat(browser.findElements(By.cssSelector("#definitions dd"))).hasSize(11);
		wholePage("half-year-print");
		assertThat(consoleErrors()).isEmpty();
	}

	/** The whole page in one picture (charts, tables and definitions below the fold too), then the usual window. */
	private void wholePage(String name) throws Exception {
		Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight;");
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, Math.min(6000, Math.max(900, height.intValue()))));
		Thread.sleep(300); // the charts redraw on resize
		screenshot(name);
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
	}
}
