package io.watchkeeper.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.BrowserTestSupport;
import io.watchkeeper.support.TestUsers;

/**
 * The map page in headless Chromium. The page must work (legend, layers, address bar, language) even when the
 * map API or the tile server cannot be reached; the tests that need the real API are marked.
 */
class MapPageBrowserTest extends BrowserTestSupport {

	static final String USER = "itmap-viewer";
	static final String PASSWORD = "itmap-viewer-secret";

	static final String DISPATCHER = "itmap-dispatcher";

	/** A quiet spot in Taoyuan District (Kaohsiung), away from other tests' cameras. */
	static final double LAT = 23.05010;
	static final double LON = 120.70010;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void user() {
		TestUsers.ensure(jdbc, USER, PASSWORD, "VIEWER");
		TestUsers.ensure(jdbc, DISPATCHER, PASSWORD, "DISPATCHER");
	}

	@Test
	void theMapDrawsItsLegendAndLayersKeepsItsViewInTheAddressAndSwitchesLanguage() throws Exception {
		logIn(USER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/cameras?lang=zh-TW"));
		browser.findElement(By.id("nav-map")).click();
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-ready", "true"));

		// legend, layer control and the panel in Chinese
		WebElement legend = waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.id("map-legend")));
		assertThat(legend.getText()).contains("圖例", "斷訊中", "正常", "已屆齡", "即時車牌辨識攝影機");
		WebElement layers = browser.findElement(By.cssSelector(".leaflet-control-layers"));
		assertThat(layers.getText()).contains("攝影機", "分局界線", "行政區界線", "各區停機情形");
		assertThat(browser.findElement(By.cssSelector(".map-panel h1")).getText()).isEqualTo("地圖");
		assertThat(browser.findElements(By.cssSelector("#f-precinct option"))).hasSizeGreaterThanOrEqualTo(18);

		// the address bar holds the view from the start
		waitUpTo.until(ExpectedConditions.urlMatches("[?&]lat=22\\.63.*[&]lon=120\\.31.*[&]zoom=12"));

		// moving and zooming the map changes it
		new Actions(browser).moveToElement(browser.findElement(By.id("map"))).clickAndHold().moveByOffset(-150, 80)
			.release().perform();
		waitUpTo.until(d -> !d.getCurrentUrl().contains("lon=120.31000"));
		browser.findElement(By.cssSelector(".leaflet-control-zoom-in")).click();
		waitUpTo.until(ExpectedConditions.urlContains("zoom=13"));
		String moved = browser.getCurrentUrl();
		assertThat(moved).containsPattern("lat=\\d+\\.\\d{5}").containsPattern("lon=\\d+\\.\\d{5}");

		// a filter goes into the address too
		new Select(browser.findElement(By.id("f-lpr"))).selectByValue("REALTIME_LPR");
		waitUpTo.until(ExpectedConditions.urlContains("lpr=REALTIME_LPR"));
		browser.findElement(By.id("f-state-OUTAGE")).click();
		waitUpTo.until(ExpectedConditions.urlContains("state=OUTAGE"));
		screenshot("map-zh");

		// the language switch keeps the view and the filters and relabels everything
		browser.findElement(By.id("lang-en")).click();
		waitUpTo.until(ExpectedConditions.textToBe(By.cssSelector(".map-panel h1"), "Map"));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-ready", "true"));
		assertThat(browser.getCurrentUrl()).contains("zoom=13", "lpr=REALTIME_LPR", "state=OUTAGE");
		assertThat(new Select(browser.findElement(By.id("f-lpr"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("REALTIME_LPR");
		assertThat(browser.findElement(By.id("f-state-OUTAGE")).isSelected()).isTrue();
		assertThat(browser.findElement(By.id("map-legend")).getText()).contains("Legend", "In outage", "Working",
				"Past end of life", "Real-time LPR camera");
		assertThat(browser.findElement(By.cssSelector(".leaflet-control-layers")).getText())
			.contains("Cameras", "Precinct boundaries", "District boundaries", "Downtime by area");
		assertThat(browser.findElement(By.id("nav-map")).getText()).isEqualTo("Map");

		// toggling a layer is kept in the address
		WebElement districts = browser.findElements(By.cssSelector(".leaflet-control-layers-overlays label")).stream()
			.filter(l -> l.getText().contains("District boundaries"))
			.findFirst()
			.orElseThrow();
		districts.findElement(By.tagName("input")).click();
		waitUpTo.until(ExpectedConditions.urlContains("districts"));
		screenshot("map-en");

		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	@Test
	void withoutTheMapApiThePageSaysSoQuietlyAndKeepsWorking() {
		logIn(USER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/map?lat=22.6&lon=120.3&zoom=14&lang=en"));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-ready", "true"));
		// either the API answered (drawn) or its failure is a notice, never an uncaught error
		waitUpTo.until(d -> {
			String loaded = d.findElement(By.id("map-page")).getAttribute("data-loaded");
			return loaded != null && !loaded.isEmpty();
		});
		String loaded = browser.findElement(By.id("map-page")).getAttribute("data-loaded");
		if ("failed".equals(loaded)) {
			assertThat(browser.findElement(By.id("api-notice")).isDisplayed()).isTrue();
			assertThat(browser.findElement(By.id("api-notice")).getText()).startsWith("Map data could not be loaded");
		}
		assertThat(browser.getCurrentUrl()).contains("lat=22.60000", "lon=120.30000", "zoom=14");
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	@Test
	void aPeriodPresetGoesIntoTheAddressAndTheLegendShowsThePeriod() {
		logIn(USER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/map?lat=22.6&lon=120.3&zoom=12&lang=en"));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-ready", "true"));
		LocalDate today = LocalDate.parse(browser.findElement(By.id("map-page")).getAttribute("data-today"));

		new Select(browser.findElement(By.id("c-period"))).selectByValue("7d");
		waitUpTo.until(ExpectedConditions.urlContains("period=7d"));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-areas-loaded", "true"));
		String period = "Period: " + today.minusDays(6) + " to " + today;
		waitUpTo.until(ExpectedConditions.textToBePresentInElementLocated(By.id("map-legend"), period));
		assertThat(browser.getCurrentUrl()).contains("metric=");

		// the link reproduces it; an impossible custom period is refused next to the dates
		browser.get(url("/map?lat=22.6&lon=120.3&zoom=12&lang=en&metric=downtimeHours&period=custom"
				+ "&from=2026-03-10&to=2026-03-01"));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-ready", "true"));
		assertThat(new Select(browser.findElement(By.id("c-period"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("custom");
		assertThat(browser.findElement(By.id("c-period-error")).getText())
			.isEqualTo("The first day must not be after the last day.");
		assertThat(browser.findElement(By.id("map-legend")).getText()).doesNotContain("Period:");
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	@Test
	void aFilterChangesWhatIsDrawn() {
		long plain = camera("ITMAP-PLAIN", "NONE", LON, LAT);
		long lpr = camera("ITMAP-LPR", "LPR", LON + 0.0002, LAT);
		logIn(USER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/map?lat=" + LAT + "&lon=" + LON + "&zoom=18&lang=en"));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-loaded", "true"));
		waitUpTo.until(d -> drawn().contains(plain + ":") && drawn().contains(lpr + ":"));
		assertThat(browser.findElement(By.id("map-page")).getAttribute("data-mode")).isEqualTo("cameras");
		// drawn on the canvas renderer, not as SVG paths
		assertThat(browser.findElements(By.cssSelector("#map canvas"))).isNotEmpty();
		assertThat(browser.findElements(By.cssSelector("#map svg path.leaflet-interactive"))).isEmpty();

		new Select(browser.findElement(By.id("f-lpr"))).selectByValue("LPR");
		waitUpTo.until(d -> !drawn().contains(plain + ":"));
		assertThat(drawn()).contains(lpr + ":WORKING");
		assertThat(browser.getCurrentUrl()).contains("lpr=LPR");

		browser.findElement(By.id("f-reset")).click();
		waitUpTo.until(d -> drawn().contains(plain + ":"));
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	@Test
	void aCameraPopupShowsThatCamera() throws Exception {
		long id = camera("ITMAP-POP", "REALTIME_LPR", LON + 0.0010, LAT + 0.0010);
		logIn(USER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		// the link the camera page gives: centred on the camera with its popup open
		browser.get(url("/cameras/" + id + "?lang=en"));
		browser.findElement(By.id("show-on-map")).click();
		WebElement popup = waitUpTo
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".camera-popup[data-camera-id='" + id + "']")));
		assertThat(popup.findElement(By.cssSelector(".camera-link")).getText()).isEqualTo("ITMAP-POP");
		assertThat(popup.getText()).contains("Real-time LPR", "facing 90° (E), 60° wide, 40 m");
		// a viewer may not see work orders: no row at all rather than a false "none"
		assertThat(popup.getText()).doesNotContain("No open work order", "Open work order");
		assertThat(popup.findElements(By.cssSelector(".popup-order"))).isEmpty();
		assertThat(browser.getCurrentUrl()).contains("camera=" + id, "zoom=18");
		screenshot("map-popup");

		// closing it takes it out of the address; clicking the camera (at the centre of the map again: the popup
		// may have panned the map to fit) opens it again
		browser.findElement(By.cssSelector(".leaflet-popup-close-button")).click();
		waitUpTo.until(d -> !d.getCurrentUrl().contains("camera="));
		browser.get(url("/map?lat=" + (LAT + 0.0010) + "&lon=" + (LON + 0.0010) + "&zoom=18&lang=en"));
		waitUpTo.until(d -> drawn().contains(id + ":"));
		new Actions(browser).moveToElement(browser.findElement(By.id("map"))).click().perform();
		waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".camera-popup[data-camera-id='" + id + "']")));
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}


	@Test
	void aLinkedCameraOpensItsPopupAtTheCameraKeepingTheViewOrPanningToIt() throws Exception {
		long id = camera("ITMAP-LINKED", "NONE", LON + 0.0010, LAT + 0.0010);
		String at = String.format(Locale.ROOT, "%.6f,%.6f", LAT + 0.0010, LON + 0.0010);
		logIn(USER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

		// the view of the link is ~110 m north of the camera: kept, the popup at the camera, well below the centre
		browser.get(url("/map?lat=" + (LAT + 0.0020) + "&lon=" + (LON + 0.0010) + "&zoom=18&lang=en&camera=" + id));
		waitUpTo.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector(".camera-popup[data-camera-id='" + id + "']")));
		assertThat(browser.findElement(By.id("map-page")).getAttribute("data-popup-at")).isEqualTo(at);
		Rectangle map = browser.findElement(By.id("map")).getRect();
		Rectangle tip = browser.findElement(By.cssSelector(".leaflet-popup-tip-container")).getRect();
		assertThat(tip.getY() - (map.getY() + map.getHeight() / 2)).as("the tip lies south of the centre, at the camera")
			.isGreaterThan(100);
		assertThat(browser.getCurrentUrl()).contains("lat=" + String.format(Locale.ROOT, "%.5f", LAT + 0.0020), "camera=" + id);
		screenshot("map-linked-camera-in-view");

		// a link whose view does not hold the camera: the map pans to it
		browser.get(url("/map?lat=22.63&lon=120.31&zoom=18&lang=en&camera=" + id));
		waitUpTo.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector(".camera-popup[data-camera-id='" + id + "']")));
		assertThat(browser.findElement(By.id("map-page")).getAttribute("data-popup-at")).isEqualTo(at);
		waitUpTo.until(ExpectedConditions.urlContains("lat=23.05"));
		assertThat(browser.getCurrentUrl()).contains("zoom=18");
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	@Test
	void aDispatcherSeesTheWorkOrderRowAndNoneWhenThereIsNone() {
		long id = camera("ITMAP-DISPATCH", "NONE", LON + 0.0020, LAT - 0.0010);
		logIn(DISPATCHER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/map?lat=" + (LAT - 0.0010) + "&lon=" + (LON + 0.0020) + "&zoom=18&lang=en&camera=" + id));
		WebElement popup = waitUpTo.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector(".camera-popup[data-camera-id='" + id + "']")));
		waitUpTo.until(d -> !popup.findElements(By.cssSelector(".popup-order")).isEmpty());
		assertThat(popup.findElement(By.cssSelector(".popup-order")).getText()).isEqualTo("No open work order");
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	@Test
	void anEndedSessionSaysSoStopsAndLeadsThroughTheLoginBackToTheSameView() {
		logIn(USER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/map?lat=" + LAT + "&lon=" + LON + "&zoom=17&lang=en"));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-loaded", "true"));
		assertThat(browser.findElement(By.id("session-notice")).isDisplayed()).isFalse();

		browser.manage().deleteCookieNamed("JSESSIONID");
		browser.findElement(By.cssSelector(".leaflet-control-zoom-out")).click();
		WebElement notice = waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.id("session-notice")));
		assertThat(notice.getText()).isEqualTo("Your session has expired. Log in again");
		assertThat(browser.findElement(By.id("map-page")).getAttribute("data-session")).isEqualTo("ended");
		assertThat(browser.findElement(By.id("map-status")).getText()).isEqualTo("Not updated: your session has expired.");
		assertThat(browser.findElement(By.id("api-notice")).isDisplayed()).isFalse();
		String view = browser.getCurrentUrl();
		assertThat(view).contains("zoom=16");

		// the link leads through the login page back to the same view
		notice.findElement(By.id("session-login")).click();
		waitUpTo.until(ExpectedConditions.urlContains("/login"));
		browser.findElement(By.id("username")).sendKeys(USER);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		browser.findElement(By.id("login-submit")).click();
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-loaded", "true"));
		assertThat(browser.getCurrentUrl()).contains("/map?", "lat=" + String.format(Locale.ROOT, "%.5f", LAT), "zoom=16");
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	@Test
	void underADistrictChoroplethAClickGivesTheDistrictNotThePrecinctOnTop() {
		logIn(USER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/map?lat=22.63&lon=120.31&zoom=12&lang=en&layers=precincts,choropleth&areas=district&metric=availability"));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-areas-loaded", "true"));
		// the availability scale runs over a fixed, rounded domain: 100 % down to 95 % (or the worst whole percent)
		assertThat(browser.findElement(By.cssSelector("#legend-body .ramp-good")).getText()).isEqualTo("100 %");
		String bad = browser.findElement(By.cssSelector("#legend-body .ramp-bad")).getText();
		assertThat(bad).matches("\\d{1,2} %");
		assertThat(Integer.parseInt(bad.replace(" %", ""))).isLessThanOrEqualTo(95);
		waitUpTo.until(d -> !d.findElements(By.cssSelector(".precinct-label")).isEmpty());
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-area-clicks", "district"));
		new Actions(browser).moveToElement(browser.findElement(By.id("map"))).click().perform();
		WebElement popup = waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup")));
		assertThat(popup.getAttribute("data-area-kind")).isEqualTo("district");
		waitUpTo.until(d -> popup.getText().contains("Cameras in service"));
		assertThat(popup.findElement(By.tagName("h3")).getText()).doesNotEndWith("Precinct");
		assertThat(popup.getText()).contains("Recording (incl. past end of life)");
		browser.findElement(By.cssSelector(".leaflet-popup-close-button")).click();

		// without the choropleth the precinct lines answer again
		WebElement choropleth = browser.findElements(By.cssSelector(".leaflet-control-layers-overlays label")).stream()
			.filter(l -> l.getText().contains("Downtime by area"))
			.findFirst()
			.orElseThrow();
		choropleth.findElement(By.tagName("input")).click();
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-area-clicks", "boundaries"));
		new Actions(browser).moveToElement(browser.findElement(By.id("map"))).click().perform();
		WebElement precinct = waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup")));
		assertThat(precinct.getAttribute("data-area-kind")).isEqualTo("precinct");
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	@Test
	void yearFiltersAreCheckedInThePageAndARefusalIsSaidInThePagesLanguage() throws Exception {
		logIn(USER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/map?lat=" + LAT + "&lon=" + LON + "&zoom=17&lang=zh-TW"));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-loaded", "true"));

		WebElement from = browser.findElement(By.id("f-installFrom"));
		from.sendKeys("2200", "\t");
		waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-install-error")));
		assertThat(browser.findElement(By.id("f-install-error")).getText()).isEqualTo("請輸入 1990 至 2100 之間的年份。");
		assertThat(from.getAttribute("aria-invalid")).isEqualTo("true");
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-loaded", "invalid"));
		assertThat(browser.findElement(By.id("map-page")).getAttribute("data-stale")).isEqualTo("true");
		assertThat(browser.findElement(By.id("map-status")).getText()).isEqualTo("未更新：請修正上方的篩選條件。");

		from.clear();
		from.sendKeys("2020", "\t");
		WebElement to = browser.findElement(By.id("f-installTo"));
		to.sendKeys("2010", "\t");
		waitUpTo.until(ExpectedConditions.textToBe(By.id("f-install-error"), "起始年份不可晚於結束年份。"));
		to.clear();
		to.sendKeys("2030", "\t");
		waitUpTo.until(ExpectedConditions.invisibilityOfElementLocated(By.id("f-install-error")));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-loaded", "true"));
		assertThat(browser.getCurrentUrl()).contains("installFrom=2020", "installTo=2030");

		// a refusal of the server (here forced) is said in Chinese, naming the field, never in the server's English
		browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
				(() => {
				  const real = window.fetch.bind(window);
				  window.fetch = (input, init) => String(input).includes('/api/map/cameras?')
				    ? Promise.resolve(new Response(JSON.stringify({ title: 'Invalid input',
				        detail: 'eolFrom must be a year from 1990 to 2100', errors: [{ field: 'eolFrom', message: 'x' }] }),
				        { status: 400, headers: { 'Content-Type': 'application/problem+json' } }))
				    : real(input, init);
				})();"""));
		browser.navigate().refresh();
		WebElement notice = waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-notice")));
		assertThat(notice.getText()).isEqualTo("地圖資料無法載入：請檢查「屆齡年度（西元） 自」。").doesNotContain("must");
		assertThat(browser.findElement(By.id("map-status")).getText()).isEqualTo("未更新：地圖資料無法載入，畫面所示可能不是最新。");
		screenshot("map-refused-zh");
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	@Test
	void pastEndOfLifeCamerasCountInTheCoverageAndTheLegendExplainsIt() {
		long old = camera("ITMAP-OLD", "NONE", LON + 0.0100, LAT + 0.0100);
		jdbc.update("UPDATE camera SET install_date = DATE '2012-01-01' WHERE id = ?", old);
		long planned = camera("ITMAP-PLANNED", "NONE", LON + 0.0102, LAT + 0.0100);
		jdbc.update("UPDATE camera SET status = 'PLANNED' WHERE id = ?", planned);
		logIn(USER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/map?lat=" + (LAT + 0.0100) + "&lon=" + (LON + 0.0101) + "&zoom=18&lang=en&layers=cameras,fov,coverage"));
		waitUpTo.until(d -> drawn().contains(" " + old + ":PAST_EOL ") && drawn().contains(" " + planned + ":PLANNED "));
		String covering = " " + browser.findElement(By.id("map-page")).getAttribute("data-covering") + " ";
		assertThat(covering).contains(" " + old + " ").doesNotContain(" " + planned + " ");
		WebElement legend = browser.findElement(By.id("legend-body"));
		assertThat(legend.findElement(By.cssSelector(".legend-coverage")).getText())
			.isEqualTo("Coverage: where a recording camera looks (past end of life included)");
		assertThat(legend.findElement(By.cssSelector(".legend-fov")).getText()).isEqualTo("Field of view (zoom 17+)");
		assertThat(legend.findElement(By.id("legend-precedence")).getText()).contains("in outage, then faulty, then past end of life");
		assertThat(browser.findElement(By.id("map-status")).getText()).matches("\\d+ cameras in view");
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	@Test
	void theOutageBoardsMapLinkKeepsItsPrecinctAsTheMapsFilter() {
		Map<String, Object> precinct = jdbc.queryForMap("SELECT id, code FROM precinct ORDER BY code LIMIT 1");
		logIn(USER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/outages?lang=en&precinct=" + precinct.get("id")));
		browser.findElement(By.id("outages-on-map")).click();
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-ready", "true"));
		assertThat(browser.getCurrentUrl()).contains("precinct=" + precinct.get("code"), "state=OUTAGE");
		assertThat(new Select(browser.findElement(By.id("f-precinct"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo(precinct.get("code"));
		browser.get(url("/outages?lang=en"));
		assertThat(browser.findElement(By.id("outages-on-map")).getAttribute("href")).doesNotContain("precinct=");
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	@Test
	void atAPhonesWidthTheNoticesDoNotCoverAnOpenPopup() throws Exception {
		long id = camera("ITMAP-PHONE", "NONE", LON - 0.0020, LAT + 0.0010);
		// a refusal of the viewport (forced) adds a notice to the tile server's; the popup's own facts still come
		browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
				(() => {
				  const real = window.fetch.bind(window);
				  window.fetch = (input, init) => String(input).includes('/api/map/cameras?')
				    ? Promise.resolve(new Response('{"title":"Service Unavailable"}',
				        { status: 503, headers: { 'Content-Type': 'application/problem+json' } }))
				    : real(input, init);
				})();"""));
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
		logIn(USER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/map?lat=" + (LAT + 0.0010) + "&lon=" + (LON - 0.0020) + "&zoom=18&lang=zh-TW&camera=" + id));
		waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-notice")));
		assertThat(browser.findElement(By.id("api-notice")).getText()).isEqualTo("地圖資料無法載入：HTTP 503");
		By popup = By.cssSelector(".leaflet-popup");
		waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".camera-popup[data-camera-id='" + id + "']")));
		waitUpTo.until(d -> {
			int noticesBottom = d.findElements(By.cssSelector("#map-notices .map-notice")).stream()
				.filter(WebElement::isDisplayed)
				.mapToInt(n -> n.getRect().getY() + n.getRect().getHeight())
				.max()
				.orElse(0);
			return d.findElement(popup).getRect().getY() >= noticesBottom;
		});
		screenshot("map-phone-popup-below-notices");

		// the camera goes down: the popup refreshes in place, grows, and a changes notice appears; it stays clear
		jdbc.update("UPDATE outage SET ended_at = now() WHERE camera_id = ? AND ended_at IS NULL", id);
		jdbc.update("INSERT INTO outage (camera_id, started_at, cause, source) VALUES (?, now(), 'MANUAL', 'itmap')", id);
		new WebDriverWait(browser, Duration.ofSeconds(45)).until(d -> !"0".equals(
				Objects.toString(d.findElement(By.id("map-page")).getAttribute("data-popup-refreshes"), "0")));
		waitUpTo.until(d -> {
			int noticesBottom = d.findElements(By.cssSelector("#map-notices .map-notice")).stream()
				.filter(WebElement::isDisplayed)
				.mapToInt(n -> n.getRect().getY() + n.getRect().getHeight())
				.max()
				.orElse(0);
			return d.findElement(popup).getRect().getY() >= noticesBottom;
		});
		assertThat(browser.findElement(By.cssSelector(".camera-popup[data-camera-id='" + id + "']")).getText())
			.contains("斷訊中")
			.as("times in ISO form, Taipei").containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} – ");
		screenshot("map-phone-popup-refreshed-below-notices");
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	@Test
	void anOutageAppearsWithoutReloading() throws Exception {
		long id = camera("ITMAP-DOWN", "NONE", LON - 0.0010, LAT - 0.0010);
		jdbc.update("UPDATE outage SET ended_at = now() WHERE camera_id = ? AND ended_at IS NULL", id);
		logIn(USER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/map?lat=" + (LAT - 0.0010) + "&lon=" + (LON - 0.0010) + "&zoom=18&lang=en"));
		waitUpTo.until(d -> drawn().contains(id + ":WORKING"));
		browser.executeScript("document.getElementById('map-page').dataset.marker = 'same page';");
		// its popup open (the camera is at the centre)
		new Actions(browser).moveToElement(browser.findElement(By.id("map"))).click().perform();
		By popup = By.cssSelector(".camera-popup[data-camera-id='" + id + "']");
		waitUpTo.until(d -> d.findElement(popup).getText().contains("No recent outages"));
		assertThat(browser.findElement(popup).findElement(By.cssSelector(".popup-state")).getText()).isEqualTo("Working");
		Thread.sleep(800); // a popup that did not fit has panned the map (0.25 s) and the view been asked for again
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-loaded", "true"));
		String view = browser.getCurrentUrl();
		Rectangle before = browser.findElement(By.cssSelector(".leaflet-popup")).getRect();

		// the outage as the health feed records it (an open outage row)
		jdbc.update("""
				INSERT INTO outage (camera_id, started_at, cause, detected_at, source)
				VALUES (?, now(), 'REPORTED_DOWN', now(), 'ITMAP test')""", id);
		new WebDriverWait(browser, Duration.ofSeconds(45))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("changes-notice")));
		assertThat(browser.findElement(By.id("changes-notice")).getText())
			.startsWith("Outages in the city: 1 new, ") // other tests' outages may have cleared meanwhile
			.matches(".*\\(\\d\\d:\\d\\d\\)");
		waitUpTo.until(d -> drawn().contains(id + ":OUTAGE"));
		assertThat(browser.findElement(By.id("map-page")).getAttribute("data-marker")).isEqualTo("same page");

		// the open popup says so too, where it was, without a reload
		waitUpTo.until(d -> d.findElement(popup).findElement(By.cssSelector(".popup-state")).getText().startsWith("In outage"));
		assertThat(browser.findElement(popup).getText()).contains("ongoing").doesNotContain("No recent outages");
		assertThat(browser.findElement(By.cssSelector(".leaflet-popup")).getRect().getX()).isEqualTo(before.getX());
		// the same view, at most moved down a little so that the grown popup is not under the changes notice
		String lon = view.replaceAll(".*[?&](lon=[^&]*).*", "$1");
		assertThat(browser.getCurrentUrl()).contains(lon, "zoom=18", "camera=" + id);

		// the notice of the change fades after about ten seconds
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.invisibilityOfElementLocated(By.id("changes-notice")));
		jdbc.update("UPDATE outage SET ended_at = now() WHERE camera_id = ? AND ended_at IS NULL", id);
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	@Test
	void theLegendFoldsRemembersItAndStartsFoldedOnAPhoneClearOfTheMapControls() throws Exception {
		logIn(USER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/map?lat=22.6&lon=120.3&zoom=12&lang=en"));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-ready", "true"));

		// open on a desktop until folded; the button says what it does
		WebElement toggle = browser.findElement(By.id("legend-toggle"));
		assertThat(toggle.getTagName()).isEqualTo("button");
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
		assertThat(toggle.getAttribute("aria-label")).isEqualTo("Hide the legend");
		assertThat(browser.findElement(By.id("legend-body")).isDisplayed()).isTrue();
		int openHeight = browser.findElement(By.id("map-legend")).getRect().getHeight();
		toggle.click();
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(toggle.getAttribute("aria-label")).isEqualTo("Show the legend");
		assertThat(browser.findElement(By.id("legend-body")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.id("map-legend")).getRect().getHeight()).isLessThan(openHeight / 4);

		// folded stays folded on the next visit, in either language
		browser.get(url("/map?lat=22.6&lon=120.3&zoom=12&lang=zh-TW"));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-ready", "true"));
		toggle = browser.findElement(By.id("legend-toggle"));
		assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(toggle.getAttribute("aria-label")).isEqualTo("顯示圖例");
		assertThat(toggle.getText()).isEqualTo("圖例");
		assertThat(browser.findElement(By.id("legend-body")).isDisplayed()).isFalse();
		toggle.click();
		assertThat(toggle.getAttribute("aria-label")).isEqualTo("隱藏圖例");
		browser.navigate().refresh();
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-ready", "true"));
		assertThat(browser.findElement(By.id("legend-toggle")).getAttribute("aria-expanded")).isEqualTo("true");
		assertThat(browser.findElement(By.id("legend-body")).isDisplayed()).isTrue();

		// a phone (390 px) that has never chosen: the map comes before the filters, the legend and the layer list
		// start folded and nothing in the map's corners covers anything else
		browser.executeScript("window.localStorage.clear();");
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
		browser.get(url("/map?lat=22.63&lon=120.31&zoom=12&lang=zh-TW"));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-ready", "true"));
		assertThat(((Number) browser.executeScript("return window.innerWidth;")).intValue()).isEqualTo(390);
		assertThat(browser.findElement(By.id("legend-toggle")).getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(browser.findElement(By.id("legend-body")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.cssSelector(".leaflet-control-layers")).getAttribute("class"))
			.doesNotContain("leaflet-control-layers-expanded");
		Rectangle map = browser.findElement(By.id("map")).getRect();
		assertThat(map.getY()).isLessThan(browser.findElement(By.id("map-panel")).getRect().getY());
		List<WebElement> controls = browser.findElements(By.cssSelector("#map .leaflet-control"));
		assertThat(controls).hasSizeGreaterThanOrEqualTo(5); // zoom, layers, scale, attribution, legend
		screenshot("map-phone-legend-folded");
		assertNoControlsOverlap(controls, map);
		browser.findElement(By.id("legend-toggle")).click();
		assertThat(browser.findElement(By.id("legend-body")).isDisplayed()).isTrue();
		assertNoControlsOverlap(browser.findElements(By.cssSelector("#map .leaflet-control")), map);
		screenshot("map-phone-legend-open");
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	@Test
	void anAreaNameGivesWayToTheCameraAtItsPlaceAndNeverTakesAClick() throws Exception {
		logIn(USER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/map?lat=22.63&lon=120.31&zoom=12&lang=en"));
		By fengshan = By.cssSelector(".precinct-label[data-code='FENGSHAN']");
		waitUpTo.until(d -> !d.findElements(fengshan).isEmpty() && d.findElement(fengshan).getAttribute("data-lat") != null);
		WebElement label = browser.findElement(fengshan);
		double lat = Double.parseDouble(label.getAttribute("data-lat"));
		double lon = Double.parseDouble(label.getAttribute("data-lon"));

		// a camera exactly where the precinct's name is anchored; the map centred on it
		long id = camera("ITMAP-LABEL", "NONE", lon, lat);
		browser.get(url("/map?lat=" + lat + "&lon=" + lon + "&zoom=17&lang=en"));
		waitUpTo.until(d -> drawn().contains(" " + id + ":"));
		WebElement mapElement = browser.findElement(By.id("map"));
		Rectangle map = mapElement.getRect();
		int centreX = map.getX() + map.getWidth() / 2;
		int centreY = map.getY() + map.getHeight() / 2;

		// the name is shown, beside the camera rather than on it, in a pane under the cluster markers
		waitUpTo.until(d -> {
			WebElement name = d.findElement(fengshan);
			return name.isDisplayed() && !contains(name.getRect(), centreX, centreY);
		});
		label = browser.findElement(fengshan);
		assertThat(label.getText()).isEqualTo("Fengshan Precinct");
		Number labelPane = (Number) browser.executeScript(
				"return Number(getComputedStyle(arguments[0].closest('.leaflet-pane')).zIndex);", label);
		Number markerPane = (Number) browser.executeScript(
				"return Number(getComputedStyle(document.querySelector('#map .leaflet-marker-pane')).zIndex);");
		assertThat(labelPane.intValue()).isLessThan(markerPane.intValue());
		screenshot("map-label-beside-camera");

		// the camera where the name was anchored opens its own popup
		new Actions(browser).moveToElement(mapElement).click().perform();
		waitUpTo.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector(".camera-popup[data-camera-id='" + id + "']")));
		browser.findElement(By.cssSelector(".leaflet-popup-close-button")).click();
		waitUpTo.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".leaflet-popup")));

		// a click on the name goes through it to the precinct beneath (the popup may have moved the map: look again)
		label = browser.findElement(fengshan);
		Rectangle box = label.getRect();
		int labelX = box.getX() + box.getWidth() / 2;
		int labelY = box.getY() + box.getHeight() / 2;
		Boolean nameTakesPointer = (Boolean) browser.executeScript("""
				const e = document.elementFromPoint(arguments[0] - window.scrollX, arguments[1] - window.scrollY);
				return !!(e && e.closest('.area-label'));""", labelX, labelY);
		assertThat(nameTakesPointer).isFalse();
		new Actions(browser).moveToElement(mapElement, labelX - centreX, labelY - centreY).click().perform();
		WebElement areaPopup = waitUpTo
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup-content")));
		assertThat(areaPopup.getText()).contains("Fengshan Precinct");
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	@Test
	void theNotificationBellIsAnSvgIconWithItsUnreadCount() throws Exception {
		jdbc.update("""
				INSERT INTO notification (user_id, recipient_role, kind, args, dedup_key, created_at)
				SELECT id, 'VIEWER', 'SLA_RESPONSE_OVERDUE', '["ITMAP-BELL", "1", "HIGH"]', 'ITMAP-bell', now() FROM app_user WHERE username = ?
				ON CONFLICT ON CONSTRAINT notification_once_per_user DO UPDATE SET read_at = NULL""", USER);
		int unread = jdbc.queryForObject("""
				SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id
				 WHERE u.username = ? AND n.read_at IS NULL""", Integer.class, USER);
		assertThat(unread).isPositive();
		logIn(USER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/map?lang=en"));
		WebElement bell = waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.id("notification-bell")));
		WebElement icon = bell.findElement(By.cssSelector("svg.bell-icon"));
		assertThat(icon.getAttribute("aria-hidden")).isEqualTo("true");
		assertThat(icon.getRect().getWidth()).isGreaterThanOrEqualTo(14);
		assertThat(icon.getRect().getHeight()).isGreaterThanOrEqualTo(14);
		// drawn in the header's text colour, not by an emoji font: no symbol characters left in the link
		assertThat(browser.executeScript("return getComputedStyle(arguments[0]).color;", icon))
			.isEqualTo(browser.executeScript("return getComputedStyle(arguments[0]).color;", bell));
		String text = (String) browser.executeScript("return arguments[0].textContent;", bell);
		assertThat(text.codePoints().filter(c -> c > 0x2000).toArray()).isEmpty();
		assertThat(browser.findElement(By.id("notification-count")).getText()).isEqualTo(String.valueOf(unread));
		assertThat(bell.getAttribute("aria-label")).isEqualTo("Notifications (" + unread + " unread)");
		screenshot("header-bell");

		browser.get(url("/cameras?lang=zh-TW"));
		bell = waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.id("notification-bell")));
		assertThat(bell.findElements(By.cssSelector("svg.bell-icon"))).hasSize(1);
		assertThat(bell.getAttribute("aria-label")).isEqualTo("通知（" + unread + " 則未讀）");
		jdbc.update("UPDATE notification SET read_at = now() WHERE dedup_key = 'ITMAP-bell'");
	}

	/**
	 * Answers /api/map/cameras in the page with the given JSON (other requests go to the server): a dense cluster
	 * answer the test database does not hold. Injected before the page's scripts run, whatever its CSP.
	 */
	private void answerCamerasWith(String json) {
		browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
				(() => {
				  const answer = %s;
				  const real = window.fetch.bind(window);
				  window.fetch = (input, init) => String(input).includes('/api/map/cameras?')
				    ? Promise.resolve(new Response(JSON.stringify(answer), { headers: { 'Content-Type': 'application/json' } }))
				    : real(input, init);
				})();""".formatted(json)));
	}

	@Test
	void clustersThatWouldCoverEachOtherAreMergedAndStillAddUpToTheTotal() throws Exception {
		// at zoom 10 (~728 px per degree) pairs 0.004 degrees apart (3 px: either side of a cell edge) and one pair
		// of big clusters 0.05 degrees apart (36 px: touching, not hiding each other), eighteen spots in all
		StringBuilder clusters = new StringBuilder();
		long total = 0;
		int answered = 0;
		for (int row = 0; row < 3; row++) {
			for (int column = 0; column < 4; column++) {
				double lat = 22.50 + row * 0.12;
				double lon = 120.15 + column * 0.12;
				int big = 300 + 100 * column;
				int small = 5 + row;
				clusters.append(cluster(lon, lat, big, big - 10, 10, 0)).append(',')
					.append(cluster(lon + 0.004, lat + 0.002, small, small - 1, 1, 1)).append(',');
				total += big + small;
				answered += 2;
			}
		}
		clusters.append(cluster(120.40, 22.95, 9000, 8000, 1000, 0)).append(',')
			.append(cluster(120.45, 22.95, 8000, 7990, 10, 0));
		total += 17000;
		answered += 2;
		answerCamerasWith("{\"zoom\":10,\"mode\":\"clusters\",\"total\":" + total
				+ ",\"truncated\":false,\"clusters\":[" + clusters + "],\"cameras\":[]}");
		logIn(USER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/map?lat=22.70&lon=120.33&zoom=10&lang=en&layers=cameras"));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-loaded", "true"));
		WebElement page = browser.findElement(By.id("map-page"));
		assertThat(page.getAttribute("data-clusters-answered")).isEqualTo(String.valueOf(answered));

		// each close pair drawn as one; the touching big pair left as two
		assertThat(page.getAttribute("data-clusters-drawn")).isEqualTo(String.valueOf(answered - 12));
		List<WebElement> icons = browser.findElements(By.cssSelector("#map .map-cluster svg"));
		assertThat(icons).hasSize(answered - 12);
		long drawn = icons.stream().mapToLong(icon -> Long.parseLong(icon.getAttribute("data-count"))).sum();
		assertThat(drawn).as("what is drawn adds up to the answer's total").isEqualTo(total);
		assertThat(page.getAttribute("data-clustered-cameras")).isEqualTo(String.valueOf(total));
		assertThat(icons.stream().map(icon -> icon.getAttribute("data-count"))).contains("305", "9000", "8000");

		// no icon is larger than 44 px and no two cover each other by more than a quarter of the smaller one
		for (WebElement icon : icons) {
			assertThat(icon.getRect().getWidth()).isBetween(26, 44);
		}
		Number worst = (Number) browser.executeScript("""
				const boxes = [...document.querySelectorAll('#map .map-cluster svg')].map((e) => e.getBoundingClientRect());
				let worst = 0;
				boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
				  const depth = a.width / 2 + b.width / 2 - Math.hypot(a.x + a.width / 2 - b.x - b.width / 2,
				    a.y + a.height / 2 - b.y - b.height / 2);
				  worst = Math.max(worst, depth / Math.min(a.width, b.width));
				}));
				return worst;""");
		assertThat(worst.doubleValue()).isGreaterThan(0.05).isLessThanOrEqualTo(0.26);
		screenshot("map-clusters-merged-z10");

		// the merged cluster's tooltip sums the states of both
		WebElement merged = icons.stream().filter(icon -> "305".equals(icon.getAttribute("data-count"))).findFirst()
			.orElseThrow();
		new Actions(browser).moveToElement(merged).perform();
		WebElement tooltip = waitUpTo
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-tooltip:not(.area-label)")));
		assertThat(tooltip.getText()).contains("305 cameras here", "In outage: 11", "Working: 294", "Real-time LPR: 1");
		// clusters count whole grid cells at the view's edges: the total is an estimate
		assertThat(browser.findElement(By.id("map-status")).getText())
			.isEqualTo(String.format(Locale.ENGLISH, "About %,d cameras in view", total));

		// zoomed in one step the 36-px pair is 72 px apart, and the sum is still the total
		browser.findElement(By.cssSelector(".leaflet-control-zoom-in")).click();
		waitUpTo.until(ExpectedConditions.urlContains("zoom=11"));
		String sum = String.valueOf(total);
		int expected = answered - 12;
		waitUpTo.until(d -> sum.equals(d.findElement(By.id("map-page")).getAttribute("data-clustered-cameras"))
				&& d.findElements(By.cssSelector("#map .map-cluster svg")).size() == expected);
		screenshot("map-clusters-merged-z11");
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	private static String cluster(double lon, double lat, int count, int working, int outage, int realtime) {
		return "{\"lon\":%s,\"lat\":%s,\"count\":%d,\"states\":{\"WORKING\":%d,\"OUTAGE\":%d},\"lpr\":0,\"realtimeLpr\":%d}"
			.formatted(lon, lat, count, working, outage, realtime);
	}

	@Test
	void theBaseMapCanBeSwitchedOffAndTheChoiceIsKeptInTheAddress() throws Exception {
		logIn(USER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/map?lat=22.63&lon=120.31&zoom=12&lang=en"));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-ready", "true"));
		List<WebElement> bases = browser.findElements(By.cssSelector(".leaflet-control-layers-base label"));
		assertThat(bases).extracting(WebElement::getText)
			.containsExactly("Base map: OpenStreetMap", "No base map (boundaries and cameras only)");
		assertThat(bases.get(0).findElement(By.tagName("input")).isSelected()).isTrue();
		waitUpTo.until(d -> !d.findElements(By.cssSelector("#map .leaflet-tile-pane img")).isEmpty());

		bases.get(1).findElement(By.tagName("input")).click();
		waitUpTo.until(ExpectedConditions.urlContains("base=none"));
		assertThat(browser.findElements(By.cssSelector("#map .leaflet-tile-pane img"))).isEmpty();
		assertThat(browser.findElement(By.id("tile-notice")).isDisplayed()).as("no tiles asked for, none failed").isFalse();
		screenshot("map-no-base-map");

		// the link keeps it, in either language
		browser.get(url("/map?lat=22.63&lon=120.31&zoom=12&lang=zh-TW&base=none"));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-ready", "true"));
		bases = browser.findElements(By.cssSelector(".leaflet-control-layers-base label"));
		assertThat(bases).extracting(WebElement::getText).containsExactly("底圖：OpenStreetMap", "不顯示底圖（僅界線與攝影機）");
		assertThat(bases.get(1).findElement(By.tagName("input")).isSelected()).isTrue();
		assertThat(browser.findElements(By.cssSelector("#map .leaflet-tile-pane img"))).isEmpty();

		// and the base map comes back
		bases.get(0).findElement(By.tagName("input")).click();
		waitUpTo.until(d -> !d.getCurrentUrl().contains("base="));
		waitUpTo.until(d -> !d.findElements(By.cssSelector("#map .leaflet-tile-pane img")).isEmpty());
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	@Test
	void switchingOnTheChoroplethOpensAFoldedLegendAndNamesItsAreas() throws Exception {
		logIn(USER, PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.get(url("/map?lat=22.70&lon=120.40&zoom=11&lang=en&layers=cameras"));
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-ready", "true"));
		browser.findElement(By.id("legend-toggle")).click();
		assertThat(browser.findElement(By.id("legend-body")).isDisplayed()).isFalse();
		assertThat(browser.findElements(By.cssSelector(".area-label"))).as("no boundary layer, no choropleth").isEmpty();

		WebElement choropleth = browser.findElements(By.cssSelector(".leaflet-control-layers-overlays label")).stream()
			.filter(l -> l.getText().contains("Downtime by area"))
			.findFirst()
			.orElseThrow();
		choropleth.findElement(By.tagName("input")).click();
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-areas-loaded", "true"));

		// the legend opens with the colour scale
		assertThat(browser.findElement(By.id("legend-toggle")).getAttribute("aria-expanded")).isEqualTo("true");
		assertThat(browser.findElement(By.id("legend-body")).isDisplayed()).isTrue();
		waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#legend-body .legend-ramp")));
		assertThat(browser.findElement(By.id("legend-period")).isDisplayed()).isTrue();

		// the choropleth names its areas itself (no boundary layer is on)
		waitUpTo.until(d -> shownNames(".choropleth-label").size() >= 3);
		assertThat(shownNames(".choropleth-label")).doesNotHaveDuplicates().allMatch(name -> name.endsWith("Precinct"));
		screenshot("map-choropleth-names");

		// with the precinct boundaries on, their names stand for both: each name once
		WebElement precincts = browser.findElements(By.cssSelector(".leaflet-control-layers-overlays label")).stream()
			.filter(l -> l.getText().contains("Precinct boundaries"))
			.findFirst()
			.orElseThrow();
		precincts.findElement(By.tagName("input")).click();
		waitUpTo.until(d -> !shownNames(".precinct-label:not(.choropleth-label)").isEmpty());
		waitUpTo.until(d -> shownNames(".choropleth-label").isEmpty());
		assertThat(shownNames(".area-label")).doesNotHaveDuplicates();

		// opening it was for the choropleth's sake: without it, the next visit has the legend folded as chosen
		choropleth = browser.findElements(By.cssSelector(".leaflet-control-layers-overlays label")).stream()
			.filter(l -> l.getText().contains("Downtime by area"))
			.findFirst()
			.orElseThrow();
		choropleth.findElement(By.tagName("input")).click();
		waitUpTo.until(d -> !d.getCurrentUrl().contains("metric="));
		browser.navigate().refresh();
		waitUpTo.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-ready", "true"));
		assertThat(browser.findElement(By.id("legend-toggle")).getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(unexpectedConsoleErrors()).isEmpty();
	}

	/** The texts of the area names of this selector that are shown. */
	private List<String> shownNames(String selector) {
		return browser.findElements(By.cssSelector(selector + ":not(.area-label-hidden)")).stream()
			.filter(WebElement::isDisplayed)
			.map(WebElement::getText)
			.toList();
	}

	private static boolean contains(Rectangle box, int x, int y) {
		return x >= box.getX() && x <= box.getX() + box.getWidth() && y >= box.getY()
				&& y <= box.getY() + box.getHeight();
	}

	private static boolean overlap(Rectangle a, Rectangle b) {
		return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
				&& a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
	}

	/** Every shown control of the map lies inside the map and none covers another. */
	private static void assertNoControlsOverlap(List<WebElement> controls, Rectangle map) {
		List<WebElement> shown = controls.stream().filter(WebElement::isDisplayed).toList();
		for (int i = 0; i < shown.size(); i++) {
			Rectangle a = shown.get(i).getRect();
			String name = shown.get(i).getAttribute("class");
			assertThat(a.getX()).as("left edge of %s", name).isGreaterThanOrEqualTo(map.getX());
			assertThat(a.getX() + a.getWidth()).as("right edge of %s", name).isLessThanOrEqualTo(map.getX() + map.getWidth());
			for (int j = i + 1; j < shown.size(); j++) {
				assertThat(overlap(a, shown.get(j).getRect()))
					.as("%s overlaps %s", name, shown.get(j).getAttribute("class"))
					.isFalse();
			}
		}
	}

	private String drawn() {
		String value = browser.findElement(By.id("map-page")).getAttribute("data-drawn-cameras");
		return value == null ? "" : " " + value + " ";
	}

	/** A placed, working test camera (made once), its id. */
	private long camera(String tag, String lpr, double lon, double lat) {
		jdbc.update("""
				INSERT INTO camera (asset_tag, location, precinct_id, install_date, status, lpr, heading_deg, fov_deg, range_m)
				SELECT ?, ST_SetSRID(ST_MakePoint(?, ?), 4326), (SELECT min(id) FROM precinct), DATE '2024-01-01',
				       'ACTIVE', ?, 90, 60, 40
				 WHERE NOT EXISTS (SELECT 1 FROM camera WHERE asset_tag = ?)""", tag, lon, lat, lpr, tag);
		return jdbc.queryForObject("SELECT id FROM camera WHERE asset_tag = ?", Long.class, tag);
	}

	/**
	 * Severe console entries other than failed fetches of tiles (no tile server in the test) and of the map API
	 * (answered by its own notice): JavaScript errors above all.
	 */
	private List<LogEntry> unexpectedConsoleErrors() {
		return consoleErrors().stream()
			.filter(e -> !(e.getMessage().contains("Failed to load resource")
					&& (e.getMessage().contains("/api/map/") || e.getMessage().contains("tile"))))
			.filter(e -> !e.getMessage().contains("tile.openstreetmap.org"))
			.toList();
	}
}
