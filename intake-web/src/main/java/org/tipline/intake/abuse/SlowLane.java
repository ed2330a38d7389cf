package org.tipline.intake.abuse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The way in for tips sent without the proof of work (JavaScript off, as in Tor Browser's safest setting): a short
 * server-side wait, inside a global budget of such tips per minute. Under a flood the budget runs dry and those
 * senders are asked to try again shortly, with everything they typed kept, while tips with the proof keep landing.
 */
public final class SlowLane {

    private final Clock clock;
    private final int perMinute;
    private final Duration wait;
    private double tokens;
    private Instant lastRefill;

    public SlowLane(Clock clock, int perMinute, Duration wait) {
        this.clock = clock;
        this.perMinute = perMinute;
        this.wait = wait;
        this.tokens = perMinute;
        this.lastRefill = clock.instant();
    }

    /** Takes one place in the budget, if there is one. */
    public synchronized boolean admit() {
        Instant now = clock.instant();
        double earned = Duration.between(lastRefill, now).toMillis() * perMinute / 60_000.0;
        tokens = Math.min(perMinute, tokens + earned);
        lastRefill = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** The wait itself: what an automated sender without the proof pays per tip. */
    public void pause() {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
