package org.tipline.intake.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bounds what receipt lookups cost without knowing who asks, and without ever refusing a correct receipt. Guessing a
 * 100-bit receipt is hopeless, so this is about cost, not secrecy (ADR 0005: a lookup is one SHA-256 and one indexed
 * query, and opening the conversation one key derivation of a few kilobytes). Lookups queue, first come first served,
 * for a few database slots, so a flood only lengthens a queue that moves at the database's speed. Only once a lookup
 * has found nothing does the budget for failures apply: failures beyond it are answered slowly, and when too many are
 * already being slowed, at once with "busy". A tipster with a correct receipt therefore never waits for, or is
 * refused because of, anybody else's wrong guesses.
 */
@Component
class LookupThrottle {

    private final Clock clock;
    private final double capacity;
    private final double refillPerSecond;
    private final Semaphore lookups;
    private final Duration queueWait;
    private final Semaphore slowed;
    private final Duration penalty;
    private double failures;
    private Instant lastRefill;

    LookupThrottle(
            Clock clock,
            @Value("${tipline.intake.lookup.capacity:60}") double capacity,
            @Value("${tipline.intake.lookup.refill-per-second:10}") double refillPerSecond,
            @Value("${tipline.intake.lookup.concurrent:4}") int concurrent,
            @Value("${tipline.intake.lookup.queue-wait:PT30S}") Duration queueWait,
            @Value("${tipline.intake.lookup.max-slowed:16}") int maxSlowed,
            @Value("${tipline.intake.lookup.failure-penalty:PT2S}") Duration penalty) {
        this.clock = clock;
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.lookups = new Semaphore(concurrent, true);
        this.queueWait = queueWait;
        this.slowed = new Semaphore(maxSlowed);
        this.penalty = penalty;
        this.failures = capacity;
        this.lastRefill = clock.instant();
    }

    /** The lookup could not run or its failure was not answered now; never thrown for a lookup that found a tip. */
    static class Refused extends Exception {
        Refused() {
            super("lookup refused for load");
        }
    }

    /**
     * Runs {@code lookup} in its turn. The queue holds at most one request per server thread and each turn takes a
     * millisecond or so, so the wait ends long before {@code queueWait}, which only guards against a stuck database.
     */
    <T> T inTurn(Supplier<T> lookup) throws Refused {
        try {
            if (!lookups.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Refused();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused();
        }
        try {
            return lookup.get();
        } finally {
            lookups.release();
        }
    }

    /**
     * Called after a lookup found nothing, outside its turn. Within the budget it returns at once; beyond it the
     * answer is held back, which slows whoever guesses, or refused when too many are already held back.
     */
    void failed() throws Refused {
        if (takeFailure()) {
            return;
        }
        if (!slowed.tryAcquire()) {
            throw new Refused();
        }
        try {
            Thread.sleep(penalty.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            slowed.release();
        }
    }

    private synchronized boolean takeFailure() {
        Instant now = clock.instant();
        failures =
                Math.min(capacity, failures + Duration.between(lastRefill, now).toMillis() / 1000.0 * refillPerSecond);
        lastRefill = now;
        if (failures < 1) {
            return false;
        }
        failures -= 1;
        return true;
    }
}
