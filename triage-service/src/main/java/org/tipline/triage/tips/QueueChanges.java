package org.tipline.triage.tips;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tipline.triage.persistence.JdbcAccess;

/**
 * What changed in the queue since the last look: tips that arrived (urgent ones named, by the tiers that page the
 * on-call channel) and tipsters' replies. Only ids, tiers and times: nothing here is decrypted. Rows are read a little
 * behind their timestamps, since a tip's time is taken when its transaction starts, and each is announced once.
 */
@JdbcAccess({JdbcAccess.Use.READ_MODEL})
@Component
public class QueueChanges {

    /** How far back each look reaches, so a tip whose transaction committed late is still seen. */
    static final Duration OVERLAP = Duration.ofSeconds(30);

    /** One arrival or reply; {@code urgent} marks a tip in a tier that pages the on-call channel. */
    public record Change(Kind kind, UUID tipId, String tier, boolean urgent) {
        public enum Kind {
            TIP,
            REPLY
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Instant> announced = new LinkedHashMap<>();
    private Instant since;

    QueueChanges(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.since = clock.instant();
    }

    /** Changes not announced before; called by one scheduler thread. */
    public synchronized List<Change> sinceLastLook() {
        Instant now = clock.instant();
        // After a spell with no page listening, only what is new now is news, not everything since the last look.
        Instant start = since.isBefore(now.minus(OVERLAP)) ? now.minus(OVERLAP) : since;
        Timestamp from = Timestamp.from(start.minus(OVERLAP));
        List<Change> found = new ArrayList<>(jdbc.sql("""
                        SELECT id, urgency_tier, urgency_tier IN (SELECT tier FROM alert_tier) FROM tip
                        WHERE received_at > :from ORDER BY received_at
                        """)
                .param("from", from)
                .query((rs, n) ->
                        new Change(Change.Kind.TIP, rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)))
                .list());
        found.addAll(jdbc
                .sql("""
                        SELECT m.id, t.id, t.urgency_tier FROM tip_message m JOIN tip t ON t.id = m.tip_id
                        WHERE m.direction = 'FROM_TIPSTER' AND m.sent_at > :from ORDER BY m.sent_at
                        """)
                .param("from", from)
                .query((rs, n) -> Map.entry(
                        rs.getObject(1, UUID.class),
                        new Change(Change.Kind.REPLY, rs.getObject(2, UUID.class), rs.getString(3), false)))
                .list()
                .stream()
                .filter(reply -> firstTime("reply:" + reply.getKey(), now))
                .map(Map.Entry::getValue)
                .toList());
        since = now;
        announced.values().removeIf(at -> at.isBefore(now.minus(OVERLAP.multipliedBy(2))));
        return found.stream()
                .filter(change -> change.kind() == Change.Kind.REPLY || firstTime("tip:" + change.tipId(), now))
                .toList();
    }

    private boolean firstTime(String key, Instant now) {
        return announced.putIfAbsent(key, now) == null;
    }
}
