package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tipline.jdbc.audit.AuditVerifier;
import org.tipline.model.audit.AuditChain;
import org.tipline.triage.audit.AuditTrail;

/**
 * Two triage replicas append audit entries with no chain lock and each runs the sealer (ADR 23): the sealed chain holds
 * every committed entry once, in sequence order, sealing never passes a number an open transaction may still commit,
 * a sealer that dies mid-round hands over to the other, and what is not sealed yet is reported apart from tampering.
 */
class AuditSealingAcrossReplicasTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();
    static Replicas replicas;

    @BeforeAll
    static void twoReplicas() throws SQLException {
        replicas = Replicas.start(SETUP, 2, Map.of("tipline.triage.audit.seal-every", "PT0.1S"));
        SETUP.provisionOnce();
    }

    @AfterAll
    static void stop() {
        replicas.close();
    }

    @Test
    void manyThreadsOnBothReplicasSealIntoOneValidChainWithRolledBackNumbersSkipped() throws Exception {
        AtomicInteger committed = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int replica = t % 2;
            work.add(threads.submit(() -> {
                AuditTrail audit = replicas.bean(replica, AuditTrail.class);
                TransactionTemplate transaction = replicas.bean(replica, TransactionTemplate.class);
                for (int i = 0; i < 40; i++) {
                    int n = i;
                    boolean rollBack = i % 5 == 4;
                    try {
                        transaction.executeWithoutResult(status -> {
                            audit.append("load", "LOAD_PROBE", null, "i=" + n);
                            if (rollBack) {
                                status.setRollbackOnly();
                            }
                        });
                    } finally {
                        committed.addAndGet(rollBack ? 0 : 1);
                    }
                }
                return null;
            }));
        }
        for (Future<?> done : work) {
            done.get(2, TimeUnit.MINUTES);
        }
        threads.shutdown();

        awaitAllSealed();
        try (Connection owner = SETUP.database.connectAsOwner()) {
            var chain = AuditVerifier.sealedChain(owner);
            assertThat(AuditChain.verify(chain))
                    .as("dense positions, rising sequence, every link")
                    .isEmpty();
            assertThat(chain.stream().filter(s -> s.entry().action().equals("LOAD_PROBE")))
                    .hasSize(committed.get())
                    .hasSize(16 * 32);
            assertThat(chain.get(chain.size() - 1).entry().sequence())
                    .as("rolled-back numbers are holes in the sequence, never in the positions")
                    .isGreaterThan(chain.size());
        }
    }

    @Test
    void sealingWaitsAtANumberAnOpenTransactionHoldsThenLinksBothInOrder() throws Exception {
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger lowSequence = new AtomicInteger();
        var slow = Executors.newSingleThreadExecutor()
                .submit(() -> replicas.bean(0, TransactionTemplate.class).executeWithoutResult(status -> {
                    lowSequence.set((int) replicas.bean(0, AuditTrail.class)
                            .append("slow", "GAP_PROBE", null, "")
                            .sequence());
                    appended.countDown();
                    hold(release);
                }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
        long high = replicas.bean(1, AuditTrail.class)
                .append("fast", "GAP_PROBE", null, "")
                .sequence();

        Thread.sleep(1500); // fifteen sealing rounds on each replica
        assertThat(sealed(high))
                .as("not sealed past the open transaction's number")
                .isFalse();
        try (Connection owner = SETUP.database.connectAsOwner()) {
            var result = AuditVerifier.verify(owner, null);
            assertThat(result.intact()).as("waiting entries are not tampering").isTrue();
            assertThat(result.unsealed().count()).isGreaterThanOrEqualTo(1);
        }

        release.countDown();
        slow.get(30, TimeUnit.SECONDS);
        awaitAllSealed();
        assertThat(position(lowSequence.get())).isLessThan(position(high));
    }

    /**
     * The holder of the lower number took its transaction id after the holder of the higher one, which commits first:
     * a snapshot then has {@code xmax} at or below the lower holder's id and does not list it as in progress. Trusting
     * that list, the sealer once judged the lower number rolled back and sealed past an entry that then committed
     * (TriageReplicasIT, 2026-12-05).
     */
    @Test
    void aNumberHeldByATransactionNewerThanTheSnapshotsXmaxIsWaitedFor() throws Exception {
        CountDownLatch olderHasId = new CountDownLatch(1);
        CountDownLatch lowAppended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger lowSequence = new AtomicInteger();
        AtomicInteger highSequence = new AtomicInteger();
        var older = Executors.newSingleThreadExecutor()
                .submit(() -> replicas.bean(1, TransactionTemplate.class).executeWithoutResult(status -> {
                    replicas.bean(1, JdbcClient.class)
                            .sql("SELECT pg_current_xact_id()::text")
                            .query(String.class)
                            .single();
                    olderHasId.countDown();
                    hold(lowAppended);
                    highSequence.set((int) replicas.bean(1, AuditTrail.class)
                            .append("older", "XMAX_PROBE", null, "")
                            .sequence());
                }));
        assertThat(olderHasId.await(30, TimeUnit.SECONDS)).isTrue();
        var newer = Executors.newSingleThreadExecutor()
                .submit(() -> replicas.bean(0, TransactionTemplate.class).executeWithoutResult(status -> {
                    lowSequence.set((int) replicas.bean(0, AuditTrail.class)
                            .append("newer", "XMAX_PROBE", null, "")
                            .sequence());
                    lowAppended.countDown();
                    hold(release);
                }));
        older.get(30, TimeUnit.SECONDS);

        Thread.sleep(1500);
        assertThat(sealed(highSequence.get()))
                .as("not sealed past the number the newer transaction holds")
                .isFalse();
        release.countDown();
        newer.get(30, TimeUnit.SECONDS);
        awaitAllSealed();
        assertThat(position(lowSequence.get())).isLessThan(position(highSequence.get()));
    }

    @Test
    void aRolledBackNumberBecomesAHoleAndSealingGoesOn() throws Exception {
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var slow = Executors.newSingleThreadExecutor()
                .submit(() -> replicas.bean(0, TransactionTemplate.class).executeWithoutResult(status -> {
                    replicas.bean(0, AuditTrail.class).append("slow", "HOLE_PROBE", null, "");
                    appended.countDown();
                    hold(release);
                    status.setRollbackOnly();
                }));
        assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
        long high = replicas.bean(1, AuditTrail.class)
                .append("fast", "HOLE_PROBE", null, "")
                .sequence();
        Thread.sleep(500);
        assertThat(sealed(high)).isFalse();

        release.countDown();
        slow.get(30, TimeUnit.SECONDS);
        awaitAllSealed();
        assertThat(sealed(high)).isTrue();
        try (Connection owner = SETUP.database.connectAsOwner()) {
            assertThat(AuditChain.verify(AuditVerifier.sealedChain(owner))).isEmpty();
        }
    }

    @Test
    void onlyTheLockHolderSealsAndASealerKilledMidRoundHandsOverWithNothingLost() throws Exception {
        awaitAllSealed();
        try (Connection stuck = SETUP.database.connectAsOwner()) {
            // A sealer that took the lock and then died without a word: its connection still holds the lock.
            stuck.setAutoCommit(false);
            stuck.createStatement().execute("SELECT pg_advisory_xact_lock(" + 0x7469706c696e6573L + ")");
            int pid;
            try (var rs = stuck.createStatement().executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            List<Long> appended = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                appended.add(replicas.bean(i % 2, AuditTrail.class)
                        .append("crash", "KILL_PROBE", null, "")
                        .sequence());
            }
            Thread.sleep(1000);
            assertThat(appended)
                    .as("neither replica seals while another holds the lock")
                    .noneMatch(AuditSealingAcrossReplicasTest::sealed);
            try (Connection owner = SETUP.database.connectAsOwner()) {
                var result = AuditVerifier.verify(owner, null);
                assertThat(result.intact()).isTrue();
                assertThat(result.unsealed().count()).isEqualTo(5);
                assertThat(result.unsealed().oldest()).isPresent();
                // What kill -9 does to the sealer's connection: PostgreSQL ends the backend and frees its lock.
                owner.createStatement().execute("SELECT pg_terminate_backend(" + pid + ")");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> appended.stream().allMatch(s -> sealed(s)));
        }

        // Edited after sealing: tampering, told apart from the entries still waiting.
        try (Connection owner = SETUP.database.connectAsOwner()) {
            owner.createStatement()
                    .executeUpdate("UPDATE audit_entry SET actor = 'nobody' WHERE action = 'KILL_PROBE'");
            var result = AuditVerifier.verify(owner, null);
            assertThat(result.problem()).hasValueSatisfying(p -> assertThat(p).contains("hash does not match"));
            owner.createStatement().executeUpdate("UPDATE audit_entry SET actor = 'crash' WHERE action = 'KILL_PROBE'");
            assertThat(AuditVerifier.verify(owner, null).intact())
                    .as("restored for the other tests")
                    .isTrue();
        }
    }

    private static void awaitAllSealed() {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    try (Connection owner = SETUP.database.connectAsOwner()) {
                        return AuditVerifier.unsealed(owner).count() == 0;
                    }
                });
    }

    private static boolean sealed(long sequence) {
        return position(sequence) > 0;
    }

    private static long position(long sequence) {
        try (Connection owner = SETUP.database.connectAsOwner();
                var rs = owner.createStatement()
                        .executeQuery("SELECT position FROM audit_seal WHERE sequence = " + sequence)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void hold(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
