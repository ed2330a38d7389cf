package org.tipline.triage.tips.web;

import java.util.Map;

/**
 * The queue's filters and page as typed into the address; what does not parse is reported and ignored. {@code still}
 * ("1") stops the page reloading itself without JavaScript, so boxes ticked for a bulk change stay ticked.
 */
record QueueFilterForm(
        String status,
        String tier,
        String assignee,
        String placeType,
        String from,
        String to,
        String page,
        String still) {

    QueueFilterForm {
        status = typed(status);
        tier = typed(tier);
        assignee = typed(assignee);
        placeType = typed(placeType);
        from = typed(from);
        to = typed(to);
        page = typed(page);
        still = "1".equals(still) ? "1" : "";
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
                "status",
                status,
                "tier",
                tier,
                "assignee",
                assignee,
                "placeType",
                placeType,
                "from",
                from,
                "to",
                to,
                "still",
                still);
    }
}
