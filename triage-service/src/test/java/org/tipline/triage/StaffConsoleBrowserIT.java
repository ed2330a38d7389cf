package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.model.tip.PersonSeen;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Chromium;

/**
 * A coordinator in Chromium handles a Spanish tip and a child-in-danger tip through to a recorded DCF forward. The
 * tips are filed as intake files them (sealed, by the intake role); what the coordinator types with accents arrives
 * intact on the tipster's follow-up page, in the packet PDF's text and in the HTCDS JSON (ChromeDriver types only
 * characters of the Basic Multilingual Plane, so emoji are covered by {@link StaffTextIntegrationTest}).
 */
@TriageIntegrationTest
class StaffConsoleBrowserIT {

    static final TriageTestSetup SETUP = new TriageTestSetup();
    static final String QUESTION = "¿Vio hacia dónde se fue la camioneta? Gracias por su ayuda, señora.";
    static final String PACKET_TEXT = "Él le quitó el pasaporte a la niña; pingüino en la camiseta. 北京";

    @LocalServerPort
    int port;

    private WebDriver browser;
    private Path downloads;

    @BeforeEach
    void startChromium() throws IOException, SQLException {
        downloads = Files.createTempDirectory("tipline-downloads");
        browser = Chromium.start(
                Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
    }

    @AfterEach
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCoordinatorHandlesASpanishTipAndAChildInDangerToARecordedChildProtectionForward() throws Exception {
        var spanish = SETUP.fileSealedTip(TipAnswers.builder()
                .location("Calle Ñandú 5")
                .details("Vi a una niña con un hombre mayor en el motel.")
                .build());
        var childNow = SETUP.fileSealedTip(TipAnswers.builder()
                .location("Harbor Motel, room 112")
                .placeType("hotel-motel")
                .happeningNow(true)
                .youngestAge("12-17")
                .details("Ella tiene unos 14 años y está allí ahora.")
                .persons(List.of(new PersonSeen("possible-victim", "12-17", "", "", "", "", "", "", "")))
                .city("Norwalk")
                .build());
        ChromiumConsole.signIn(browser, url(""), SETUP.staff("COORDINATOR"));

        // The child in danger is first in line, flagged both ways.
        browser.findElement(By.cssSelector("#take-next-form button")).click();
        ChromiumConsole.waitForPath(browser, "/tips/" + childNow.id());
        assertThat(browser.findElement(By.id("call-now")).getText()).contains("911");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .contains("A minor may be involved: a child-protection referral is required.");

        // The Spanish tip: a question in Spanish reaches the tipster's follow-up page intact.
        browser.get(url("/tips/" + spanish.id()));
        browser.findElement(By.id("message")).sendKeys(QUESTION);
        browser.findElement(By.cssSelector("#message-form button")).click();
        waitForText("#timeline-entries", QUESTION);
        assertThat(SETUP.tipsterSees(spanish.receipt())).containsExactly("TO_TIPSTER: " + QUESTION);

        // The child's packet: child protection is pre-selected, the redacted text keeps its accents.
        browser.get(url("/tips/" + childNow.id() + "/packet"));
        assertThat(browser.findElement(By.id("packet-destination-ct-dcf-careline"))
                        .isSelected())
                .isTrue();
        var details = browser.findElement(By.id("details"));
        details.clear();
        details.sendKeys(PACKET_TEXT);
        byte[] pdf = export("pdf", "pdf");
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).startsWith("%PDF");
        String pdfText;
        try (var document = Loader.loadPDF(pdf)) {
            pdfText = new PDFTextStripper().getText(document);
        }
        assertThat(pdfText).contains(PACKET_TEXT).contains("Hotel or motel / Hotel o motel");
        assertThat(new String(export("json", "json"), StandardCharsets.UTF_8)).contains(PACKET_TEXT);

        // Recording the forward with the packet's reference lets the tip close.
        browser.findElement(By.id("forward-contact")).sendKeys("Trabajadora Núñez");
        browser.findElement(By.cssSelector("#record-forward-form button")).click();
        waitForText("#referrals", "spoke to Trabajadora Núñez");
        new Select(browser.findElement(By.id("status-select"))).selectByValue("CLOSED");
        new Select(browser.findElement(By.id("reason-select"))).selectByValue("REFERRED");
        browser.findElement(By.cssSelector("#status-form button")).click();
        waitForText("#tip-state", "Status: Closed");
        assertThat(status(childNow.id())).isEqualTo("CLOSED");
    }

    /** Presses the packet form's button and returns the file Chromium downloaded. */
    private byte[] export(String action, String extension) throws IOException {
        return Chromium.download(
                browser, downloads, By.cssSelector("#packet-form button[value='" + action + "']"), extension);
    }

    private void waitForText(String css, String text) {
        // The page is replaced after each click; an element found just before that goes stale, so look again.
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .ignoring(StaleElementReferenceException.class)
                .until(driver ->
                        driver.findElement(By.cssSelector(css)).getText().contains(text));
    }

    private static String status(UUID tipId) throws SQLException {
        return SETUP.text("SELECT status FROM tip WHERE id = ?", tipId);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
