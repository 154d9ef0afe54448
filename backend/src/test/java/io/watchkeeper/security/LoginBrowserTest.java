package io.watchkeeper.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.watchkeeper.support.BrowserTestSupport;
import io.watchkeeper.support.TestUsers;

/** What a person does: fail to log in, log in, look at the audit log and the users, create one, log out. */
class LoginBrowserTest extends BrowserTestSupport {

	static final String PASSWORD = "correct horse battery";

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void wrongPasswordThenRightOneThenLogOut() throws Exception {
		TestUsers.ensure(jdbc, "bt-admin", PASSWORD, "ADMIN");
		browser.get(url("/login?lang=en"));
		logIn("bt-admin", "not my password");
		waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
		assertThat(browser.findElement(By.id("login-error")).getText()).isEqualTo("Wrong user name or password.");
		assertThat(browser.getCurrentUrl()).endsWith("/login?error");

		logIn("bt-admin", PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		assertThat(browser.getCurrentUrl()).as("the application's start page").endsWith("/cameras");
		assertThat(browser.manage().getCookieNamed("JSESSIONID")).isNotNull();
		consoleErrors(); // the camera list is not on this branch: its 404 is not this test's business

		browser.get(url("/admin/audit?actor=bt-admin"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Audit log");
		String trail = browser.findElement(By.id("audit-table")).getText();
		assertThat(trail).contains("Failed login", "wrong user name or password", "Logged in");
		assertThat(trail.indexOf("Logged in")).as("the login is newer than the failure, so above it")
			.isLessThan(trail.indexOf("Failed login"));
		screenshot("audit-log-en");
		assertThat(consoleErrors()).as("the page keeps to its Content-Security-Policy").isEmpty();

		browser.get(url("/swagger-ui/index.html"));
		waitUpTo.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .info")));
		assertThat(consoleErrors()).as("Swagger UI works under the same policy").isEmpty();

		browser.get(url("/admin/users"));
		browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
		waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.id("logged-out")));
		assertThat(browser.getCurrentUrl()).endsWith("/login?logout");
		browser.get(url("/admin/audit"));
		assertThat(browser.getCurrentUrl()).as("logged out: back to the login page").endsWith("/login");
	}

	@Test
	void anAdministratorCreatesAUserWithTheForm() throws Exception {
		TestUsers.ensure(jdbc, "bt-admin2", PASSWORD, "ADMIN");
		browser.get(url("/login?lang=zh-TW"));
		logIn("bt-admin2", PASSWORD);
		waitUpTo.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		consoleErrors(); // the camera list's 404 on this branch
		browser.get(url("/admin/users"));
		browser.findElement(By.id("new-user")).click();
		browser.findElement(By.id("username")).sendKeys("bt-dispatcher");
		browser.findElement(By.id("displayName")).sendKeys("林調度");
		browser.findElement(By.cssSelector("input[name='roles'][value='DISPATCHER']")).click();
		browser.findElement(By.id("password")).sendKeys("short");
		browser.findElement(By.id("passwordRepeat")).sendKeys("short");
		// the browser's own minlength check would stop the form; the server's message is what we test
		browser.executeScript("document.getElementById('password').removeAttribute('minlength')");
		browser.findElement(By.id("user-submit")).click();
		waitUpTo.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-form"), "密碼至少須 12 個字元"));
		assertThat(browser.findElement(By.id("displayName")).getAttribute("value")).as("input kept").isEqualTo("林調度");

		browser.findElement(By.id("password")).sendKeys("a much longer password");
		browser.findElement(By.id("passwordRepeat")).sendKeys("a much longer password");
		browser.findElement(By.id("user-submit")).click();
		waitUpTo.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
		assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("已建立使用者。");
		assertThat(browser.findElement(By.tagName("h1")).getText()).contains("bt-dispatcher");
		screenshot("user-created-zh");
		assertThat(consoleErrors()).isEmpty();
	}
}
