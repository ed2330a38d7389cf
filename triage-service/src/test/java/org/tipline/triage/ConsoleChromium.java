package org.tipline.triage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Chromium for the console's browser tests (e2e profile): starting it, signing in, and axe-core. */
final class ConsoleChromium {

    private ConsoleChromium() {}

    /** Chromium in a coordinator's language, with any further preferences (a download folder, say). */
    static ChromeDriver start(String language, Map<String, Object> preferences) throws IOException {
        var options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--lang=" + language,
                        "--user-data-dir=" + Files.createTempDirectory("tipline-chromium"));
        Map<String, Object> prefs = new HashMap<>(preferences);
        prefs.put("intl.accept_languages", language);
        options.setExperimentalOption("prefs", prefs);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        return new ChromeDriver(service, options);
    }

    /** Signs in with password and one-time code, as a coordinator does, and waits for the queue. */
    static void signIn(WebDriver browser, String baseUrl, TriageTestSetup.StaffAccount account) {
        browser.get(baseUrl + "/login");
        browser.findElement(By.id("username")).sendKeys(account.username());
        browser.findElement(By.id("password")).sendKeys(TriageTestSetup.PASSWORD);
        browser.findElement(By.cssSelector("#login-form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(driver -> driver.getCurrentUrl().contains("/sign-in/code"));
        browser.findElement(By.id("code")).sendKeys(account.nextCode());
        browser.findElement(By.cssSelector("#code-form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(driver -> driver.getCurrentUrl().contains("/queue"));
    }

    /** axe-core's WCAG 2.2 A/AA violations on the page shown, each prefixed with {@code page}. */
    static List<String> axe(WebDriver browser, String page) throws IOException {
        var js = (JavascriptExecutor) browser;
        js.executeScript(Files.readString(Path.of(System.getProperty("tipline.axe.script"))));
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
                   .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))));
                """);
        List<String> violations = new ArrayList<>();
        for (Object violation : (List<?>) result) {
            violations.add(page + " -> " + violation);
        }
        return violations;
    }
}
