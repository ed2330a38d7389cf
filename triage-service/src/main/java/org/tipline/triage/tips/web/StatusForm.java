package org.tipline.triage.tips.web;

import org.tipline.triage.tips.CloseReason;
import org.tipline.triage.tips.TipStatus;

/** A status change as typed: the status, a close reason when closing, and the version of the tip that was shown. */
public record StatusForm(String status, String reason, String version) implements VersionedForm {

    public StatusForm {
        status = status == null ? "" : status.strip();
        reason = reason == null ? "" : reason.strip();
        version = version == null ? "" : version.strip();
    }

    /** The statuses a coordinator sets by hand; NEW comes from arriving, REFERRED from recording a referral. */
    boolean settable() {
        return status.equals("IN_REVIEW") || status.equals("AWAITING_TIPSTER") || status.equals("CLOSED");
    }

    TipStatus target() {
        return TipStatus.valueOf(status);
    }

    CloseReason closeReason() {
        return status.equals("CLOSED") ? reasonOrNull() : null;
    }

    CloseReason reasonOrNull() {
        for (CloseReason candidate : CloseReason.values()) {
            if (candidate.name().equals(reason)) {
                return candidate;
            }
        }
        return null;
    }
}
