package org.tipline.triage.staff;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows password and code guessing without letting strangers lock staff out (ADR 18). Every attempt is charged to one
 * {@link Lane}:
 *
 * <ul>
 *   <li>A trusted device (a valid device cookie for this account): only that device's own failures count, in its
 *       {@code staff_device} row. Strangers' failures never reach it.
 *   <li>Anonymous: per account, after {@value #FREE_FAILURES} consecutive failures each further attempt must wait
 *       twice as long as the one before (2 s, 4 s, 8 s ... at most 15 minutes), stored in the staff row so every
 *       triage instance agrees; names that are not accounts are tracked the same way in memory (per replica), so the
 *       answer does not reveal which usernames exist. Overall, failures drain a bucket of {@value #BUCKET_SIZE} that
 *       refills one every two seconds (per replica); while it is empty every anonymous attempt is refused before any
 *       Argon2id work.
 * </ul>
 */
@Component
public class SignInThrottle {

    static final int FREE_FAILURES = 3;
    static final int BUCKET_SIZE = 30;
    private static final Duration REFILL_EVERY = Duration.ofSeconds(2);
    private static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Failures> unknownNames = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > 10_000;
        }
    };
    private double tokens = BUCKET_SIZE;
    private Instant lastRefill;

    SignInThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lastRefill = clock.instant();
    }

    /** Whose budget an attempt spends: a trusted device's own, or the anonymous one of the account or name. */
    public record Lane(Optional<UUID> staffId, String username, Optional<byte[]> device) {

        static Lane anonymous(Optional<UUID> staffId, String username) {
            return new Lane(staffId, username, Optional.empty());
        }

        public boolean trusted() {
            return device.isPresent();
        }

        UnlockBudget.Lane budget() {
            return trusted() ? UnlockBudget.Lane.TRUSTED : UnlockBudget.Lane.ANONYMOUS;
        }
    }

    /** How long this lane must still wait, or empty if it may try now. */
    Optional<Duration> waitFor(Lane lane) {
        Instant now = clock.instant();
        Failures failures;
        if (lane.trusted()) {
            failures = deviceFailures(lane.device().get());
        } else {
            Optional<Duration> overall = overallWait(now);
            if (overall.isPresent()) {
                return overall;
            }
            failures = lane.staffId().map(this::storedFailures).orElseGet(() -> inMemory(lane.username()));
        }
        if (failures.count() < FREE_FAILURES || failures.last() == null) {
            return Optional.empty();
        }
        Instant allowedAt = failures.last().plus(delayAfter(failures.count()));
        return now.isBefore(allowedAt) ? Optional.of(Duration.between(now, allowedAt)) : Optional.empty();
    }

    static Duration delayAfter(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES, 20);
        Duration delay = Duration.ofSeconds(2L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    void failed(Lane lane) {
        Instant now = clock.instant();
        if (lane.trusted()) {
            jdbc.sql("UPDATE staff_device SET failed_sign_ins = failed_sign_ins + 1, last_failed_sign_in = :now "
                            + "WHERE token_hash = :hash")
                    .param("now", Timestamp.from(now))
                    .param("hash", lane.device().get())
                    .update();
            return;
        }
        synchronized (this) {
            refill(now);
            tokens = Math.max(0, tokens - 1);
        }
        if (lane.staffId().isPresent()) {
            jdbc.sql("UPDATE staff SET failed_sign_ins = failed_sign_ins + 1, last_failed_sign_in = :now "
                            + "WHERE id = :id")
                    .param("now", Timestamp.from(now))
                    .param("id", lane.staffId().get())
                    .update();
        } else {
            synchronized (unknownNames) {
                unknownNames.merge(
                        lane.username(), new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
            }
        }
    }

    /** A full sign-in clears the failures of the lane it came through, and only those. */
    void succeeded(Lane lane) {
        if (lane.trusted()) {
            jdbc.sql("UPDATE staff_device SET failed_sign_ins = 0, last_failed_sign_in = NULL WHERE token_hash = :hash")
                    .param("hash", lane.device().get())
                    .update();
        } else {
            lane.staffId()
                    .ifPresent(id -> jdbc.sql(
                                    "UPDATE staff SET failed_sign_ins = 0, last_failed_sign_in = NULL WHERE id = :id")
                            .param("id", id)
                            .update());
        }
    }

    private synchronized Optional<Duration> overallWait(Instant now) {
        refill(now);
        if (tokens >= 1) {
            return Optional.empty();
        }
        long millis = (long) Math.ceil((1 - tokens) * REFILL_EVERY.toMillis());
        return Optional.of(Duration.ofMillis(millis));
    }

    private void refill(Instant now) {
        double earned = (double) Duration.between(lastRefill, now).toMillis() / REFILL_EVERY.toMillis();
        if (earned > 0) {
            tokens = Math.min(BUCKET_SIZE, tokens + earned);
            lastRefill = now;
        }
    }

    private Failures storedFailures(UUID staffId) {
        return stored("SELECT failed_sign_ins, last_failed_sign_in FROM staff WHERE id = :key", staffId);
    }

    private Failures deviceFailures(byte[] hash) {
        return stored("SELECT failed_sign_ins, last_failed_sign_in FROM staff_device WHERE token_hash = :key", hash);
    }

    private Failures stored(String select, Object key) {
        return jdbc.sql(select)
                .param("key", key)
                .query((rs, row) -> new Failures(
                        rs.getInt(1),
                        Optional.ofNullable(rs.getTimestamp(2))
                                .map(Timestamp::toInstant)
                                .orElse(null)))
                .optional()
                .orElse(new Failures(0, null));
    }

    private Failures inMemory(String username) {
        synchronized (unknownNames) {
            return unknownNames.getOrDefault(username, new Failures(0, null));
        }
    }

    private record Failures(int count, Instant last) {}

    /** Sign-in refused for now; the message says how long to wait. */
    public static class ThrottledException extends org.springframework.security.core.AuthenticationException {

        private final Duration wait;

        ThrottledException(Duration wait) {
            super("Too many attempts; wait " + Math.max(1, wait.toSeconds()) + " seconds");
            this.wait = wait;
        }

        public Duration waitTime() {
            return wait;
        }
    }
}
