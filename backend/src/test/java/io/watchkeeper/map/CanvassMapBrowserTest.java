package io.watchkeeper.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.BrowserTestSupport;
import io.watchkeeper.support.TestUsers;

/**
 * An investigator's canvass from the map, in headless Chromium, against the real case API and canvass engine:
 * right-click, "canvass here", the answer listed and drawn, footage requested for two cameras, one delivered and
 * useful, the CSV exported; and a route drawn by clicks. Prints the page time of the canvass (run clicked to list
 * and circle drawn) as "canvass page time: N ms".
 */
class CanvassMapBrowserTest extends BrowserTestSupport {

	static final String INVESTIGATOR = "itcv-investigator";
	static final String VIEWER = "itcv-viewer";
	static final String PASSWORD = "itcv-investigator-secret";

	/** A quiet spot in the hills of Qishan (Kaohsiung), away from other tests' cameras. */
	static final double LAT = 22.98765;
	static final double LON = 120.61234;

	static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
	static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@Autowired
	JdbcTemplate jdbc;

	/** The canvass window: two hours, starting two days ago on the hour (Taipei). */
	ZonedDateTime from;
	ZonedDateTime to;
	long caseId;
	String caseNumber;

	@BeforeEach
	void fixtures() {
		TestUsers.ensure(jdbc, INVESTIGATOR, PASSWORD, "INVESTIGATOR");
		TestUsers.ensure(jdbc, VIEWER, PASSWORD, "VIEWER");
		Long precinct = jdbc.queryForObject("SELECT min(id) FROM precinct", Long.class);
		jdbc.update("UPDATE app_user SET precinct_id = ? WHERE username = ?", precinct, INVESTIGATOR);
		from = ZonedDateTime.now(TAIPEI).minusDays(2).truncatedTo(ChronoUnit.HOURS);
		to = from.plusHours(2);

		// facing the point from 30 m north, never down: recording
		long near = camera("ITCV-NEAR", 0, 30, 180, "NONE");
		// facing it from 90 m east, down for half an hour inside the window: partly
		long partly = camera("ITCV-PARTLY", 90, 0, 270, "LPR");
		outage(partly, from.plusMinutes(30).toInstant(), from.plusMinutes(60).toInstant());
		// 150 m south looking away, down from before the window to after it, footage kept one day: expired
		long down = camera("ITCV-DOWN", 0, -150, 90, "NONE");
		outage(down, from.minusDays(1).toInstant(), to.plusHours(1).toInstant());
		jdbc.update("UPDATE camera SET retention_days = 1 WHERE id = ?", down);
		// on the route west of the point, outside the circle, facing west (oncoming traffic of an eastward route)
		long far = camera("ITCV-FAR", -400, 0, 270, "REALTIME_LPR");
		for (long id : List.of(near, partly, down, far)) {
			reportedUp(id);
		}

		caseNumber = "ITCV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		caseId = jdbc.queryForObject("""
				INSERT INTO investigation_case (case_number, title, crime_type, incident_from, incident_to, location, place,
				                                precinct_id, opened_by, opened_at)
				VALUES (?, 'ATM withdrawal', 'FRAUD', ?, ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), 'Qishan', ?, ?, now())
				RETURNING id""", Long.class, caseNumber, java.sql.Timestamp.from(from.toInstant()),
				java.sql.Timestamp.from(to.toInstant()), LON, LAT, precinct, INVESTIGATOR);
	}

	@Test
	void anInvestigatorCanvassesFromTheMapRequestsFootageRecordsAnOutcomeAndExportsTheList() throws Exception {
		logIn(INVESTIGATOR, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/map?case=" + caseId + "&lat=" + LAT + "&lon=" + LON + "&zoom=17&lang=en"));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-ready", "true"));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("canvass-panel"), "data-cases-loaded", "true"));

		// right-click at the incident (the map's centre): "canvass here"
		new Actions(browser).contextClick(browser.findElement(By.id("map"))).perform();
		waitUpTo.until(ExpectedConditions.elementToBeClickable(By.id("canvass-here"))).click();
		WebElement panel = waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.id("canvass-panel")));
		assertThat(new Select(browser.findElement(By.id("cv-case"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo(String.valueOf(caseId));
		assertThat(browser.findElement(By.id("cv-radius")).getAttribute("value")).isEqualTo("200");
		assertThat(browser.findElement(By.id("cv-point")).getText()).contains("22.987", "120.612");
		// the case's incident window fills the form (Taipei time)
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("cv-from"), "value", from.format(LOCAL_INPUT)));
		assertThat(browser.findElement(By.id("cv-to")).getAttribute("value")).isEqualTo(to.format(LOCAL_INPUT));

		// a window longer than seven days: the server's refusal named next to its field, nothing drawn
		setInput("cv-to", from.plusDays(8).format(LOCAL_INPUT));
		browser.findElement(By.id("cv-submit")).click();
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-canvass-state", "refused"));
		WebElement toError = browser.findElement(By.cssSelector(".canvass-field-error[data-for='cv-to']"));
		assertThat(toError.isDisplayed()).isTrue();
		assertThat(toError.getAttribute("data-field")).isEqualTo("to");
		assertThat(toError.getText()).isNotBlank();
		assertThat(browser.findElements(By.cssSelector("path.canvass-circle"))).isEmpty();
		screenshot("canvass-refused");

		setInput("cv-to", to.format(LOCAL_INPUT));
		browser.findElement(By.id("cv-submit")).click();
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-canvass-state", "drawn"));
		long pageTime = Long.parseLong(browser.findElement(By.id("map-page")).getAttribute("data-canvass-ms"));
		System.out.println("canvass page time: " + pageTime + " ms");
		assertThat(pageTime).isBetween(0L, 15_000L);
		assertThat(toError.isDisplayed()).isFalse();

		// the list, nearest first, coloured by availability; the circle and the two facing sectors drawn
		List<WebElement> rows = browser.findElements(By.cssSelector("#canvass-list .canvass-row"));
		assertThat(rows).extracting(r -> r.getAttribute("data-asset-tag"))
			.containsExactly("ITCV-NEAR", "ITCV-PARTLY", "ITCV-DOWN");
		assertThat(rows).extracting(r -> r.getAttribute("data-availability"))
			.containsExactly("RECORDING", "PARTLY", "DOWN");
		assertThat(rows.get(1).getAttribute("class")).contains("availability-PARTLY");
		assertThat(rows.get(2).getAttribute("class")).contains("availability-DOWN", "expired");
		// the point is where the right-click fell (a metre or two from the pixel to the map's centre)
		assertThat(distanceOf(rows.get(0))).isBetween(27, 33);
		assertThat(distanceOf(rows.get(1))).isBetween(87, 93);
		assertThat(distanceOf(rows.get(2))).isBetween(147, 153);
		assertThat(rows.get(0).getText()).contains("° (S), facing", "Recording", "Footage until");
		assertThat(rows.get(1).getText()).contains("° (W), facing", "LPR", "1 down in the window");
		assertThat(rows.get(2).getText()).contains("° (N), not facing", "Footage expired");
		assertThat(browser.findElement(By.id("canvass-summary")).getText())
			.isEqualTo("3 cameras found, 2 facing and recording, 1 expired");
		assertThat(browser.findElements(By.cssSelector("#map path.canvass-circle"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("#map path.canvass-sector"))).hasSize(2);
		assertThat(browser.findElements(By.cssSelector("#map path.canvass-camera.availability-RECORDING"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("#map path.canvass-camera.availability-PARTLY"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("#map path.canvass-camera.availability-DOWN"))).hasSize(1);
		long canvassId = Long.parseLong(browser.findElement(By.id("map-page")).getAttribute("data-canvass-id"));
		assertThat(browser.findElement(By.id("canvass-snapshot")).getAttribute("href"))
			.endsWith("/cases/" + caseId + "/canvasses/" + canvassId);
		// the partly-down camera's interval unfolds
		rows.get(1).findElement(By.cssSelector(".canvass-down summary")).click();
		assertThat(rows.get(1).findElement(By.cssSelector(".canvass-down-list")).getText())
			.contains(from.plusMinutes(30).toLocalTime().toString(), from.plusMinutes(60).toLocalTime().toString());
		screenshot("canvass-results");

		// a row pans to its camera and opens its popup; back returns to the whole canvass
		rows.get(2).findElement(By.cssSelector(".canvass-facts")).click();
		WebElement popup = waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".canvass-popup")));
		assertThat(popup.getText()).contains("ITCV-DOWN", "Down");
		assertThat(browser.getCurrentUrl()).contains("zoom=18", "case=" + caseId);
		browser.findElement(By.id("canvass-back")).click();
		waitUpTo.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".canvass-popup")));
		assertThat(browser.findElement(By.id("canvass-back")).isDisplayed()).isFalse();

		// footage requested for the two facing cameras; the nearest one delivered and useful
		for (int i = 0; i < 2; i++) {
			WebElement request = requestOf(rows, i);
			if (i == 1) {
				new Select(request.findElement(By.cssSelector(".canvass-priority"))).selectByValue("URGENT");
			}
			request.findElement(By.cssSelector(".request-footage")).click();
			int index = i;
			waitUpTo.until(d -> "REQUESTED".equals(requestOf(rows, index).getAttribute("data-state")));
		}
		requestOf(rows, 0).findElement(By.cssSelector(".answer-delivered")).click();
		waitUpTo.until(d -> "DELIVERED".equals(requestOf(rows, 0).getAttribute("data-state")));
		requestOf(rows, 0).findElement(By.cssSelector(".outcome-useful")).click();
		waitUpTo.until(d -> "USEFUL".equals(requestOf(rows, 0).getAttribute("data-outcome")));
		assertThat(requestOf(rows, 0).getText()).contains("Delivered", "Useful");
		assertThat(requestOf(rows, 1).getText()).contains("Requested", "due");
		screenshot("canvass-requests");
		List<Map<String, Object>> requests = jdbc.queryForList("""
				SELECT c.asset_tag, r.priority, r.state, r.outcome FROM footage_request r JOIN camera c ON c.id = r.camera_id
				 WHERE r.case_id = ? ORDER BY c.asset_tag""", caseId);
		assertThat(requests).extracting(r -> r.get("asset_tag"), r -> r.get("priority"), r -> r.get("state"),
				r -> r.get("outcome"))
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("ITCV-NEAR", "NORMAL", "DELIVERED", "USEFUL"),
					org.assertj.core.groups.Tuple.tuple("ITCV-PARTLY", "URGENT", "REQUESTED", null));

		// the CSV of the saved canvass, fetched in the investigator's session: UTF-8 with a BOM, the rows in order
		String href = browser.findElement(By.id("canvass-csv")).getAttribute("href");
		byte[] csv = Base64.getDecoder().decode((String) browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], { credentials: 'same-origin' })
				  .then((r) => r.ok ? r.arrayBuffer() : Promise.reject(new Error('HTTP ' + r.status)))
				  .then((b) => done(btoa(String.fromCharCode(...new Uint8Array(b)))))
				  .catch((e) => done(btoa('failed: ' + e.message)));""", href));
		assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
		List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
		// a header line, then the cameras nearest first (one line each)
		assertThat(lines.get(0)).doesNotContain("ITCV-");
		assertThat(lines.stream().filter(l -> l.contains("ITCV-")).map(l -> l.replaceAll(".*(ITCV-[A-Z]+).*", "$1")))
			.containsExactly("ITCV-NEAR", "ITCV-PARTLY", "ITCV-DOWN");

		// the saved snapshot page of the case (the case pages' own)
		browser.findElement(By.id("canvass-snapshot")).click();
		waitUpTo.until(ExpectedConditions.urlContains("/cases/" + caseId + "/canvasses/" + canvassId));
		assertThat(browser.findElement(By.tagName("body")).getText()).contains(caseNumber, "ITCV-NEAR", "ITCV-DOWN");
		screenshot("canvass-snapshot");
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	@Test
	void aRouteDrawnByClicksListsTheCamerasAlongIt() throws Exception {
		logIn(INVESTIGATOR, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/map?case=" + caseId + "&lat=" + LAT + "&lon=" + LON + "&zoom=16&lang=en"));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-ready", "true"));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("canvass-panel"), "data-cases-loaded", "true"));

		// the legend folded, so that the map's lower right takes the clicks of the route
		if ("true".equals(browser.findElement(By.id("legend-toggle")).getAttribute("aria-expanded"))) {
			browser.findElement(By.id("legend-toggle")).click();
		}
		browser.findElement(By.id("route-button")).click();
		waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.id("cv-half-width")));
		assertThat(browser.findElement(By.id("cv-half-width")).getAttribute("value")).isEqualTo("50");
		// eastwards along the point's parallel, from 450 m west to 200 m east (about 2.2 m a pixel at zoom 16),
		// with a stray point taken back
		double metresPerPixel = 156543.03392 * Math.cos(Math.toRadians(LAT)) / Math.pow(2, 16);
		WebElement map = browser.findElement(By.id("map"));
		clickAt(map, -450 / metresPerPixel, 0);
		clickAt(map, 0, 60);
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-route-points", "2"));
		browser.findElement(By.id("cv-route-undo")).click();
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-route-points", "1"));
		clickAt(map, 200 / metresPerPixel, 0);
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-route-points", "2"));
		browser.findElement(By.id("cv-route-finish")).click();
		assertThat(browser.findElement(By.id("cv-route-count")).getText()).isEqualTo("2 points (at most 500)");
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("cv-from"), "value", from.format(LOCAL_INPUT)));
		screenshot("route-drawn");

		browser.findElement(By.id("cv-submit")).click();
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-canvass-state", "drawn"));
		List<WebElement> rows = browser.findElements(By.cssSelector("#canvass-list .canvass-row"));
		// along the route from its start; the camera 150 m south lies outside the 50 m corridor
		assertThat(rows).extracting(r -> r.getAttribute("data-asset-tag"))
			.containsExactly("ITCV-FAR", "ITCV-NEAR", "ITCV-PARTLY");
		assertThat(rows.get(0).getText()).contains("faces oncoming travel", "Real-time LPR");
		assertThat(rows.get(1).getText()).contains("m off the route");
		assertThat(browser.findElements(By.cssSelector("#map path.canvass-route"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("#map path.canvass-corridor"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("#map path.canvass-circle"))).isEmpty();
		assertThat(browser.findElement(By.id("canvass-results")).getAttribute("data-kind")).isEqualTo("ROUTE");
		screenshot("route-results");
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	@Test
	void otherMapReadersDoNotGetTheTool() {
		logIn(VIEWER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/map?case=" + caseId + "&lat=" + LAT + "&lon=" + LON + "&zoom=16&lang=en"));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-ready", "true"));
		assertThat(browser.findElements(By.id("canvass-panel"))).isEmpty();
		assertThat(browser.findElements(By.id("canvass-button"))).isEmpty();
		new Actions(browser).contextClick(browser.findElement(By.id("map"))).perform();
		assertThat(browser.findElements(By.id("canvass-here"))).isEmpty();
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	/** The distance a row gives, in metres. */
	private static int distanceOf(WebElement row) {
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) m, bearing")
			.matcher(row.findElement(By.cssSelector(".canvass-facts")).getText());
		assertThat(m.find()).as("a distance in %s", row.getText()).isTrue();
		return Integer.parseInt(m.group(1));
	}

	private static WebElement requestOf(List<WebElement> rows, int index) {
		return rows.get(index).findElement(By.cssSelector(".canvass-request"));
	}

	private void clickAt(WebElement map, double dx, double dy) {
		new Actions(browser).moveToElement(map, (int) Math.round(dx), (int) Math.round(dy)).click().perform();
		// two clicks closer together than a double-click's interval would be one double-click
		new Actions(browser).pause(java.time.Duration.ofMillis(400)).perform();
	}

	/** Types into a datetime-local field as a person's browser would have it (the value and its input event). */
	private void setInput(String id, String value) {
		browser.executeScript("""
				const field = document.getElementById(arguments[0]);
				field.value = arguments[1];
				field.dispatchEvent(new Event('input', { bubbles: true }));
				field.dispatchEvent(new Event('change', { bubbles: true }));""", id, value);
	}

	/** A camera {@code east} and {@code north} metres from the point, facing {@code heading}, 90° wide, 150 m. */
	private long camera(String tag, double east, double north, int heading, String lpr) {
		double lat = LAT + north / 111_320.0;
		double lon = LON + east / (111_320.0 * Math.cos(Math.toRadians(LAT)));
		jdbc.update("""
				INSERT INTO camera (asset_tag, location, precinct_id, install_date, status, lpr, heading_deg, fov_deg, range_m)
				SELECT ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), (SELECT min(id) FROM precinct), DATE '2024-01-01',
				       'ACTIVE', ?, ?, 90, 150
				 WHERE NOT EXISTS (SELECT 1 FROM camera WHERE asset_tag = ?)""", tag, lon, lat, lpr, heading, tag);
		long id = jdbc.queryForObject("SELECT id FROM camera WHERE asset_tag = ?", Long.class, tag);
		jdbc.update("UPDATE camera SET retention_days = NULL WHERE id = ?", id);
		jdbc.update("DELETE FROM outage WHERE camera_id = ? AND source = 'itcv'", id);
		return id;
	}

	private void outage(long cameraId, Instant started, Instant ended) {
		jdbc.update("""
				INSERT INTO outage (camera_id, started_at, ended_at, cause, detected_at, source)
				VALUES (?, ?, ?, 'REPORTED_DOWN', ?, 'itcv')""", cameraId, java.sql.Timestamp.from(started),
				java.sql.Timestamp.from(ended), java.sql.Timestamp.from(started));
	}

	/** Health data covering the window: the camera reported from well before it and still reports. */
	private void reportedUp(long cameraId) {
		Instant first = from.minusDays(10).toInstant();
		jdbc.update("""
				INSERT INTO camera_health (camera_id, first_seen_at, last_seen_at, up, state_since, source, updated_at)
				VALUES (?, ?, now(), true, ?, 'itcv', now())
				ON CONFLICT (camera_id) DO UPDATE SET first_seen_at = EXCLUDED.first_seen_at, last_seen_at = now()""",
				cameraId, java.sql.Timestamp.from(first), java.sql.Timestamp.from(first));
	}

	/** Severe console entries other than failed tile fetches (no tile server in the test). */
	private List<LogEntry> unexpectedConsoleErrors() {
		return consoleErrors().stream()
			.filter(e -> !(e.getMessage().contains("Failed to load resource")
					&& (e.getMessage().contains("/api/map/") || e.getMessage().contains("tile"))))
			.filter(e -> !e.getMessage().contains("tile.openstreetmap.org"))
			// the refused canvass (400) is the browser's own console line for a failed fetch
			.filter(e -> !(e.getMessage().contains("Failed to load resource") && e.getMessage().contains("/canvasses")
					&& e.getMessage().contains("400")))
			.toList();
	}
}
