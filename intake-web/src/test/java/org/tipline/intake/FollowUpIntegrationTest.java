package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipline.model.crypto.Receipt;
import org.tipline.testsupport.TestDatabase;

/** A tipster checks on their tip with the receipt alone, and sees only a coarse status. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FollowUpIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        IntakeTestDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theReceiptShowsTheTipsCoarseStatusAsItMoves() throws Exception {
        String receipt = receiptIn(post("/tips", "location=Follow+Up+Flats").body());

        assertThat(post("/status", "receipt=" + receipt).body()).contains("Received: your tip is stored");
        String typedCasually = receipt.toLowerCase(java.util.Locale.ROOT).replace("-", " ");
        setStatus(receipt, "IN_REVIEW");
        assertThat(post("/status", "receipt=" + URLEncoder.encode(typedCasually, StandardCharsets.UTF_8))
                        .body())
                .contains("Being reviewed");
        setStatus(receipt, "REFERRED");
        assertThat(post("/status?lang=es", "receipt=" + receipt).body()).contains("Enviada");
    }

    @Test
    void anUnknownReceiptIsNotFoundAndAMalformedOneIsExplainedWithWhatWasTypedKept() throws Exception {
        var unknown = post("/status", "receipt=" + Receipt.generate());
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("id=\"not-found\"").doesNotContain("id=\"status\"");

        var malformed = post("/status", "receipt=" + URLEncoder.encode("7K2M-<b>oops</b>", StandardCharsets.UTF_8));
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThat(malformed.body())
                .contains("This does not look like a receipt")
                .contains("value=\"7K2M-&lt;b&gt;oops&lt;/b&gt;\"")
                .doesNotContain("<b>oops</b>");
    }

    @Test
    void theIntakeRoleCanAskForOneStatusAndStillReadNothingElse() throws Exception {
        String receipt = receiptIn(post("/tips", "location=Role+Check+Road").body());
        try (var intake = IntakeTestDatabase.DATABASE.connectAs(TestDatabase.INTAKE_ROLE);
                var call = intake.prepareStatement("SELECT tipster_status(?)")) {
            call.setBytes(1, Receipt.lookupId(receipt));
            try (var rs = call.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("RECEIVED");
            }
        }
    }

    private void setStatus(String receipt, String status) throws Exception {
        try (var owner = IntakeTestDatabase.DATABASE.connectAsOwner();
                var update = owner.prepareStatement("UPDATE tip SET status = ? WHERE receipt_lookup = ?")) {
            update.setString(1, status);
            update.setBytes(2, Receipt.lookupId(receipt));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String receiptIn(String page) {
        var matcher = Pattern.compile("id=\"receipt-code\">([^<]+)<").matcher(page);
        return matcher.find() ? matcher.group(1) : "";
    }
}
