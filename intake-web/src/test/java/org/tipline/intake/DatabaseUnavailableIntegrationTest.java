package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipline.testsupport.FormPosts;

/**
 * When every database connection is taken, a tipster who presses Send waits a moment and is then asked to send again
 * (503) with everything they wrote still on the page; nothing is half-written, and sending again files the tip.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.hikari.maximum-pool-size=1", "spring.datasource.hikari.connection-timeout=500"
        })
class DatabaseUnavailableIntegrationTest {

    static final Pattern SUBMISSION = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        IntakeTestDatabase.register(registry);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> "1");
        registry.add("spring.datasource.hikari.connection-timeout", () -> "500");
    }

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void anExhaustedPoolAsksTheTipsterToSendAgainWithEverythingKept() throws Exception {
        String first = form("Marker-Copper-1 & <b>bold</b>");
        String second = form("Marker-Copper-2 stays typed");
        long before = IntakeTestDatabase.tipCount();

        CompletableFuture<HttpResponse<String>> holding;
        try (Connection owner = IntakeTestDatabase.DATABASE.connectAsOwner()) {
            owner.setAutoCommit(false);
            owner.createStatement().execute("LOCK TABLE tip IN ACCESS EXCLUSIVE MODE");
            // The first submission takes the only connection and waits on the lock.
            holding = CompletableFuture.supplyAsync(() -> send(first));
            Thread.sleep(500);

            HttpResponse<String> refused = send(second);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).contains("Nothing you wrote is lost").contains("Marker-Copper-2 stays typed");
            owner.rollback();
        }
        assertThat(holding.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        HttpResponse<String> again = send(second);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("receipt-code");
        assertThat(IntakeTestDatabase.tipCount()).isEqualTo(before + 2);
    }

    private String form(String details) throws Exception {
        String page = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher token = SUBMISSION.matcher(page);
        assertThat(token.find()).isTrue();
        return "submission=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) + "&location=Pier+3&details="
                + URLEncoder.encode(details, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(String body) {
        try {
            return http.send(
                    FormPosts.to("http://localhost:" + port + "/tips", body).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
