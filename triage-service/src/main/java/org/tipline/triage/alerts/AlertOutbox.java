package org.tipline.triage.alerts;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tipline.triage.delivery.Leases;
import org.tipline.triage.delivery.Retries;

/**
 * Tells the on-call channel about urgent tips. The database fills the outbox in the same transaction as the tip (V11),
 * so a tip that arrives while triage is down is alerted when it is back. Each row is claimed with a lease (one UPDATE
 * that moves its {@code next_attempt_at} past the send time, SKIP LOCKED so replicas take different rows) and
 * committed; it is then sent with no transaction, connection or row lock held, and its outcome recorded in a short
 * transaction of its own (ADR 24). A replica that dies mid-send leaves the lease to run out and another retries: a send
 * may repeat, never be lost. Failures are retried with a doubling wait. Nothing sent names more than the tier, the
 * time and a console link.
 */
@Component
@RequiredArgsConstructor
class AlertOutbox {

    private static final Logger log = LoggerFactory.getLogger(AlertOutbox.class);
    private static final int BATCH = 50;

    private final JdbcClient jdbc;
    private final EmailChannel email;
    private final WebhookChannel webhook;
    private final AlertProperties properties;
    private final Clock clock;

    @Scheduled(fixedDelayString = "${tipline.triage.alerts.poll:PT10S}")
    void deliverDue() {
        for (int i = 0; i < BATCH; i++) {
            Optional<UrgentAlert> claimed = claimNext();
            if (claimed.isEmpty()) {
                return;
            }
            deliver(claimed.get());
        }
    }

    private Optional<UrgentAlert> claimNext() {
        return Leases.claimNext(
                jdbc,
                """
                        UPDATE alert_outbox SET next_attempt_at = :lease
                        WHERE id = (SELECT id FROM alert_outbox WHERE status = 'PENDING' AND next_attempt_at <= :now
                                    ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING id, tip_id, tier, channel, created_at, attempts, next_attempt_at
                        """,
                clock.instant(),
                properties.lease(),
                (rs, n) -> new UrgentAlert(
                        rs.getLong(1),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getInt(6),
                        rs.getTimestamp(7).toInstant()));
    }

    private void deliver(UrgentAlert alert) {
        boolean byEmail = alert.channel().equals("EMAIL");
        if (!(byEmail ? email.configured() : webhook.configured())) {
            jdbc.sql("UPDATE alert_outbox SET status = 'NOT_CONFIGURED' WHERE id = :id AND next_attempt_at = :lease")
                    .param("id", alert.id())
                    .param("lease", Timestamp.from(alert.lease()))
                    .update();
            return;
        }
        int attempts = alert.attempts() + 1;
        try {
            if (byEmail) {
                email.send(
                        "Urgent tip (" + alert.tier() + ")",
                        "A tip in the " + alert.tier() + " tier needs attention since " + alert.createdAt()
                                + " (a new tip, or new information from the tipster on a closed one).\n"
                                + "Open it in the console: " + properties.link(alert.tipId()) + "\n"
                                + "This alert carries no tip content.\n");
            } else {
                webhook.send(alert);
            }
            jdbc.sql("""
                            UPDATE alert_outbox SET status = 'SENT', attempts = :attempts, delivered_at = :now,
                                last_error = NULL WHERE id = :id AND next_attempt_at = :lease
                            """)
                    .param("attempts", attempts)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", alert.id())
                    .param("lease", Timestamp.from(alert.lease()))
                    .update();
        } catch (MailException | IOException | WebhookChannel.DeliveryRefused e) {
            failed(alert, attempts, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(alert, attempts, e);
        }
    }

    private void failed(UrgentAlert alert, int attempts, Exception e) {
        FailedSends.record(
                jdbc.sql("UPDATE alert_outbox SET " + FailedSends.SET + " WHERE id = :id AND next_attempt_at = :lease")
                        .param("id", alert.id())
                        .param("lease", Timestamp.from(alert.lease())),
                attempts,
                e,
                properties,
                clock);
        log.warn("alert {} not delivered (attempt {}): {}", alert.id(), attempts, Retries.reason(e));
    }
}
