package org.tipline.model.tip;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tipline.model.guidance.Guidance;

/**
 * The questionnaire's answers on a form that files a tip (the public form and the console's form for calls), as
 * posted. Each app binds the request to its own record, whose components are named by {@link #PARAMETER_BY_QUESTION}
 * and implement the accessors below; what both forms do with the answers is here once.
 */
public interface PostedAnswers {

    /** The request parameter each question's answer is posted as. */
    Map<String, String> PARAMETER_BY_QUESTION = Map.ofEntries(
            Map.entry("location", "location"),
            Map.entry("city", "city"),
            Map.entry("business-name", "businessName"),
            Map.entry("place-type", "placeType"),
            Map.entry("zip", "zip"),
            Map.entry("seen-when", "seenWhen"),
            Map.entry("happening-now", "happeningNow"),
            Map.entry("people", "people"),
            Map.entry("youngest-age", "youngestAge"),
            Map.entry("vehicles", "vehicles"),
            Map.entry("indicators", "indicators"),
            Map.entry("details", "details"),
            Map.entry("online-details", "onlineDetails"),
            Map.entry("how-known", "howKnown"));

    String location();

    String city();

    String businessName();

    String placeType();

    String zip();

    String seenWhen();

    Boolean happeningNow();

    String people();

    String youngestAge();

    String vehicles();

    List<String> indicators();

    String details();

    String onlineDetails();

    String howKnown();

    List<PersonSeen> persons();

    List<VehicleSeen> vehicleDetails();

    /**
     * Fails start-up when the seeds ask other questions than the forms can store, naming {@code form} (which form
     * found it) in the message.
     */
    static void requireAskedBy(Guidance guidance, String form) {
        Set<String> asked = new TreeSet<>();
        guidance.questionnaire().sections().forEach(s -> s.questions().forEach(q -> asked.add(q.id())));
        if (!asked.equals(new TreeSet<>(PARAMETER_BY_QUESTION.keySet()))) {
            throw new IllegalStateException("seeds/questionnaire.yaml asks " + asked + " but " + form + " stores "
                    + new TreeSet<>(PARAMETER_BY_QUESTION.keySet()));
        }
    }

    /** The blocks as posted, with what the page needs to show them and add one more. */
    default SeenBlocks blocks() {
        return new SeenBlocks(persons(), vehicleDetails());
    }

    /**
     * The text typed for a free-text question, unchanged so a page with errors shows it again as typed; null for a
     * question that is not free text.
     */
    default String text(String questionId) {
        return switch (questionId) {
            case "location" -> location();
            case "city" -> city();
            case "business-name" -> businessName();
            case "zip" -> zip();
            case "seen-when" -> seenWhen();
            case "people" -> people();
            case "vehicles" -> vehicles();
            case "details" -> details();
            case "online-details" -> onlineDetails();
            default -> null;
        };
    }

    /** The option chosen for a CHOICE question, or "" when none was. */
    default String choice(String questionId) {
        return toAnswers().choice(questionId);
    }

    default String parameter(String questionId) {
        return PARAMETER_BY_QUESTION.getOrDefault(questionId, questionId);
    }

    default boolean ticked(String indicatorId) {
        return indicators().contains(indicatorId);
    }

    default boolean isHappeningNow() {
        return Boolean.TRUE.equals(happeningNow());
    }

    /** The answers to seal; a form that takes a callback number says here whether it goes in. */
    default TipAnswers toAnswers() {
        return toAnswers("");
    }

    /** The answers with {@code callback} as the number to call back on, "" for none. */
    default TipAnswers toAnswers(String callback) {
        return toAnswers(callback, "");
    }

    /** As {@link #toAnswers(String)}, written in {@code language} ("" when it is not known). */
    default TipAnswers toAnswers(String callback, String language) {
        return new TipAnswers(
                location(),
                businessName(),
                placeType(),
                zip(),
                seenWhen(),
                isHappeningNow(),
                people(),
                youngestAge(),
                vehicles(),
                indicators(),
                details(),
                onlineDetails(),
                howKnown(),
                persons(),
                vehicleDetails(),
                city(),
                callback,
                language);
    }
}
