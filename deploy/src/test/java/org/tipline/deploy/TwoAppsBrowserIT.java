package org.tipline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.tipline.model.crypto.Totp;
import org.tipline.testsupport.Chromium;
import org.tipline.testsupport.Ports;
import org.tipline.testsupport.TestDatabase;

/**
 * Both apps from the packaged launcher on real PostgreSQL, driven in Debian's Chromium with JavaScript on (the proof
 * of work runs in the browser's worker): a Spanish tipster and a witness to a child in danger file through the public
 * form, a coordinator handles both to a recorded child-protection forward, and every accented text arrives intact on
 * the tipster's follow-up page, in the packet PDF's extracted text and in the HTCDS JSON. A screenshot per step goes
 * to target/two-apps-browser/ for humans.
 */
class TwoAppsBrowserIT {

    static final String SPANISH_LOCATION = "Café Ñandú, calle Peñón 5";
    static final String SPANISH_DETAILS =
            "Él le quitó el pasaporte en el café; ¿dónde está la niña? Pingüino en la camiseta.";
    static final String CHILD_LOCATION = "Motel Año Nuevo, habitación 112";
    static final String CHILD_DETAILS = "Una niña de unos 14 años está allí ahora con el señor Müller; pidió ayuda.";
    static final String QUESTION = "¿Vio hacia dónde se fue la camioneta? Gracias por su ayuda, señora.";
    static final String PACKET_NOTE = "Nota de la coordinadora: la niña habló en español; él se llama José Ibáñez.";
    static final Path SCREENSHOTS = Path.of("target", "two-apps-browser");

    @TempDir
    static Path dataDirectory;

    private static final TestDatabase DATABASE = TestDatabase.empty();
    private static Process launcher;
    private static int intakePort;
    private static int triagePort;
    private static WebDriver browser;
    private static Path downloads;
    private int step;

    @BeforeAll
    static void startLauncherAndChromium() throws Exception {
        intakePort = Ports.free();
        triagePort = Ports.free();
        launcher =
                TestProcesses.startLauncher(TestProcesses.launcherOn(DATABASE, dataDirectory, intakePort, triagePort));
        TestProcesses.awaitLine(launcher, "Tipline is running", Duration.ofSeconds(180));

        downloads = Files.createTempDirectory("tipline-downloads");
        browser = Chromium.start(
                Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false),
                "--window-size=1280,1600");
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (launcher != null) {
            launcher.destroy();
            assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aSpanishTipAndAChildInDangerGoFromThePublicFormToARecordedChildProtectionForward() throws Exception {
        String spanishReceipt = fileSpanishTip();
        fileChildInDangerTip();

        // The coordinator's queue puts the child in danger now first; its page has the call-now banner and the
        // child-protection requirement, and the tipster's words as typed.
        signInAsCoordinator();
        // The live queue swaps in a fresh list when it announces the two new tips, which can be just after the page
        // opened: each read and the click look the rows up again rather than hold elements of the old list.
        List<String> tips = new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#queue tbody a[href^='/tips/']")).stream()
                        .map(link -> path(link.getAttribute("href")))
                        .toList());
        assertThat(tips).hasSize(2);
        waitForText("#queue tbody tr:first-child td:nth-child(2)", "Happening now · may involve a minor");
        String childTip = tips.get(0);
        String spanishTip = tips.get(1);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    d.findElement(By.cssSelector("#queue tbody a[href='" + childTip + "']"))
                            .click();
                    return true;
                });
        waitForPath(childTip);
        assertThat(text("#call-now")).contains("Call before anything else").contains("911");
        assertThat(text("main")).contains("A minor may be involved: a child-protection referral is required.");
        assertThat(text("#answer-location")).isEqualTo(CHILD_LOCATION);
        assertThat(text("#answer-details")).isEqualTo(CHILD_DETAILS);
        screenshot("coordinator-child-tip-first");

        // A question in Spanish reaches the Spanish tipster intact, read with the receipt on the public page.
        browser.get(triage(spanishTip));
        assertThat(text("#answer-location")).isEqualTo(SPANISH_LOCATION);
        assertThat(text("#answer-details")).isEqualTo(SPANISH_DETAILS);
        browser.findElement(By.id("message")).sendKeys(QUESTION);
        browser.findElement(By.cssSelector("#message-form button")).click();
        waitForText("#timeline-entries", QUESTION);
        screenshot("coordinator-asked-spanish-tipster");
        browser.get(intake("/status?lang=es"));
        browser.findElement(By.id("receipt")).sendKeys(spanishReceipt);
        browser.findElement(By.cssSelector("#status-form button[type=submit]")).click();
        waitForText("#messages", QUESTION);
        screenshot("tipster-reads-question");

        // The child's packet for child protection: pre-selected, the tipster's accents and the coordinator's note
        // intact in the PDF's extracted text and in the HTCDS JSON.
        browser.get(triage(childTip + "/packet"));
        assertThat(browser.findElement(By.id("packet-destination-ct-dcf-careline"))
                        .isSelected())
                .isTrue();
        var details = browser.findElement(By.id("details"));
        assertThat(details.getAttribute("value")).isEqualTo(CHILD_DETAILS);
        details.sendKeys("\n" + PACKET_NOTE);
        screenshot("coordinator-packet");
        String pdfText;
        try (var document = Loader.loadPDF(export("pdf", "pdf"))) {
            pdfText = new PDFTextStripper().getText(document);
        }
        assertThat(pdfText).contains(CHILD_LOCATION).contains(CHILD_DETAILS).contains(PACKET_NOTE);
        String json = new String(export("json", "json"), StandardCharsets.UTF_8);
        assertThat(json).contains(CHILD_LOCATION).contains(CHILD_DETAILS).contains(PACKET_NOTE);

        // The forward is recorded with the packet's reference, after which the tip closes as referred.
        browser.findElement(By.id("forward-contact")).sendKeys("Trabajadora Núñez");
        browser.findElement(By.cssSelector("#record-forward-form button")).click();
        waitForText("#referrals", "Trabajadora Núñez");
        screenshot("coordinator-forward-recorded");
        new Select(browser.findElement(By.id("status-select"))).selectByValue("CLOSED");
        new Select(browser.findElement(By.id("reason-select"))).selectByValue("REFERRED");
        browser.findElement(By.cssSelector("#status-form button")).click();
        waitForText("#tip-state", "Status: Closed");
        screenshot("coordinator-closed-child-tip");
        assertThat(storedStatus(childTip.substring("/tips/".length()))).isEqualTo("CLOSED");
    }

    private String fileSpanishTip() throws IOException {
        browser.get(intake("/?lang=es"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
        browser.findElement(By.id("location")).sendKeys(SPANISH_LOCATION);
        browser.findElement(By.id("next")).click();
        onNextPage(By.id("details")).sendKeys(SPANISH_DETAILS);
        screenshot("spanish-form");
        String receipt = review();
        assertThat(text("main")).contains("Qué pasa ahora");
        screenshot("spanish-receipt");
        return receipt;
    }

    private void fileChildInDangerTip() throws IOException {
        browser.get(intake("/"));
        browser.findElement(By.id("location")).sendKeys(CHILD_LOCATION);
        browser.findElement(By.id("happeningNow")).click();
        browser.findElement(By.cssSelector("input[type=radio][value='12-17']")).click();
        // The form's pages: what was seen, then who.
        browser.findElement(By.id("next")).click();
        onNextPage(By.id("details")).sendKeys(CHILD_DETAILS);
        browser.findElement(By.id("next")).click();
        onNextPage(By.id("person-0-role-possible-victim")).click();
        new Select(browser.findElement(By.id("person-0-age"))).selectByValue("12-17");
        screenshot("child-form");
        review();
        assertThat(text(".urgent")).contains("call 911 now");
        assertThat(text("main")).contains("a minor may be involved");
        screenshot("child-receipt");
    }

    /** A field of the form's next page, once that page has loaded: a click on "Next" does not wait for it. */
    private org.openqa.selenium.WebElement onNextPage(By field) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(field));
    }

    /** Reviews the tip and sends it; the page's script solves the proof of work in a worker before it posts. */
    private String review() {
        browser.findElement(By.id("review-now")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("review-form")));
        browser.findElement(By.cssSelector("#review-form button[value=send]")).click();
        return new WebDriverWait(browser, Duration.ofSeconds(120))
                .until(d -> d.findElement(By.id("receipt-code")))
                .getText();
    }

    private void signInAsCoordinator() throws IOException {
        Matcher coordinator = Pattern.compile("coordinator: username=(\\S+) password=(\\S+) totp=(\\S+)")
                .matcher(Files.readString(dataDirectory.resolve("demo-accounts.txt")));
        assertThat(coordinator.find()).isTrue();
        browser.get(triage("/login"));
        browser.findElement(By.id("username")).sendKeys(coordinator.group(1));
        browser.findElement(By.id("password")).sendKeys(coordinator.group(2));
        browser.findElement(By.cssSelector("#login-form button")).click();
        waitForPath("/sign-in/code");
        browser.findElement(By.id("code")).sendKeys(Totp.code(Totp.fromBase32(coordinator.group(3)), Instant.now()));
        browser.findElement(By.cssSelector("#code-form button")).click();
        waitForPath("/queue");
        screenshot("coordinator-queue");
    }

    /** Presses the packet form's button and returns the file Chromium downloaded. */
    private byte[] export(String action, String extension) throws IOException {
        return Chromium.download(
                browser, downloads, By.cssSelector("#packet-form button[value='" + action + "']"), extension);
    }

    private void screenshot(String name) throws IOException {
        step++;
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(String.format("%02d-%s.png", step, name)), png);
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private void waitForPath(String path) {
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(driver -> path(driver.getCurrentUrl()).equals(path));
    }

    /** Waits through the page change a button starts: the element may belong to the page that is going away. */
    private void waitForText(String css, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .ignoring(StaleElementReferenceException.class)
                .withMessage(() -> css + " never showed \"" + text + "\"; the page shows: "
                        + browser.findElement(By.tagName("body")).getText())
                .until(driver ->
                        driver.findElement(By.cssSelector(css)).getText().contains(text));
    }

    private static String storedStatus(String tipId) throws SQLException {
        try (var owner = DATABASE.connectAsOwner();
                var query = owner.prepareStatement("SELECT status FROM tip WHERE id = ?::uuid")) {
            query.setString(1, tipId);
            try (var rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String path(String url) {
        return URI.create(url).getPath();
    }

    private static String intake(String path) {
        return "http://localhost:" + intakePort + path;
    }

    private static String triage(String path) {
        return "http://localhost:" + triagePort + path;
    }
}
