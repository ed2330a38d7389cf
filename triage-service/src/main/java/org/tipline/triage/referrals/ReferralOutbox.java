package org.tipline.triage.referrals;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.delivery.Leases;
import org.tipline.triage.delivery.Retries;
import org.tipline.triage.persistence.JdbcAccess;
import org.tipline.triage.tips.Referral;
import org.tipline.triage.tips.ReferralRepository;

/**
 * Sends queued email referrals. Each is claimed with a lease (one UPDATE that moves its {@code next_attempt_at} past
 * the send time, SKIP LOCKED so replicas take different rows) and committed, sent as stored (already S/MIME
 * ciphertext) with no transaction, connection or row lock held, and its outcome written with its audit entry in a
 * short transaction of its own (ADR 24): SENT with the time, or another attempt after a doubling wait, or FAILED after
 * the configured number of attempts, with the server's reason shown on the tip. A replica that dies mid-send leaves
 * the lease to run out and another sends again: a send may repeat, never be lost.
 */
@JdbcAccess({JdbcAccess.Use.QUEUE_CLAIM})
@Component
@RequiredArgsConstructor
class ReferralOutbox {

    private static final Logger log = LoggerFactory.getLogger(ReferralOutbox.class);
    private static final int BATCH = 20;
    /** Far longer than the mail timeouts (10 s each, application.properties), so a live sender is never overtaken. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final ReferralRepository referrals;
    private final TransactionTemplate transaction;
    private final ObjectProvider<JavaMailSender> mail;
    private final AuditTrail audit;
    private final ReferralProperties properties;
    private final Clock clock;

    private record Due(UUID id, UUID tipId, byte[] message, int attempts, Instant lease) {}

    @Scheduled(fixedDelayString = "${tipline.triage.referrals.poll:PT10S}")
    void sendDue() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        for (int i = 0; i < BATCH; i++) {
            Optional<Due> due = claimNext();
            if (due.isEmpty()) {
                return;
            }
            attempt(sender, due.get());
        }
    }

    private Optional<Due> claimNext() {
        return Leases.claimNext(
                jdbc,
                """
                        UPDATE referral SET next_attempt_at = :lease
                        WHERE id = (SELECT id FROM referral WHERE delivery_status = 'QUEUED' AND next_attempt_at <= :now
                                    ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING id, tip_id, smime_message, attempts, next_attempt_at
                        """,
                clock.instant(),
                LEASE,
                (rs, n) -> new Due(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getBytes(3),
                        rs.getInt(4),
                        rs.getTimestamp(5).toInstant()));
    }

    private void attempt(JavaMailSender sender, Due referral) {
        int attempts = referral.attempts() + 1;
        try {
            sender.send(sender.createMimeMessage(new ByteArrayInputStream(referral.message())));
            record(
                    referral,
                    row -> row.delivered(attempts, clock.instant()),
                    "REFERRAL_DELIVERED",
                    "referral=" + referral.id());
        } catch (MailException e) {
            boolean giveUp = attempts >= properties.maxAttempts();
            Duration wait = Retries.backoff(properties.retryAfter(), attempts);
            String reason = Retries.reason(e);
            record(
                    referral,
                    row -> row.notDelivered(
                            attempts, reason, giveUp ? null : clock.instant().plus(wait)),
                    giveUp ? "REFERRAL_DELIVERY_FAILED" : "REFERRAL_DELIVERY_RETRYING",
                    "referral=" + referral.id() + " attempt=" + attempts);
            log.warn("referral {} not sent (attempt {}): {}", referral.id(), attempts, reason);
        }
    }

    /** The outcome and its audit entry in one short transaction, only while the row still carries this lease. */
    private void record(Due referral, Consumer<Referral> outcome, String action, String detail) {
        transaction.executeWithoutResult(status -> {
            boolean stillOurs = jdbc.sql(
                            "SELECT true FROM referral WHERE id = :id AND next_attempt_at = :lease FOR UPDATE")
                    .param("id", referral.id())
                    .param("lease", Timestamp.from(referral.lease()))
                    .query(Boolean.class)
                    .optional()
                    .isPresent();
            if (stillOurs) {
                outcome.accept(referrals.findById(referral.id()).orElseThrow());
                referrals.flush();
                audit.append("outbox", action, referral.tipId(), detail);
            }
        });
    }
}
