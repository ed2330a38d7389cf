package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Chromium;

/**
 * Issue 17 items 6 and 7 in Chromium on a 390 px phone, in English and Spanish: a refused "Mark as one case" and a
 * successful one (the other tip picked from the list, no id typed) each answer at the top of the tip page, in sight,
 * with focus on the feedback region; the page has in-page navigation; axe-core finds no WCAG 2.2 A/AA violation.
 */
@TriageIntegrationTest(properties = "tipline.triage.live.max-listeners=0")
class TipPageFeedbackBrowserIT {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    static final Map<String, List<String>> WORDS = Map.of(
            "en", List.of("is not a tip id", "The tips are now one case.", "opened recently"),
            "es",
                    List.of(
                            "no es un identificador de aviso",
                            "Los avisos forman ahora un solo caso.",
                            "abierto hace poco"));

    @LocalServerPort
    int port;

    @Test
    void aRefusalAndAResultAppearAtTheTopWithFocusInEitherLanguage() throws Exception {
        List<String> violations = new ArrayList<>();
        for (String language : List.of("en", "es")) {
            UUID tip = SETUP.fileTip(TipAnswers.builder()
                    .location("Canal Street " + language)
                    .details("one")
                    .build());
            UUID other = SETUP.fileTip(TipAnswers.builder()
                    .location("Ferry Lane " + language)
                    .details("two")
                    .build());
            ChromeDriver browser = Chromium.start(Map.of("intl.accept_languages", language), "--lang=" + language);
            try {
                ChromiumConsole.signIn(browser, url(""), SETUP.staff("COORDINATOR"));
                browser.executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
                browser.get(url("/tips/" + other));
                browser.get(url("/tips/" + tip));
                for (String section :
                        List.of("handling", "referrals-heading", "linked-tips", "case", "ask", "notes", "timeline")) {
                    assertThat(browser.findElements(By.cssSelector("nav.sections a[href='#" + section + "']")))
                            .as("in-page link to " + section)
                            .hasSize(1);
                    assertThat(browser.findElements(By.id(section))).hasSize(1);
                }

                browser.findElement(By.id("case-other")).sendKeys("not-an-id");
                browser.findElement(By.cssSelector("#case-form button")).click();
                assertFeedbackInSightWithFocus(
                        browser, "refusal", WORDS.get(language).get(0));
                assertThat(browser.findElement(By.id("case-other")).getAttribute("value"))
                        .isEmpty();
                violations.addAll(Chromium.axe(browser, "refused case at 390 px " + language));
                screenshot(browser, "tip-refused-390-" + language);

                Select picked = new Select(browser.findElement(By.id("case-picked")));
                assertThat(picked.getOptions().get(1).getText())
                        .isEqualTo((language.equals("en") ? "Tip " : "Aviso ")
                                + other.toString().substring(0, 8) + ": "
                                + WORDS.get(language).get(2));
                picked.selectByValue(other.toString());
                browser.findElement(By.cssSelector("#case-form button")).click();
                new WebDriverWait(browser, Duration.ofSeconds(30))
                        .until(d -> d.getCurrentUrl().endsWith("?linked#feedback"));
                assertFeedbackInSightWithFocus(
                        browser, "result", WORDS.get(language).get(1));
                assertThat(browser.findElement(By.id("case-members")).getText())
                        .contains(other.toString().substring(0, 8));
                violations.addAll(Chromium.axe(browser, "case linked at 390 px " + language));
                screenshot(browser, "tip-linked-390-" + language);
            } finally {
                browser.quit();
            }
        }
        assertThat(violations).isEmpty();
    }

    /** The retention page's hold form (short id or a pick from the list, and a reason) passes axe in both languages. */
    @Test
    void theLegalHoldFormPassesAxeInEitherLanguage() throws Exception {
        List<String> violations = new ArrayList<>();
        for (String language : List.of("en", "es")) {
            ChromeDriver browser = Chromium.start(Map.of("intl.accept_languages", language), "--lang=" + language);
            try {
                ChromiumConsole.signInAnyRole(browser, url(""), SETUP.staff("SUPERVISOR"));
                browser.get(url("/retention"));
                assertThat(browser.findElement(By.id("hold-reason")).getAttribute("required"))
                        .isNotNull();
                violations.addAll(Chromium.axe(browser, "retention " + language));
            } finally {
                browser.quit();
            }
        }
        assertThat(violations).isEmpty();
    }

    /** The region says what happened, sits within the top half of the screen, and holds the focus. */
    private static void assertFeedbackInSightWithFocus(ChromeDriver browser, String part, String words) {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> "feedback".equals(browser.executeScript("return document.activeElement.id")));
        assertThat(browser.findElement(By.id(part)).getText()).contains(words);
        Number top = (Number)
                browser.executeScript("return document.getElementById('feedback').getBoundingClientRect().top");
        Number height = (Number) browser.executeScript("return window.innerHeight");
        assertThat(top.doubleValue()).as("top of the feedback").isBetween(-1.0, height.doubleValue() / 2);
    }

    private static void screenshot(ChromeDriver browser, String name) throws IOException {
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of());
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(folder.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
