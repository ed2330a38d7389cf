package org.tipline.triage.tips.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.tipline.triage.tips.CloseReason;
import org.tipline.triage.tips.TipStatus;
import org.tipline.triage.tips.TipWorkflow;

/**
 * A change to the tips ticked on the queue. Each ticked box carries "id:version" as the queue showed the tip, so the
 * change is refused for a tip someone changed since, as on the tip page. {@code action} is the button pressed.
 */
record QueueBulkForm(List<String> tip, String action, String setStatus, String reason, String label, String assignTo) {

    QueueBulkForm {
        tip = tip == null ? List.of() : List.copyOf(tip);
        action = typed(action);
        setStatus = typed(setStatus);
        reason = typed(reason);
        label = TipForms.asLabel(typed(label));
        assignTo = typed(assignTo);
    }

    private static String typed(String value) {
        return value == null ? "" : value;
    }

    /** One ticked tip and the version the queue showed. */
    record Ticked(UUID id, int version) {}

    /** The ticked tips, each once; empty if a box's value is not one the queue writes (a hand-made request). */
    Optional<List<Ticked>> ticked() {
        Map<UUID, Ticked> ticked = new LinkedHashMap<>();
        for (String value : tip) {
            String[] parts = value.split(":", -1);
            if (parts.length != 2 || !parts[1].matches("\\d{1,9}")) {
                return Optional.empty();
            }
            try {
                UUID id = UUID.fromString(parts[0]);
                ticked.putIfAbsent(id, new Ticked(id, Integer.parseInt(parts[1])));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.of(List.copyOf(ticked.values()));
    }

    /** The ids of the ticked tips, for ticking them again when the page is shown with a problem. */
    List<String> tickedIds() {
        return tip.stream().map(value -> value.split(":", -1)[0]).toList();
    }

    /** The status chosen, if it is one set by hand (as on the tip page); null otherwise. */
    TipStatus target() {
        var form = new StatusForm(setStatus, reason, "0");
        return form.settable() ? form.target() : null;
    }

    CloseReason closeReason() {
        return new StatusForm(setStatus, reason, "0").closeReason();
    }

    boolean labelValid() {
        return TipWorkflow.LABEL.matcher(label).matches();
    }
}
