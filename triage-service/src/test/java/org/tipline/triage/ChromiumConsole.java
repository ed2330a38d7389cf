package org.tipline.triage;

import java.net.URI;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console in Chromium: signing in as a person does, and waiting for the page a click leads to. */
final class ChromiumConsole {

    private ChromiumConsole() {}

    /** Types the account's username and password on the login page and presses its button. */
    static void typePassword(WebDriver browser, String baseUrl, TriageTestSetup.StaffAccount account) {
        browser.get(baseUrl + "/login");
        browser.findElement(By.id("username")).sendKeys(account.username());
        browser.findElement(By.id("password")).sendKeys(TriageTestSetup.PASSWORD);
        browser.findElement(By.cssSelector("#login-form button")).click();
    }

    /** Signs in with password and one-time code, and waits for the queue. */
    static void signIn(WebDriver browser, String baseUrl, TriageTestSetup.StaffAccount account) {
        typePassword(browser, baseUrl, account);
        waitForPath(browser, "/sign-in/code");
        browser.findElement(By.id("code")).sendKeys(account.nextCode());
        browser.findElement(By.cssSelector("#code-form button")).click();
        waitForPath(browser, "/queue");
    }

    static void waitForPath(WebDriver browser, String path) {
        // The page is replaced after each click; an element found just before that goes stale, so look again.
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> URI.create(driver.getCurrentUrl()).getPath().equals(path));
    }
}
