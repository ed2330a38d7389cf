package org.tipline.triage.alerts;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tipline.triage.delivery.Retries;
import org.tipline.triage.referrals.ReferralProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the on-call channel about urgent tips, and sends a digest of the rest. The urgent alerts come from an outbox
 * that the database fills in the same transaction as the tip (V11), so a tip that arrives while triage is down is
 * alerted when it is back. Each row is sent under a row lock and its outcome recorded with it; failures are retried
 * with a doubling wait. Nothing sent names more than the tier, the time and a console link.
 */
@Component
class OnCallAlerts {

    private static final Logger log = LoggerFactory.getLogger(OnCallAlerts.class);
    static final String SIGNATURE_HEADER = "Tipline-Signature";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ObjectProvider<JavaMailSender> mail;
    private final AlertProperties properties;
    private final String from;
    private final Clock clock;
    private final byte[] webhookSecret;
    private final HttpClient http;

    OnCallAlerts(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            ObjectProvider<JavaMailSender> mail,
            AlertProperties properties,
            ReferralProperties referrals,
            Clock clock)
            throws IOException {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.mail = mail;
        this.properties = properties;
        this.from = referrals.from();
        this.clock = clock;
        if (properties.webhook() != null && properties.webhookSecretFile() == null) {
            throw new IllegalStateException(
                    "tipline.triage.alerts.webhook is set but tipline.triage.alerts.webhook-secret-file is not:"
                            + " unsigned webhooks are refused");
        }
        this.webhookSecret = properties.webhookSecretFile() == null
                ? new byte[0]
                : Files.readString(properties.webhookSecretFile()).strip().getBytes(StandardCharsets.UTF_8);
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private record Due(long id, UUID tipId, String tier, String channel, Instant createdAt, int attempts) {}

    @Scheduled(fixedDelayString = "${tipline.triage.alerts.poll:PT10S}")
    void deliverDue() {
        for (int i = 0; i < 50; i++) {
            Boolean handled = transaction.execute(status -> {
                Optional<Due> due = jdbc.sql("""
                                SELECT id, tip_id, tier, channel, created_at, attempts FROM alert_outbox
                                WHERE status = 'PENDING' AND next_attempt_at <= :now
                                ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED
                                """)
                        .param("now", Timestamp.from(clock.instant()))
                        .query((rs, n) -> new Due(
                                rs.getLong(1),
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getTimestamp(5).toInstant(),
                                rs.getInt(6)))
                        .optional();
                due.ifPresent(this::deliver);
                return due.isPresent();
            });
            if (!Boolean.TRUE.equals(handled)) {
                return;
            }
        }
    }

    private void deliver(Due alert) {
        boolean configured = alert.channel().equals("EMAIL")
                ? properties.email() != null && mail.getIfAvailable() != null
                : properties.webhook() != null;
        if (!configured) {
            jdbc.sql("UPDATE alert_outbox SET status = 'NOT_CONFIGURED' WHERE id = :id")
                    .param("id", alert.id())
                    .update();
            return;
        }
        int attempts = alert.attempts() + 1;
        try {
            if (alert.channel().equals("EMAIL")) {
                email(
                        "Urgent tip (" + alert.tier() + ")",
                        "A tip in the " + alert.tier() + " tier needs attention since " + alert.createdAt()
                                + " (a new tip, or new information from the tipster on a closed one).\n"
                                + "Open it in the console: " + link(alert.tipId()) + "\n"
                                + "This alert carries no tip content.\n");
            } else {
                webhook(alert);
            }
            jdbc.sql("""
                            UPDATE alert_outbox SET status = 'SENT', attempts = :attempts, delivered_at = :now,
                                last_error = NULL WHERE id = :id
                            """)
                    .param("attempts", attempts)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", alert.id())
                    .update();
        } catch (MailException | IOException | DeliveryRefused e) {
            failed(alert.id(), attempts, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(alert.id(), attempts, e);
        }
    }

    /** Counts the tips of the other tiers since the last digest and sends the count; retries one that failed. */
    @Scheduled(
            initialDelayString = "${tipline.triage.alerts.digest-every:PT1H}",
            fixedDelayString = "${tipline.triage.alerts.digest-every:PT1H}")
    void digest() {
        if (properties.email() == null || mail.getIfAvailable() == null) {
            return;
        }
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
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
        sendPendingDigests();
    }

    private record PendingDigest(Instant from, Instant until, int tips, int attempts) {}

    private void sendPendingDigests() {
        transaction.executeWithoutResult(status -> jdbc.sql("""
                        SELECT covered_from, covered_until, tips, attempts FROM alert_digest
                        WHERE status = 'PENDING' AND next_attempt_at <= :now ORDER BY covered_until
                        FOR UPDATE SKIP LOCKED
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new PendingDigest(
                        rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant(), rs.getInt(3), rs.getInt(4)))
                .list()
                .forEach(digest -> {
                    try {
                        email(
                                "Tip line digest: " + digest.tips() + " new tips",
                                digest.tips() + " tips outside the urgent tiers arrived between " + digest.from()
                                        + " and " + digest.until() + ".\nThe queue: " + properties.consoleUrl()
                                        + "/queue\nThis digest carries no tip content.\n");
                        jdbc.sql(
                                        "UPDATE alert_digest SET status = 'SENT', attempts = attempts + 1, delivered_at = :now "
                                                + "WHERE covered_until = :until")
                                .param("now", Timestamp.from(clock.instant()))
                                .param("until", Timestamp.from(digest.until()))
                                .update();
                    } catch (MailException e) {
                        failedDigest(digest, e);
                    }
                }));
    }

    private void failedDigest(PendingDigest digest, Exception e) {
        int attempts = digest.attempts() + 1;
        boolean giveUp = attempts >= properties.maxAttempts();
        jdbc.sql("UPDATE alert_digest SET status = :status, attempts = :attempts, last_error = :error, "
                        + "next_attempt_at = :next WHERE covered_until = :until")
                .param("status", giveUp ? "FAILED" : "PENDING")
                .param("attempts", attempts)
                .param("error", Retries.reason(e))
                .param("next", Timestamp.from(clock.instant().plus(Retries.backoff(properties.retryAfter(), attempts))))
                .param("until", Timestamp.from(digest.until()))
                .update();
    }

    private void email(String subject, String text) {
        var message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(properties.email());
        message.setSubject(subject);
        message.setText(text);
        mail.getObject().send(message);
    }

    /** POSTs the alert with an HMAC-SHA256 signature over "timestamp.body", so the receiver can refuse forgeries. */
    private void webhook(Due alert) throws IOException, InterruptedException, DeliveryRefused {
        var json = JSON.createObjectNode();
        json.put("event", "urgent_tip");
        json.put("alertId", alert.id());
        json.put("tipId", alert.tipId().toString());
        json.put("tier", alert.tier());
        json.put("receivedAt", alert.createdAt().toString());
        json.put("link", link(alert.tipId()));
        String body = JSON.writeValueAsString(json);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(properties.webhook())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(SIGNATURE_HEADER, "t=" + timestamp + ",v1=" + sign(timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 != 2) {
            throw new DeliveryRefused("the webhook answered HTTP " + status);
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(webhookSecret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String link(UUID tipId) {
        return properties.consoleUrl() + "/tips/" + tipId;
    }

    private void failed(long id, int attempts, Exception e) {
        boolean giveUp = attempts >= properties.maxAttempts();
        jdbc.sql("UPDATE alert_outbox SET status = :status, attempts = :attempts, last_error = :error, "
                        + "next_attempt_at = :next WHERE id = :id")
                .param("status", giveUp ? "FAILED" : "PENDING")
                .param("attempts", attempts)
                .param("error", Retries.reason(e))
                .param("next", Timestamp.from(clock.instant().plus(Retries.backoff(properties.retryAfter(), attempts))))
                .param("id", id)
                .update();
        log.warn("alert {} not delivered (attempt {}): {}", id, attempts, Retries.reason(e));
    }

    private static final class DeliveryRefused extends Exception {
        DeliveryRefused(String message) {
            super(message);
        }
    }
}
