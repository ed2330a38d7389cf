package org.tipline.intake.submission.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tipline.model.tip.PostedAnswers;

/**
 * The public form's pages, in order; the review is the page after the last. Each page shows its own questions and
 * carries every other answer in hidden fields (ADR 27). The urgent questions come first, so a person in danger now or
 * a minor is told on the first page. The seeds' free-text "people" and "vehicles" are not asked here: the person and
 * vehicle blocks are the one place to describe them (the console's form for calls still asks them).
 */
public enum FormStep {
    WHERE(List.of(
            group("urgent", "happening-now", "youngest-age"),
            group("where", "location", "city", "business-name", "place-type", "zip"),
            group("when", "seen-when"))),
    WHAT(List.of(group("what", "indicators", "details"), group("online", "online-details"), group("how", "how-known"))),
    WHO(List.of()),
    VEHICLES(List.of());

    /** Questions the seeds ask that the public form leaves to the blocks; a script may still post them. */
    static final Set<String> LEFT_TO_THE_BLOCKS = Set.of("people", "vehicles");

    /** The pages in all, the review included, for "step 2 of 5". */
    static final int PAGES = values().length + 1;

    private static final Map<String, FormStep> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(FormStep::id, step -> step));

    /** Questions under one legend: a seeds section's title, or (for "urgent") the form's own words. */
    public record Group(String id, List<String> questions) {}

    private final List<Group> groups;

    FormStep(List<Group> groups) {
        this.groups = groups;
    }

    private static Group group(String id, String... questions) {
        return new Group(id, List.of(questions));
    }

    /** The page named by the posted {@code at}; a post without one (a script, an old page) is on the first. */
    static FormStep named(String at) {
        return BY_NAME.getOrDefault(at, WHERE);
    }

    /** The page before the one posted from; from the review it is the last page. */
    static FormStep before(String at) {
        if ("review".equals(at)) {
            return values()[values().length - 1];
        }
        FormStep from = named(at);
        return from.ordinal() == 0 ? from : values()[from.ordinal() - 1];
    }

    /** The page that shows the field an error is keyed by (a question id, "person-2", "vehicle-0"), or {@code shown}. */
    static FormStep holding(String errorKey, FormStep shown) {
        if (errorKey.startsWith("person-")) {
            return WHO;
        }
        if (errorKey.startsWith("vehicle-")) {
            return VEHICLES;
        }
        return Arrays.stream(values())
                .filter(step -> step.questions().contains(errorKey))
                .findFirst()
                .orElse(shown);
    }

    /** Fails start-up when a question the forms store is on no page of this form, or on two. */
    static void requireEveryQuestionPlaced() {
        List<String> placed = Stream.concat(
                        Arrays.stream(values()).flatMap(step -> step.questions().stream()), LEFT_TO_THE_BLOCKS.stream())
                .sorted()
                .toList();
        List<String> stored =
                PostedAnswers.PARAMETER_BY_QUESTION.keySet().stream().sorted().toList();
        if (!placed.equals(stored)) {
            throw new IllegalStateException("the public form's pages ask " + placed + " but it stores " + stored);
        }
    }

    /** What the form template needs to show this page. */
    Map<String, Object> page(TipForm form, Map<String, String> errors) {
        return Map.of("form", form, "errors", errors, "step", this, "pages", PAGES);
    }

    /** The pages whose answers this one carries in hidden fields. */
    public List<FormStep> others() {
        return Arrays.stream(values()).filter(step -> step != this).toList();
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int number() {
        return ordinal() + 1;
    }

    public boolean isLast() {
        return ordinal() == values().length - 1;
    }

    public FormStep next() {
        return isLast() ? this : values()[ordinal() + 1];
    }

    public List<Group> groups() {
        return groups;
    }

    public List<String> questions() {
        return groups.stream().flatMap(g -> g.questions().stream()).toList();
    }
}
