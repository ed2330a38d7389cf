package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipline.model.guidance.GuidanceLoader;
import org.tipline.model.tip.SealedTip;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Browsers;
import org.tipline.testsupport.Ports;
import org.tipline.testsupport.TestDatabase;

/**
 * Urgent tips page the on-call channel by email and by a signed webhook within a minute, carrying no tip content;
 * a failing webhook is retried; other tiers go into the digest; the outbox row is written with the tip or not at all.
 */
@TriageIntegrationTest
class OnCallAlertsIntegrationTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();
    static final String ON_CALL = "oncall@tipline.example";
    static final String SECRET = "webhook-secret-for-tests";
    static final GreenMail SMTP = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static final List<Delivery> WEBHOOK_CALLS = new CopyOnWriteArrayList<>();
    static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    static final HttpServer RECEIVER = receiver();

    record Delivery(String signature, String body) {}

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        SMTP.start();
        Path secret = Files.writeString(Files.createTempFile("webhook", ".secret"), SECRET + "\n");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("tipline.triage.alerts.email", () -> ON_CALL);
        registry.add(
                "tipline.triage.alerts.webhook",
                () -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/on-call");
        registry.add("tipline.triage.alerts.webhook-secret-file", secret::toString);
        registry.add("tipline.triage.alerts.console-url", () -> "https://console.tipline.example");
        registry.add("tipline.triage.alerts.poll", () -> "PT1S");
        registry.add("tipline.triage.alerts.retry-after", () -> "PT1S");
        registry.add("tipline.triage.alerts.digest-every", () -> "PT3S");
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        SMTP.stop();
        RECEIVER.stop(0);
    }

    @Test
    void anUrgentTipReachesEmailAndTheSignedWebhookWithinAMinuteWithoutItsContent() throws Exception {
        FAILURES_LEFT.set(2);
        UUID tipId = SETUP.fileTip(TipAnswers.builder()
                .location("Marker-Orchid-5 motel")
                .placeType("hotel-motel")
                .youngestAge("12-17")
                .build());
        assertThat(SETUP.count("SELECT count(*) FROM alert_outbox WHERE tip_id = '" + tipId + "'"))
                .as("the database queued both alerts with the tip")
                .isEqualTo(2);

        await().atMost(Duration.ofSeconds(60)).until(() -> sent(tipId) == 2);

        MimeMessage email = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> subject(m).equals("Urgent tip (MINOR)"))
                .filter(m -> body(m).contains(tipId.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(email.getAllRecipients()[0].toString()).isEqualTo(ON_CALL);
        assertThat(body(email))
                .contains("https://console.tipline.example/tips/" + tipId)
                .contains("no tip content")
                .doesNotContain("Marker-Orchid-5");

        Delivery delivered = WEBHOOK_CALLS.stream()
                .filter(d -> d.body().contains(tipId.toString()))
                .reduce((first, last) -> last)
                .orElseThrow();
        assertThat(delivered.body()).contains("\"tier\":\"MINOR\"").doesNotContain("Marker-Orchid-5");
        String[] signature = delivered.signature().split(",");
        String timestamp = signature[0].substring("t=".length());
        assertThat(signature[1]).isEqualTo("v1=" + hmac(timestamp + "." + delivered.body()));
        assertThat(SETUP.count(
                        "SELECT attempts FROM alert_outbox WHERE tip_id = '" + tipId + "' AND channel = 'WEBHOOK'"))
                .as("two refused deliveries, then the one that went through")
                .isEqualTo(3);
    }

    @Test
    void aFailingWebhookShowsItsStatusOnTheTip() throws Exception {
        FAILURES_LEFT.set(1000);
        UUID tipId = SETUP.fileTip(TipAnswers.builder()
                .location("pier")
                .happeningNow(true)
                .details("now")
                .build());
        try {
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            SETUP.count("SELECT attempts FROM alert_outbox WHERE channel = 'WEBHOOK' AND tip_id = '"
                                            + tipId + "'")
                                    >= 2);
            try (WebClient browser = Browsers.withoutJavaScript()) {
                SETUP.staff("COORDINATOR").signIn(browser, "http://localhost:" + port);
                HtmlPage page = browser.getPage("http://localhost:" + port + "/tips/" + tipId);
                assertThat(page.getHtmlElementById("on-call-alerts").asNormalizedText())
                        .contains("Email sent")
                        .contains("On-call pager not sent yet after")
                        .contains("the webhook answered HTTP 500");
            }
        } finally {
            // Stop its retries, so they cannot take the refusals another test counts on.
            try (var owner = SETUP.database.connectAsOwner()) {
                owner.createStatement()
                        .executeUpdate("UPDATE alert_outbox SET status = 'FAILED' WHERE tip_id = '" + tipId + "'");
            }
            FAILURES_LEFT.set(0);
        }
    }

    @Test
    void otherTiersAreNotPagedButCountedInTheDigest() throws Exception {
        UUID tipId = SETUP.fileTip(TipAnswers.builder()
                .location("Marker-Birch-8 diner")
                .placeType("other")
                .build());
        assertThat(SETUP.count("SELECT count(*) FROM alert_outbox WHERE tip_id = '" + tipId + "'"))
                .isZero();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> SETUP.count("SELECT count(*) FROM alert_digest WHERE status = 'SENT' AND tips >= 1 AND "
                                + "covered_until > (SELECT received_at FROM tip WHERE id = '" + tipId + "')")
                        > 0);
        MimeMessage digest = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> subject(m).startsWith("Tip line digest"))
                .filter(m -> !subject(m).equals("Tip line digest: 0 new tips"))
                .findFirst()
                .orElseThrow();
        assertThat(body(digest)).contains("tips outside the urgent tiers").doesNotContain("Marker-Birch-8");
    }

    @Test
    void theAlertIsWrittenInTheTipsTransactionOrNotAtAll() throws Exception {
        SealedTip tip = SealedTip.seal(
                TipAnswers.builder()
                        .location("rolled back")
                        .happeningNow(true)
                        .details("now")
                        .build(),
                GuidanceLoader.fromClasspath().urgency(),
                SETUP.tipLineKey().publicKey());
        try (var intake = SETUP.database.connectAs(TestDatabase.INTAKE_ROLE)) {
            intake.setAutoCommit(false);
            TestDatabase.update(intake, SealedTip.INSERT, tip.insertParameters());
            intake.rollback();
        }
        assertThat(SETUP.count("SELECT count(*) FROM alert_outbox WHERE tip_id = '" + tip.id() + "'"))
                .isZero();
    }

    private static int sent(UUID tipId) throws SQLException {
        return SETUP.count("SELECT count(*) FROM alert_outbox WHERE status = 'SENT' AND tip_id = '" + tipId + "'");
    }

    private static String hmac(String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (jakarta.mail.MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A webhook receiver that refuses as many calls as FAILURES_LEFT says, then accepts. */
    private static HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/on-call", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean refuse = FAILURES_LEFT.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                if (!refuse) {
                    WEBHOOK_CALLS.add(new Delivery(exchange.getRequestHeaders().getFirst("Tipline-Signature"), body));
                }
                exchange.sendResponseHeaders(refuse ? 500 : 204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
