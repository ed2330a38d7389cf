package org.tipline.triage.tips.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tipline.model.guidance.Guidance;
import org.tipline.triage.tips.Assignees.Assignee;

/**
 * An audited action in a coordinator's words, for the tip page's timeline and the audit trail's page: "Changed the status to In review" rather
 * than {@code STATUS_CHANGED (status=IN_REVIEW)}, an assignee's name rather than their id. Internal ids in a detail
 * (notes, messages, files) are left out. The audit trail itself keeps the codes. Templates use it as
 * {@code @actionWords}.
 */
@Component("actionWords")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ActionWords {

    private final MessageSource messages;
    private final Guidance guidance;

    public String describe(String action, String detail, List<Assignee> coordinators, Locale locale) {
        Map<String, String> names = new HashMap<>();
        coordinators.forEach(c -> names.put(c.id().toString(), c.displayName()));
        return describe(action, detail, names, locale);
    }

    /** The same for the audit trail's page, which names anyone who ever held an account: {@code names} by staff id. */
    public String describe(String action, String detail, Map<String, String> names, Locale locale) {
        String words = messages.getMessage("audit.action." + action, null, action, locale);
        Map<String, String> values = values(detail == null ? "" : detail);
        String object = switch (action) {
            case "STATUS_CHANGED" -> status(values, locale);
            case "TIP_ASSIGNED" -> assignee(values.get("assignee"), names, locale);
            case "LABELS_CHANGED" -> values.getOrDefault("labels", "");
            case "REFERRAL_RECORDED", "REFERRAL_QUEUED" -> destination(values.get("destination"), locale);
            default -> null;
        };
        String described = object == null ? words : words + " " + object;
        // An action that moved the tip on as well (a question, a forward) says where: the trail shows every status.
        return action.equals("STATUS_CHANGED") || !values.containsKey("status")
                ? described
                : described + " " + message("audit.object.statusNow", "", locale, status(values, locale));
    }

    private String status(Map<String, String> values, Locale locale) {
        String status = message("tip.status." + values.get("status"), values.get("status"), locale);
        String reason = values.get("reason");
        return reason == null ? status : status + " (" + message("closeReason." + reason, reason, locale) + ")";
    }

    /** Where a forward went, by the name the seeds give it; a destination since removed keeps its id. */
    private String destination(String id, Locale locale) {
        if (id == null) {
            return null;
        }
        String name = guidance.destination(id)
                .map(d -> d.name().in(locale.getLanguage()))
                .orElse(id);
        return message("audit.object.destination", name, locale, name);
    }

    private String assignee(String id, Map<String, String> names, Locale locale) {
        if (id == null || id.equals("none")) {
            return message("timeline.nobody", "nobody", locale);
        }
        String name = names.get(id);
        return name != null ? name : message("timeline.unlisted", "someone no longer a coordinator", locale);
    }

    private String message(String code, String fallback, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, fallback, locale);
    }

    /** A detail's {@code key=value} words; anything else in it is not shown. */
    private static Map<String, String> values(String detail) {
        Map<String, String> values = new HashMap<>();
        for (String word : detail.split(" ")) {
            int equals = word.indexOf('=');
            if (equals > 0) {
                values.put(word.substring(0, equals), word.substring(equals + 1));
            }
        }
        return values;
    }
}
