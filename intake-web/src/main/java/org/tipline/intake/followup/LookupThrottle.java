package org.tipline.intake.followup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bounds receipt lookups without knowing who asks: one budget for the whole instance (a token bucket in which a
 * failed lookup costs more than a successful one, so guessing drains it fastest) and a cap per receipt. Guessing a
 * 100-bit receipt is hopeless anyway; this keeps a flood from costing the database or the genuine tipsters.
 */
@Component
class LookupThrottle {

    static final int FAILED_LOOKUP_COST = 5;
    private static final int MAX_TRACKED_RECEIPTS = 10_000;

    private final Clock clock;
    private final double capacity;
    private final double refillPerSecond;
    private final int perReceiptLimit;
    private final Duration perReceiptWindow;
    private final Map<String, Window> perReceipt = new HashMap<>();
    private double tokens;
    private Instant lastRefill;

    private record Window(Instant start, int count) {}

    LookupThrottle(
            Clock clock,
            @Value("${tipline.intake.lookup.capacity:60}") double capacity,
            @Value("${tipline.intake.lookup.refill-per-second:10}") double refillPerSecond,
            @Value("${tipline.intake.lookup.per-receipt-limit:20}") int perReceiptLimit,
            @Value("${tipline.intake.lookup.per-receipt-window:PT10M}") Duration perReceiptWindow) {
        this.clock = clock;
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
        this.perReceiptLimit = perReceiptLimit;
        this.perReceiptWindow = perReceiptWindow;
        this.tokens = capacity;
        this.lastRefill = clock.instant();
    }

    /** Takes one token for an attempt on {@code lookupId}; false means the caller must refuse it for now. */
    synchronized boolean tryAcquire(byte[] lookupId) {
        Instant now = clock.instant();
        tokens = Math.min(capacity, tokens + Duration.between(lastRefill, now).toMillis() / 1000.0 * refillPerSecond);
        lastRefill = now;
        if (tokens < 1) {
            return false;
        }
        String key = HexFormat.of().formatHex(lookupId);
        Window window = perReceipt.get(key);
        if (window == null || window.start().plus(perReceiptWindow).isBefore(now)) {
            if (perReceipt.size() >= MAX_TRACKED_RECEIPTS) {
                perReceipt
                        .values()
                        .removeIf(w -> w.start().plus(perReceiptWindow).isBefore(now));
            }
            window = new Window(now, 0);
        }
        if (window.count() >= perReceiptLimit) {
            return false;
        }
        perReceipt.put(key, new Window(window.start(), window.count() + 1));
        tokens -= 1;
        return true;
    }

    /** A lookup that found nothing pays the rest of its higher price. */
    synchronized void chargeFailedLookup() {
        tokens -= FAILED_LOOKUP_COST - 1;
    }
}
