package io.watchkeeper.camera.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.BrowserTestSupport;
import io.watchkeeper.support.TestUsers;

class BoundaryPageBrowserTest extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anAdminUploadsABadDistrictFileAndSeesWhichFeatureIsWrong() throws Exception {
		TestUsers.ensure(jdbc, "browser-boundary-admin", "boundary-secret", "ADMIN");
		logIn("browser-boundary-admin", "boundary-secret");
		browser.get(url("/admin/boundaries?lang=en"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Precinct and district boundaries");
		assertThat(browser.findElement(By.id("precinct-count")).getText()).isEqualTo("17");
		assertThat(browser.findElements(By.cssSelector("#district-table tbody tr"))).hasSize(38);

		Path bad = Files.createTempFile("districts", ".geojson");
		Files.writeString(bad, """
				{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name_zh":"測試區"},
				 "geometry":{"type":"Polygon","coordinates":[[[120.30,22.60],[120.31,22.60],[120.31,22.61],[120.30,22.60]]]}}]}""",
				StandardCharsets.UTF_8);
		consoleErrors(); // what the login and the first page left behind is not this page's business
		new Select(browser.findElement(By.id("boundary-kind"))).selectByValue("district");
		browser.findElement(By.id("boundary-file")).sendKeys(bad.toString());
		browser.findElement(By.id("boundary-submit")).click();

		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.id("boundary-errors")));
		String errors = browser.findElement(By.id("boundary-errors")).getText();
		assertThat(errors).contains("nothing was changed").contains("features[0].properties.name_en");
		assertThat(new Select(browser.findElement(By.id("boundary-kind"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("district");
		screenshot("boundaries-bad-upload");
		assertThat(consoleErrors()).isEmpty();
	}
}
