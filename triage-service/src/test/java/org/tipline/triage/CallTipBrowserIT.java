package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The "New tip from a call" pages in Chromium, in a coordinator's English and Spanish browser: axe-core finds no
 * WCAG 2.2 A/AA violation on the form, the form with errors, or the receipt page, and the tip files. Run by the e2e
 * profile.
 */
@TriageIntegrationTest
class CallTipBrowserIT {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @LocalServerPort
    int port;

    @Test
    void theCallPagesHaveNoAccessibilityViolationsInEitherLanguage() throws Exception {
        String axe = Files.readString(Path.of(System.getProperty("tipline.axe.script")));
        List<String> violations = new ArrayList<>();
        for (String language : List.of("en", "es")) {
            WebDriver browser = chromium(language);
            try {
                signIn(browser, SETUP.staff("COORDINATOR"));
                browser.get(url("/calls/new"));
                assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
                        .isEqualTo(language);
                violations.addAll(axe(browser, axe, "form " + language));

                // A second person block, an overlong detail and a number the caller did not ask to be kept.
                browser.findElement(By.id("add-person")).click();
                waitFor(browser, By.id("person-1"));
                browser.findElement(By.id("person-0-clothing")).sendKeys("x".repeat(301));
                browser.findElement(By.id("callback-number")).sendKeys("860 555 0100");
                browser.findElement(By.id("file-call")).click();
                waitFor(browser, By.id("call-errors"));
                assertThat(browser.findElements(By.id("person-0-error"))).hasSize(1);
                assertThat(browser.findElements(By.id("callback-error"))).hasSize(1);
                violations.addAll(axe(browser, axe, "form with errors " + language));

                browser.findElement(By.id("person-0-clothing")).clear();
                browser.findElement(By.id("person-0-clothing")).sendKeys("abrigo gris");
                browser.findElement(By.id("callbackWanted")).click();
                browser.findElement(By.id("location")).sendKeys("Motel de la Ruta 1, habitación 12");
                browser.findElement(By.id("happeningNow")).click();
                browser.findElement(By.id("file-call")).click();
                assertThat(waitFor(browser, By.id("receipt")).getText()).matches("([0-9A-Z]{4}-){4}[0-9A-Z]{4}");
                violations.addAll(axe(browser, axe, "receipt " + language));
            } finally {
                browser.quit();
            }
        }
        assertThat(violations).isEmpty();
    }

    private static WebDriver chromium(String language) throws IOException {
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
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        return new ChromeDriver(service, options);
    }

    private void signIn(WebDriver browser, TriageTestSetup.StaffAccount account) {
        browser.get(url("/login"));
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

    private static List<String> axe(WebDriver browser, String script, String page) {
        var js = (JavascriptExecutor) browser;
        js.executeScript(script);
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

    private static org.openqa.selenium.WebElement waitFor(WebDriver browser, By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(locator));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
