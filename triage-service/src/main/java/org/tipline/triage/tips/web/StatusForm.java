package org.tipline.triage.tips.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tipline.triage.tips.CloseReason;
import org.tipline.triage.tips.TipStatus;

/** A status change as typed: the status, a close reason when closing, and the version of the tip that was shown. */
public record StatusForm(String status, String reason, Integer version) {

    public StatusForm {
        status = status == null ? "" : status.strip();
        reason = reason == null ? "" : reason.strip();
    }

    Map<String, String> validate() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!status.equals("IN_REVIEW") && !status.equals("AWAITING_TIPSTER") && !status.equals("CLOSED")) {
            errors.put("status", "Choose a status.");
        } else if (status.equals("CLOSED") && reasonOrNull() == null) {
            errors.put("reason", "Choose why the tip is closed.");
        }
        if (version == null) {
            errors.put("status", "The form is incomplete; reload the tip and try again.");
        }
        return errors;
    }

    TipStatus target() {
        return TipStatus.valueOf(status);
    }

    CloseReason closeReason() {
        return status.equals("CLOSED") ? reasonOrNull() : null;
    }

    private CloseReason reasonOrNull() {
        for (CloseReason candidate : CloseReason.values()) {
            if (candidate.name().equals(reason)) {
                return candidate;
            }
        }
        return null;
    }
}
