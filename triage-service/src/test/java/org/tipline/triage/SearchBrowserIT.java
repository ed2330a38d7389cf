package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.model.tip.TipAnswers;
import org.tipline.model.tip.VehicleSeen;
import org.tipline.testsupport.Chromium;

/**
 * A coordinator on a 390 px phone, in English and in Spanish, finds a tip by words typed without accents and by its
 * plate, from the console's menu, and opens it; axe-core finds no violation on the search page or its results. Run by
 * the e2e profile, which keeps a screenshot of each results page.
 */
@TriageIntegrationTest
class SearchBrowserIT {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @LocalServerPort
    int port;

    @Test
    void aCoordinatorOnAPhoneFindsATipByWordsAndByPlateInEitherLanguage() throws Exception {
        UUID tip = SETUP.fileTip(TipAnswers.builder()
                .location("Motel Ríoverde, Ruta 7")
                .details("Una camioneta gris deja a dos niñas cada noche.")
                .vehicleDetails(List.of(new VehicleSeen("Honda", "Odyssey", "gris", "KT-5521", "CT", "")))
                .build());
        String shortId = tip.toString().substring(0, 8);
        List<String> violations = new ArrayList<>();
        for (String language : List.of("en", "es")) {
            ChromeDriver browser = Chromium.start(Map.of("intl.accept_languages", language), "--lang=" + language);
            try {
                Chromium.asPhone(browser);
                ChromiumConsole.signIn(browser, url(""), SETUP.staff("COORDINATOR"));
                browser.findElement(By.linkText(language.equals("en") ? "Search" : "Buscar"))
                        .click();
                ChromiumConsole.waitForPath(browser, "/search");
                assertThat(browser.findElement(By.tagName("html")).getAttribute("lang"))
                        .isEqualTo(language);
                violations.addAll(Chromium.axe(browser, "search " + language));

                browser.findElement(By.id("q")).sendKeys("camioneta gris rioverde" + Keys.ENTER);
                var results = new WebDriverWait(browser, Duration.ofSeconds(30))
                        .until(driver -> driver.findElement(By.id("search-results")));
                assertThat(results.getText())
                        .contains(language.equals("en") ? "Tip " + shortId : "Aviso " + shortId)
                        .contains(language.equals("en") ? "the vehicles" : "los vehículos")
                        .doesNotContain("niñas");
                assertThat(noSidewaysScroll(browser)).isTrue();
                violations.addAll(Chromium.axe(browser, "results " + language));
                Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
                Files.write(
                        screenshots.resolve("search-390-" + language + ".png"),
                        browser.getScreenshotAs(OutputType.BYTES));

                browser.findElement(By.id("q")).clear();
                browser.findElement(By.id("q")).sendKeys("kt 5521" + Keys.ENTER);
                new WebDriverWait(browser, Duration.ofSeconds(30))
                        .until(driver ->
                                driver.findElements(By.id("hit-" + tip)).size() == 1);
                browser.findElement(By.cssSelector("#hit-" + tip + " a")).click();
                ChromiumConsole.waitForPath(browser, "/tips/" + tip);
            } finally {
                browser.quit();
            }
        }
        assertThat(violations).isEmpty();
    }

    private static boolean noSidewaysScroll(ChromeDriver browser) {
        return (Boolean) browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
