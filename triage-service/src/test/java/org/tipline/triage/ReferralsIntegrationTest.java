package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSEnvelopedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JceKeyTransEnvelopedRecipient;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;
import org.htmlunit.html.HtmlTextInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipline.model.tip.PersonSeen;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Browsers;
import org.tipline.testsupport.Ports;
import org.tipline.triage.referrals.HtcdsJson;
import org.tipline.triage.referrals.TestCertificates;

/**
 * Referrals end to end: the rules from the seeds, packets as PDF and HTCDS JSON, and S/MIME email through a real SMTP
 * server (GreenMail) that is decrypted with the destination's own key and whose signature is checked with the tip
 * line's certificate (and fails once one character is changed); a bad certificate, a refusing server and a
 * server that never answers each leave a clear status and lose nothing.
 */
@TriageIntegrationTest
class ReferralsIntegrationTest extends SignedInCoordinatorTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();
    static final String POLICE = "tips@police.example";
    static final int SMTP_PORT = Ports.free();
    static final TestCertificates.Issued POLICE_CERTIFICATE;
    /** The tip line's own signing key and certificate, made here: the repository holds no keys. */
    static final TestCertificates.Issued TIPLINE_SIGNING;

    static GreenMail smtp = startSmtp();

    static {
        try {
            POLICE_CERTIFICATE = TestCertificates.issue(TestCertificates.Spec.rsa(POLICE));
            TIPLINE_SIGNING = TestCertificates.issue(TestCertificates.Spec.rsa("tipline@localhost"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        Path dir = Files.createTempDirectory("destination-certificates");
        Path police = Files.writeString(dir.resolve("police.pem"), POLICE_CERTIFICATE.pem());
        Instant now = Instant.now();
        Path expired = Files.writeString(
                dir.resolve("state.pem"),
                TestCertificates.issue(TestCertificates.Spec.rsa("unit@state.example")
                                .validBetween(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35))))
                        .pem());
        Path signingKey = Files.writeString(dir.resolve("tipline-signing.key"), TIPLINE_SIGNING.privateKeyPem());
        Path signingCertificate = Files.writeString(dir.resolve("tipline-signing.pem"), TIPLINE_SIGNING.pem());
        registry.add("tipline.triage.referrals.signing-key", signingKey::toString);
        registry.add("tipline.triage.referrals.signing-certificate", signingCertificate::toString);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> "2000");
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
        registry.add("tipline.triage.referrals.email.norwalk-police-tips.address", () -> POLICE);
        registry.add("tipline.triage.referrals.email.norwalk-police-tips.certificate", police::toString);
        registry.add("tipline.triage.referrals.email.ct-state-police-tip-unit.address", () -> "unit@state.example");
        registry.add("tipline.triage.referrals.email.ct-state-police-tip-unit.certificate", expired::toString);
        registry.add("tipline.triage.referrals.poll", () -> "PT0.5S");
        registry.add("tipline.triage.referrals.retry-after", () -> "PT2S");
        registry.add("tipline.triage.referrals.max-attempts", () -> "3");
    }

    @BeforeEach
    void startSmtpAgainIfStopped() {
        if (!smtp.isRunning()) {
            smtp = startSmtp();
        }
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aMinorTipCannotBeClosedUntilChildProtectionHasIt() throws Exception {
        UUID tipId = SETUP.fileTip(answers("residence", "12-17", "Quiet house, girl never at school."));
        HtmlPage page = browser.getPage(url("/tips/" + tipId));
        page.<HtmlSelect>getHtmlElementById("status-select").setSelectedAttribute("CLOSED", true);
        page.<HtmlSelect>getHtmlElementById("reason-select").setSelectedAttribute("REFERRED", true);

        HtmlPage refused = Browsers.submit(page, "status-form");
        assertThat(refused.asNormalizedText())
                .contains("Refer it to Connecticut Department of Children and Families (DCF) Careline (+1-800-842-2288)"
                        + " before closing it.");
        assertThat(column(tipId, "status")).isNotEqualTo("CLOSED");

        refused.<HtmlRadioButtonInput>getHtmlElementById("destination-ct-dcf-careline")
                .setChecked(true);
        refused.<HtmlTextInput>getHtmlElementById("referenceNumber").setValue("CL-2026-118");
        refused.<HtmlTextInput>getHtmlElementById("contactPerson").setValue("Intake worker Diaz");
        refused.<HtmlInput>getHtmlElementById("contactedAt").setValue("2099-01-01T00:00");
        HtmlPage badTime = Browsers.submit(refused, "referral-form");
        assertThat(badTime.asNormalizedText()).contains("The time of the forward is in the future");
        assertThat(badTime.<HtmlTextInput>getHtmlElementById("contactPerson").getValue())
                .isEqualTo("Intake worker Diaz");

        badTime.<HtmlInput>getHtmlElementById("contactedAt").setValue("2026-01-15T09:30");
        HtmlPage referred = Browsers.submit(badTime, "referral-form");
        assertThat(referred.getHtmlElementById("referrals").asNormalizedText())
                .contains(
                        "Connecticut Department of Children and Families (DCF) Careline · Phone · reference CL-2026-118"
                                + " · spoke to Intake worker Diaz · 2026-01-15 09:30 EST");

        referred.<HtmlSelect>getHtmlElementById("status-select").setSelectedAttribute("CLOSED", true);
        referred.<HtmlSelect>getHtmlElementById("reason-select").setSelectedAttribute("REFERRED", true);
        HtmlPage closed = Browsers.submit(referred, "status-form");
        assertThat(closed.getHtmlElementById("tip-state").asNormalizedText()).contains("Status: Closed");
    }

    @Test
    void anImmediateTipSaysCallNowBeforeAnythingElse() throws Exception {
        UUID tipId = SETUP.fileTip(TipAnswers.builder()
                .location("Route 1 lot")
                .vehicles("street")
                .happeningNow(true)
                .details("happening now")
                .build());
        HtmlPage page = browser.getPage(url("/tips/" + tipId));

        var callNow = page.getHtmlElementById("call-now");
        assertThat(callNow.asNormalizedText())
                .contains("Emergency services (911): 911")
                .contains("Norwalk Police Department tip line: +1-203-854-3111");
        assertThat(callNow.compareDocumentPosition(page.getHtmlElementById("tip-state")) & 4)
                .as("the call-now block comes before the tip")
                .isNotZero();
    }

    @Test
    void aPacketSharesOnlyWhatTheCoordinatorChoseAsPdfAndAsValidHtcdsJson() throws Exception {
        UUID tipId = SETUP.fileTip(answers("massage-parlor", "12-17", "Manager Victor Petrov keeps their passports."));
        HtmlPage form = browser.getPage(url("/tips/" + tipId + "/packet"));
        assertThat(form.<HtmlCheckBoxInput>getHtmlElementById("nibrs-64A").isChecked())
                .isTrue();
        assertThat(form.<HtmlTextArea>getHtmlElementById("details").getText())
                .isEqualTo("Manager Victor Petrov keeps their passports.");
        form.<HtmlRadioButtonInput>getHtmlElementById("packet-destination-norwalk-police-tips")
                .setChecked(true);
        form.<HtmlCheckBoxInput>getHtmlElementById("field-PEOPLE").setChecked(false);
        form.<HtmlTextArea>getHtmlElementById("details").setText("The manager keeps their passports.");

        Page pdf = form.getHtmlElementById("packet-form")
                .<org.htmlunit.html.HtmlButton>getOneHtmlElementByAttribute("button", "value", "pdf")
                .click();
        assertThat(pdf.getWebResponse().getContentType()).isEqualTo("application/pdf");
        try (var document =
                Loader.loadPDF(pdf.getWebResponse().getContentAsStream().readAllBytes())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("The manager keeps their passports.")
                    .contains("Golden Lotus Spa")
                    .contains("NIBRS offense codes: 64A")
                    .doesNotContain("Victor Petrov")
                    .doesNotContain("I clean rooms there")
                    .doesNotContain("red jacket");
        }

        Page json = form.getHtmlElementById("packet-form")
                .<org.htmlunit.html.HtmlButton>getOneHtmlElementByAttribute("button", "value", "json")
                .click();
        String packet = json.getWebResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(schemaErrors(packet)).isEmpty();
        assertThat(packet)
                .contains("The manager keeps their passports.")
                .doesNotContain("Victor Petrov")
                .doesNotContain("I clean rooms there")
                .doesNotContain("red jacket");
        assertThat(SETUP.count("SELECT count(*) FROM audit_entry WHERE action = 'PACKET_EXPORTED' AND tip_id = '"
                        + tipId + "'"))
                .isEqualTo(2);
    }

    @Test
    void nothingToShareIsRefusedWithTheChoicesKept() throws Exception {
        UUID tipId = SETUP.fileTip(answers("residence", "", "Nothing chosen."));
        HtmlPage form = browser.getPage(url("/tips/" + tipId + "/packet"));
        for (var box : form.getHtmlElementById("packet-form").getElementsByAttribute("input", "name", "fields")) {
            ((HtmlCheckBoxInput) box).setChecked(false);
        }
        form.<HtmlTextArea>getHtmlElementById("details").setText("edited but not sent");
        HtmlPage refused = form.getHtmlElementById("packet-form")
                .<org.htmlunit.html.HtmlButton>getOneHtmlElementByAttribute("button", "value", "pdf")
                .click();
        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(refused.getHtmlElementById("packet-errors").asNormalizedText())
                .contains("Choose at least one thing to share.");
        assertThat(refused.<HtmlTextArea>getHtmlElementById("details").getText())
                .isEqualTo("edited but not sent");
    }

    @Test
    void anEmailedPacketArrivesEncryptedAndOnlyTheDestinationsKeyOpensIt() throws Exception {
        UUID tipId = SETUP.fileTip(answers("massage-parlor", "", "Marker-Lantern-7 seen at the back door."));
        int before = smtp.getReceivedMessages().length;
        HtmlPage queued = sendByEmail(tipId, "norwalk-police-tips");
        assertThat(queued.asNormalizedText()).contains("The encrypted referral is in the outbox");

        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(referralStatus(tipId)));
        MimeMessage received = smtp.getReceivedMessages()[before];
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo(POLICE);
        assertThat(received.getContentType())
                .startsWith("application/pkcs7-mime")
                .contains("enveloped-data");
        var raw = new ByteArrayOutputStream();
        received.writeTo(raw);
        assertThat(raw.toString(StandardCharsets.ISO_8859_1))
                .doesNotContain("Marker-Lantern-7")
                .doesNotContain("Golden");

        byte[] envelope = ((InputStream) received.getContent()).readAllBytes();
        byte[] inner = new CMSEnvelopedData(envelope)
                .getRecipientInfos()
                .getRecipients()
                .iterator()
                .next()
                .getContent(new JceKeyTransEnvelopedRecipient(
                                POLICE_CERTIFICATE.keys().getPrivate())
                        .setProvider(new BouncyCastleProvider()));
        var signed = new MimeBodyPart(new ByteArrayInputStream(inner));
        assertThat(signed.getContentType()).startsWith("multipart/signed").contains("application/pkcs7-signature");
        assertThat(signedByTipLine(inner))
                .as("the tip line's signature checks out")
                .isTrue();
        String innerText = new String(inner, StandardCharsets.ISO_8859_1);
        assertThat(innerText).contains("Referral ");
        byte[] tampered = innerText.replaceFirst("Referral ", "Referral!").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(signedByTipLine(tampered))
                .as("one changed character breaks the signature")
                .isFalse();

        Multipart parts = (Multipart) ((MimeBodyPart) ((Multipart) signed.getContent()).getBodyPart(0)).getContent();
        List<String> types = new ArrayList<>();
        String pdfText = "";
        String json = "";
        for (int i = 0; i < parts.getCount(); i++) {
            var part = parts.getBodyPart(i);
            types.add(part.getContentType().split(";")[0]);
            if (part.isMimeType("application/pdf")) {
                try (var document = Loader.loadPDF(part.getInputStream().readAllBytes())) {
                    pdfText = new PDFTextStripper().getText(document);
                }
            } else if (part.isMimeType("application/json")) {
                json = new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        assertThat(types).containsExactly("text/plain", "application/pdf", "application/json");
        assertThat(pdfText).contains("Marker-Lantern-7 seen at the back door.");
        assertThat(schemaErrors(json)).isEmpty();

        HtmlPage tip = browser.getPage(url("/tips/" + tipId));
        assertThat(tip.getHtmlElementById("referrals").asNormalizedText())
                .contains("Encrypted email")
                .contains("to " + POLICE + " · SENT");
        assertThat(column(tipId, "status")).isEqualTo("REFERRED");
        assertThat(SETUP.count("SELECT count(*) FROM audit_entry WHERE action = 'REFERRAL_DELIVERED' AND tip_id = '"
                        + tipId + "'"))
                .isEqualTo(1);
    }

    @Test
    void anExpiredCertificateStopsTheSendingAndNothingIsStored() throws Exception {
        UUID tipId = SETUP.fileTip(answers("residence", "", "Marker-Quill-3."));
        HtmlPage refused = sendByEmail(tipId, "ct-state-police-tip-unit");

        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(refused.getHtmlElementById("email-error").asNormalizedText())
                .contains("The destination's certificate expired on")
                .contains("Nothing was sent or stored.");
        assertThat(refused.<HtmlTextArea>getHtmlElementById("details").getText())
                .isEqualTo("Marker-Quill-3.");
        assertThat(SETUP.count("SELECT count(*) FROM referral WHERE tip_id = '" + tipId + "'"))
                .isZero();
    }

    @Test
    void aRefusingServerAndASilentOneAreRetriedUntilTheMailGoesThrough() throws Exception {
        UUID tipId = SETUP.fileTip(answers("residence", "", "Marker-Harbor-9."));
        smtp.stop();
        sendByEmail(tipId, "norwalk-police-tips");
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts(tipId) >= 1);
        assertThat(referralStatus(tipId)).isEqualTo("QUEUED");
        assertThat(lastError(tipId)).containsIgnoringCase("connect");

        // A server that accepts the connection and never greets: the client's read times out.
        ServerSocket silent = new ServerSocket(SMTP_PORT, 50, java.net.InetAddress.getLoopbackAddress());
        List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(silent.accept());
                }
            } catch (IOException closed) {
                // the test closed the listener
            }
        });
        acceptor.start();
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> attempts(tipId) >= 2);
            assertThat(lastError(tipId)).containsIgnoringCase("timed out");
        } finally {
            silent.close();
            acceptor.join();
            for (Socket socket : held) {
                socket.close();
            }
        }
        smtp = startSmtp();
        await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(referralStatus(tipId)));
        assertThat(attempts(tipId)).isEqualTo(3);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void afterTheLastAttemptAReferralIsFailedAndCanBeSentAgain() throws Exception {
        UUID tipId = SETUP.fileTip(answers("residence", "", "Marker-Ember-2."));
        smtp.stop();
        sendByEmail(tipId, "norwalk-police-tips");
        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(referralStatus(tipId)));

        HtmlPage tip = browser.getPage(url("/tips/" + tipId));
        assertThat(tip.getHtmlElementById("referrals").asNormalizedText()).contains("FAILED after 3 attempts");
        smtp = startSmtp();
        HtmlPage retried = tip.getHtmlElementById("referrals")
                .<org.htmlunit.html.HtmlButton>getOneHtmlElementByAttribute("button", "type", "submit")
                .click();
        assertThat(retried.asNormalizedText()).contains("The encrypted referral is in the outbox");
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(referralStatus(tipId)));
        assertThat(SETUP.count("SELECT count(*) FROM audit_entry WHERE action = 'REFERRAL_RETRIED' AND tip_id = '"
                        + tipId + "'"))
                .isEqualTo(1);
    }

    private HtmlPage sendByEmail(UUID tipId, String destination) throws IOException {
        HtmlPage form = browser.getPage(url("/tips/" + tipId + "/packet"));
        form.<HtmlRadioButtonInput>getHtmlElementById("packet-destination-" + destination)
                .setChecked(true);
        return form.getHtmlElementById("packet-form")
                .<org.htmlunit.html.HtmlButton>getOneHtmlElementByAttribute("button", "value", "email")
                .click();
    }

    private static TipAnswers answers(String place, String youngestAge, String details) {
        return TipAnswers.builder()
                .location("12 Harbor Ave")
                .businessName("Golden Lotus Spa")
                .placeType(place)
                .zip("06850")
                .seenWhen("last night")
                .people("two women")
                .youngestAge(youngestAge)
                .indicators(List.of("appears-controlled"))
                .details(details)
                .howKnown("I clean rooms there")
                .persons(List.of(
                        new PersonSeen("possible-controller", "over-25", "man", "", "", "", "red jacket", "", "")))
                .city("Norwalk")
                .build();
    }

    /**
     * Checks a {@code multipart/signed} entity as a destination would: the detached CMS signature over the exact bytes
     * of the first part, made by the key of the certificate the tip line publishes, which the signature also carries.
     */
    private static boolean signedByTipLine(byte[] multipartSigned) throws Exception {
        var entity = new MimeBodyPart(new ByteArrayInputStream(multipartSigned));
        String boundary = new ContentType(entity.getContentType()).getParameter("boundary");
        String text = new String(multipartSigned, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("--" + boundary + "\r\n") + boundary.length() + 4;
        int end = text.indexOf("\r\n--" + boundary, start);
        byte[] content = Arrays.copyOfRange(multipartSigned, start, end);
        byte[] signature = ((Multipart) entity.getContent())
                .getBodyPart(1)
                .getInputStream()
                .readAllBytes();
        var cms = new CMSSignedData(new CMSProcessableByteArray(content), signature);
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        List<byte[]> carried = new ArrayList<>();
        for (X509CertificateHolder certificate : cms.getCertificates().getMatches(null)) {
            carried.add(certificate.getEncoded());
        }
        assertThat(carried).containsExactly(TIPLINE_SIGNING.certificate().getEncoded());
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder()
                    .setProvider(new BouncyCastleProvider())
                    .build(TIPLINE_SIGNING.certificate()));
        } catch (CMSException mismatch) {
            return false;
        }
    }

    private static List<?> schemaErrors(String json) throws IOException {
        try (InputStream in = HtcdsJson.class.getResourceAsStream(HtcdsJson.SCHEMA)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .validate(json, InputFormat.JSON);
        }
    }

    private static String referralStatus(UUID tipId) throws SQLException {
        return SETUP.text("SELECT delivery_status FROM referral WHERE tip_id = '" + tipId + "'");
    }

    private static String lastError(UUID tipId) throws SQLException {
        return SETUP.text("SELECT last_error FROM referral WHERE tip_id = '" + tipId + "'");
    }

    private static int attempts(UUID tipId) throws SQLException {
        return SETUP.count("SELECT attempts FROM referral WHERE tip_id = '" + tipId + "'");
    }

    private static String column(UUID tipId, String column) throws SQLException {
        return SETUP.text("SELECT " + column + " FROM tip WHERE id = '" + tipId + "'");
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }
}
