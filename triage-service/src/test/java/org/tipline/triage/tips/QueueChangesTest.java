package org.tipline.triage.tips;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.tipline.jdbc.provisioning.Provisioning;
import org.tipline.model.crypto.HpkeSuite;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.guidance.GuidanceLoader;
import org.tipline.model.tip.SealedTip;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.TestDatabase;

/**
 * What the live queue announces, against a real schema and a clock the test moves: each arrival once, a tip whose
 * transaction committed after the last look still, and after a long spell with nobody listening only what is new.
 */
class QueueChangesTest {

    private final TestDatabase database = TestDatabase.migrated();
    private final MovableClock clock = new MovableClock(Instant.now());
    private final QueueChanges changes = new QueueChanges(
            JdbcClient.create(
                    new DriverManagerDataSource(database.jdbcUrl(), database.ownerUser(), database.ownerPassword())),
            clock);

    @Test
    void eachArrivalIsAnnouncedOnceEvenWhenItCommittedAfterTheLookThatShouldHaveSeenIt() throws Exception {
        TipLineKeyPair key = epoch();
        UUID urgent = file(key, true, Duration.ZERO);
        clock.advance(Duration.ofSeconds(3));
        // Received (its transaction began) 10 s ago, committed only now: the overlap still reaches it.
        UUID late = file(key, false, Duration.ofSeconds(-10));

        List<QueueChanges.Change> first = changes.sinceLastLook();
        assertThat(first).extracting(QueueChanges.Change::tipId).containsExactlyInAnyOrder(urgent, late);
        assertThat(first)
                .filteredOn(QueueChanges.Change::urgent)
                .extracting(QueueChanges.Change::tipId)
                .containsExactly(urgent);

        clock.advance(Duration.ofSeconds(3));
        assertThat(changes.sinceLastLook()).isEmpty();
    }

    @Test
    void afterALongSpellWithNobodyListeningOnlyWhatIsNewIsAnnounced() throws Exception {
        TipLineKeyPair key = epoch();
        changes.sinceLastLook();
        clock.advance(Duration.ofHours(1));
        UUID halfAnHourOld = file(key, true, Duration.ofMinutes(-30));
        UUID fresh = file(key, true, Duration.ZERO);

        assertThat(changes.sinceLastLook())
                .extracting(QueueChanges.Change::tipId)
                .containsExactly(fresh)
                .doesNotContain(halfAnHourOld);
    }

    private TipLineKeyPair epoch() throws Exception {
        try (Connection owner = database.connectAsOwner()) {
            return Provisioning.createEpoch(owner, 1, HpkeSuite.X25519);
        }
    }

    /** Files a tip as intake does, then sets when it was received relative to the test's clock. */
    private UUID file(TipLineKeyPair key, boolean happeningNow, Duration receivedFromNow) throws Exception {
        SealedTip tip = SealedTip.seal(
                TipAnswers.builder()
                        .location("Dock " + UUID.randomUUID())
                        .happeningNow(happeningNow)
                        .build(),
                GuidanceLoader.fromClasspath().urgency(),
                key.publicKey());
        try (Connection intake = database.connectAs(TestDatabase.INTAKE_ROLE)) {
            TestDatabase.update(intake, SealedTip.INSERT, tip.insertParameters());
        }
        try (Connection owner = database.connectAsOwner();
                var received = owner.prepareStatement("UPDATE tip SET received_at = ? WHERE id = ?")) {
            received.setObject(1, clock.instant().plus(receivedFromNow).atOffset(ZoneOffset.UTC));
            received.setObject(2, tip.id());
            received.executeUpdate();
        }
        return tip.id();
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
