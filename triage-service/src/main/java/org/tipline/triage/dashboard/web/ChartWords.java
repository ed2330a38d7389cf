package org.tipline.triage.dashboard.web;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tipline.model.guidance.Guidance;

/**
 * A dashboard bar's stored code in the reader's words: tiers and types of place from the seeds, statuses, close
 * reasons, channels, minors and ages from the messages. Week starts are dates and stay as they are. Templates use it as
 * {@code @chartWords}.
 */
@Component("chartWords")
public class ChartWords {

    private static final String CLOSED = "closed: ";

    private final MessageSource messages;
    private final Guidance guidance;
    private final Map<String, Map<String, String>> placeTypes;

    ChartWords(MessageSource messages, Guidance guidance) {
        this.messages = messages;
        this.guidance = guidance;
        this.placeTypes = guidance.questionnaire().sections().stream()
                .flatMap(section -> section.questions().stream())
                .filter(question -> question.id().equals("place-type"))
                .flatMap(question -> question.options().stream())
                .collect(Collectors.toUnmodifiableMap(
                        option -> option.id(),
                        option -> Map.of(
                                "en", option.label().in("en"),
                                "es", option.label().in("es"))));
    }

    public String label(String chart, String code, Locale locale) {
        String language = locale.getLanguage();
        return switch (chart) {
            case "by-tier" -> tier(code, language);
            case "by-place" ->
                placeTypes.containsKey(code)
                        ? placeTypes
                                .get(code)
                                .getOrDefault(language, placeTypes.get(code).get("en"))
                        : message("dashboard.place.notGiven", code, locale);
            case "by-outcome" -> outcome(code, locale);
            case "by-channel" -> message("dashboard.channel." + code, code, locale);
            case "by-minor" -> message("dashboard.minor." + code, code, locale);
            case "backlog" -> message("dashboard.age." + code, code, locale);
            default -> code;
        };
    }

    public String tier(String id, String language) {
        return guidance.urgency().tiers().stream()
                .filter(tier -> tier.id().equals(id))
                .map(tier -> tier.label().in(language))
                .findFirst()
                .orElse(id);
    }

    /** "closed: spam" is a closed tip and its reason, anything else a status, both lower-cased by the query. */
    private String outcome(String code, Locale locale) {
        if (code.startsWith(CLOSED)) {
            String reason = code.substring(CLOSED.length()).toUpperCase(Locale.ROOT);
            return message("tip.status.CLOSED", code, locale) + " (" + message("closeReason." + reason, reason, locale)
                    + ")";
        }
        return message("tip.status." + code.toUpperCase(Locale.ROOT), code, locale);
    }

    private String message(String code, String fallback, Locale locale) {
        return messages.getMessage(code, null, fallback, locale);
    }
}
