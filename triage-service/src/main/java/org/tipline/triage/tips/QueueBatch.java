package org.tipline.triage.tips;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.tipline.triage.security.IsCoordinator;
import org.tipline.triage.staff.StaffPrincipal;

/**
 * One change made to many tips from the queue: each tip goes through {@link TipWorkflow} exactly as its own page's form
 * would, on the version the queue showed, and is audited as that tip's own entry.
 *
 * <p>Each tip is changed in its own transaction (TipWorkflow's), not all or nothing: a tip someone changed meanwhile,
 * or one child protection must have first, is refused without throwing away the changes to the others, which the
 * coordinator meant and which are valid on their own; the summary names each refusal. All or nothing would also hold
 * up to {@link #MAX_TIPS} row locks while the batch ran, and make other coordinators wait on them.
 *
 * <p>Methods throw what TipWorkflow throws ({@link TipChangedException}, {@link TipNotFoundException},
 * {@link TipStateConflict}, {@link ChildProtectionPolicy.ChildProtectionPendingException}); the caller words them.
 */
@Service
@IsCoordinator
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class QueueBatch {

    /** The most tips one request may change: two queue pages' worth. */
    public static final int MAX_TIPS = 100;

    private final TipRepository tips;
    private final TipWorkflow workflow;

    /** What became of one tip: changed, left as it was, or refused before anything was written. */
    public enum Outcome {
        CHANGED,
        ALREADY,
        /** A change from the queue never reopens a closed tip: that is done on the tip's own page. */
        CLOSED,
        /** The tip already holds {@link TipWorkflow#MAX_LABELS} labels. */
        FULL
    }

    public Outcome setStatus(UUID tipId, int seenVersion, TipStatus target, CloseReason reason, StaffPrincipal me) {
        Tip tip = tips.getAt(tipId, seenVersion);
        if (tip.status() == target) {
            return Outcome.ALREADY;
        }
        if (tip.status() == TipStatus.CLOSED) {
            return Outcome.CLOSED;
        }
        workflow.changeStatus(tipId, seenVersion, target, reason, me);
        return Outcome.CHANGED;
    }

    /** Adds one label to those the tip has. */
    public Outcome addLabel(UUID tipId, int seenVersion, String label, StaffPrincipal me) {
        Tip tip = tips.getAt(tipId, seenVersion);
        if (tip.labels().contains(label)) {
            return Outcome.ALREADY;
        }
        if (tip.labels().size() >= TipWorkflow.MAX_LABELS) {
            return Outcome.FULL;
        }
        List<String> labels = new ArrayList<>(tip.labels());
        labels.add(label);
        workflow.setLabels(tipId, seenVersion, labels, me);
        return Outcome.CHANGED;
    }

    /** Assigns the tip to a coordinator the caller has checked can read it ({@link Assignees#refusal}). */
    public Outcome assign(UUID tipId, int seenVersion, UUID coordinatorId, StaffPrincipal me) {
        Tip tip = tips.getAt(tipId, seenVersion);
        if (coordinatorId.equals(tip.assignee())) {
            return Outcome.ALREADY;
        }
        workflow.assign(tipId, seenVersion, coordinatorId, me);
        return Outcome.CHANGED;
    }
}
