package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.model.crypto.Receipt;
import org.tipline.testsupport.FormPosts;

/**
 * Wrong receipts are slowed and then refused once their budget is spent, but a tipster with a correct receipt gets
 * through every time, however many wrong guesses others send at the same moment.
 */
@IntakeIntegrationTest(
        properties = {
            "tipline.intake.lookup.capacity=5",
            "tipline.intake.lookup.refill-per-second=0",
            "tipline.intake.lookup.failure-penalty=PT0.3S",
            "tipline.intake.lookup.max-slowed=2"
        })
class LookupThrottleIntegrationTest {

    private static final int ATTACKERS = 8;
    private static final int GUESSES_EACH = 25;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aCorrectReceiptAlwaysGetsThroughWhileWrongGuessesFloodAndAreThrottled() throws Exception {
        String receipt = FollowUpIntegrationTest.receiptIn(
                post("/tips", "location=Throttle+Terrace").body());
        ConcurrentMap<Integer, AtomicInteger> attackAnswers = new ConcurrentHashMap<>();
        var pool = Executors.newFixedThreadPool(ATTACKERS);
        List<Future<?>> attack = new ArrayList<>();
        for (int a = 0; a < ATTACKERS; a++) {
            attack.add(pool.submit(() -> {
                for (int i = 0; i < GUESSES_EACH; i++) {
                    var answer = post("/status", "receipt=" + Receipt.generate());
                    int code = answer.statusCode();
                    if (code == 429) {
                        assertThat(answer.body()).contains("Please wait a minute and try again");
                    }
                    attackAnswers
                            .computeIfAbsent(code, c -> new AtomicInteger())
                            .incrementAndGet();
                }
                return null;
            }));
        }
        Thread.sleep(300);

        List<Integer> genuine = new ArrayList<>();
        long slowest = 0;
        for (int i = 0; i < 20; i++) {
            long started = System.nanoTime();
            var page = post("/status", "receipt=" + receipt);
            slowest = Math.max(slowest, System.nanoTime() - started);
            genuine.add(page.statusCode());
            assertThat(page.body()).contains("Received: your tip is stored");
        }
        var answered = post("/status/messages", "receipt=" + receipt + "&text=The+van+is+back");

        for (Future<?> attacker : attack) {
            attacker.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(genuine).containsOnly(200);
        assertThat(slowest).as("slowest genuine lookup (ns)").isLessThan(TimeUnit.SECONDS.toNanos(1));
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(attackAnswers.keySet()).as("attack answers by status").containsOnly(200, 429);
        assertThat(attackAnswers.get(429).get())
                .as("wrong guesses refused once their budget is spent")
                .isGreaterThan(ATTACKERS * GUESSES_EACH / 2);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                FormPosts.to("http://localhost:" + port + path, body).build(), HttpResponse.BodyHandlers.ofString());
    }
}
