package org.tipline.triage.tips.web;

import java.util.Map;

/**
 * What the coordinator typed into the tip page's forms, so a page shown again after an error or a conflict keeps it.
 * Null means "nothing typed": the page shows the tip's current value. A tip id that was refused is not kept: the
 * refusal names it, and the boxes stay empty for the next choice.
 */
public record Forms(
        ReferralForm referral,
        StatusForm status,
        String assignee,
        String labels,
        String note,
        String message,
        Map<String, String> errors) {

    public Forms() {
        this(ReferralForm.empty(), null, null, null, "", "", Map.of());
    }

    /** Nothing typed to keep; only the problems to show. */
    public Forms problems(Map<String, String> problems) {
        return new Forms(referral, status, assignee, labels, note, message, problems);
    }

    public Forms referral(ReferralForm typed, Map<String, String> problems) {
        return new Forms(typed, status, assignee, labels, note, message, problems);
    }

    public Forms status(StatusForm typed, Map<String, String> problems) {
        return new Forms(referral, typed, assignee, labels, note, message, problems);
    }

    public Forms assign(String typed, Map<String, String> problems) {
        return new Forms(referral, status, typed, labels, note, message, problems);
    }

    public Forms labels(String typed, Map<String, String> problems) {
        return new Forms(referral, status, assignee, typed, note, message, problems);
    }

    public Forms note(String typed, Map<String, String> problems) {
        return new Forms(referral, status, assignee, labels, typed, message, problems);
    }

    public Forms message(String typed, Map<String, String> problems) {
        return new Forms(referral, status, assignee, labels, note, typed, problems);
    }
}
