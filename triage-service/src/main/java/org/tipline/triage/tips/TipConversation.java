package org.tipline.triage.tips;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipline.model.crypto.SealedField;
import org.tipline.model.tip.Messages;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.persistence.JdbcAccess;
import org.tipline.triage.security.IsCoordinator;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.staff.UnlockedKeys;

/**
 * What staff write about a tip: sealed notes for each other, and questions to the tipster. Both only add, so they never
 * conflict with another coordinator's change.
 */
@JdbcAccess({JdbcAccess.Use.SIDE_TABLES})
@Service
@IsCoordinator
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TipConversation {

    public static final int MAX_NOTE_LENGTH = 4000;

    private final TipRepository tips;
    private final TipKeys keys;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    /** Adds a note sealed under the tip's own data key: readable only where the tip is. */
    @Transactional
    public void addNote(UUID tipId, String text, StaffPrincipal me, UnlockedKeys unlocked) {
        Tip tip = tips.get(tipId);
        UUID noteId = UUID.randomUUID();
        byte[] sealed = keys.withDataKey(
                tip,
                unlocked,
                dataKey -> SealedField.seal(
                        dataKey, tipId, TipKeys.noteField(noteId), 1, text.getBytes(StandardCharsets.UTF_8)));
        jdbc.sql("INSERT INTO tip_note (id, tip_id, author, written_at, sealed) VALUES (:id, :tip, :me, :now, :s)")
                .param("id", noteId)
                .param("tip", tipId)
                .param("me", me.id())
                .param("now", Timestamp.from(clock.instant()))
                .param("s", sealed)
                .update();
        audit.append(me.username(), "NOTE_ADDED", tipId, "note=" + noteId);
    }

    /**
     * Sends a question to the tipster: sealed to their receipt-derived key for the follow-up page, and under the tip's
     * data key for staff. The tip then waits for the tipster, unless it is already forwarded or closed.
     */
    @Transactional
    public void askTipster(UUID tipId, String text, StaffPrincipal me, UnlockedKeys unlocked) {
        Tip tip = tips.get(tipId);
        if (!tip.canMessageTipster()) {
            throw new TipStateConflict("this tip was filed without a reply key");
        }
        Messages.Sealed sealed = keys.withDataKey(
                tip, unlocked, dataKey -> Messages.question(dataKey, tipId, tip.tipsterPublicKey(), text));
        jdbc.sql("""
                        INSERT INTO tip_message (id, tip_id, direction, sent_at, author, for_staff, for_tipster)
                        VALUES (:id, :tip, 'TO_TIPSTER', :now, :me, :staff, :tipster)
                        """)
                .param("id", sealed.id())
                .param("tip", tipId)
                .param("now", Timestamp.from(clock.instant()))
                .param("me", me.id())
                .param("staff", sealed.forStaff())
                .param("tipster", sealed.forTipster())
                .update();
        // The status this question set, if any, goes in its entry: the trail shows every status a tip had.
        String statusChange = tip.awaitTipster() ? " status=" + TipStatus.AWAITING_TIPSTER : "";
        audit.append(me.username(), "TIPSTER_ASKED", tipId, "message=" + sealed.id() + statusChange);
    }
}
