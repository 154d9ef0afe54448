package io.watchkeeper.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.BrowserTestSupport;
import io.watchkeeper.support.TestUsers;

/** A viewer follows the money: the funding page, one project's timeline, the cameras it delivered. */
class ProcurementPagesBrowserTest extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	ProcurementFixtures.Ids ids;

	@BeforeEach
	void data() {
		TestUsers.ensure(jdbc, "it-proc-viewer", "proc-secret", "VIEWER");
		ids = ProcurementFixtures.ensure(jdbc);
	}

	@Test
	void aViewerOpensTheFundingPageAndAProject() throws Exception {
		logIn("it-proc-viewer", "proc-secret");
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/cameras?lang=en"));
		browser.findElement(By.linkText("Funding & projects")).click();

		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("project-table")));
		WebElement row = browser.findElement(By.cssSelector("#project-table tr.project-row[data-code='ITP-P-REPLACE']"));
		assertThat(row.findElement(By.cssSelector("td.budget")).getText()).isEqualTo("NT$49,955,000");
		assertThat(row.findElement(By.cssSelector("td.year")).getText()).isEqualTo("2023 (ROC 112)");
		assertThat(row.findElement(By.cssSelector("td.stage")).getText()).startsWith("Work started");
		assertThat(row.findElements(By.cssSelector("td.stage .project-overdue"))).as("due 2023-12-31, not completed")
			.hasSize(1);
		screenshot("procurement-en");

		row.findElement(By.cssSelector("a.project-link")).click();
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("project-timeline")));
		assertThat(browser.getCurrentUrl()).endsWith("/procurement/projects/" + ids.replacementProject());
		assertThat(browser.findElement(By.id("project-name")).getText()).isEqualTo("ITP replacement of cameras over 8 years old");
		assertThat(browser.findElements(By.cssSelector("#project-timeline li"))).hasSize(7);
		assertThat(browser.findElement(By.cssSelector("#project-timeline li.current")).getAttribute("data-step"))
			.isEqualTo("STARTED");
		assertThat(browser.findElement(By.cssSelector("#project-timeline li[data-step='AWARDED'] .when")).getText())
			.isEqualTo("2023-03-30 (ROC 112)");
		assertThat(browser.findElement(By.id("project-funding-total")).getText()).isEqualTo("NT$49,955,000");
		assertThat(browser.findElement(By.id("project-cameras")).getAttribute("href"))
			.endsWith("/cameras?project=" + ids.replacementProject());
		screenshot("procurement-project-en");

		// phone width: the wide tables scroll inside their wrapper instead of widening the page
		browser.manage().window().setSize(new Dimension(390, 844));
		browser.get(url("/procurement?lang=zh-TW"));
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("project-table")));
		Number pageWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
		Number viewport = (Number) browser.executeScript("return window.innerWidth;");
		assertThat(pageWidth.intValue()).as("no sideways scrolling of the whole page").isLessThanOrEqualTo(viewport.intValue());
		assertThat(browser.findElement(By.cssSelector("#funding-table tr[data-code='ITP-F-CITY'] td.year")).getText())
			.isEqualTo("2023（民國112年）");
		screenshot("procurement-zh-phone");

		browser.findElement(By.cssSelector("#project-table tr[data-code='ITP-P-REPLACE'] a.project-link")).click();
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("project-timeline")));
		screenshot("procurement-project-zh-phone");

		assertThat(consoleErrors()).as("no console errors (CSP violations included)").isEmpty();
	}
}
