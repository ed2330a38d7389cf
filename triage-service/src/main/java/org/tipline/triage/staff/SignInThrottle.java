package org.tipline.triage.staff;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows password and code guessing without locking anyone out for good.
 *
 * <ul>
 *   <li>Per account: after {@value #FREE_FAILURES} consecutive failures each further attempt must wait twice as long
 *       as the one before (2 s, 4 s, 8 s ... at most 15 minutes). Stored in the staff row, so every triage instance
 *       agrees; names that are not accounts are tracked the same way in memory, so the answer does not reveal which
 *       usernames exist.
 *   <li>Overall: failures drain a bucket of {@value #BUCKET_SIZE} that refills one every two seconds; while it is
 *       empty every attempt is refused before any Argon2id work. At most {@value #CONCURRENT_UNLOCKS} unlocks (128 MiB
 *       each) run at once.
 * </ul>
 */
@Component
public class SignInThrottle {

    static final int FREE_FAILURES = 3;
    static final int BUCKET_SIZE = 30;
    static final int CONCURRENT_UNLOCKS = 4;
    private static final Duration REFILL_EVERY = Duration.ofSeconds(2);
    private static final Duration MAX_DELAY = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Semaphore unlocks = new Semaphore(CONCURRENT_UNLOCKS, true);
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

    /** How long this account must still wait, or empty if it may try now. */
    Optional<Duration> waitFor(Optional<UUID> staffId, String username) {
        Instant now = clock.instant();
        Optional<Duration> overall = overallWait(now);
        if (overall.isPresent()) {
            return overall;
        }
        Failures failures = staffId.map(this::storedFailures).orElseGet(() -> inMemory(username));
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

    void failed(Optional<UUID> staffId, String username) {
        Instant now = clock.instant();
        synchronized (this) {
            refill(now);
            tokens = Math.max(0, tokens - 1);
        }
        if (staffId.isPresent()) {
            jdbc.sql("UPDATE staff SET failed_sign_ins = failed_sign_ins + 1, last_failed_sign_in = :now "
                            + "WHERE id = :id")
                    .param("now", Timestamp.from(now))
                    .param("id", staffId.get())
                    .update();
        } else {
            synchronized (unknownNames) {
                unknownNames.merge(username, new Failures(1, now), (old, one) -> new Failures(old.count() + 1, now));
            }
        }
    }

    void succeeded(UUID staffId) {
        jdbc.sql("UPDATE staff SET failed_sign_ins = 0, last_failed_sign_in = NULL WHERE id = :id")
                .param("id", staffId)
                .update();
    }

    /** Runs an Argon2id unlock within the concurrency bound; refuses when the server is saturated for too long. */
    <T> T unlocking(java.util.function.Supplier<T> unlock) {
        try {
            if (!unlocks.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new ThrottledException(Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ThrottledException(Duration.ofSeconds(10));
        }
        try {
            return unlock.get();
        } finally {
            unlocks.release();
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
        return jdbc.sql("SELECT failed_sign_ins, last_failed_sign_in FROM staff WHERE id = :id")
                .param("id", staffId)
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
