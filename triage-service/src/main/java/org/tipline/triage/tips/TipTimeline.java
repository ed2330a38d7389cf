package org.tipline.triage.tips;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tipline.model.crypto.SealedField;
import org.tipline.model.tip.Messages;
import org.tipline.triage.persistence.JdbcAccess;
import org.tipline.triage.staff.UnlockedKeys;

/** A tip's history as the tip page shows it: audited actions, sealed notes and the conversation, oldest first. */
@JdbcAccess({JdbcAccess.Use.READ_MODEL})
@Component
@RequiredArgsConstructor
class TipTimeline {

    private final JdbcClient jdbc;

    /**
     * One line of a tip's history: an audited action (its code in {@code action}, its detail in {@code text}), a
     * sealed note, or a message either way.
     */
    public record Entry(Instant at, String who, Kind kind, String action, String text) {
        public enum Kind {
            ACTION,
            NOTE,
            TO_TIPSTER,
            FROM_TIPSTER
        }
    }

    /** Opens notes and questions with the tip's data key, the tipster's answers with the session's key. */
    List<Entry> of(Tip tip, byte[] dataKey, UnlockedKeys keys) {
        List<Entry> entries = new ArrayList<>();
        // Actions name staff as notes and questions do, by display name; a job's actor (no account) by itself.
        jdbc.sql("""
                        SELECT a.occurred_at, coalesce(s.display_name, a.actor), a.action, a.detail
                        FROM audit_entry a LEFT JOIN staff s ON s.username = a.actor
                        WHERE a.tip_id = :id ORDER BY a.sequence
                        """)
                .param("id", tip.id())
                .query((rs, n) -> entries.add(new Entry(
                        rs.getTimestamp(1).toInstant(),
                        rs.getString(2),
                        Entry.Kind.ACTION,
                        rs.getString(3),
                        rs.getString(4))))
                .list();
        jdbc.sql("""
                        SELECT n.id, n.written_at, s.display_name, n.sealed FROM tip_note n
                        JOIN staff s ON s.id = n.author WHERE n.tip_id = :id
                        """)
                .param("id", tip.id())
                .query((rs, n) -> {
                    UUID noteId = rs.getObject(1, UUID.class);
                    String text = new String(
                            SealedField.open(dataKey, tip.id(), TipKeys.noteField(noteId), 1, rs.getBytes(4)),
                            StandardCharsets.UTF_8);
                    return entries.add(
                            new Entry(rs.getTimestamp(2).toInstant(), rs.getString(3), Entry.Kind.NOTE, null, text));
                })
                .list();
        jdbc.sql("""
                        SELECT m.id, m.sent_at, m.direction, s.display_name, m.for_staff, m.epoch, m.wrapped_key
                        FROM tip_message m LEFT JOIN staff s ON s.id = m.author WHERE m.tip_id = :id
                        """)
                .param("id", tip.id())
                .query((rs, n) -> {
                    UUID messageId = rs.getObject(1, UUID.class);
                    boolean fromTipster = rs.getString(3).equals("FROM_TIPSTER");
                    String text = fromTipster
                            ? Messages.openAnswer(
                                    keys.forEpoch(rs.getInt(6))
                                            .orElseThrow(() -> new KeyNotUnlockedException(tip.id())),
                                    messageId,
                                    rs.getBytes(7),
                                    rs.getBytes(5))
                            : Messages.openQuestion(dataKey, tip.id(), messageId, rs.getBytes(5));
                    return entries.add(new Entry(
                            rs.getTimestamp(2).toInstant(),
                            // The kind says it came from the tipster, in the reader's language; no name to show.
                            fromTipster ? null : rs.getString(4),
                            fromTipster ? Entry.Kind.FROM_TIPSTER : Entry.Kind.TO_TIPSTER,
                            null,
                            text));
                })
                .list();
        entries.sort(Comparator.comparing(Entry::at));
        return List.copyOf(entries);
    }
}
