package io.watchkeeper.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.BrowserTestSupport;
import io.watchkeeper.support.TestUsers;

/** An administrator issues a machine token, sees it once, and revokes it; the revoked token is then refused. */
class HealthTokensBrowserTest extends BrowserTestSupport {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void issueSeeOnceAndRevoke() throws Exception {
		TestUsers.ensure(jdbc, "ith-bt-admin", "health browser secret", "ADMIN");
		browser.get(url("/login?lang=en"));
		logIn("ith-bt-admin", "health browser secret");
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		browser.findElement(By.linkText("Machine tokens")).click();
		waitUpTo.until(ExpectedConditions.urlContains("/admin/tokens"));

		browser.findElement(By.id("token-submit")).click();
		assertThat(browser.findElements(By.id("issued"))).as("the browser refuses an empty required name").isEmpty();
		browser.findElement(By.id("token-name")).sendKeys("ITH NVR Sanmin 3");
		browser.findElement(By.id("token-submit")).click();
		waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.id("issued-token")));
		String token = browser.findElement(By.id("issued-token")).getDomProperty("value");
		assertThat(token).startsWith("wkh_").hasSize(47);
		assertThat(browser.findElement(By.id("issued")).getText()).contains("ITH NVR Sanmin 3", "only this once");
		screenshot("health-token-issued");
		assertThat(post(token)).as("the new token works").isEqualTo(200);

		browser.navigate().refresh();
		assertThat(browser.findElements(By.id("issued-token"))).as("shown once").isEmpty();
		assertThat(browser.getPageSource()).doesNotContain(token);
		WebElement row = browser.findElement(By.xpath("//tr[td[text()='ITH NVR Sanmin 3']]"));
		assertThat(row.getText()).contains(token.substring(0, 10), "Active");

		row.findElement(By.cssSelector("button.revoke")).click();
		waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
		WebElement revoked = browser.findElement(By.xpath("//tr[td[text()='ITH NVR Sanmin 3']]"));
		assertThat(revoked.getText()).contains("Revoked", "ith-bt-admin");
		assertThat(revoked.findElements(By.cssSelector("button.revoke"))).isEmpty();
		assertThat(post(token)).as("the revoked token is refused").isEqualTo(401);

		browser.get(url("/admin/tokens?lang=zh-TW"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("機器權杖");
		screenshot("health-tokens-zh");
		assertThat(consoleErrors()).isEmpty();
	}

	private int post(String token) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/health/observations")))
			.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"observations\": []}")).build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
	}
}
