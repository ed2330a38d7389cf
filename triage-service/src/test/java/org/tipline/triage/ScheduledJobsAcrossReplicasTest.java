package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Ports;
import org.tipline.triage.jobs.ScheduledRuns;

/**
 * Two triage replicas on one database (ADR 24): a scheduled job runs in exactly one of them per due time, the digest
 * goes out once per interval and not once per replica, and an alert is sent with no database connection held.
 */
class ScheduledJobsAcrossReplicasTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();
    static final Duration DIGEST_EVERY = Duration.ofSeconds(2);
    static final GreenMail SMTP = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    /** Per webhook call: which replica sent it, and that replica's connections in use while it waited on us. */
    static final List<int[]> WEBHOOK_CALLS = new CopyOnWriteArrayList<>();

    static HttpServer receiver;
    static Replicas replicas;

    @BeforeAll
    static void twoReplicas() throws Exception {
        SMTP.start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/on-call/", exchange -> {
            int replica = Integer.parseInt(exchange.getRequestURI().getPath().replace("/on-call/", ""));
            try {
                Thread.sleep(1500); // a slow on-call service
                int active = replicas.bean(replica, DataSource.class)
                        .unwrap(HikariDataSource.class)
                        .getHikariPoolMXBean()
                        .getActiveConnections();
                WEBHOOK_CALLS.add(new int[] {replica, active});
            } catch (InterruptedException | SQLException e) {
                throw new IllegalStateException(e);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        Path secret = Files.writeString(Files.createTempFile("webhook", ".secret"), "a webhook secret\n");
        replicas = Replicas.start(SETUP, 2, replica -> {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("spring.mail.host", "127.0.0.1");
            properties.put("spring.mail.port", SMTP.getSmtp().getPort());
            properties.put("tipline.triage.alerts.email", "oncall@tipline.example");
            properties.put(
                    "tipline.triage.alerts.webhook",
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/on-call/" + replica);
            properties.put("tipline.triage.alerts.webhook-secret-file", secret.toString());
            properties.put("tipline.triage.alerts.poll", "PT0.5S");
            properties.put("tipline.triage.alerts.digest-every", DIGEST_EVERY.toString());
            return properties;
        });
        SETUP.provisionOnce();
    }

    @AfterAll
    static void stop() {
        replicas.close();
        receiver.stop(0);
        SMTP.stop();
    }

    @Test
    void ofManyClaimsOfOneDueRunFromBothReplicasExactlyOneWins() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(16);
        var barrier = new CyclicBarrier(16);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            ScheduledRuns runs = replicas.bean(t % 2, ScheduledRuns.class);
            claims.add(threads.submit(() -> {
                barrier.await();
                return runs.claim("test-job", Duration.ofHours(1));
            }));
        }
        int won = 0;
        for (Future<Boolean> claim : claims) {
            won += claim.get(1, TimeUnit.MINUTES) ? 1 : 0;
        }
        threads.shutdown();
        assertThat(won).isEqualTo(1);
        assertThat(replicas.bean(0, ScheduledRuns.class).claim("test-job", Duration.ofHours(1)))
                .as("not due again for an hour")
                .isFalse();
    }

    @Test
    void theDigestGoesOutOncePerIntervalNotOncePerReplica() throws Exception {
        Thread.sleep(DIGEST_EVERY.multipliedBy(5).toMillis());
        List<Instant[]> digests = new ArrayList<>();
        try (var owner = SETUP.database.connectAsOwner();
                var rs = owner.createStatement()
                        .executeQuery("SELECT covered_from, covered_until FROM alert_digest ORDER BY covered_until")) {
            while (rs.next()) {
                digests.add(new Instant[] {
                    rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()
                });
            }
        }
        assertThat(digests).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < digests.size(); i++) {
            assertThat(digests.get(i)[0])
                    .as("each digest starts where the last ended")
                    .isEqualTo(digests.get(i - 1)[1]);
            assertThat(Duration.between(digests.get(i)[0], digests.get(i)[1]))
                    .as("a whole interval each (two replicas each running it would halve this)")
                    .isGreaterThanOrEqualTo(DIGEST_EVERY.multipliedBy(8).dividedBy(10));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> digests.stream().allMatch(d -> mailed(d) > 0));
        assertThat(digests)
                .as("each digest mailed once")
                .allSatisfy(d -> assertThat(mailed(d)).isEqualTo(1));
    }

    private static long mailed(Instant[] digest) {
        String covered = digest[0] + " and " + digest[1];
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getContent().toString().contains(covered);
                    } catch (Exception e) {
                        return false;
                    }
                })
                .count();
    }

    @Test
    void anAlertIsSentWithNoConnectionHeldAndOnlyOnce() throws Exception {
        var tip = SETUP.fileTip(TipAnswers.builder()
                .location("urgent, two replicas")
                .happeningNow(true)
                .details("now")
                .build());
        await().atMost(Duration.ofSeconds(30)).until(() -> sentWebhooks(tip.toString()) == 1);
        assertThat(WEBHOOK_CALLS).isNotEmpty();
        assertThat(WEBHOOK_CALLS)
                .as("the sending replica had no connection in use while the webhook answered slowly")
                .allSatisfy(call -> assertThat(call[1]).isZero());
        Thread.sleep(2000);
        assertThat(WEBHOOK_CALLS).as("sent once, by one replica").hasSize(1);
    }

    private static long sentWebhooks(String tipId) throws SQLException {
        return SETUP.count(
                "SELECT count(*) FROM alert_outbox WHERE status = 'SENT' AND channel = 'WEBHOOK' AND tip_id = '" + tipId
                        + "'");
    }
}
