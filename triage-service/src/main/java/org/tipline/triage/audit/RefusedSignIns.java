package org.tipline.triage.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refused sign-in attempts (wrong password, throttled, refused for load) go into the audit trail counted per name,
 * action and window instead of one chained entry each, so an anonymous flood can neither bury the trail nor queue on
 * the chain lock. The first refusal of a window is written at once (the trail shows an attack as it starts); the
 * window's closing entry carries the count of the rest. The name is an account's or "unknown", so a window holds at
 * most two entries per account and action plus two for all made-up names. A stop or crash loses at most one window's
 * closing count, never the opening entry.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class RefusedSignIns {

    private final AuditTrail audit;
    private final Clock clock;
    private Map<Key, Tally> open = new LinkedHashMap<>();

    private record Key(String actor, String action) {}

    private record Tally(long count, Instant first, Instant last) {
        Tally plus(Tally one) {
            return new Tally(count + one.count, first, one.last);
        }
    }

    /** Counts one refused attempt; the first of its window is written at once. */
    public void count(String actor, String action) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        boolean opensWindow;
        synchronized (this) {
            Key key = new Key(actor, action);
            opensWindow = !open.containsKey(key);
            open.merge(key, new Tally(opensWindow ? 0 : 1, now, now), Tally::plus);
        }
        if (opensWindow) {
            audit.append(actor, action, null, "count=1 first=" + now);
        }
    }

    /** Closes the window: one entry per name and action with the count of refusals after the opening one. */
    @Scheduled(fixedDelayString = "${tipline.triage.audit.refused-sign-in-window:PT1M}")
    public void write() {
        Map<Key, Tally> closed;
        synchronized (this) {
            if (open.isEmpty()) {
                return;
            }
            closed = open;
            open = new LinkedHashMap<>();
        }
        closed.forEach((key, tally) -> {
            if (tally.count() > 0) {
                audit.append(
                        key.actor(),
                        key.action(),
                        null,
                        "count=" + tally.count() + " first=" + tally.first() + " last=" + tally.last());
            }
        });
    }
}
