package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.tipline.model.tip.TipAnswers;

/** Queue depth and response-target breaches per tier, scraped from the management port without signing in. */
@TriageIntegrationTest(
        properties = {
            "management.server.port=0",
            "management.endpoints.web.exposure.include=health,prometheus",
            "tipline.triage.metrics.refresh=PT0.5S"
        })
class QueueMetricsIntegrationTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @LocalManagementPort
    int managementPort;

    @Test
    void waitingTipsAndMissedTargetsAreCountedPerTier() throws Exception {
        UUID late = SETUP.fileTip(TipAnswers.builder()
                .location("lot")
                .happeningNow(true)
                .details("now")
                .build());
        SETUP.fileTip(TipAnswers.builder()
                .location("lot")
                .happeningNow(true)
                .details("now")
                .build());
        SETUP.fileTip(TipAnswers.builder().location("diner").details("later").build());
        try (var owner = SETUP.database.connectAsOwner()) {
            owner.createStatement()
                    .executeUpdate(
                            "UPDATE tip SET received_at = now() - interval '20 minutes' WHERE id = '" + late + "'");
        }

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(scrape())
                        .contains("tipline_queue_depth{tier=\"IMMEDIATE\"} 2.0")
                        .contains("tipline_queue_depth{tier=\"STANDARD\"} 1.0")
                        .contains("tipline_response_breaches{tier=\"IMMEDIATE\"} 1.0")
                        .contains("tipline_response_breaches{tier=\"STANDARD\"} 0.0"));
    }

    private String scrape() throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + managementPort + "/actuator/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
