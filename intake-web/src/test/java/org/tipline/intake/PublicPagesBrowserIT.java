package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipline.testsupport.Chromium;

/**
 * The public pages in Debian's Chromium with JavaScript on: axe-core finds no WCAG 2.2 A/AA violation on any of
 * them in either language, and the form works. The quick exit and the tipster's own page links are in
 * {@link TipsterPagesBrowserIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicPagesBrowserIT extends PublicPagesInChromium {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        IntakeTestDatabase.registerForChromium(registry);
    }

    @Test
    void noPublicPageHasAnAccessibilityViolationInEitherLanguage() {
        List<String> violations = new ArrayList<>();
        for (String language : List.of("en", "es")) {
            browser.get(url("/?lang=" + language));
            violations.addAll(Chromium.axe(browser, "form " + language));

            browser.findElement(By.id("review-now")).click();
            waitFor(By.className("error-summary"));
            violations.addAll(Chromium.axe(browser, "form with errors " + language));

            browser.findElement(By.id("location")).sendKeys("Harbor Motel, room 9");
            browser.findElement(By.id("happeningNow")).click();
            browser.findElement(By.id("review-now")).click();
            waitFor(By.id("review-form"));
            violations.addAll(Chromium.axe(browser, "review " + language));
            browser.findElement(By.cssSelector("#review-form button[value=send]"))
                    .click();
            String receipt = waitFor(By.id("receipt-code")).getText();
            violations.addAll(Chromium.axe(browser, "receipt " + language));

            browser.get(url("/status?lang=" + language));
            violations.addAll(Chromium.axe(browser, "follow-up " + language));
            browser.findElement(By.id("receipt")).sendKeys("not a receipt");
            browser.findElement(By.cssSelector("#status-form button[type=submit]"))
                    .click();
            waitFor(By.id("receipt-error"));
            violations.addAll(Chromium.axe(browser, "follow-up with error " + language));
            browser.findElement(By.id("receipt")).clear();
            browser.findElement(By.id("receipt")).sendKeys(receipt);
            browser.findElement(By.cssSelector("#status-form button[type=submit]"))
                    .click();
            waitFor(By.id("status"));
            violations.addAll(Chromium.axe(browser, "follow-up with status " + language));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theFormFilesATipWithJavaScriptOnAndEveryPageAnswered() {
        browser.get(url("/"));
        browser.findElement(By.id("location")).sendKeys("Lakeside Nails, 5 Water St");
        browser.findElement(By.id("next")).click();
        waitFor(By.id("indicator-appears-controlled")).click();
        browser.findElement(By.id("details")).sendKeys("a man collects their money at closing");
        browser.findElement(By.id("next")).click();
        waitFor(By.id("person-0-age"));
        browser.findElement(By.id("person-0-clothing")).sendKeys("salon smocks, about 20");
        browser.findElement(By.id("next")).click();
        waitFor(By.id("vehicle-0-plate")).sendKeys("AK-7731");
        browser.findElement(By.id("vehicle-0-color")).sendKeys("black");
        browser.findElement(By.id("review-now")).click();
        waitFor(By.id("review-form"))
                .findElement(By.cssSelector("button[value=send]"))
                .click();

        assertThat(waitFor(By.id("receipt-code")).getText()).matches("([0-9A-Z]{4}-){4}[0-9A-Z]{4}");
    }

    @Test
    void aTipCanBeSentWithTheKeyboardAlone() {
        browser.get(url("/"));
        var keyboard = new Actions(browser);
        // Tab from the top of the page until the first answer field has focus, as a keyboard user would.
        for (int i = 0; i < 20 && !"location".equals(focusedId()); i++) {
            keyboard.sendKeys(Keys.TAB).perform();
        }
        assertThat(focusedId()).isEqualTo("location");
        keyboard.sendKeys("Keyboard Court 3").perform();
        // Enter in a field goes to the next page, where a keyboard user tabs to a warning sign.
        keyboard.sendKeys(Keys.ENTER).perform();
        waitFor(By.id("details"));
        for (int i = 0; i < 100 && !"indicator-minor-in-commercial-sex".equals(focusedId()); i++) {
            keyboard.sendKeys(Keys.TAB).perform();
        }
        assertThat(focusedId()).isEqualTo("indicator-minor-in-commercial-sex");
        keyboard.sendKeys(Keys.SPACE).perform();
        for (int i = 0; i < 60 && !"review-now".equals(focusedId()); i++) {
            keyboard.sendKeys(Keys.TAB).perform();
        }
        keyboard.sendKeys(Keys.ENTER).perform();
        waitFor(By.id("review-form"));
        // On the review page the first button is "Send the tip".
        for (int i = 0; i < 30 && !"BUTTON".equals(focusedTag()); i++) {
            keyboard.sendKeys(Keys.TAB).perform();
        }
        keyboard.sendKeys(Keys.ENTER).perform();

        assertThat(waitFor(By.id("receipt-code")).getText()).matches("([0-9A-Z]{4}-){4}[0-9A-Z]{4}");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("a minor may be involved");
    }

    @Test
    void theBrowsersProofOfWorkComputesWhatTheServerChecks() {
        browser.get(url("/"));
        String input = "v2.123.3.10.abc.def|token-\u00e9|42";
        Object digest = ((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "var worker = new Worker('/js/proof-of-work-worker.js');"
                                + "worker.onmessage = function (e) { done(e.data.digest); };"
                                + "worker.postMessage({ check: arguments[0] });",
                        input);
        byte[] expected = org.tipline.model.crypto.BalloonHash.hash(
                input.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "tipline/proof-of-work/v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                org.tipline.intake.abuse.ProofOfWork.SPACE,
                org.tipline.intake.abuse.ProofOfWork.TIME,
                org.tipline.intake.abuse.ProofOfWork.DELTA);
        assertThat(digest).isEqualTo(java.util.HexFormat.of().formatHex(expected));
    }

    private String focusedId() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript("return document.activeElement.id"));
    }

    private String focusedTag() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript("return document.activeElement.tagName"));
    }
}
