package io.watchkeeper.planning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.BrowserTestSupport;
import io.watchkeeper.support.TestUsers;

/** A planner opens the forecast: echarts draws the stacked chart beside the table, without errors in the console. */
class ForecastChartBrowserTest extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void data() {
		ForecastFleet.ensure(jdbc);
		TestUsers.ensure(jdbc, "itf-browser-planner", "itf-browser-secret", "PROCUREMENT");
	}

	@Test
	void theChartDraws() throws Exception {
		logIn("itf-browser-planner", "itf-browser-secret");
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/cameras?lang=zh-TW"));
		browser.findElement(By.id("nav-planning")).click();
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("forecast-form")));
		browser.get(url("/planning?years=3&groupBy=model&asOf=2070-03-01"));
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#forecast-chart canvas")));
		assertThat(browser.findElement(By.cssSelector("#forecast-chart canvas")).getSize().getHeight()).isGreaterThan(100);
		assertThat(browser.findElements(By.cssSelector("#forecast-table tr.year-row"))).hasSize(3);
		screenshot("planning-forecast-zh");
		assertThat(consoleErrors()).isEmpty();
	}
}
