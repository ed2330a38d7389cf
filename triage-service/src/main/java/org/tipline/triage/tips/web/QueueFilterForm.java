package org.tipline.triage.tips.web;

import java.util.Map;

/** The queue's filters and page as typed into the address; what does not parse is reported and ignored. */
record QueueFilterForm(
        String status, String tier, String assignee, String placeType, String from, String to, String page) {

    QueueFilterForm {
        status = typed(status);
        tier = typed(tier);
        assignee = typed(assignee);
        placeType = typed(placeType);
        from = typed(from);
        to = typed(to);
        page = typed(page);
    }

    private static String typed(String value) {
        return value == null ? "" : value;
    }

    int pageNumber() {
        return page.matches("\\d{1,6}") ? Integer.parseInt(page) : 0;
    }

    /** What the filter form shows again, as typed. */
    Map<String, String> typed() {
        return Map.of(
                "status", status, "tier", tier, "assignee", assignee, "placeType", placeType, "from", from, "to", to);
    }
}
