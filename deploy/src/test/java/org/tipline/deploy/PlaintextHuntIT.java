package org.tipline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipline.model.crypto.Totp;
import org.tipline.testsupport.Browsers;
import org.tipline.testsupport.Ports;

/**
 * A scripted session as the launcher runs it, with its own PostgreSQL in the data directory: a tip with marker words,
 * a note, a question, the tipster's answer and a PDF, a referral packet. Then, with everything stopped (so PostgreSQL
 * has checkpointed), every file in the data directory (tables, WAL, logs, keys) and every file the run left in the
 * temp directory is searched for every marker: none may be there but a control the test plants itself, which must
 * be found. Run in the multi-instance profile.
 */
class PlaintextHuntIT {

    /** Written by the test itself into the hunted area, never sent to either app. */
    private static final String PLANTED = "Planted-Control-08";

    private static final List<String> MARKERS = List.of(
            "Larkspur-Tip-91",
            "Corvina-Person-17",
            "Wexford-Plate-3",
            "Sablewood-Note-44",
            "Tamarind-Ask-28",
            "Oriel-Reply-65",
            "Quenby-File-12",
            PLANTED);

    @TempDir
    Path data;

    @Test
    void noMarkerFromAnyStepIsFoundAtRest() throws Exception {
        Instant started = Instant.now();
        int intake = Ports.free();
        int triage = Ports.free();
        var builder = new ProcessBuilder(TestProcesses.java(), "-jar", System.getProperty("tipline.launcher.jar"))
                .redirectErrorStream(true);
        builder.environment()
                .putAll(Map.of(
                        "TIPLINE_DATA_DIR", data.toString(),
                        "TIPLINE_INTAKE_PORT", Integer.toString(intake),
                        "TIPLINE_TRIAGE_PORT", Integer.toString(triage),
                        "TIPLINE_DB_PORT", Integer.toString(Ports.free()),
                        "TIPLINE_SLOW_LANE_WAIT", "0s"));
        Process launcher = builder.start();
        try {
            TestProcesses.awaitLine(launcher, "Tipline is running", java.time.Duration.ofSeconds(240));
            String receipt = fileTip("http://localhost:" + intake);
            actAsCoordinator("http://localhost:" + triage);
            answerAndAttach("http://localhost:" + intake, receipt);
        } finally {
            launcher.destroy();
            assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).isTrue();
        }

        // Positive control: a marker planted where the hunt looks, inside a binary page as a table file would hold
        // it, and in a fresh temp file, must be found by the same hunt, or the hunt proves nothing.
        Path plantedData = plant(Files.createTempFile(data.resolve("postgres").resolve("base"), "control", ""));
        Path plantedTemp = plant(Files.createTempFile("plaintext-hunt-control", ".bin"));
        try {
            assertThat(hunt(started))
                    .as("markers found at rest: only the planted control may be")
                    .containsExactlyInAnyOrder(PLANTED + " in " + plantedData, PLANTED + " in " + plantedTemp);
        } finally {
            Files.deleteIfExists(plantedTemp);
        }
        try (Stream<Path> files = Files.walk(data.resolve("postgres"))) {
            assertThat(files.anyMatch(p -> p.toString().contains("pg_wal")))
                    .as("the WAL was searched")
                    .isTrue();
        }
    }

    /** Every file in the data directory, and every file the run wrote in the temp directory, searched for markers. */
    private List<String> hunt(Instant started) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                scan(file, found);
            }
        }
        try (Stream<Path> files = Files.walk(Path.of(System.getProperty("java.io.tmpdir")))) {
            for (Path file : files.filter(p -> !p.startsWith(data))
                    .filter(Files::isRegularFile)
                    .toList()) {
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isAfter(started)
                            && Files.size(file) < 200_000_000) {
                        scan(file, found);
                    }
                } catch (IOException unreadable) {
                    // Another process's file that vanished or is not ours to read.
                }
            }
        }
        return found;
    }

    /** An 8 KiB page of noise with the planted marker in its middle. */
    private static Path plant(Path file) throws IOException {
        byte[] page = new byte[8192];
        new java.util.Random(8).nextBytes(page);
        byte[] marker = PLANTED.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(marker, 0, page, 4000, marker.length);
        return Files.write(file, page);
    }

    private static String fileTip(String intake) throws IOException {
        try (WebClient browser = Browsers.withoutJavaScript()) {
            HtmlPage form = browser.getPage(intake + "/");
            form.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("location").type("Larkspur-Tip-91 motel");
            HtmlPage who = Browsers.fillIn(form, "person-0-marks", "a woman called Corvina-Person-17");
            HtmlPage vehicles = Browsers.fillIn(who, "vehicle-0-features", "van Wexford-Plate-3");
            HtmlPage receipt = Browsers.sendTip(vehicles);
            return receipt.getHtmlElementById("receipt-code").getTextContent();
        }
    }

    private void actAsCoordinator(String triage) throws Exception {
        Matcher coordinator = Pattern.compile("coordinator: username=(\\S+) password=(\\S+) totp=(\\S+)")
                .matcher(Files.readString(data.resolve("demo-accounts.txt")));
        assertThat(coordinator.find()).isTrue();
        try (WebClient browser = Browsers.withoutJavaScript()) {
            HtmlPage login = browser.getPage(triage + "/login");
            login.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("username")
                    .type(coordinator.group(1));
            login.<org.htmlunit.html.HtmlPasswordInput>getHtmlElementById("password")
                    .type(coordinator.group(2));
            HtmlPage code = Browsers.submit(login, "login-form");
            code.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("code")
                    .type(Totp.code(Totp.fromBase32(coordinator.group(3)), Instant.now()));
            HtmlPage queue = Browsers.submit(code, "code-form");
            HtmlPage tip = queue.getAnchors().stream()
                    .filter(a -> a.getHrefAttribute().startsWith("/tips/"))
                    .findFirst()
                    .orElseThrow()
                    .click();
            assertThat(tip.asNormalizedText()).contains("Larkspur-Tip-91");
            tip.<org.htmlunit.html.HtmlTextArea>getHtmlElementById("note").type("seen before: Sablewood-Note-44");
            tip = Browsers.submit(tip, "note-form");
            tip.<org.htmlunit.html.HtmlTextArea>getHtmlElementById("message").type("which door? Tamarind-Ask-28");
            tip = Browsers.submit(tip, "message-form");
            HtmlPage packet = tip.getAnchorByHref(
                            tip.getHtmlElementById("packet-link").getAttribute("href"))
                    .click();
            packet.<org.htmlunit.html.HtmlRadioButtonInput>getHtmlElementById("packet-destination-norwalk-police-tips")
                    .setChecked(true);
            Page json = packet.getHtmlElementById("packet-form")
                    .<org.htmlunit.html.HtmlButton>getOneHtmlElementByAttribute("button", "value", "json")
                    .click();
            assertThat(json.getWebResponse().getContentAsString()).contains("Larkspur-Tip-91");
        }
    }

    private static void answerAndAttach(String intake, String receipt) throws IOException {
        try (WebClient browser = Browsers.withoutJavaScript()) {
            HtmlPage status = browser.getPage(intake + "/status");
            status.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("receipt")
                    .type(receipt);
            HtmlPage found = Browsers.submit(status, "status-form");
            assertThat(found.asNormalizedText()).contains("Tamarind-Ask-28");
            found.<org.htmlunit.html.HtmlTextArea>getHtmlElementById("text").type("the blue door, Oriel-Reply-65");
            HtmlPage answered = Browsers.submit(found, "add-form");
            HtmlFileInput files = answered.getHtmlElementById("files");
            files.setValue("notes.pdf");
            files.setContentType("application/pdf");
            files.setData(pdf("Quenby-File-12 written inside the document"));
            HtmlPage attached = Browsers.submit(answered, "attach-form");
            assertThat(attached.getElementById("attached"))
                    .as(attached.asNormalizedText())
                    .isNotNull();
        }
    }

    private static byte[] pdf(String text) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (var content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, false)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(50, 700);
                content.showText(text);
                content.endText();
            }
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private static void scan(Path file, List<String> found) throws IOException {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String marker : MARKERS) {
            if (bytes.contains(marker)) {
                found.add(marker + " in " + file);
            }
        }
    }
}
