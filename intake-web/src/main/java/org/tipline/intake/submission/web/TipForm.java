package org.tipline.intake.submission.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.tip.TipAnswers;

/**
 * The public form as posted. Parameter names are the record's components; {@link #PARAMETER_BY_QUESTION} ties them
 * to the question ids of the seeds, and start-up checks that the seeds ask exactly these questions.
 */
public record TipForm(
        String location,
        String people,
        String vehicles,
        List<String> indicators,
        Boolean happeningNow,
        String details,
        String submission,
        String website) {

    static final Map<String, String> PARAMETER_BY_QUESTION = Map.of(
            "location", "location",
            "people", "people",
            "vehicles", "vehicles",
            "indicators", "indicators",
            "happening-now", "happeningNow",
            "details", "details");

    static final Set<String> FREE_TEXT_QUESTIONS = Set.of("location", "people", "vehicles", "details");

    /** A blank form with a fresh submission token, so sending it twice files one tip. */
    static TipForm empty() {
        return new TipForm("", "", "", List.of(), false, "", Receipt.newSubmissionToken(), "");
    }

    public TipForm {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }

    /** The text typed for a free-text question, so a page with errors shows it again unchanged. */
    public String text(String questionId) {
        return switch (questionId) {
            case "location" -> location;
            case "people" -> people;
            case "vehicles" -> vehicles;
            case "details" -> details;
            default -> throw new IllegalArgumentException("not a free-text question: " + questionId);
        };
    }

    public String parameter(String questionId) {
        return PARAMETER_BY_QUESTION.getOrDefault(questionId, questionId);
    }

    /** The honeypot: hidden from people, so only software that fills every field fills it. */
    boolean filledHoneypot() {
        return website != null && !website.isBlank();
    }

    public boolean ticked(String indicatorId) {
        return indicators.contains(indicatorId);
    }

    public boolean isHappeningNow() {
        return Boolean.TRUE.equals(happeningNow);
    }

    TipAnswers toAnswers() {
        return new TipAnswers(location, people, vehicles, indicators, isHappeningNow(), details);
    }
}
