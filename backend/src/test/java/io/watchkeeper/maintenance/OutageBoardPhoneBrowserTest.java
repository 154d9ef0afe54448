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
		// real contract names are long: the board's contract filter and bulk target list them in full
		jdbc.update("""
				INSERT INTO maintenance_contract (code, vendor_id, name_zh, name_en, starts_on, ends_on, response_hours, restore_hours)
				VALUES ('ITM-C-LONG-NAME-2026', ?, '高雄市政府警察局一百一十五年度前鎮分局暨所屬派出所路口監視錄影系統設備維護保養及故障修復勞務採購案',
				        'Kaohsiung City Police Department 2026 Qianzhen Precinct road camera maintenance and repair services contract',
				        current_date - 10, current_date + 300, 4, 24)
				ON CONFLICT (code) DO NOTHING""", ids.vendor1());
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
