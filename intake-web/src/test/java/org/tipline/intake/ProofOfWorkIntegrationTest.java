package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipline.intake.abuse.ProofOfWork;
import org.tipline.model.crypto.BalloonHash;
import org.tipline.testsupport.FormPosts;

/**
 * Sending under attack, over real HTTP against real PostgreSQL, with the production wait: a flood without
 * JavaScript at ten requests a second does not keep a genuine sender without JavaScript out for a minute, and one
 * pass files at most one tip, even when it is played against two replicas at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProofOfWorkIntegrationTest {

    private static final String SECRET = Base64.getEncoder().encodeToString(new byte[32]);
    private static final Pattern TOKEN = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"");
    private static final Pattern PASS =
            Pattern.compile("name=\"powChallenge\" id=\"pow-challenge\" value=\"([^\"]*)\"");
    private static final Pattern WAIT = Pattern.compile("data-pow-wait=\"(\\d+)\"");
    private static final Pattern SEND_AGAIN = Pattern.compile("id=\"send-again\" data-seconds=\"(\\d+)\"");
    /** The production slow-lane wait before load raises it (ADR 17). */
    private static final Duration SHORTEST_WAIT = Duration.ofSeconds(10);

    private static final Pattern RECEIPT = Pattern.compile("id=\"receipt-code\">(.+?)</p>");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        settings().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The production wait; a low difficulty, since this test solves in Java. */
    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>(IntakeTestDatabase.properties());
        settings.put("tipline.intake.proof-of-work.enabled", "true");
        settings.put("tipline.intake.proof-of-work.difficulty", "3");
        settings.put("tipline.intake.proof-of-work.secret", SECRET);
        // A lower threshold than production (30 a minute), so the rise shows within seconds of the flood starting.
        settings.put("tipline.intake.proof-of-work.busy-per-minute", "10");
        return settings;
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aFloodAtTenRequestsASecondDoesNotKeepAGenuineSenderWithoutJavaScriptOutForAMinute() throws Exception {
        var flooding = new AtomicBoolean(true);
        var earlyAdmitted = new AtomicInteger();
        var floodRequests = new AtomicInteger();
        var flood = Executors.newSingleThreadScheduledExecutor();
        var passes = new ConcurrentLinkedQueue<String[]>();
        // Ten requests a second whatever the answers' latency (sent without waiting for them): a review page for a
        // fresh pass, then a send of the oldest pass at once, alternately.
        flood.scheduleAtFixedRate(
                () -> {
                    int request = floodRequests.incrementAndGet();
                    String answers = "location=Flood+" + request;
                    CompletableFuture<?> sent;
                    if (request % 2 == 1) {
                        // The pass is issued after this moment, so it cannot be valid before SHORTEST_WAIT from it.
                        String askedAt = Long.toString(System.nanoTime());
                        sent = http.sendAsync(
                                        form("http://localhost:" + port, answers + "&step=review"),
                                        HttpResponse.BodyHandlers.ofString())
                                .thenAccept(review -> passes.add(new String[] {
                                    answers, match(TOKEN, review.body()), match(PASS, review.body()), askedAt
                                }));
                    } else {
                        String[] pass = passes.poll();
                        if (pass == null) {
                            return;
                        }
                        sent = http.sendAsync(
                                        form(
                                                "http://localhost:" + port,
                                                pass[0] + "&submission=" + encode(pass[1]) + "&powChallenge="
                                                        + encode(pass[2]) + "&powNonce=&step=send"),
                                        HttpResponse.BodyHandlers.discarding())
                                .thenAccept(response -> {
                                    // Answered before the shortest wait had passed since the review was asked for:
                                    // certainly admitted early. A send admitted later, because a loaded server
                                    // answered it late, was admitted after its wait, as designed.
                                    long sinceAsked = System.nanoTime() - Long.parseLong(pass[3]);
                                    if (response.statusCode() == 200 && sinceAsked < SHORTEST_WAIT.toNanos()) {
                                        earlyAdmitted.incrementAndGet();
                                    }
                                });
                    }
                    sent.exceptionally(failed -> {
                        flooding.set(false);
                        return null;
                    });
                },
                0,
                100,
                TimeUnit.MILLISECONDS);
        try {
            // The genuine sender comes once the flood has run 20 s: 100 sends, more than the old slow lane's budget.
            for (int i = 0; i < 600 && floodRequests.get() < 200; i++) {
                Thread.sleep(100);
            }
            long start = System.nanoTime();
            String location = "location=" + encode("Genuine Road 5, van every night");
            String review = post(location + "&step=review");
            int wait = Integer.parseInt(match(WAIT, review).isEmpty() ? "0" : match(WAIT, review));
            Thread.sleep(wait * 1000L);
            String token = match(TOKEN, review);
            String pass = match(PASS, review);
            HttpResponse<String> sent = send(location, token, pass, "");
            while (sent.statusCode() == 429 && elapsed(start).toSeconds() < 60) {
                Matcher again = SEND_AGAIN.matcher(sent.body());
                // As the page says: the seconds left, or, when it names none, a minute.
                Thread.sleep(again.find() ? Long.parseLong(again.group(1)) * 1000L : 60_000);
                sent = send(location, match(TOKEN, sent.body()), match(PASS, sent.body()), "");
            }
            assertThat(sent.statusCode()).isEqualTo(200);
            assertThat(match(RECEIPT, sent.body())).isNotEmpty();
            assertThat(elapsed(start)).isLessThan(Duration.ofSeconds(60));
            assertThat(wait)
                    .as("the wait has risen with the flood")
                    .isGreaterThan(10)
                    .isLessThanOrEqualTo(40);
            assertThat(flooding).as("the flood ran throughout").isTrue();
            System.out.printf(
                    "flood: genuine sender filed %d s after opening the review page, whose wait was %d s%n",
                    elapsed(start).toSeconds(), wait);
        } finally {
            flood.shutdownNow();
            flood.awaitTermination(10, TimeUnit.SECONDS);
        }
        assertThat(floodRequests.get()).isGreaterThan(100);
        System.out.printf("flood: %d requests, none admitted before its wait%n", floodRequests.get());
        assertThat(earlyAdmitted)
                .as("every flood pass sent before its wait was refused")
                .hasValue(0);
        assertThat(status("/actuator/health")).isEqualTo(200);
    }

    @Test
    void onePassFilesOneTipEvenPlayedAgainstTwoReplicasAtOnce() throws Exception {
        String[] arguments = settings().entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        String[] withPort = java.util.Arrays.copyOf(arguments, arguments.length + 1);
        withPort[arguments.length] = "--server.port=0";
        try (var replica = new SpringApplicationBuilder(IntakeApplication.class).run(withPort)) {
            String other = "http://localhost:" + replica.getEnvironment().getProperty("local.server.port");
            String here = "http://localhost:" + port;
            String location = "location=Replica+Row";
            String review = http.send(form(here, location + "&step=review"), HttpResponse.BodyHandlers.ofString())
                    .body();
            String token = match(TOKEN, review);
            String pass = match(PASS, review);
            // The difficulty the pass asks for, which a flood run before may have raised.
            String nonce = solve(pass, token, Integer.parseInt(pass.split("\\.")[2]));
            String send = location + "&submission=" + encode(token) + "&powChallenge=" + encode(pass) + "&powNonce="
                    + nonce + "&step=send";
            long tips = count("tip");
            long spent = count("spent_send_pass");

            var pool = Executors.newFixedThreadPool(8);
            List<Callable<HttpResponse<String>>> sends = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String base = i % 2 == 0 ? here : other;
                sends.add(() -> http.send(form(base, send), HttpResponse.BodyHandlers.ofString()));
            }
            var receipts = new java.util.HashSet<String>();
            int firstTime = 0;
            for (var response : pool.invokeAll(sends)) {
                assertThat(response.get().statusCode()).isEqualTo(200);
                receipts.add(match(RECEIPT, response.get().body()));
                firstTime += response.get().body().contains("already-received") ? 0 : 1;
            }
            pool.shutdown();

            assertThat(receipts).hasSize(1);
            assertThat(firstTime).isOne();
            assertThat(count("tip")).isEqualTo(tips + 1);
            assertThat(count("spent_send_pass")).isEqualTo(spent + 1);
            // The same pass and work for other answers is no pass at all, on either replica.
            for (String base : List.of(here, other)) {
                var reused = http.send(
                        form(base, send.replace("Replica+Row", "Another+Tip")), HttpResponse.BodyHandlers.ofString());
                assertThat(reused.statusCode()).isEqualTo(429);
                assertThat(reused.body()).doesNotContain("receipt-code").contains("value=\"Another Tip\"");
            }
            assertThat(count("tip")).isEqualTo(tips + 1);
        }
    }

    @Test
    void theIntakeRoleCanSpendAPassAndDoNothingElseWithSpentPasses() throws Exception {
        try (var intake = IntakeTestDatabase.DATABASE.connectAs(org.tipline.testsupport.TestDatabase.INTAKE_ROLE)) {
            for (String statement : List.of(
                    "SELECT * FROM spent_send_pass",
                    "DELETE FROM spent_send_pass",
                    "INSERT INTO spent_send_pass VALUES ('\\x00112233445566778899aabbccddeeff', now())",
                    "UPDATE spent_send_pass SET expires_at = now()")) {
                assertThatThrownBy(() -> intake.createStatement().execute(statement))
                        .as(statement)
                        .hasMessageContaining("permission denied");
            }
            byte[] id = new byte[16];
            new java.security.SecureRandom().nextBytes(id);
            try (var spend = intake.prepareStatement("SELECT spend_send_pass(?, now() + interval '1 hour')")) {
                spend.setBytes(1, id);
                try (var first = spend.executeQuery()) {
                    assertThat(first.next() && first.getBoolean(1)).isTrue();
                }
                try (var again = spend.executeQuery()) {
                    assertThat(again.next() && !again.getBoolean(1)).isTrue();
                }
            }
        }
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String solve(String pass, String token, int difficulty) {
        for (int nonce = 0; ; nonce++) {
            if (BalloonHash.leadingZeroBits(ProofOfWork.work(pass, token, String.valueOf(nonce))) >= difficulty) {
                return String.valueOf(nonce);
            }
        }
    }

    private HttpResponse<String> send(String answers, String token, String pass, String nonce) throws Exception {
        return http.send(
                form(
                        "http://localhost:" + port,
                        answers + "&submission=" + encode(token) + "&powChallenge=" + encode(pass) + "&powNonce="
                                + nonce + "&step=send"),
                HttpResponse.BodyHandlers.ofString());
    }

    private String post(String body) throws Exception {
        return http.send(form("http://localhost:" + port, body), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private int status(String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static HttpRequest form(String base, String body) {
        return FormPosts.to(base + "/tips", body).build();
    }

    private static long count(String table) throws SQLException {
        try (var owner = IntakeTestDatabase.DATABASE.connectAsOwner();
                var rs = owner.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String match(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
