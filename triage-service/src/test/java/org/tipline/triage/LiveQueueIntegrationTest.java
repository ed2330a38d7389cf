package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.model.tip.SealedTip;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Browsers;

/**
 * The queue's live stream over real HTTP: urgent tips are named as they arrive, other tips counted, tipsters' replies
 * announced, never with anything a tipster wrote; the stream does not keep an idle session alive, and a replica holds
 * only as many streams as it allows while the queue page keeps working.
 */
@TriageIntegrationTest(
        properties = {
            "tipline.triage.live.poll=PT0.5S",
            "tipline.triage.live.max-listeners=3",
            "tipline.triage.session.idle-timeout=PT20S"
        })
class LiveQueueIntegrationTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<InputStream> streams = new ArrayList<>();
    private WebClient browser;
    private String cookies;

    @BeforeEach
    void signIn() throws Exception {
        browser = Browsers.withoutJavaScript();
        SETUP.staff("COORDINATOR").signIn(browser, url(""));
        cookies = browser.getCookieManager().getCookies().stream()
                .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                .collect(Collectors.joining("; "));
    }

    /** Signs out, so the server ends this test's streams at its next look and the next test starts with none. */
    @AfterEach
    void close() throws Exception {
        for (InputStream stream : streams) {
            stream.close();
        }
        browser.getOptions().setRedirectEnabled(true);
        HtmlPage page = browser.getPage(url("/queue"));
        page.getForms().stream()
                .filter(form -> form.getActionAttribute().endsWith("/logout"))
                .findFirst()
                .ifPresent(form -> {
                    try {
                        form.getOneHtmlElementByAttribute("button", "type", "submit")
                                .click();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        browser.close();
        Thread.sleep(2_000);
    }

    @Test
    void urgentTipsAreNamedOtherTipsCountedAndRepliesAnnouncedWithoutTheirWords() throws Exception {
        var stream = open();
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        var lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));

        UUID urgent = SETUP.fileTip(TipAnswers.builder()
                .location("Pier 9 warehouse")
                .happeningNow(true)
                .details("Secret words nobody may stream")
                .build());
        SealedTip standard = SETUP.fileSealedTip(
                TipAnswers.builder().location("Elm Street").details("Quiet").build());
        String seen = readUntil(lines, standard.id().toString(), Duration.ofSeconds(30));
        assertThat(seen)
                .contains("\"id\":\"" + urgent + "\"")
                .containsPattern("\\{[^}]*\"id\":\"" + urgent + "\"[^}]*\\}")
                .doesNotContain("Secret words")
                .doesNotContain("Pier 9");
        assertThat(entryFor(seen, urgent)).contains("\"urgent\":true").contains("\"tier\":\"Happening now\"");
        assertThat(entryFor(seen, standard.id())).contains("\"urgent\":false").contains("\"kind\":\"TIP\"");

        SETUP.tipsterReplies(standard.receipt(), "The van came back with two girls");
        String reply = readUntil(lines, "REPLY", Duration.ofSeconds(30));
        assertThat(reply).contains(standard.id().toString()).doesNotContain("van came back");
    }

    @Test
    void theStreamDoesNotKeepAnIdleSessionAliveAndEndsWhenTheSessionDoes() throws Exception {
        Instant lastClick = Instant.now();
        var stream = open();
        assertThat(stream.statusCode()).isEqualTo(200);
        // The browser reconnects on its own; a reconnect is not someone at the keyboard either.
        Instant lastReconnect = lastClick;
        while (Duration.between(lastClick, Instant.now()).compareTo(Duration.ofSeconds(14)) < 0) {
            Thread.sleep(4_000);
            open().body().close();
            lastReconnect = Instant.now();
        }
        var lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        readUntil(lines, null, Duration.ofSeconds(40));
        Instant ended = Instant.now();
        // Ended once the last click was 20 s old (less this side's latency), not 20 s after the last reconnect.
        assertThat(Duration.between(lastClick, ended)).isGreaterThan(Duration.ofSeconds(19));
        assertThat(Duration.between(lastReconnect, ended)).isLessThan(Duration.ofSeconds(20));

        browser.getOptions().setRedirectEnabled(false);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        var queue = browser.loadWebResponse(new WebRequest(new URL(url("/queue"))));
        assertThat(queue.getStatusCode()).isEqualTo(302);
        assertThat(queue.getResponseHeaderValue("Location")).endsWith("/login?expired");
    }

    @Test
    void aReplicaHoldsOnlyTheStreamsItAllowsAndTheQueueStillOpens() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(open().statusCode());
        }
        // Streams of earlier tests may still be held until the server notices they closed.
        assertThat(statuses.stream().filter(status -> status == 200)).hasSizeLessThanOrEqualTo(3);
        assertThat(statuses)
                .allSatisfy(status -> assertThat(status).isIn(200, 503))
                .endsWith(503, 503);
        HtmlPage queue = browser.getPage(url("/queue"));
        assertThat(queue.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(queue.getWebResponse().getContentAsString())
                .contains("<noscript><meta http-equiv=\"refresh\" content=\"60\"></noscript>")
                .contains("id=\"queue-results\"");
    }

    private HttpResponse<InputStream> open() throws Exception {
        var stream = http.send(
                HttpRequest.newBuilder(URI.create(url("/queue/events")))
                        .header("Cookie", cookies)
                        .header("Accept", "text/event-stream")
                        .header("Accept-Language", "en")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        streams.add(stream.body());
        return stream;
    }

    /** What the stream sent until a line holds {@code marker}, or until it ends when the marker is null. */
    private static String readUntil(BufferedReader lines, String marker, Duration limit) throws Exception {
        StringBuilder seen = new StringBuilder();
        var reading = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    seen.append(line).append('\n');
                    if (marker != null && line.contains(marker)) {
                        return seen.toString();
                    }
                }
                return seen.toString();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String read = reading.get(limit.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        if (marker != null) {
            assertThat(read).contains(marker);
        }
        return read;
    }

    private static String entryFor(String seen, UUID tipId) {
        var matcher = java.util.regex.Pattern.compile("\\{[^}]*\"id\":\"" + tipId + "\"[^}]*\\}")
                .matcher(seen);
        assertThat(matcher.find()).as("an entry for " + tipId).isTrue();
        return matcher.group();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
