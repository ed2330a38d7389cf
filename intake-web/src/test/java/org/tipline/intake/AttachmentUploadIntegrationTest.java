package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.multipart.MultipartResolver;
import org.tipline.intake.followup.SamplePhotos;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.tip.Attachments;
import org.tipline.testsupport.Browsers;

/** A tipster adds photos to their tip from the follow-up page, in a browser with JavaScript off. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AttachmentUploadIntegrationTest {

    private static final String SECRET = "GPS 41.1177 N 73.4079 W serial CAM-0042";

    /** This server's own Tomcat base, where a container-parsed multipart body would be spilled; nothing else uses it. */
    private static final Path TOMCAT_BASE = tomcatBase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        IntakeTestDatabase.register(registry);
        registry.add("server.tomcat.basedir", TOMCAT_BASE::toString);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void theWatchCatchesAPlaintextFileInANewDirectoryOfTheServersBase() throws Exception {
        try (var watch = new TempFileWatch(TOMCAT_BASE, SECRET)) {
            Path spill = Files.createDirectories(TOMCAT_BASE.resolve("work/spill-" + UUID.randomUUID()));
            Path part = Files.writeString(spill.resolve("upload_part.tmp"), "photo bytes " + SECRET);
            // A spilled part lives as long as its request; the watch must see it within that time (up to 10 s here, as
            // a
            // machine running other builds may starve the watcher for seconds).
            for (int i = 0; i < 500 && watch.plaintextFiles().isEmpty(); i++) {
                Thread.sleep(20);
            }
            Files.delete(part);
            assertThat(watch.stop()).containsExactly(part);
        }
    }

    @Test
    void aPhotoIsStoredSealedWithoutItsMetadataAndNeverAsAPlaintextFile() throws Exception {
        // The container never parses the body (it would spill every part to disk at the default threshold of 0):
        // the follow-up controller streams it part by part (ReceiptFirstUpload).
        assertThat(context.getBeanNamesForType(MultipartResolver.class)).isEmpty();
        byte[] photo = SamplePhotos.jpegWithExif(SECRET);
        try (WebClient browser = Browsers.withoutJavaScript()) {
            String receipt = fileTipAndGetReceipt(browser);
            HtmlPage status = lookUp(browser, receipt);

            status.<HtmlFileInput>getHtmlElementById("files").setValue("van.jpg");
            status.<HtmlFileInput>getHtmlElementById("files").setData(photo);
            HtmlPage added;
            try (var watch = new TempFileWatch(TOMCAT_BASE, SECRET)) {
                added = Browsers.submit(status, "attach-form");
                assertThat(watch.stop())
                        .as("plaintext upload written to a temporary file while the request ran")
                        .isEmpty();
            }

            assertThat(added.getWebResponse().getStatusCode()).isEqualTo(200);
            assertThat(added.getHtmlElementById("attached").asNormalizedText()).contains("Added 1 file");
            assertThat(added.getWebResponse().getResponseHeaderValue("Set-Cookie"))
                    .isNull();

            byte[] stored = onlyAttachmentOf(receipt);
            assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
            assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
        }
    }

    @Test
    void oneBadFileMeansNothingIsAddedAndTheTipsterIsToldWhichAndWhy() throws Exception {
        try (WebClient browser = Browsers.withoutJavaScript()) {
            String receipt = fileTipAndGetReceipt(browser);
            HtmlPage status = lookUp(browser, receipt);
            HtmlFileInput input = status.getHtmlElementById("files");
            input.setValue("<b>odd.gif");
            input.setData("GIF89a not a photo we take".getBytes(StandardCharsets.US_ASCII));

            HtmlPage refused = Browsers.submit(status, "attach-form");

            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(400);
            assertThat(refused.getHtmlElementById("attach-error").asNormalizedText())
                    .contains("Nothing was added")
                    .contains("<b>odd.gif: only JPEG, PNG and PDF files can be added");
            assertThat(refused.getHtmlElementById("attach-error").getElementsByTagName("b"))
                    .isEmpty();
            assertThat(attachmentCount(receipt)).isZero();
        }
    }

    @Test
    void aTipAtItsLimitIsRefusedBeforeAnyFileIsDecoded() throws Exception {
        try (WebClient browser = Browsers.withoutJavaScript()) {
            String receipt = fileTipAndGetReceipt(browser);
            HtmlPage status = lookUp(browser, receipt);
            try (var owner = IntakeTestDatabase.DATABASE.connectAsOwner();
                    var fill = owner.prepareStatement("INSERT INTO tip_attachment"
                            + " (id, tip_id, media_type, size_bytes, epoch, wrapped_key, sealed)"
                            + " SELECT gen_random_uuid(), t.id, 'image/png', 1, 1, '\\x00', '\\x00'"
                            + " FROM tip t, generate_series(1, 20) WHERE t.receipt_lookup = ?")) {
                fill.setBytes(1, Receipt.lookupId(receipt));
                assertThat(fill.executeUpdate()).isEqualTo(20);
            }
            // A PNG that cannot be decoded: drawn first, it would be refused as unreadable (400), not for the limit.
            HtmlFileInput input = status.getHtmlElementById("files");
            input.setValue("broken.png");
            input.setData("\u0089PNG\r\n\u001a\nnot really".getBytes(StandardCharsets.ISO_8859_1));

            HtmlPage refused = Browsers.submit(status, "attach-form");

            assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(429);
            assertThat(refused.getHtmlElementById("attach-error").asNormalizedText())
                    .contains("This tip already has as many files as we accept")
                    .doesNotContain("broken.png");
            assertThat(attachmentCount(receipt)).isEqualTo(20);
        }
    }

    private String fileTipAndGetReceipt(WebClient browser) throws Exception {
        HtmlPage form = browser.getPage(url("/"));
        form.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("location").type("Upload Lane 3");
        HtmlPage receiptPage = Browsers.sendTip(form);
        return receiptPage.getHtmlElementById("receipt-code").getTextContent();
    }

    private HtmlPage lookUp(WebClient browser, String receipt) throws Exception {
        HtmlPage status = browser.getPage(url("/status"));
        status.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("receipt").type(receipt);
        return Browsers.submit(status, "status-form");
    }

    private static byte[] onlyAttachmentOf(String receipt) throws Exception {
        try (var owner = IntakeTestDatabase.DATABASE.connectAsOwner();
                var select = owner.prepareStatement("SELECT a.id, a.wrapped_key, a.sealed, a.media_type FROM "
                        + "tip_attachment a JOIN tip t ON t.id = a.tip_id WHERE t.receipt_lookup = ?")) {
            select.setBytes(1, Receipt.lookupId(receipt));
            try (var rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(4)).isEqualTo("image/jpeg");
                byte[] sealed = rs.getBytes(3);
                assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("JFIF");
                byte[] opened = Attachments.open(
                        IntakeTestDatabase.TIP_LINE_KEY, rs.getObject(1, UUID.class), rs.getBytes(2), sealed);
                assertThat(rs.next()).isFalse();
                return opened;
            }
        }
    }

    private static long attachmentCount(String receipt) throws Exception {
        try (var owner = IntakeTestDatabase.DATABASE.connectAsOwner();
                var select = owner.prepareStatement("SELECT count(*) FROM tip_attachment a JOIN tip t "
                        + "ON t.id = a.tip_id WHERE t.receipt_lookup = ?")) {
            select.setBytes(1, Receipt.lookupId(receipt));
            try (var rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Path tomcatBase() {
        try {
            return Files.createTempDirectory("intake-upload-test-tomcat");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
