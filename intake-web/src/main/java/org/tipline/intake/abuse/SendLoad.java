package org.tipline.intake.abuse;

import java.time.Clock;
import java.time.Duration;

/**
 * How busy sending is on this instance: passes issued in the last minute, counted per second in a ring. Above
 * {@code busyPerMinute}, each doubling adds a bit of work and doubles the wait, up to {@link #MAX_EXTRA_BITS} and
 * {@code maxWait}, so a flood makes every one of its own tips dearer while a genuine sender's wait stays bounded.
 */
public final class SendLoad {

    static final int MAX_EXTRA_BITS = 3;

    private final Clock clock;
    private final int baseDifficulty;
    private final int busyPerMinute;
    private final Duration baseWait;
    private final Duration maxWait;
    private final int[] perSecond = new int[60];
    private long lastSecond;

    public SendLoad(Clock clock, int baseDifficulty, int busyPerMinute, Duration baseWait, Duration maxWait) {
        this.clock = clock;
        this.baseDifficulty = baseDifficulty;
        this.busyPerMinute = Math.max(1, busyPerMinute);
        this.baseWait = baseWait;
        this.maxWait = maxWait;
        this.lastSecond = clock.instant().getEpochSecond();
    }

    /** Counts one more pass and says what it costs. */
    synchronized Cost issuedOne() {
        long now = clock.instant().getEpochSecond();
        for (long second = Math.max(lastSecond + 1, now - 59); second <= now; second++) {
            perSecond[Math.floorMod(second, 60)] = 0;
        }
        lastSecond = Math.max(lastSecond, now);
        int lastMinute = 0;
        for (int count : perSecond) {
            lastMinute += count;
        }
        perSecond[Math.floorMod(now, 60)]++;
        int extra = lastMinute < busyPerMinute
                ? 0
                : Math.min(MAX_EXTRA_BITS, 1 + 31 - Integer.numberOfLeadingZeros(lastMinute / busyPerMinute));
        Duration wait = baseWait.multipliedBy(1L << extra);
        return new Cost(baseDifficulty + extra, wait.compareTo(maxWait) > 0 ? maxWait : wait);
    }

    record Cost(int difficulty, Duration waitBeforeSending) {}
}
