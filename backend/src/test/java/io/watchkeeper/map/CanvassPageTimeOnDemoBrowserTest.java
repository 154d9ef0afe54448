package io.watchkeeper.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.watchkeeper.support.BrowserTestSupport;

/**
 * The investigator's page time on a running Watchkeeper with the demo data (not a test of the code: skipped unless
 * {@code -Dwk.demo.url=http://localhost:8080} is given; {@code scripts/canvass-page-time} runs it). Logs in as the
 * demo investigator, right-clicks the map at Kaohsiung Main Station, canvasses last week's morning for the first
 * open case, and prints the time from the run button to the list and the circle drawn, per run and the median.
 * System properties: wk.demo.user (investigator), wk.demo.password (watchkeeper), wk.demo.runs (5),
 * wk.demo.lat / wk.demo.lon (22.6394 / 120.3025), wk.demo.radius (200).
 */
class CanvassPageTimeOnDemoBrowserTest {

	@Test
	void canvassPageTimeOnTheDemo() throws Exception {
		String base = System.getProperty("wk.demo.url", "");
		assumeTrue(!base.isBlank(), "no -Dwk.demo.url: nothing to measure");
		String user = System.getProperty("wk.demo.user", "investigator");
		String password = System.getProperty("wk.demo.password", "watchkeeper");
		int runs = Integer.getInteger("wk.demo.runs", 5);
		String lat = System.getProperty("wk.demo.lat", "22.6394");
		String lon = System.getProperty("wk.demo.lon", "120.3025");
		String radius = System.getProperty("wk.demo.radius", "200");
		LocalDate lastWeek = LocalDate.now(ZoneId.of("Asia/Taipei")).minusDays(7);

		ChromeDriver browser = BrowserTestSupport.headlessChromium();
		try {
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
			browser.get(base + "/login");
			browser.findElement(By.id("username")).sendKeys(user);
			browser.findElement(By.id("password")).sendKeys(password);
			browser.findElement(By.id("login-submit")).click();
			wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
			browser.get(base + "/map?lat=" + lat + "&lon=" + lon + "&zoom=17&lang=en");
			wait.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-ready", "true"));
			wait.until(ExpectedConditions.attributeToBe(By.id("canvass-panel"), "data-cases-loaded", "true"));
			List<Long> times = new ArrayList<>();
			for (int run = 1; run <= runs; run++) {
				new Actions(browser).contextClick(browser.findElement(By.id("map"))).perform();
				wait.until(ExpectedConditions.elementToBeClickable(By.id("canvass-here"))).click();
				assertThat(browser.findElement(By.id("cv-no-case")).isDisplayed())
					.as("the demo user %s has an open case", user).isFalse();
				browser.executeScript("""
						const set = (id, value) => {
						  const field = document.getElementById(id);
						  field.value = value;
						  field.dispatchEvent(new Event('input', { bubbles: true }));
						};
						set('cv-radius', arguments[0]);
						set('cv-from', arguments[1] + 'T08:00');
						set('cv-to', arguments[1] + 'T10:00');""", radius, lastWeek.toString());
				browser.findElement(By.id("cv-submit")).click();
				wait.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-canvass-state", "drawn"));
				long ms = Long.parseLong(browser.findElement(By.id("map-page")).getAttribute("data-canvass-ms"));
				int rows = browser.findElements(By.cssSelector("#canvass-list .canvass-row")).size();
				System.out.println("canvass page time: " + ms + " ms (demo run " + run + ", " + rows + " cameras, "
						+ browser.findElement(By.id("canvass-summary")).getText() + ")");
				times.add(ms);
				browser.findElement(By.id("canvass-close")).click();
			}
			Path dir = Path.of("target", "browser-artifacts");
			Files.createDirectories(dir);
			times.sort(null);
			System.out.println("canvass page time on the demo: median " + times.get(times.size() / 2) + " ms, max "
					+ times.get(times.size() - 1) + " ms over " + runs + " runs");
			// the last run drawn again for the screenshot
			new Actions(browser).contextClick(browser.findElement(By.id("map"))).perform();
			wait.until(ExpectedConditions.elementToBeClickable(By.id("canvass-here"))).click();
			browser.findElement(By.id("cv-submit")).click();
			wait.until(ExpectedConditions.attributeToBe(By.id("map-page"), "data-canvass-state", "drawn"));
			Files.write(dir.resolve("canvass-demo.png"), browser.getScreenshotAs(OutputType.BYTES));
		} finally {
			browser.quit();
		}
	}
}
