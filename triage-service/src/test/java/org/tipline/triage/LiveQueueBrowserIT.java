package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.model.tip.SealedTip;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Chromium;

/**
 * A coordinator with the queue open, in English and in Spanish: an urgent tip that arrives is announced at the top of
 * the page and appears in the list without a reload, and a tipster's reply is announced; axe-core finds no violation
 * with the notices shown. Run by the e2e profile.
 */
@TriageIntegrationTest(properties = "tipline.triage.live.poll=PT1S")
class LiveQueueBrowserIT {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @LocalServerPort
    int port;

    @Test
    void anUrgentTipAndATipstersReplyAreAnnouncedOnTheOpenQueue() throws Exception {
        List<String> violations = new ArrayList<>();
        for (String language : List.of("en", "es")) {
            ChromeDriver browser = Chromium.start(Map.of("intl.accept_languages", language), "--lang=" + language);
            try {
                Chromium.asPhone(browser);
                ChromiumConsole.signIn(browser, url(""), SETUP.staff("COORDINATOR"));
                // The stream is open once the page has loaded its script; give it a moment before the tip arrives.
                Thread.sleep(2_000);

                UUID urgent = SETUP.fileTip(TipAnswers.builder()
                        .location("Muelle 4")
                        .happeningNow(true)
                        .details("Está pasando ahora")
                        .build());
                String alert =
                        waitForText(browser, "live-alert", urgent.toString().substring(0, 8));
                assertThat(alert)
                        .contains(language.equals("en") ? "Urgent tip just arrived" : "Acaba de llegar")
                        .contains(language.equals("en") ? "Happening now" : "Está ocurriendo ahora")
                        .doesNotContain("Muelle");
                new WebDriverWait(browser, Duration.ofSeconds(20))
                        .until(driver ->
                                !driver.findElements(By.id("row-" + urgent)).isEmpty());

                SealedTip answered = SETUP.fileSealedTip(
                        TipAnswers.builder().location("Calle 9").build());
                SETUP.tipsterReplies(answered.receipt(), "Volvieron esta noche");
                String notice = waitForText(
                        browser, "live-notice", answered.id().toString().substring(0, 8));
                assertThat(notice)
                        .contains(language.equals("en") ? "A tipster replied" : "Un informante respondió")
                        .doesNotContain("Volvieron");
                violations.addAll(Chromium.axe(browser, "queue with notices " + language));
            } finally {
                browser.quit();
            }
        }
        assertThat(violations).isEmpty();
    }

    private static String waitForText(ChromeDriver browser, String id, String text) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            String shown = driver.findElement(By.id(id)).getText();
            return shown.contains(text) ? shown : null;
        });
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
