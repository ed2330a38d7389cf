package org.tipline.triage.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipline.triage.delivery.Retries;

/**
 * How the alert outbox and the digest record a failed send on their leased row: another attempt after a doubling
 * wait, or FAILED once the configured attempts are used up.
 */
final class FailedSends {

    /** The columns {@link #record} sets; the caller's statement names the row and its lease. */
    static final String SET = "status = :status, attempts = :attempts, last_error = :error, next_attempt_at = :next";

    private FailedSends() {}

    static void record(
            JdbcClient.StatementSpec row, int attempts, Exception e, AlertProperties properties, Clock clock) {
        boolean giveUp = attempts >= properties.maxAttempts();
        row.param("status", giveUp ? "FAILED" : "PENDING")
                .param("attempts", attempts)
                .param("error", Retries.reason(e))
                .param("next", Timestamp.from(clock.instant().plus(Retries.backoff(properties.retryAfter(), attempts))))
                .update();
    }
}
