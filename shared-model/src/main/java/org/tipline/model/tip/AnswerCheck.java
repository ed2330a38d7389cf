package org.tipline.model.tip;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.guidance.Indicator;
import org.tipline.model.guidance.Questionnaire;

/**
 * Checks answers against the seeds' questionnaire, for every form that files a tip (the public form and the console's
 * form for calls): options and warning signs the seeds offer, free text within each question's limit, and something to
 * act on. Problems are keyed by question id, in questionnaire order; each form words them in its own messages.
 */
public final class AnswerCheck {

    /** What is wrong with one answer; {@code limit} is the question's maximum length for {@link Kind#TOO_LONG}. */
    public record Problem(Kind kind, int limit) {}

    public enum Kind {
        UNKNOWN_OPTION,
        TOO_LONG,
        UNKNOWN_INDICATOR,
        EMPTY
    }

    private final Guidance guidance;
    private final Set<String> indicatorIds;
    private final Set<String> ages;

    public AnswerCheck(Guidance guidance) {
        this.guidance = guidance;
        this.indicatorIds = guidance.indicators().stream().map(Indicator::id).collect(Collectors.toUnmodifiableSet());
        this.ages = guidance.questionnaire()
                .question("youngest-age")
                .map(q -> q.options().stream().map(Questionnaire.Option::id).collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    /**
     * The problems with the person and vehicle blocks as posted, keyed {@code person-<index>} and
     * {@code vehicle-<index>} by their place on the form: a role or an age the form does not offer, or a field longer
     * than {@link PersonSeen#MAX_FIELD_LENGTH} ({@link VehicleSeen#MAX_FIELD_LENGTH}).
     */
    public Map<String, Problem> blockProblems(SeenBlocks blocks) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        for (int i = 0; i < blocks.persons().size(); i++) {
            PersonSeen person = blocks.persons().get(i);
            boolean knownRole = person.role().isEmpty() || PersonSeen.ROLES.contains(person.role());
            boolean knownAge = person.ageRange().isEmpty() || ages.contains(person.ageRange());
            if (!knownRole || !knownAge) {
                problems.put("person-" + i, new Problem(Kind.UNKNOWN_OPTION, 0));
            } else if (tooLong(person.typed(), PersonSeen.MAX_FIELD_LENGTH)) {
                problems.put("person-" + i, new Problem(Kind.TOO_LONG, PersonSeen.MAX_FIELD_LENGTH));
            }
        }
        for (int i = 0; i < blocks.vehicles().size(); i++) {
            if (tooLong(blocks.vehicles().get(i).typed(), VehicleSeen.MAX_FIELD_LENGTH)) {
                problems.put("vehicle-" + i, new Problem(Kind.TOO_LONG, VehicleSeen.MAX_FIELD_LENGTH));
            }
        }
        return problems;
    }

    private static boolean tooLong(java.util.List<String> typed, int limit) {
        return typed.stream().anyMatch(t -> t.codePointCount(0, t.length()) > limit);
    }

    /**
     * The problems with {@code answers}, where {@code typed} gives the text typed for a free-text question id (null for
     * other questions). Empty means the answers can be filed.
     */
    public Map<String, Problem> problems(TipAnswers answers, java.util.function.Function<String, String> typed) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        for (Questionnaire.Section section : guidance.questionnaire().sections()) {
            for (Questionnaire.Question question : section.questions()) {
                if (question.type() == Questionnaire.QuestionType.CHOICE) {
                    String chosen = answers.choice(question.id());
                    boolean known =
                            chosen.isEmpty() || question.options().stream().anyMatch(o -> o.id().equals(chosen));
                    if (!known) {
                        problems.put(question.id(), new Problem(Kind.UNKNOWN_OPTION, 0));
                    }
                }
                String text = typed.apply(question.id());
                if (text != null
                        && question.maxLength() != null
                        && text.codePointCount(0, text.length()) > question.maxLength()) {
                    problems.put(question.id(), new Problem(Kind.TOO_LONG, question.maxLength()));
                }
            }
        }
        if (!indicatorIds.containsAll(answers.indicators())) {
            problems.put("indicators", new Problem(Kind.UNKNOWN_INDICATOR, 0));
        }
        if (problems.isEmpty() && !answers.saysSomething()) {
            problems.put("location", new Problem(Kind.EMPTY, 0));
        }
        return problems;
    }
}
