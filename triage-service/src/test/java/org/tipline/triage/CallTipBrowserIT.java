package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.testsupport.Chromium;

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
        List<String> violations = new ArrayList<>();
        for (String language : List.of("en", "es")) {
            WebDriver browser = Chromium.start(Map.of("intl.accept_languages", language), "--lang=" + language);
            try {
                ChromiumConsole.signIn(browser, url(""), SETUP.staff("COORDINATOR"));
                browser.get(url("/calls/new"));
                assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
                        .isEqualTo(language);
                violations.addAll(Chromium.axe(browser, "form " + language));

                // A second person block, an overlong detail and a number the caller did not ask to be kept.
                browser.findElement(By.id("add-person")).click();
                waitFor(browser, By.id("person-1"));
                browser.findElement(By.id("person-0-clothing")).sendKeys("x".repeat(301));
                browser.findElement(By.id("callback-number")).sendKeys("860 555 0100");
                browser.findElement(By.id("file-call")).click();
                waitFor(browser, By.id("call-errors"));
                assertThat(browser.findElements(By.id("person-0-error"))).hasSize(1);
                assertThat(browser.findElements(By.id("callback-error"))).hasSize(1);
                violations.addAll(Chromium.axe(browser, "form with errors " + language));

                browser.findElement(By.id("person-0-clothing")).clear();
                browser.findElement(By.id("person-0-clothing")).sendKeys("abrigo gris");
                browser.findElement(By.id("callbackWanted")).click();
                browser.findElement(By.id("location")).sendKeys("Motel de la Ruta 1, habitación 12");
                browser.findElement(By.id("happeningNow")).click();
                browser.findElement(By.id("file-call")).click();
                assertThat(waitFor(browser, By.id("receipt")).getText()).matches("([0-9A-Z]{4}-){4}[0-9A-Z]{4}");
                violations.addAll(Chromium.axe(browser, "receipt " + language));
            } finally {
                browser.quit();
            }
        }
        assertThat(violations).isEmpty();
    }

    private static org.openqa.selenium.WebElement waitFor(WebDriver browser, By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(locator));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
