package io.watchkeeper.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.BrowserTestSupport;

/**
 * Issue 9, item 12: the outage board fits a 390 px phone (emulated as a phone, not a narrowed desktop window, which
 * Chromium keeps wider), its table scrolls inside its own box to its last column, and the investigator reaches
 * the board from the navigation.
 */
class OutageBoardPhoneBrowserTest extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	MaintenanceFixtures.Ids ids;

	@BeforeEach
	void data() {
		ids = MaintenanceFixtures.ensure(jdbc);
	}

	@Test
	void theBoardFitsAPhoneForTheDispatcherAndTheInvestigator() throws Exception {
		long camera = MaintenanceFixtures.camera(jdbc, ids.precinctA(), ids.contract1(), null, null);
		jdbc.update("UPDATE camera SET address = '高雄市前鎮區中山二路與擴建路口往南第三支桿' WHERE id = ?", camera);
		MaintenanceFixtures.outage(jdbc, camera, 50);
		MaintenanceFixtures.outage(jdbc, MaintenanceFixtures.camera(jdbc, null, null, null, null), 2);
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));

		for (String user : new String[] { MaintenanceFixtures.INVESTIGATOR, MaintenanceFixtures.DISPATCHER }) {
			browser.manage().deleteAllCookies();
			logIn(user, MaintenanceFixtures.PASSWORD);
			waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
			browser.get(url("/cameras?lang=zh-TW"));
			String board = (String) browser.executeScript("return document.getElementById('nav-outages')?.getAttribute('href');");
			assertThat(board).as("%s: the outage board in the navigation", user).isEqualTo("/outages");
			browser.get(url("/outages?lang=zh-TW"));
			waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("outage-table")));
			Number viewport = (Number) browser.executeScript("return window.innerWidth;");
			assertThat(viewport.intValue()).isEqualTo(390);
			Number pageWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
			screenshot("outage-board-phone-" + user);
			assertThat(pageWidth.intValue()).as("%s: the board is no wider than the phone", user).isLessThanOrEqualTo(390);
			// the table's last column can be scrolled into view inside the table's own box
			Number lastRight = (Number) browser.executeScript("""
					const wrap = document.getElementById('outage-table').closest('.table-wrap');
					wrap.scrollLeft = wrap.scrollWidth;
					const cells = document.querySelectorAll('#outage-table thead th');
					return cells[cells.length - 1].getBoundingClientRect().right;""");
			assertThat(lastRight.doubleValue()).as("%s: the last column is reachable", user).isLessThanOrEqualTo(390.5);
		}
		assertThat(consoleErrors()).isEmpty();
	}
}
