package org.tipline.triage.tips;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tipline.model.guidance.Guidance;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.security.IsCoordinator;
import org.tipline.triage.staff.StaffPrincipal;

/**
 * Where a tip is in its handling: status, assignee, labels. Each change carries the version the coordinator saw: if
 * someone changed the tip since, {@link TipChangedException} is thrown and nothing is written. Every change appends to
 * the audit chain in its own transaction.
 */
@Service
@IsCoordinator
public class TipWorkflow {

    public static final int MAX_LABELS = 10;
    /** Lowercase letters of any script (Spanish, Hebrew, Chinese...), digits and dashes: words, never sentences. */
    public static final Pattern LABEL = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{Nd}][\\p{Ll}\\p{Lo}\\p{Mn}\\p{Nd}-]{0,29}");

    private final TipRepository tips;
    private final ReferralRepository referrals;
    private final AuditTrail audit;
    private final ChildProtectionPolicy childProtection;
    private final Clock clock;

    TipWorkflow(TipRepository tips, ReferralRepository referrals, AuditTrail audit, Guidance guidance, Clock clock) {
        this.tips = tips;
        this.referrals = referrals;
        this.audit = audit;
        this.childProtection = new ChildProtectionPolicy(guidance);
        this.clock = clock;
    }

    @Transactional
    public void changeStatus(UUID tipId, int seenVersion, TipStatus target, CloseReason reason, StaffPrincipal me) {
        Tip tip = tips.getAt(tipId, seenVersion);
        if (target == TipStatus.CLOSED) {
            childProtection.requireClosable(tip, referrals.findByTipIdOrderByRecordedAt(tipId));
        }
        tip.changeStatus(target, reason, clock.instant());
        tips.flush();
        audit.append(
                me.username(),
                "STATUS_CHANGED",
                tipId,
                "status=" + target + (reason == null ? "" : " reason=" + reason));
    }

    /** Assigns or transfers the tip to a coordinator, or releases it (null). */
    @Transactional
    public void assign(UUID tipId, int seenVersion, UUID coordinatorId, StaffPrincipal me) {
        Tip tip = tips.getAt(tipId, seenVersion);
        tip.assignTo(coordinatorId);
        tips.flush();
        audit.append(
                me.username(), "TIP_ASSIGNED", tipId, "assignee=" + (coordinatorId == null ? "none" : coordinatorId));
    }

    /** Replaces the tip's labels. Labels are short lowercase words, never tip content. */
    @Transactional
    public void setLabels(UUID tipId, int seenVersion, List<String> labels, StaffPrincipal me) {
        if (labels.size() > MAX_LABELS
                || !labels.stream().allMatch(l -> LABEL.matcher(l).matches())) {
            throw new TipStateConflict("labels must be at most " + MAX_LABELS + " short lowercase words");
        }
        tips.getAt(tipId, seenVersion).relabel(labels);
        tips.flush();
        audit.append(me.username(), "LABELS_CHANGED", tipId, "labels=" + String.join(",", labels));
    }

    /**
     * The tip was forwarded: part of recording a referral, in the caller's transaction (which audits it). A closed
     * tip cannot be forwarded without being reopened first. Returns what the audit entry adds: {@code " status=REFERRED"}
     * when the status changed, nothing when the tip was already forwarded.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String markReferred(UUID tipId) {
        return tips.get(tipId).markReferred() ? " status=" + TipStatus.REFERRED : "";
    }
}
