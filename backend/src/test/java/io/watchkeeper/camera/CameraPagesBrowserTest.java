package io.watchkeeper.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

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
import io.watchkeeper.support.TestUsers;

/** What a dispatcher does on the camera pages: filter the list, open a camera, edit it with a mistake. */
class CameraPagesBrowserTest extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CameraRegistry registry;

	@Autowired
	CameraCatalog catalog;

	CameraFixtures.Areas areas;

	@BeforeEach
	void data() {
		TestUsers.ensure(jdbc, "it-pages-dispatcher", "pages-secret", "DISPATCHER");
		areas = CameraFixtures.ensureAreas(jdbc, "ITB", 23.10);
		if (jdbc.queryForObject("SELECT count(*) FROM camera WHERE asset_tag LIKE 'BCAM%'", Long.class) == 0) {
			registry.register(new CameraCommand("BCAM001-01", 119.35, 23.15, "瀏覽器路1號", null, null, 90, 90, 60,
					LocalDate.of(2015, 3, 30), 8, null, LprCapability.LPR, "VIVOTEK", "IB9387-HT", CameraStatus.ACTIVE, null,
					null, null, null, "第一支"));
			registry.register(CameraFixtures.at("BCAM001-02", 119.35, 23.15, "瀏覽器路1號"));
			registry.register(CameraFixtures.at("BCAM002-01", 119.45, 23.15, "瀏覽器路2號"));
		}
	}

	@Test
	void filterTheListAndOpenACameraWithItsSiteAndAuditTrail() throws Exception {
		logIn("it-pages-dispatcher", "pages-secret");
		browser.get(url("/cameras?lang=en"));
		new Select(browser.findElement(By.id("precinct"))).selectByVisibleText("ITB West Precinct");
		browser.findElement(By.id("q")).sendKeys("bcam");
		browser.findElement(By.id("apply-filters")).click();

		waitUpTo.until(ExpectedConditions.urlContains("q=bcam"));
		assertThat(texts(By.cssSelector("#camera-table a.asset-tag"))).containsExactly("BCAM001-01", "BCAM001-02");
		assertThat(browser.findElement(By.id("camera-count")).getText()).isEqualTo("2 cameras");
		assertThat(browser.findElement(By.id("q")).getAttribute("value")).as("the filter is kept").isEqualTo("bcam");
		assertThat(new Select(browser.findElement(By.id("precinct"))).getFirstSelectedOption().getText())
			.isEqualTo("ITB West Precinct");
		assertThat(browser.findElement(By.id("export-csv")).getAttribute("href")).contains("precinct=" + areas.west())
			.contains("q=bcam");

		browser.findElement(By.id("sort-assetTag")).click(); // already ascending: now descending
		waitUpTo.until(ExpectedConditions.urlContains("dir=desc"));
		assertThat(texts(By.cssSelector("#camera-table a.asset-tag"))).containsExactly("BCAM001-02", "BCAM001-01");

		browser.findElement(By.linkText("BCAM001-01")).click();
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("camera-facts")));
		assertThat(browser.findElement(By.id("camera-tag")).getText()).isEqualTo("BCAM001-01");
		assertThat(browser.findElement(By.id("camera-precinct")).getText()).contains("ITB West Precinct", "from location");
		assertThat(browser.findElement(By.id("camera-install-date")).getText()).isEqualTo("2015-03-30");
		assertThat(browser.findElement(By.id("camera-lpr")).getText()).isEqualTo("LPR");
		assertThat(browser.findElement(By.id("camera-site")).getText()).isEqualTo("BCAM001 #1");
		assertThat(texts(By.cssSelector("#neighbours a.neighbour"))).containsExactly("BCAM001-02");
		assertThat(browser.findElements(By.cssSelector("#audit-trail tr.audit-row[data-action='camera.created']"))).hasSize(1);
		assertThat(browser.findElement(By.id("audit-trail")).getText()).contains("Registered", "BCAM001-01");
		screenshot("camera-page-en");

		browser.get(url("/cameras/" + idOf("BCAM001-01") + "?lang=zh-TW"));
		assertThat(browser.findElement(By.id("camera-install-date")).getText()).isEqualTo("2015-03-30（民國104年）");
		assertThat(consoleErrors()).isEmpty();
	}

	@Test
	void aBadHeadingIsShownNextToTheFieldAndAGoodEditIsAudited() throws Exception {
		long id = idOf("BCAM002-01");
		logIn("it-pages-dispatcher", "pages-secret");
		browser.get(url("/cameras/" + id + "/edit?lang=en"));
		WebElement heading = browser.findElement(By.id("heading"));
		heading.clear();
		heading.sendKeys("400");
		browser.findElement(By.id("camera-save")).click();

		WebElement error = waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.id("heading-error")));
		assertThat(error.getText()).isEqualTo("The heading must be between 0 and 359 degrees.");
		assertThat(browser.findElement(By.id("form-errors")).getText()).contains("Please correct the fields");
		assertThat(catalog.get(id).heading()).as("nothing was saved").isEqualTo(90);

		heading = browser.findElement(By.id("heading"));
		heading.clear();
		heading.sendKeys("135");
		browser.findElement(By.id("camera-save")).click();
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
		assertThat(browser.findElement(By.id("camera-heading")).getText()).isEqualTo("135");
		assertThat(browser.findElement(By.cssSelector("#audit-trail tr.audit-row[data-action='camera.updated']")).getText())
			.contains("it-pages-dispatcher", "Heading", "90", "135");
		assertThat(consoleErrors()).isEmpty();
	}

	@Test
	void theListIsUsableAtPhoneWidth() throws Exception {
		logIn("it-pages-dispatcher", "pages-secret");
		browser.manage().window().setSize(new Dimension(390, 844));
		browser.get(url("/cameras?q=BCAM&lang=zh-TW"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("攝影機");
		Long overflow = (Long) browser.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(overflow).as("the page itself does not scroll sideways (the table scrolls in its box)").isLessThanOrEqualTo(0L);
		screenshot("camera-list-phone");
		assertThat(consoleErrors()).isEmpty();
	}

	private long idOf(String tag) {
		return jdbc.queryForObject("SELECT id FROM camera WHERE asset_tag = ?", Long.class, tag);
	}

	private List<String> texts(By by) {
		return browser.findElements(by).stream().map(WebElement::getText).toList();
	}
}
