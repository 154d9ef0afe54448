package io.watchkeeper.placement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.BrowserTestSupport;
import io.watchkeeper.support.TestUsers;

/**
 * The placement queue in headless Chromium: a dispatcher picks the precinct the list named, clicks the map
 * where the pole stands (in the neighbouring precinct), places it, and the cameras move there with the
 * precinct following the polygon; then skips the next pole and sees the progress change.
 */
class PlacementQueueBrowserTest extends BrowserTestSupport {

	static final String USER = "itpl-browser-dispatcher";
	static final String PASSWORD = "itpl-browser-secret";

	@Autowired
	JdbcTemplate jdbc;

	PlacementFixtures.Areas areas;
	long first;
	long second;

	@BeforeEach
	void fixtures() {
		TestUsers.ensure(jdbc, USER, PASSWORD, "DISPATCHER");
		jdbc.update("DELETE FROM placement_skip WHERE username = ?", USER);
		areas = PlacementFixtures.areas(jdbc, "ITPLB", 22.15);
		first = PlacementFixtures.site(jdbc, "PLQZ001", "測試路1號", areas.b(), 2, 300);
		second = PlacementFixtures.site(jdbc, "PLQZ002", "測試路2號", areas.b(), 1, 200);
		// address matching found only the road of the second pole: still where the map starts
		jdbc.update("DELETE FROM address_match_run WHERE started_by = 'it-pl-browser'");
		long run = jdbc.queryForObject("INSERT INTO address_match_run (started_by, auto_apply, finished_at) "
				+ "VALUES ('it-pl-browser', 'EXACT', now()) RETURNING id", Long.class);
		jdbc.update("""
				INSERT INTO address_match (run_id, site_id, camera_ids, address, kind, quality, matched_text, point, status)
				SELECT ?, ?, array_agg(c.id), '測試路2號', 'DOOR_PLATE', 'ROAD', '測試路',
				       ST_SetSRID(ST_MakePoint(121.75, 22.20), 4326), 'PROPOSED' FROM camera c WHERE c.site_id = ?""",
				run, second, second);
	}

	@Test
	void placesAPoleByClickingTheMapItsCamerasMoveAndThePrecinctFollowsThenSkips() throws Exception {
		logIn(USER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/placement?lang=en"));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("placement-page"), "data-ready", "true"));
		new Select(browser.findElement(By.id("pl-precinct"))).selectByValue("ITPLB-B");
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("placement-page"), "data-pole", "site:" + first));
		assertThat(browser.findElement(By.id("pl-code")).getText()).isEqualTo("PLQZ001");
		assertThat(browser.findElement(By.id("pl-address")).getText()).isEqualTo("測試路1號");
		assertThat(browser.findElement(By.id("pl-named-precinct")).getText()).isEqualTo("ITPLB B Precinct");
		assertThat(browser.findElements(By.cssSelector("#pl-cameras tr"))).hasSize(2);
		assertThat(browser.findElement(By.id("pl-cameras")).getText()).contains("PLQZ001-01", "90°", "LPR", "no heading");
		assertThat(browser.findElement(By.id("pl-remaining")).getText()).isEqualTo("2");
		assertThat(browser.findElement(By.id("pl-place")).isEnabled()).isFalse();
		long placedBefore = Long.parseLong(browser.findElement(By.id("pl-placed-today")).getText());

		// the map shows the named precinct B; its western neighbour A is visible left of it: the pole stands there
		WebElement map = browser.findElement(By.id("map"));
		Thread.sleep(400); // the fit to the precinct animates
		new Actions(browser).moveToElement(map, -map.getSize().getWidth() / 2 + 40, 0).click().perform();
		waitUpTo.until(ExpectedConditions.elementToBeClickable(By.id("pl-place")));
		double lon = Double.parseDouble(browser.findElement(By.id("pl-lon")).getAttribute("value"));
		assertThat(lon).isBetween(121.60, 121.70);
		assertThat(browser.findElements(By.cssSelector(".leaflet-marker-icon"))).hasSize(1);
		screenshot("placement-marker");
		browser.findElement(By.id("pl-place")).click();

		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("placement-page"), "data-pole", "site:" + second));
		assertThat(browser.findElement(By.id("pl-status")).getText()).contains("PLQZ001", "2 camera(s)", "ITPLB A Precinct");
		assertThat(jdbc.queryForList("""
				SELECT p.code FROM camera c JOIN precinct p ON p.id = c.precinct_id
				 WHERE c.site_id = ? AND c.location IS NOT NULL""", String.class, first)).containsExactly("ITPLB-A", "ITPLB-A");
		assertThat(jdbc.queryForObject("SELECT ST_X(location) FROM site WHERE id = ?", Double.class, first))
			.isCloseTo(lon, org.assertj.core.data.Offset.offset(0.00001));
		assertThat(browser.findElement(By.id("pl-remaining")).getText()).isEqualTo("1");
		assertThat(browser.findElement(By.id("pl-suggestion")).getText()).isEqualTo("Door-plate suggestion (road): 測試路 / ROAD");
		assertThat(Long.parseLong(browser.findElement(By.id("pl-placed-today")).getText())).isEqualTo(placedBefore + 1);

		// skip the second: it stays the only one, now marked skipped
		browser.findElement(By.id("pl-skip")).click();
		waitUpTo.until(ExpectedConditions.textToBe(By.id("pl-skipped"), "1"));
		assertThat(browser.findElement(By.id("pl-skipped-at")).isDisplayed()).isTrue();
		assertThat(jdbc.queryForObject("SELECT count(*) FROM placement_skip WHERE username = ? AND pole_id = ?",
				Long.class, USER, second)).isEqualTo(1);
		screenshot("placement-queue");

		// keyboard: N keeps the same single pole; Enter on the focused map drops the marker at its centre
		map.click();
		waitUpTo.until(ExpectedConditions.elementToBeClickable(By.id("pl-place")));
		assertThat(consoleErrors()).filteredOn(e -> !e.getMessage().contains("tile")).isEmpty();
	}
}
