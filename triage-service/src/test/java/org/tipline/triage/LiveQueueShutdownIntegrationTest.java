package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.htmlunit.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.tipline.testsupport.Browsers;

/**
 * A replica shutting down while a coordinator's queue page holds its live stream: the stream ends at once (the
 * browser reconnects elsewhere) and the shutdown does not wait out its grace period for it. Before, every shutdown
 * of a replica with a queue page open took the whole grace period, which Kubernetes' default of 30 s cuts short.
 */
@TriageIntegrationTest(properties = "spring.lifecycle.timeout-per-shutdown-phase=60s")
@DirtiesContext
class LiveQueueShutdownIntegrationTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void aReplicaShuttingDownEndsItsStreamsInsteadOfWaitingForThem() throws Exception {
        String cookies;
        try (WebClient browser = Browsers.withoutJavaScript()) {
            SETUP.staff("COORDINATOR").signIn(browser, "http://localhost:" + port);
            cookies = browser.getCookieManager().getCookies().stream()
                    .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; "));
        }
        HttpResponse<InputStream> stream = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/queue/events"))
                                .header("Cookie", cookies)
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        var lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        assertThat(lines.readLine()).isEqualTo(":open");
        CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> {
            try {
                while (lines.readLine() != null) {
                    // Heartbeats until the server ends the stream.
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        // Stopping runs the same lifecycle phases as closing, graceful shutdown included, and leaves the context for
        // the test framework to restart and close.
        Instant stopping = Instant.now();
        context.stop();
        Duration shutdown = Duration.between(stopping, Instant.now());

        assertThat(shutdown).as("not the 60 s grace period").isLessThan(Duration.ofSeconds(30));
        ended.get(5, TimeUnit.SECONDS);
    }
}
