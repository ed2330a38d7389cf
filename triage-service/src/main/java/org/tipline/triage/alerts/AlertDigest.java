package org.tipline.triage.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tipline.triage.delivery.Leases;
import org.tipline.triage.delivery.Retries;
import org.tipline.triage.jobs.ScheduledRuns;

/**
 * The digest of the tiers that do not page: how many tips arrived since the last one. Once per interval across all
 * replicas, the replica that claims the run (ADR 24) writes the digest row in the same transaction, so a digest is
 * queued exactly once per interval; rows are then sent like alerts, claimed with a lease and mailed with no
 * connection held, and a failed one is retried with a doubling wait.
 */
@Component
@RequiredArgsConstructor
class AlertDigest {

    private static final Logger log = LoggerFactory.getLogger(AlertDigest.class);
    static final String JOB = "alert-digest";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ScheduledRuns runs;
    private final EmailChannel email;
    private final AlertProperties properties;
    private final Clock clock;

    /** Counts the tips of the other tiers since the last digest and queues the count, in one replica per interval. */
    @Scheduled(
            initialDelayString = "${tipline.triage.alerts.digest-every:PT1H}",
            fixedDelayString = "${tipline.triage.alerts.digest-every:PT1H}")
    void queueDigest() {
        if (!email.configured()) {
            return;
        }
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            if (!runs.claim(JOB, properties.digestEvery())) {
                return;
            }
            Instant from = jdbc.sql("SELECT max(covered_until) FROM alert_digest")
                    .query(Timestamp.class)
                    .optional()
                    .map(Timestamp::toInstant)
                    .orElse(now.minus(properties.digestEvery()));
            int tips = jdbc.sql("""
                            SELECT count(*) FROM tip WHERE received_at >= :from AND received_at < :until
                            AND urgency_tier NOT IN (SELECT tier FROM alert_tier)
                            """)
                    .param("from", Timestamp.from(from))
                    .param("until", Timestamp.from(now))
                    .query(Integer.class)
                    .single();
            jdbc.sql("INSERT INTO alert_digest (covered_from, covered_until, tips, next_attempt_at) "
                            + "VALUES (:from, :until, :tips, :until)")
                    .param("from", Timestamp.from(from))
                    .param("until", Timestamp.from(now))
                    .param("tips", tips)
                    .update();
        });
        sendDue();
    }

    private record Claimed(Instant from, Instant until, int tips, int attempts, Instant lease) {}

    /** Sends queued digests that are due, including retries, one claimed row at a time. */
    @Scheduled(fixedDelayString = "${tipline.triage.alerts.poll:PT10S}")
    void sendDue() {
        if (!email.configured()) {
            return;
        }
        for (Optional<Claimed> next = claimNext(); next.isPresent(); next = claimNext()) {
            Claimed digest = next.get();
            try {
                email.send(
                        "Tip line digest: " + digest.tips() + " new tips",
                        digest.tips() + " tips outside the urgent tiers arrived between " + digest.from() + " and "
                                + digest.until() + ".\nThe queue: " + properties.consoleUrl()
                                + "/queue\nThis digest carries no tip content.\n");
                jdbc.sql("UPDATE alert_digest SET status = 'SENT', attempts = attempts + 1, delivered_at = :now "
                                + "WHERE covered_until = :until AND next_attempt_at = :lease")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("until", Timestamp.from(digest.until()))
                        .param("lease", Timestamp.from(digest.lease()))
                        .update();
            } catch (MailException e) {
                failed(digest, e);
            }
        }
    }

    private Optional<Claimed> claimNext() {
        return Leases.claimNext(
                jdbc,
                """
                        UPDATE alert_digest SET next_attempt_at = :lease
                        WHERE covered_until = (SELECT covered_until FROM alert_digest
                                               WHERE status = 'PENDING' AND next_attempt_at <= :now
                                               ORDER BY covered_until LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING covered_from, covered_until, tips, attempts, next_attempt_at
                        """,
                clock.instant(),
                properties.lease(),
                (rs, n) -> new Claimed(
                        rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2).toInstant(),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getTimestamp(5).toInstant()));
    }

    private void failed(Claimed digest, Exception e) {
        int attempts = digest.attempts() + 1;
        FailedSends.record(
                jdbc.sql("UPDATE alert_digest SET " + FailedSends.SET
                                + " WHERE covered_until = :until AND next_attempt_at = :lease")
                        .param("until", Timestamp.from(digest.until()))
                        .param("lease", Timestamp.from(digest.lease())),
                attempts,
                e,
                properties,
                clock);
        log.warn("digest until {} not sent (attempt {}): {}", digest.until(), attempts, Retries.reason(e));
    }
}
