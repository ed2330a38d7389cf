package org.tipline.triage.tips.web;

import java.util.Map;

/**
 * What the coordinator typed into the tip page's forms, so a page shown again after an error or a conflict keeps it.
 * Null means "nothing typed": the page shows the tip's current value.
 */
record Forms(
        ReferralForm referral,
        StatusForm status,
        String assignee,
        String labels,
        String note,
        String message,
        String caseWith,
        Map<String, String> errors) {

    Forms() {
        this(ReferralForm.empty(), null, null, null, "", "", "", Map.of());
    }

    Forms caseWith(String typed, Map<String, String> problems) {
        return new Forms(referral, status, assignee, labels, note, message, typed, problems);
    }

    Forms referral(ReferralForm typed, Map<String, String> problems) {
        return new Forms(typed, status, assignee, labels, note, message, caseWith, problems);
    }

    Forms status(StatusForm typed, Map<String, String> problems) {
        return new Forms(referral, typed, assignee, labels, note, message, caseWith, problems);
    }

    Forms assign(String typed, Map<String, String> problems) {
        return new Forms(referral, status, typed, labels, note, message, caseWith, problems);
    }

    Forms labels(String typed, Map<String, String> problems) {
        return new Forms(referral, status, assignee, typed, note, message, caseWith, problems);
    }

    Forms note(String typed, Map<String, String> problems) {
        return new Forms(referral, status, assignee, labels, typed, message, caseWith, problems);
    }

    Forms message(String typed, Map<String, String> problems) {
        return new Forms(referral, status, assignee, labels, note, typed, caseWith, problems);
    }
}
