package io.watchkeeper.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base for browser tests: the real application on a random port, Debian's headless Chromium driven
 * through chromedriver (installed by scripts/test). Screenshots go to target/browser-artifacts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class BrowserTestSupport {

	@LocalServerPort
	protected int port;

	protected ChromeDriver browser;

	protected WebDriverWait waitUpTo;

	@BeforeEach
	void startBrowser() throws IOException {
		browser = headlessChromium();
		waitUpTo = new WebDriverWait(browser, Duration.ofSeconds(15));
		// a condition that finds an element just as the page is replaced (a form posted, a redirect) tries again
		waitUpTo.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
	}

	/** Debian's headless Chromium through chromedriver, 1280x900, its console kept (for a test without the app). */
	public static ChromeDriver headlessChromium() throws IOException {
		ChromeOptions options = new ChromeOptions();
		String binary = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser");
		if (binary != null) {
			options.setBinary(binary);
		}
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,900",
				"--user-data-dir=" + Files.createTempDirectory("wk-chromium"));
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService.Builder service = new ChromeDriverService.Builder();
		String driver = firstExisting("/usr/bin/chromedriver");
		if (driver != null) {
			service.usingDriverExecutable(new java.io.File(driver));
		}
		return new ChromeDriver(service.build(), options);
	}

	@AfterEach
	void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	protected String url(String path) {
		return "http://localhost:" + port + path;
	}

	protected void logIn(String username, String password) {
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("login-submit")).click();
	}

	/** Severe browser console entries (JavaScript errors, failed resources) since the last call. */
	protected List<LogEntry> consoleErrors() {
		return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
			.filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
			.toList();
	}

	protected Path screenshot(String name) throws IOException {
		Path dir = Path.of("target", "browser-artifacts");
		Files.createDirectories(dir);
		Path file = dir.resolve(name + ".png");
		Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
		return file;
	}

	private static String firstExisting(String... paths) {
		for (String p : paths) {
			if (Files.isExecutable(Path.of(p))) {
				return p;
			}
		}
		return null;
	}
}
