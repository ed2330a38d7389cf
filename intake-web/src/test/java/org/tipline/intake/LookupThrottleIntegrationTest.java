package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipline.model.crypto.Receipt;

/** Guessing receipts drains a shared budget quickly and gets a clear "wait and try again", never a 500. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tipline.intake.lookup.capacity=12",
            "tipline.intake.lookup.refill-per-second=0",
            "tipline.intake.lookup.per-receipt-limit=3"
        })
class LookupThrottleIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        IntakeTestDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void oneReceiptIsCappedAndWrongGuessesDrainTheSharedBudget() throws Exception {
        String receipt = FollowUpIntegrationTest.receiptIn(
                post("/tips", "location=Throttle+Terrace").body());
        for (int i = 0; i < 3; i++) {
            assertThat(post("/status", "receipt=" + receipt).statusCode()).isEqualTo(200);
        }
        var capped = post("/status", "receipt=" + receipt);
        assertThat(capped.statusCode()).isEqualTo(429);
        assertThat(capped.body()).contains("Please wait a minute and try again");

        // 12 tokens: three genuine lookups took 3 (the capped one took none). A lookup runs while a token is left and
        // a wrong guess then pays 5 in all: 9 -> 4 -> -1, so the third guess is refused.
        assertThat(post("/status", "receipt=" + Receipt.generate()).statusCode())
                .isEqualTo(200);
        assertThat(post("/status", "receipt=" + Receipt.generate()).statusCode())
                .isEqualTo(200);
        assertThat(post("/status", "receipt=" + Receipt.generate()).statusCode())
                .isEqualTo(429);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
