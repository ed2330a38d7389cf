package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipline.testsupport.Chromium;

/**
 * What a tipster on a 390 px phone meets on every public page, in Chromium with JavaScript on: the quick exit that
 * does not throw away a half-typed tip, the links to check on a tip and to stay safe, the language the browser asks
 * for, a receipt that never breaks inside a group, and no axe-core violation on the pages this changed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TipsterPagesBrowserIT extends PublicPagesInChromium {

    /** The first tab, the one sized as a phone; tests that need a fresh history open another and it is closed. */
    private static String phoneTab;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        IntakeTestDatabase.registerForChromium(registry);
    }

    @BeforeAll
    static void sizeAsAPhone() {
        Chromium.asPhone(browser);
        phoneTab = browser.getWindowHandle();
    }

    /** Back to the phone tab with the browser's own Accept-Language, which the Spanish test overrides. */
    @AfterEach
    void backToThePhoneTab() {
        for (String tab : browser.getWindowHandles()) {
            if (!tab.equals(phoneTab)) {
                browser.switchTo().window(tab).close();
            }
        }
        browser.switchTo().window(phoneTab);
        acceptLanguage("en-US,en");
    }

    @Test
    void oneEscWhileTypingKeepsTheTextAndTwoQuickOnesLeaveWithoutAWayBack() throws InterruptedException {
        freshTab();
        browser.get(url("/"));
        WebElement location = browser.findElement(By.id("location"));
        location.sendKeys("the motel on Route 1, room 12");

        press(Keys.ESCAPE);
        Thread.sleep(1200);
        assertThat(browser.getCurrentUrl()).startsWith(url("/"));
        assertThat(location.getDomProperty("value")).isEqualTo("the motel on Route 1, room 12");

        // A press after a pause is a new first press, not the second of a pair.
        press(Keys.ESCAPE);
        Thread.sleep(1200);
        assertThat(browser.getCurrentUrl()).startsWith(url("/"));

        new Actions(browser).sendKeys(Keys.ESCAPE).sendKeys(Keys.ESCAPE).perform();
        leftForTheNeutralSite();
    }

    @Test
    void oneEscOutsideAFieldLeavesWithoutAWayBack() {
        freshTab();
        browser.get(url("/"));
        browser.findElement(By.id("location")).sendKeys("something I do not want seen");
        ((JavascriptExecutor) browser).executeScript("document.activeElement.blur()");

        press(Keys.ESCAPE);
        leftForTheNeutralSite();
    }

    @Test
    void aSpanishBrowserGetsSpanishPagesUnlessEnglishWasChosen() {
        acceptLanguage("es-MX,es,en");

        browser.get(url("/"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("es");
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Denuncie una sospecha de trata de personas");
        assertThat(browser.findElement(By.id("check-link")).getDomAttribute("href"))
                .isEqualTo("/status?lang=es");

        browser.findElement(By.cssSelector("nav.languages a[hreflang=en]")).click();
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("en");
        browser.findElement(By.id("check-link")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Check on your tip");
    }

    @Test
    void everyPublicPageLinksToCheckingAndSafetyWithNoAccessibilityViolation() throws IOException {
        Path photo = sizedFile("big-photo.jpg", 11_000_000);
        List<String> violations = new ArrayList<>();
        for (String language : List.of("en", "es")) {
            browser.get(url("/?lang=" + language));
            tipsterLinksIn(language, "form");
            safetyNoteComesBeforeTheForm();
            violations.addAll(Chromium.axe(browser, "form " + language));

            browser.findElement(By.id("location")).sendKeys("Harbor Motel, room 9");
            browser.findElement(By.id("review-now")).click();
            waitFor(By.id("review-form"));
            tipsterLinksIn(language, "review");
            browser.findElement(By.cssSelector("#review-form button[value=send]"))
                    .click();
            String receipt = waitFor(By.id("receipt-code")).getText();
            tipsterLinksIn(language, "receipt");
            violations.addAll(Chromium.axe(browser, "receipt " + language));

            browser.findElement(By.id("check-link")).click();
            tipsterLinksIn(language, "follow-up");
            browser.findElement(By.id("receipt")).sendKeys(receipt);
            browser.findElement(By.cssSelector("#status-form button[type=submit]"))
                    .click();
            // The status page is a new page: wait for it rather than racing the click.
            waitFor(By.id("files")).sendKeys(photo.toString());
            browser.findElement(By.cssSelector("#attach-form button[type=submit]"))
                    .click();
            assertThat(waitFor(By.id("attach-error")).getText()).contains("big-photo.jpg", "11 MB", "10 MB");
            tipsterLinksIn(language, "follow-up with a refused photo");
            violations.addAll(Chromium.axe(browser, "follow-up with a refused photo " + language));

            browser.findElement(By.id("safety-link")).click();
            tipsterLinksIn(language, "safety");
            assertThat(browser.findElements(By.cssSelector("#safety-note + ul li")))
                    .hasSize(4);
            violations.addAll(Chromium.axe(browser, "safety " + language));

            browser.get(url("/no-such-page?lang=" + language));
            tipsterLinksIn(language, "not found");
        }
        assertThat(violations).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEmergencyNumbersAreLargeTapTargetsOnAPhone() {
        browser.get(url("/?lang=es"));
        var targets = (List<Map<String, Object>>) ((JavascriptExecutor) browser).executeScript("""
                return [...document.querySelectorAll('.emergency a[href^="tel:"], .emergency a[href^="sms:"]')]
                    .map(a => ({text: a.textContent, height: a.getBoundingClientRect().height,
                                width: a.getBoundingClientRect().width}));
                """);
        // The number to call now, and the hotline's number to call and to text.
        assertThat(targets).hasSize(3);
        assertThat(targets.get(0).get("text")).asString().contains("911");
        assertThat(((Number) targets.get(0).get("height")).doubleValue())
                .as("the emergency call, WCAG 2.5.5's 44 px")
                .isGreaterThanOrEqualTo(44);
        assertThat(targets).as("every number, at least WCAG 2.5.8's 24 px").allSatisfy(target -> {
            assertThat(((Number) target.get("height")).doubleValue()).isGreaterThanOrEqualTo(24);
            assertThat(((Number) target.get("width")).doubleValue()).isGreaterThanOrEqualTo(24);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReceiptBreaksOnlyBetweenGroupsOnAPhoneEvenWithLargeText() {
        browser.get(url("/"));
        browser.findElement(By.id("location")).sendKeys("Pier 4");
        browser.findElement(By.id("review-now")).click();
        waitFor(By.id("review-form"))
                .findElement(By.cssSelector("button[value=send]"))
                .click();
        waitFor(By.id("receipt-code"));
        var js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return window.innerWidth")).isEqualTo(390L);

        for (String textSize : List.of("100%", "200%")) {
            js.executeScript("document.documentElement.style.fontSize = arguments[0]", textSize);
            var layout = (Map<String, Object>) js.executeScript("""
                    const code = document.getElementById('receipt-code');
                    const groups = [...code.querySelectorAll('.receipt-group')];
                    return {
                      groups: groups.length,
                      linesPerGroup: groups.map(g => g.getClientRects().length),
                      lines: new Set(groups.map(g => Math.round(g.getBoundingClientRect().top))).size,
                      widest: Math.max(...groups.map(g => g.getBoundingClientRect().right)),
                      width: document.documentElement.clientWidth
                    };
                    """);
            assertThat(layout.get("groups")).as(textSize).isEqualTo(5L);
            assertThat((List<Object>) layout.get("linesPerGroup")).as(textSize).containsOnly(1L);
            assertThat(((Number) layout.get("widest")).doubleValue())
                    .as(textSize)
                    .isLessThanOrEqualTo(((Number) layout.get("width")).doubleValue());
            if (textSize.equals("200%")) {
                // Large text does not fit one line: the code wraps, and only between groups.
                assertThat((Long) layout.get("lines")).isGreaterThan(1L);
            }
        }
    }

    private void tipsterLinksIn(String language, String page) {
        String check = language.equals("en") ? "Check on your tip" : "Consulte su denuncia";
        String safety = language.equals("en") ? "Staying safe" : "Cómo protegerse";
        String hint = language.equals("en") ? "press Esc twice" : "presione Esc dos veces";
        WebElement checkLink = browser.findElement(By.id("check-link"));
        assertThat(checkLink.getText()).as(page).isEqualTo(check);
        assertThat(checkLink.getDomAttribute("href")).as(page).isEqualTo("/status?lang=" + language);
        WebElement safetyLink = browser.findElement(By.id("safety-link"));
        assertThat(safetyLink.getText()).as(page).isEqualTo(safety);
        assertThat(safetyLink.getDomAttribute("href")).as(page).isEqualTo("/safety?lang=" + language);
        WebElement exitHint = browser.findElement(By.id("quick-exit-hint"));
        assertThat(exitHint.isDisplayed()).as(page).isTrue();
        assertThat(exitHint.getText()).as(page).contains(hint);
    }

    private void safetyNoteComesBeforeTheForm() {
        Object before = ((JavascriptExecutor) browser)
                .executeScript("return !!(document.getElementById('safety-note').compareDocumentPosition("
                        + "document.getElementById('tip-form')) & Node.DOCUMENT_POSITION_FOLLOWING)");
        assertThat(before).isEqualTo(true);
        assertThat(browser.findElement(By.id("safety-note")).getText()).contains("Tor");
    }

    private void press(Keys key) {
        new Actions(browser).sendKeys(key).perform();
    }

    private void leftForTheNeutralSite() {
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> IntakeTestDatabase.NEUTRAL_SITE.equals(d.getCurrentUrl()));
        browser.navigate().back();
        assertThat(browser.getCurrentUrl()).doesNotContain("localhost:" + port);
    }

    /** A fresh tab: its history is only what the test does, so Back shows whether the page was replaced. */
    private void freshTab() {
        browser.switchTo().newWindow(WindowType.TAB);
    }

    /** Chromium's Accept-Language for these languages, in order; it adds the q-values itself. */
    private void acceptLanguage(String header) {
        String userAgent = String.valueOf(((JavascriptExecutor) browser).executeScript("return navigator.userAgent"));
        browser.executeCdpCommand(
                "Emulation.setUserAgentOverride", Map.of("userAgent", userAgent, "acceptLanguage", header));
    }

    private static Path sizedFile(String name, long bytes) throws IOException {
        Path file = Files.createTempDirectory("tipline-upload").resolve(name);
        try (var out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(bytes);
        }
        file.toFile().deleteOnExit();
        return file;
    }
}
