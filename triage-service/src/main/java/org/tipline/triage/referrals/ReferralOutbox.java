package org.tipline.triage.referrals;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
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
import org.tipline.triage.delivery.Retries;
import org.tipline.triage.persistence.JdbcAccess;
import org.tipline.triage.tips.ReferralRepository;

/**
 * Sends queued email referrals. Each is taken under a row lock (SKIP LOCKED, so several triage instances never send
 * one twice at once), sent as stored (already S/MIME ciphertext), and its outcome written in the same transaction: SENT
 * with the time, or another attempt after a doubling wait, or FAILED after the configured number of attempts, with
 * the server's reason shown on the tip. A crash between sending and recording can repeat a send, never lose one.
 */
@JdbcAccess({JdbcAccess.Use.QUEUE_CLAIM})
@Component
class ReferralOutbox {

    private static final Logger log = LoggerFactory.getLogger(ReferralOutbox.class);
    private static final int BATCH = 20;

    private final JdbcClient jdbc;
    private final ReferralRepository referrals;
    private final TransactionTemplate transaction;
    private final ObjectProvider<JavaMailSender> mail;
    private final AuditTrail audit;
    private final ReferralProperties properties;
    private final Clock clock;

    ReferralOutbox(
            JdbcClient jdbc,
            ReferralRepository referrals,
            TransactionTemplate transaction,
            ObjectProvider<JavaMailSender> mail,
            AuditTrail audit,
            ReferralProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.referrals = referrals;
        this.transaction = transaction;
        this.mail = mail;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    private record Due(UUID id, UUID tipId, byte[] message, int attempts) {}

    @Scheduled(fixedDelayString = "${tipline.triage.referrals.poll:PT10S}")
    void sendDue() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        for (int i = 0; i < BATCH; i++) {
            Boolean sentOne = transaction.execute(status -> {
                var due = jdbc.sql("""
                                SELECT id, tip_id, smime_message, attempts FROM referral
                                WHERE delivery_status = 'QUEUED' AND next_attempt_at <= :now
                                ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED
                                """)
                        .param("now", Timestamp.from(clock.instant()))
                        .query((rs, n) -> new Due(
                                rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBytes(3), rs.getInt(4)))
                        .optional();
                due.ifPresent(referral -> attempt(sender, referral));
                return due.isPresent();
            });
            if (!Boolean.TRUE.equals(sentOne)) {
                return;
            }
        }
    }

    private void attempt(JavaMailSender sender, Due referral) {
        Instant now = clock.instant();
        int attempts = referral.attempts() + 1;
        try {
            sender.send(sender.createMimeMessage(new ByteArrayInputStream(referral.message())));
            referrals.findById(referral.id()).orElseThrow().delivered(attempts, now);
            referrals.flush();
            audit.append("outbox", "REFERRAL_DELIVERED", referral.tipId(), "referral=" + referral.id());
        } catch (MailException e) {
            boolean giveUp = attempts >= properties.maxAttempts();
            Duration wait = Retries.backoff(properties.retryAfter(), attempts);
            String reason = Retries.reason(e);
            referrals
                    .findById(referral.id())
                    .orElseThrow()
                    .notDelivered(attempts, reason, giveUp ? null : now.plus(wait));
            referrals.flush();
            audit.append(
                    "outbox",
                    giveUp ? "REFERRAL_DELIVERY_FAILED" : "REFERRAL_DELIVERY_RETRYING",
                    referral.tipId(),
                    "referral=" + referral.id() + " attempt=" + attempts);
            log.warn("referral {} not sent (attempt {}): {}", referral.id(), attempts, reason);
        }
    }
}
