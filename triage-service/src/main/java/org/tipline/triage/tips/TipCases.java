package org.tipline.triage.tips;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tipline.model.guidance.Guidance;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.persistence.JdbcAccess;
import org.tipline.triage.security.IsCoordinator;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.staff.UnlockedKeys;

/**
 * Tips that belong together: a coordinator puts tips in one case, or closes one as a duplicate of another (nothing is
 * deleted), and indexes old tips so that shared plates, numbers and places show up as links.
 */
@JdbcAccess({JdbcAccess.Use.READ_MODEL, JdbcAccess.Use.SIDE_TABLES})
@Service
@IsCoordinator
public class TipCases {

    private final TipRepository tips;
    private final ReferralRepository referrals;
    private final TipKeys keys;
    private final TipLinks links;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ChildProtectionPolicy childProtection;
    private final Clock clock;

    TipCases(
            TipRepository tips,
            ReferralRepository referrals,
            TipKeys keys,
            TipLinks links,
            JdbcClient jdbc,
            AuditTrail audit,
            Guidance guidance,
            Clock clock) {
        this.tips = tips;
        this.referrals = referrals;
        this.keys = keys;
        this.links = links;
        this.jdbc = jdbc;
        this.audit = audit;
        this.childProtection = new ChildProtectionPolicy(guidance);
        this.clock = clock;
    }

    /** Another tip of the same case; {@code duplicateOf} is set when one repeats the other. */
    public record CaseMember(UUID tipId, Instant receivedAt, UUID duplicateOf) {}

    /** Puts two tips in one case (joining the cases either is already in); both stay as they are. */
    @Transactional
    public void sameCase(UUID tipId, UUID otherId, StaffPrincipal me) {
        joinCase(tipId, otherId, null, me);
        audit.append(me.username(), "CASE_LINKED", tipId, "with=" + otherId);
    }

    /**
     * Marks a tip as a duplicate of another: both join one case, the duplicate is closed as DUPLICATE and points at
     * the tip it repeats. Nothing is deleted; the duplicate stays readable from the other tip.
     */
    @Transactional
    public void markDuplicate(UUID duplicateId, int seenVersion, UUID originalId, StaffPrincipal me) {
        Tip duplicate = tips.getAt(duplicateId, seenVersion);
        List<Referral> bothReferrals = new ArrayList<>(referrals.findByTipIdOrderByRecordedAt(duplicateId));
        bothReferrals.addAll(referrals.findByTipIdOrderByRecordedAt(originalId));
        if (!childProtection.allowsClosing(duplicate, bothReferrals)) {
            throw new ChildProtectionPolicy.ChildProtectionPendingException(
                    childProtection.childProtectionDestination(), true);
        }
        joinCase(duplicateId, originalId, originalId, me);
        duplicate.changeStatus(TipStatus.CLOSED, CloseReason.DUPLICATE, clock.instant());
        tips.flush();
        audit.append(me.username(), "MERGED_AS_DUPLICATE", duplicateId, "of=" + originalId);
    }

    /**
     * Indexes, for linking, up to {@code limit} tips that have never been indexed under the linking key; this runs
     * inside a staff session because only a session holds the key. Returns how many were indexed.
     */
    @Transactional
    public int indexForLinks(int limit, StaffPrincipal me, UnlockedKeys unlocked) {
        int indexed = 0;
        for (UUID tipId : links.unindexed(unlocked, limit)) {
            Optional<Tip> tip = tips.findById(tipId);
            if (tip.isPresent() && links.index(tipId, keys.answers(tip.get(), unlocked), unlocked)) {
                indexed++;
            }
        }
        audit.append(me.username(), "LINKS_INDEXED", null, "tips=" + indexed);
        return indexed;
    }

    /** The other tips in this tip's case, oldest first. */
    List<CaseMember> membersWith(UUID tipId) {
        return jdbc.sql("""
                        SELECT c.tip_id, t.received_at, c.duplicate_of FROM tip_case c JOIN tip t ON t.id = c.tip_id
                        WHERE c.case_id = (SELECT case_id FROM tip_case WHERE tip_id = :tip) AND c.tip_id <> :tip
                        ORDER BY t.received_at
                        """)
                .param("tip", tipId)
                .query((rs, n) -> new CaseMember(
                        rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getObject(3, UUID.class)))
                .list();
    }

    private void joinCase(UUID tipId, UUID otherId, UUID duplicateOf, StaffPrincipal me) {
        if (tipId.equals(otherId)) {
            throw new TipStateConflict("a tip cannot be linked to itself");
        }
        tips.get(tipId);
        tips.get(otherId);
        UUID caseId = caseIdOf(otherId).or(() -> caseIdOf(tipId)).orElseGet(UUID::randomUUID);
        caseIdOf(tipId)
                .filter(old -> !old.equals(caseId))
                .ifPresent(old -> jdbc.sql("UPDATE tip_case SET case_id = :case WHERE case_id = :old")
                        .param("case", caseId)
                        .param("old", old)
                        .update());
        for (UUID member : List.of(otherId, tipId)) {
            jdbc.sql("""
                            INSERT INTO tip_case (tip_id, case_id, duplicate_of, added_by, added_at)
                            VALUES (:tip, :case, :dup, :me, :now)
                            ON CONFLICT (tip_id) DO UPDATE SET case_id = excluded.case_id,
                                duplicate_of = coalesce(excluded.duplicate_of, tip_case.duplicate_of)
                            """)
                    .param("tip", member)
                    .param("case", caseId)
                    .param("dup", member.equals(tipId) ? duplicateOf : null, java.sql.Types.OTHER)
                    .param("me", me.id())
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
        }
    }

    private Optional<UUID> caseIdOf(UUID tipId) {
        return jdbc.sql("SELECT case_id FROM tip_case WHERE tip_id = :tip")
                .param("tip", tipId)
                .query(UUID.class)
                .optional();
    }
}
