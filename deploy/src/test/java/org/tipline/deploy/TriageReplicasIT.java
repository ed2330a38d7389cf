package org.tipline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipline.deploy.ConsoleCoordinator.Ack;
import org.tipline.jdbc.provisioning.Provisioning;
import org.tipline.testsupport.TestDatabase;

/**
 * Two triage replicas and two intakes behind nginx, as the Kubernetes files run them (issue 18 item 4). Eight
 * coordinators, each pinned to a replica by the balancer's route cookie, take and close tips over HTTP while tipsters
 * file new ones through both intakes; one triage replica is killed with -9 in the middle. Then: no tip was claimed
 * twice, every action a coordinator was told succeeded is in the database and in the audit trail, the audit chain and
 * its checkpoints verify, the survivor signs a checkpoint over everything written before the kill, and the on-call
 * mailbox got the expected number of digests per period.
 */
class TriageReplicasIT {

    private static final int COORDINATORS = 8;
    private static final String PASSWORD = "replica coordinator passphrase";
    private static final Duration DIGEST_EVERY = Duration.ofSeconds(15);
    /** One replica claims each digest period (ADR 24), however many run. */
    private static final int DIGESTS_PER_PERIOD_WITH_TWO_REPLICAS = 1;

    private static final Pattern DIGEST_UNTIL = Pattern.compile("arrived between \\S+ and (\\S+)\\.\\s");

    @TempDir
    static Path data;

    private static final TestDatabase DATABASE = TestDatabase.empty();
    private static ReplicaDeployment deployment;

    @BeforeAll
    static void startEverything() throws Exception {
        deployment = ReplicaDeployment.start(data, DATABASE, DIGEST_EVERY);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (deployment != null) {
            deployment.stop();
        }
    }

    @Test
    void eightCoordinatorsOnTwoReplicasLoseNothingWhenOneIsKilled() throws Exception {
        // Tipsters file through both intakes from the start, so tips wait in the queue when the coordinators begin.
        var receipts = new AtomicInteger();
        var tipstersDone = new CountDownLatch(2);
        var stopFiling = new AtomicBoolean();
        for (int i = 0; i < 2; i++) {
            new Thread(() -> {
                        PublicForm.fileUntil(stopFiling, deployment.publicForm(), receipts);
                        tipstersDone.countDown();
                    })
                    .start();
        }
        Map<ConsoleCoordinator, String> pinned = signInPinnedFourAndFour();
        var acks = new ConcurrentLinkedQueue<Ack>();
        Instant killAt = later(
                deployment.bothTriagesReady().plus(DIGEST_EVERY.multipliedBy(5).dividedBy(2)),
                Instant.now().plusSeconds(20));
        Instant stopAt = killAt.plusSeconds(25);
        var done = new CountDownLatch(COORDINATORS);
        pinned.keySet()
                .forEach(c -> new Thread(() -> {
                            try {
                                c.workUntil(stopAt, acks::add);
                            } finally {
                                done.countDown();
                            }
                        })
                        .start());

        sleepUntil(killAt);
        Instant killed = Instant.now();
        deployment.killTriageB();
        long entriesAtKill = ownerLong("SELECT count(*) FROM audit_entry");
        done.await();
        stopFiling.set(true);
        tipstersDone.await();

        List<Ack> all = new ArrayList<>(acks);
        System.out.printf(
                "triage replicas: %d tips filed; %d claims and %d closes acknowledged (%d after the kill)%n",
                receipts.get(),
                all.stream().filter(a -> a.action().equals("TIP_CLAIMED")).count(),
                all.stream().filter(a -> a.action().equals("STATUS_CHANGED")).count(),
                all.stream().filter(a -> a.at().isAfter(killed)).count());
        assertSpreadAndSticky(all, pinned, killed);
        assertEveryAcknowledgedActionStored(all);
        assertSealingResumesOnTheSurvivor(killed, entriesAtKill);
        assertEveryEntrySealed();
        var verified = deployment.auditVerify();
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output())
                .startsWith("intact: ")
                .contains("signed checkpoints match")
                .doesNotContain("unsealed:");
        assertThat(digestsPerPeriod(deployment.bothTriagesReady(), killed))
                .as("digests per period while both replicas ran")
                .isEqualTo(DIGESTS_PER_PERIOD_WITH_TWO_REPLICAS);
    }

    /** New browsers until four are pinned to each replica; each then signs in there. */
    private static Map<ConsoleCoordinator, String> signInPinnedFourAndFour() throws Exception {
        Map<ConsoleCoordinator, String> pinned = new java.util.LinkedHashMap<>();
        try (var owner = DATABASE.connectAsOwner()) {
            Matcher demo = Pattern.compile("coordinator: username=(\\S+) password=(\\S+)")
                    .matcher(deployment.demoAccounts());
            assertThat(demo.find()).isTrue();
            var keys = Provisioning.unlockGrants(
                    owner, demo.group(1), demo.group(2).toCharArray());
            var key = keys.get(keys.keySet().stream().max(Integer::compare).orElseThrow());
            for (int i = 0; i < COORDINATORS; i++) {
                String username = "replica-coordinator-" + i;
                byte[] secret = ConsoleCoordinator.provision(owner, key, username, PASSWORD);
                String wanted = i % 2 == 0 ? deployment.replicaA() : deployment.replicaB();
                ConsoleCoordinator browser = null;
                for (int visit = 0;
                        visit < 100 && (browser == null || !browser.upstream().equals(wanted));
                        visit++) {
                    browser = new ConsoleCoordinator(deployment.console(), username, PASSWORD, secret);
                    browser.firstVisit();
                }
                browser.signIn();
                assertThat(browser.upstream()).as("signed in where pinned").isEqualTo(wanted);
                pinned.put(browser, wanted);
            }
            key.wipe();
        }
        return pinned;
    }

    /** Both replicas served claims; until the kill every answer came from the replica the browser was pinned to. */
    private static void assertSpreadAndSticky(List<Ack> acks, Map<ConsoleCoordinator, String> pinned, Instant killed) {
        Map<String, String> replicaOf = new java.util.HashMap<>();
        pinned.forEach((browser, replica) -> replicaOf.put(browser.username, replica));
        List<Ack> before = acks.stream().filter(a -> a.at().isBefore(killed)).toList();
        assertThat(before).extracting(Ack::replica).contains(deployment.replicaA(), deployment.replicaB());
        assertThat(before)
                .as("sticky sessions")
                .allSatisfy(a -> assertThat(a.replica()).isEqualTo(replicaOf.get(a.coordinator())));
        for (var entry : replicaOf.entrySet()) {
            if (entry.getValue().equals(deployment.replicaB())) {
                assertThat(acks)
                        .as(entry.getKey() + " signed in again on the survivor and went on working")
                        .anySatisfy(a -> {
                            assertThat(a.coordinator()).isEqualTo(entry.getKey());
                            assertThat(a.at()).isAfter(killed);
                            assertThat(a.replica()).isEqualTo(deployment.replicaA());
                        });
            }
        }
    }

    /**
     * No tip claimed twice; each acknowledged claim and close is in the tip's row and in the audit trail; and the
     * database holds at most one unacknowledged action per coordinator whose replica died (its request in flight).
     */
    private static void assertEveryAcknowledgedActionStored(List<Ack> acks) throws Exception {
        try (var owner = DATABASE.connectAsOwner()) {
            try (var rs = owner.createStatement()
                    .executeQuery("SELECT count(*) FROM (SELECT tip_id FROM audit_entry WHERE action = 'TIP_CLAIMED'"
                            + " GROUP BY tip_id HAVING count(*) > 1) twice")) {
                rs.next();
                assertThat(rs.getLong(1)).as("tips claimed twice").isZero();
            }
            assertThat(acks.stream()
                            .filter(a -> a.action().equals("TIP_CLAIMED"))
                            .map(Ack::tip))
                    .doesNotHaveDuplicates();
            var stored = owner.prepareStatement("""
                    SELECT count(*) FROM tip t JOIN staff s ON s.id = t.assignee
                    JOIN audit_entry a ON a.tip_id = t.id AND a.actor = s.username AND a.action = ?
                    WHERE t.id = ? AND s.username = ? AND (? = 'TIP_CLAIMED' OR t.status = 'CLOSED')
                    """);
            for (Ack ack : acks) {
                stored.setString(1, ack.action());
                stored.setObject(2, ack.tip());
                stored.setString(3, ack.coordinator());
                stored.setString(4, ack.action());
                try (var rs = stored.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("stored and audited: " + ack).isEqualTo(1);
                }
            }
        }
        long audited = ownerLong("SELECT count(*) FROM audit_entry WHERE actor LIKE 'replica-coordinator-%'"
                + " AND action IN ('TIP_CLAIMED', 'STATUS_CHANGED')");
        assertThat(audited - acks.size())
                .as("actions stored without an acknowledgement: at most the requests in flight on the killed replica")
                .isBetween(0L, (long) COORDINATORS / 2);
    }

    /** The survivor signs a checkpoint over a chain at least as long as the trail was when the other one died. */
    private static void assertSealingResumesOnTheSurvivor(Instant killed, long entriesAtKill) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        long covered = 0;
        while (Instant.now().isBefore(deadline) && covered < entriesAtKill) {
            Thread.sleep(500);
            covered = ownerLong("SELECT coalesce(max(tree_size), 0) FROM audit_checkpoint WHERE issued_at > '" + killed
                    + "'::timestamptz");
        }
        assertThat(covered)
                .as("entries covered by a checkpoint signed after the kill")
                .isGreaterThanOrEqualTo(entriesAtKill);
    }

    /** Entries committed on the killed replica, and every later one, are linked by the survivor's sealer (ADR 23). */
    private static void assertEveryEntrySealed() throws Exception {
        String unsealed = "SELECT count(*) FROM audit_entry e"
                + " WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.sequence = e.sequence)";
        Instant deadline = Instant.now().plusSeconds(30);
        long left = ownerLong(unsealed);
        while (left > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            left = ownerLong(unsealed);
        }
        if (left > 0) {
            // What a failure needs to be understood: the gap, who was still in a transaction, what the survivor said.
            assertThat(left)
                    .as(
                            "audit entries not sealed 30 s after the load stopped%nunsealed: %s%nsealed up to: %s%n"
                                    + "open transactions: %s%nthe survivor's warnings: %s",
                            ownerRows("SELECT e.sequence, e.action, e.occurred_at FROM audit_entry e WHERE NOT EXISTS"
                                    + " (SELECT 1 FROM audit_seal s WHERE s.sequence = e.sequence)"
                                    + " ORDER BY e.sequence LIMIT 10"),
                            ownerRows("SELECT max(sequence), max(position) FROM audit_seal"),
                            ownerRows("SELECT pid, state, backend_xid, xact_start, wait_event, left(query, 80)"
                                    + " FROM pg_stat_activity WHERE backend_xid IS NOT NULL"),
                            survivorWarnings())
                    .isZero();
        }
    }

    private static String ownerRows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (var owner = DATABASE.connectAsOwner();
                var rs = owner.createStatement().executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(String.valueOf(rs.getObject(c)));
                }
                rows.add(String.join(" | ", row));
            }
        }
        return String.join("; ", rows);
    }

    private static String survivorWarnings() throws Exception {
        List<String> lines = new String(
                        Files.readAllBytes(data.resolve("logs/triage-service.log")), StandardCharsets.UTF_8)
                .lines()
                .filter(line -> line.contains("WARN") || line.contains("ERROR"))
                .toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /**
     * Digests the on-call mailbox received that cover up to a moment in the two and a half periods after both replicas
     * were ready (and before the kill), per period, rounded: with one sender a period that window holds 2 or 3, with
     * two senders 4 to 6.
     */
    private static long digestsPerPeriod(Instant from, Instant killed) throws Exception {
        Instant until = from.plus(DIGEST_EVERY.multipliedBy(5).dividedBy(2));
        assertThat(until).as("the window ends before the kill").isBefore(killed);
        int inWindow = 0;
        for (MimeMessage message : deployment.mail.getReceivedMessages()) {
            if (message.getSubject().startsWith("Tip line digest")) {
                Matcher covered = DIGEST_UNTIL.matcher((String) message.getContent());
                assertThat(covered.find()).as((String) message.getContent()).isTrue();
                Instant end = Instant.parse(covered.group(1));
                if (!end.isBefore(from) && end.isBefore(until)) {
                    inWindow++;
                }
            }
        }
        System.out.printf("triage replicas: %d digests in %.1f digest periods%n", inWindow, 2.5);
        return Math.round(inWindow / 2.5);
    }

    private static long ownerLong(String sql) throws Exception {
        try (var owner = DATABASE.connectAsOwner();
                var rs = owner.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
