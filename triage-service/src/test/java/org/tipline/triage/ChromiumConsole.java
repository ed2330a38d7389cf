package org.tipline.triage;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in Chromium: signing in as a person does, waiting for the page a click leads to, phone and desktop
 * screens, and screenshots.
 */
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
        signInAnyRole(browser, baseUrl, account);
        waitForPath(browser, "/queue");
    }

    /** Signs in with password and one-time code, and waits for whatever page the role lands on (a supervisor's). */
    static void signInAnyRole(WebDriver browser, String baseUrl, TriageTestSetup.StaffAccount account) {
        typePassword(browser, baseUrl, account);
        waitForPath(browser, "/sign-in/code");
        browser.findElement(By.id("code")).sendKeys(account.nextCode());
        browser.findElement(By.cssSelector("#code-form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(d -> !d.getCurrentUrl().contains("/sign-in"));
    }

    /** A 390 by 844 CSS pixel phone screen that honours the page's viewport meta tag. */
    static void phone(ChromeDriver browser) {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    }

    static void desktop(ChromeDriver browser) {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 900, "deviceScaleFactor", 1, "mobile", false));
    }

    /** The whole page, for docs/usability.md, in target/screenshots. */
    static void screenshot(ChromeDriver browser, String name) throws IOException {
        Map<String, Object> shot =
                browser.executeCdpCommand("Page.captureScreenshot", Map.of("captureBeyondViewport", true));
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(folder.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    /**
     * Presses a button whose form leads back to the page it is on, and waits for the new page: its path alone cannot
     * tell the two pages apart, so wait until the old document is gone.
     */
    static void submitAndWaitForReload(WebDriver browser, By button) {
        var oldPage = browser.findElement(By.tagName("html"));
        browser.findElement(button).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(oldPage));
    }

    static void waitForPath(WebDriver browser, String path) {
        // The page is replaced after each click; an element found just before that goes stale, so look again.
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> URI.create(driver.getCurrentUrl()).getPath().equals(path));
    }
}
