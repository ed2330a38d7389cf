package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipline.testsupport.Chromium;

/**
 * The form in pages (where, what you saw, who, vehicles, review) in Chromium on a 390 px phone: a Spanish tipster walks
 * every page, goes back and finds everything kept, and sends, with JavaScript on and with it off; no axe-core violation
 * on any page in either language. Screenshots of each page at 390 and 1280 px go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProgressiveFormBrowserIT extends PublicPagesInChromium {

    private static final String DETAILS = "Niña en peligro en Ríoverde";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        IntakeTestDatabase.register(registry);
        registry.add("tipline.intake.quick-exit-url", () -> IntakeTestDatabase.NEUTRAL_SITE);
        registry.add("tipline.intake.proof-of-work.enabled", () -> "true");
        registry.add("tipline.intake.proof-of-work.difficulty", () -> "3");
        // Short, so the walk without JavaScript sends after a brief wait instead of the other browser tests' 50 s.
        registry.add("tipline.intake.proof-of-work.slow-lane-wait", () -> "3s");
        registry.add("tipline.intake.proof-of-work.slow-lane-max-wait", () -> "3s");
    }

    @AfterEach
    void javaScriptBackOn() {
        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
    }

    @Test
    void aSpanishTipsterWalksEveryPageGoesBackAndSendsWithJavaScriptOn() throws InterruptedException {
        width(390);
        walkAndSend(true);
    }

    @Test
    void theSameWalkWorksWithJavaScriptOff() throws InterruptedException {
        width(390);
        browser.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        walkAndSend(false);
    }

    @Test
    void noPageOfTheFormHasAnAccessibilityViolationInEitherLanguageOrWidth() throws IOException {
        List<String> violations = new ArrayList<>();
        for (int width : List.of(390, 1280)) {
            width(width);
            for (String language : List.of("en", "es")) {
                browser.get(url("/?lang=" + language));
                for (int page = 1; page <= 5; page++) {
                    waitFor(By.id("progress"));
                    assertThat(browser.findElement(By.id("progress")).getText()).contains(page + " ");
                    violations.addAll(Chromium.axe(browser, "page " + page + " " + language + " " + width));
                    screenshot("form-step-" + page + "-" + language + "-" + width);
                    if (page == 1) {
                        browser.findElement(By.id("location")).sendKeys("Harbor Motel, room 9");
                    }
                    if (page < 5) {
                        browser.findElement(By.cssSelector("#tip-form button.submit"))
                                .click();
                    }
                }
                assertThat(browser.findElements(By.id("review-form"))).hasSize(1);
            }
        }
        assertThat(violations).isEmpty();
    }

    /** Every page in Spanish, back two pages and forward again, then the review and the receipt. */
    private void walkAndSend(boolean javaScript) throws InterruptedException {
        browser.get(url("/?lang=es"));
        assertThat(progress()).isEqualTo("Paso 1 de 5: Dónde y cuándo");
        // quick-exit.js shows its hint: proof that scripts run, or not.
        assertThat(browser.findElement(By.id("quick-exit-hint")).isDisplayed()).isEqualTo(javaScript);
        // The urgent questions come first: someone in danger now, or a minor, before anything else is asked.
        List<WebElement> fields = browser.findElements(By.cssSelector("#tip-form input:not([type=hidden])"));
        assertThat(fields.get(0).getDomAttribute("id")).isEqualTo("happeningNow");
        browser.findElement(By.id("youngestAge-12-17")).click();
        browser.findElement(By.id("location")).sendKeys("Calle del Río 5, Ríoverde");
        next("Paso 2 de 5: Lo que vio");

        browser.findElement(By.id("details")).sendKeys(DETAILS);
        browser.findElement(By.id("indicator-appears-controlled")).click();
        next("Paso 3 de 5: Quién estaba");
        assertThat(browser.findElements(By.id("people")))
                .as("one place to describe people")
                .isEmpty();

        browser.findElement(By.id("person-0-role-possible-victim")).click();
        browser.findElement(By.id("person-0-language")).sendKeys("español y mixteco");
        next("Paso 4 de 5: Vehículos");
        assertThat(browser.findElements(By.id("vehicles")))
                .as("one place to describe vehicles")
                .isEmpty();
        browser.findElement(By.id("vehicle-0-features")).sendKeys("calcomanía de un colibrí");

        back("Paso 3 de 5: Quién estaba");
        assertThat(value("person-0-language")).isEqualTo("español y mixteco");
        assertThat(browser.findElement(By.id("person-0-role-possible-victim")).isSelected())
                .isTrue();
        back("Paso 2 de 5: Lo que vio");
        assertThat(value("details")).isEqualTo(DETAILS);
        assertThat(browser.findElement(By.id("indicator-appears-controlled")).isSelected())
                .isTrue();
        back("Paso 1 de 5: Dónde y cuándo");
        assertThat(value("location")).isEqualTo("Calle del Río 5, Ríoverde");
        assertThat(browser.findElement(By.id("youngestAge-12-17")).isSelected()).isTrue();
        next("Paso 2 de 5: Lo que vio");
        next("Paso 3 de 5: Quién estaba");
        next("Paso 4 de 5: Vehículos");
        assertThat(value("vehicle-0-features")).isEqualTo("calcomanía de un colibrí");

        WebElement vehiclesPage = browser.findElement(By.id("progress"));
        browser.findElement(By.id("review-now")).click();
        waitUntilReplaced(vehiclesPage);
        assertThat(waitFor(By.id("review-details")).getText()).isEqualTo(DETAILS);
        assertThat(progress()).isEqualTo("Paso 5 de 5: Revisar y enviar");
        assertThat(browser.findElement(By.id("review-person-0")).getText()).contains("español y mixteco");
        assertThat(browser.findElement(By.id("review-vehicle-0")).getText()).contains("calcomanía de un colibrí");

        send();
        // Without JavaScript the pass is valid after the slow lane's wait; a send before it is asked to wait.
        for (int attempt = 0;
                attempt < 3 && !browser.findElements(By.id("send-again")).isEmpty();
                attempt++) {
            long seconds =
                    Long.parseLong(browser.findElement(By.id("send-again")).getDomAttribute("data-seconds"));
            Thread.sleep(seconds * 1000 + 500);
            send();
        }
        assertThat(waitFor(By.id("receipt-code")).getText()).matches("([0-9A-Z]{4}-){4}[0-9A-Z]{4}");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("es");
    }

    /** Presses Send and waits for what follows (with JavaScript, after the proof of work). */
    private void send() {
        WebElement review = browser.findElement(By.id("progress"));
        browser.findElement(By.cssSelector("#review-form button[value=send]")).click();
        waitUntilReplaced(review);
    }

    private void next(String expectedProgress) {
        press("next", expectedProgress);
    }

    private void back(String expectedProgress) {
        press("back", expectedProgress);
    }

    /** Presses the button and waits for the page it posts to, which replaces the one it was on. */
    private void press(String button, String expectedProgress) {
        WebElement before = browser.findElement(By.id("progress"));
        browser.findElement(By.id(button)).click();
        waitUntilReplaced(before);
        assertThat(progress()).isEqualTo(expectedProgress);
    }

    /**
     * Waits until the page holding {@code element} is replaced. While that happens, Chromium may answer for the old
     * element with a plain WebDriverException ("node does not belong to the document") rather than a stale-element
     * one, so the check is asked again until the element is stale.
     */
    private void waitUntilReplaced(WebElement element) {
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .ignoring(WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(element));
    }

    private String progress() {
        return waitFor(By.id("progress")).getText();
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getDomProperty("value");
    }

    private void width(int pixels) {
        browser.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", pixels, "height", 844, "deviceScaleFactor", 1, "mobile", pixels < 600));
    }

    /** The whole page, for docs/usability.md. */
    private static void screenshot(String name) throws IOException {
        Map<String, Object> shot =
                browser.executeCdpCommand("Page.captureScreenshot", Map.of("captureBeyondViewport", true));
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(folder.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
