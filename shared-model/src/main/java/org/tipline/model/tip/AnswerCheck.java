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

    public AnswerCheck(Guidance guidance) {
        this.guidance = guidance;
        this.indicatorIds = guidance.indicators().stream().map(Indicator::id).collect(Collectors.toUnmodifiableSet());
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
