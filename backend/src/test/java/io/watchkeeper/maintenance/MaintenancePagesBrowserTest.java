package io.watchkeeper.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.BrowserTestSupport;

/**
 * A dispatcher bulk-assigns two outages on the board to a contract; the vendor's technician, on a phone, starts
 * one and restores it with a note from "my work orders"; the dispatcher verifies and closes it.
 */
class MaintenancePagesBrowserTest extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	MaintenanceFixtures.Ids ids;

	@BeforeEach
	void data() {
		ids = MaintenanceFixtures.ensure(jdbc);
	}

	@Test
	void fromTheOutageBoardToAClosedOrder() throws Exception {
		// cameras no contract covers: their orders wait on the board for a dispatcher
		long camera1 = MaintenanceFixtures.camera(jdbc, null, null, null, null);
		long camera2 = MaintenanceFixtures.camera(jdbc, null, null, null, null);
		long outage1 = MaintenanceFixtures.outage(jdbc, camera1, 30);
		long outage2 = MaintenanceFixtures.outage(jdbc, camera2, 3);
		String tag1 = MaintenanceFixtures.assetTag(jdbc, camera1);

		logIn(MaintenanceFixtures.DISPATCHER, MaintenanceFixtures.PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/cameras?lang=en"));
		browser.findElement(By.id("nav-outages")).click();
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("outage-filters")));
		new Select(browser.findElement(By.name("contract"))).selectByValue("none");
		browser.findElement(By.cssSelector("#outage-filters button[type=submit]")).click();
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("outage-table")));
		browser.findElement(By.cssSelector("tr[data-outage='" + outage1 + "'] input.pick")).click();
		browser.findElement(By.cssSelector("tr[data-outage='" + outage2 + "'] input.pick")).click();
		new Select(browser.findElement(By.id("bulk-target"))).selectByValue("contract:" + ids.contract1());
		screenshot("outage-board-en");
		browser.findElement(By.id("bulk-submit")).click();
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("bulk-result")));
		assertThat(browser.findElement(By.id("bulk-result")).getText()).isEqualTo("2 assigned, 0 not assigned.");
		assertThat(browser.getCurrentUrl()).as("back on the filtered board").contains("contract=none");
		assertThat(browser.findElements(By.cssSelector("tr[data-outage='" + outage1 + "']")))
			.as("assigned to a contract, the outage leaves the 'no contract' view").isEmpty();
		browser.get(url("/outages?contract=" + ids.contract1() + "&lang=en"));
		WebElement row = browser.findElement(By.cssSelector("tr[data-outage='" + outage1 + "']"));
		assertThat(row.findElement(By.cssSelector(".assignee-cell")).getText()).contains("ITM-C1");
		long order = jdbc.queryForObject("SELECT id FROM work_order WHERE camera_id = ? AND kind = 'REPAIR'", Long.class, camera1);
		browser.manage().deleteAllCookies();

		// the technician, on a phone
		browser.manage().window().setSize(new Dimension(390, 844));
		logIn(MaintenanceFixtures.VENDOR1, MaintenanceFixtures.PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/my-work-orders?lang=zh-TW"));
		By card = By.cssSelector("article.my-order[data-id='" + order + "']");
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(card));
		assertThat(browser.findElement(card).findElement(By.cssSelector(".tag")).getText()).isEqualTo(tag1);
		Number pageWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
		Number viewport = (Number) browser.executeScript("return window.innerWidth;");
		assertThat(pageWidth.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(viewport.intValue());
		screenshot("my-work-orders-zh-phone");
		browser.findElement(card).findElement(By.cssSelector("button.start")).click();
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
		assertThat(browser.findElement(card).getAttribute("data-state")).isEqualTo("IN_PROGRESS");
		browser.findElement(card).findElement(By.cssSelector("textarea.restore-note")).sendKeys("更換電源供應器，影像恢復");
		browser.findElement(card).findElement(By.cssSelector("button.restore")).click();
		waitUpTo.until(ExpectedConditions.textToBe(By.id("notice"), "已回報修復，待派工人員驗收。"));
		assertThat(browser.findElements(card)).as("a restored order leaves the technician's open list? no: it stays until closed").hasSize(1);
		assertThat(browser.findElement(card).getAttribute("data-state")).isEqualTo("RESTORED");
		screenshot("my-work-orders-restored-zh-phone");
		browser.get(url("/work-orders/" + order + "?lang=zh-TW"));
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("order-state")));
		assertNoSidewaysScrolling("the order page on a phone");
		browser.manage().deleteAllCookies();

		// the dispatcher on a phone: the order page with its forms, the board's table scrolls inside its own box
		logIn(MaintenanceFixtures.DISPATCHER, MaintenanceFixtures.PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/work-orders/" + order + "?lang=zh-TW"));
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("close-note")));
		assertNoSidewaysScrolling("the dispatcher's order page on a phone");
		browser.get(url("/outages?lang=zh-TW"));
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("outage-table")));
		assertNoSidewaysScrolling("the outage board on a phone");
		browser.manage().deleteAllCookies();

		// the dispatcher verifies and closes
		browser.manage().window().setSize(new Dimension(1280, 900));
		logIn(MaintenanceFixtures.DISPATCHER, MaintenanceFixtures.PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/work-orders/" + order + "?lang=en"));
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("close-note")));
		assertThat(new Select(browser.findElement(By.id("close-resolution"))).getFirstSelectedOption().getAttribute("value"))
			.as("the restore's resolution is proposed").isEqualTo("RESTORED_BY_VENDOR");
		browser.findElement(By.id("close-note")).sendKeys("Picture checked on the video wall");
		browser.findElement(By.id("close-submit")).click();
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("order-state"), "data-state", "CLOSED"));
		assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("The order is closed.");
		assertThat(browser.findElements(By.cssSelector("#history-table tr.history-row")))
			.extracting(r -> r.getAttribute("data-action"))
			.containsExactly("OPENED", "ASSIGNED", "STARTED", "RESTORED", "CLOSED");
		assertThat(browser.findElement(By.id("order-resolution")).getAttribute("data-resolution")).isEqualTo("RESTORED_BY_VENDOR");
		screenshot("work-order-closed-en");
		assertThat(consoleErrors()).as("no console errors (CSP violations included)").isEmpty();
	}

	private void assertNoSidewaysScrolling(String what) {
		Number pageWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
		Number viewport = (Number) browser.executeScript("return window.innerWidth;");
		assertThat(pageWidth.intValue()).as(what + ": no sideways scrolling").isLessThanOrEqualTo(viewport.intValue());
	}
}
