package org.tipline.triage.staff;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.tipline.model.crypto.Argon2idParameters;

/**
 * Bounds the heap that Argon2id may take at once. Each run is charged as a staff-password unlock (128 MiB of 1 KiB
 * blocks plus their object headers, 143 MiB); the number that fit in a share of {@link Runtime#maxMemory()} run together.
 * Anonymous attempts may use every slot but one, which stays free for staff on a trusted device or already past the
 * password (ADR 18). A caller waits briefly for a slot and is then refused, never queued without end.
 */
@Component
public class UnlockBudget {

    /**
     * Bytes one unlock holds: Bouncy Castle keeps each 1 KiB block as an object with its own long[128]; measured at
     * 142 MiB of heap for a 128 MiB derivation (Bouncy Castle 1.87, G1).
     */
    public static final long BYTES_PER_UNLOCK = (long) (Argon2idParameters.STAFF_PASSWORD.memoryKiB() * 1024L * 1.12);

    private static final Duration ANONYMOUS_WAIT = Duration.ofSeconds(2);
    private static final Duration TRUSTED_WAIT = Duration.ofSeconds(10);

    private final int slots;
    private final Semaphore all;
    private final Semaphore anonymous;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    @Autowired
    UnlockBudget(@Value("${tipline.triage.sign-in.argon2-heap-share:0.6}") double heapShare) {
        this(Runtime.getRuntime().maxMemory(), heapShare);
    }

    UnlockBudget(long maxHeapBytes, double heapShare) {
        this.slots = (int) Math.max(1, (long) (maxHeapBytes * heapShare) / BYTES_PER_UNLOCK);
        this.all = new Semaphore(slots, true);
        this.anonymous = new Semaphore(Math.max(1, slots - 1), true);
    }

    /** Who is asking: anonymous strangers share the smaller lane. */
    public enum Lane {
        ANONYMOUS,
        TRUSTED
    }

    /** Runs one Argon2id derivation within the budget, or refuses with {@link BusyException}. */
    public <T> T run(Lane lane, Supplier<T> argon2) {
        boolean anonymousLane = lane == Lane.ANONYMOUS;
        Duration wait = anonymousLane ? ANONYMOUS_WAIT : TRUSTED_WAIT;
        long deadline = System.nanoTime() + wait.toNanos();
        if (anonymousLane && !acquire(anonymous, deadline)) {
            throw new BusyException(wait);
        }
        try {
            if (!acquire(all, deadline)) {
                throw new BusyException(wait);
            }
            try {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                return argon2.get();
            } finally {
                running.decrementAndGet();
                all.release();
            }
        } finally {
            if (anonymousLane) {
                anonymous.release();
            }
        }
    }

    /** How many unlocks may run at once in this JVM. */
    public int slots() {
        return slots;
    }

    /** The most unlocks that ever ran at once, for tests and the reliability figures. */
    public int peakConcurrent() {
        return peak.get();
    }

    private static boolean acquire(Semaphore semaphore, long deadlineNanos) {
        try {
            return semaphore.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Too many Argon2id derivations are running; the caller is told when to try again (HTTP 503). */
    public static class BusyException extends AuthenticationException {

        private final Duration retryAfter;

        BusyException(Duration retryAfter) {
            super("Too many sign-ins are being checked at once");
            this.retryAfter = retryAfter;
        }

        public long retryAfterSeconds() {
            return Math.max(1, retryAfter.toSeconds());
        }
    }
}
