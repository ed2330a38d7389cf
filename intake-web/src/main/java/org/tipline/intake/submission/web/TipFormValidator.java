package org.tipline.intake.submission.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.tip.AnswerCheck;
import org.tipline.model.tip.PostedAnswers;

/**
 * Checks a posted form against the seeds. Errors are keyed by question id, in form order, and worded for the tipster.
 * Also verifies at start-up that the seeds ask exactly the questions this form can store.
 */
@Component
class TipFormValidator {

    private final MessageSource messages;
    private final AnswerCheck check;

    TipFormValidator(Guidance guidance, MessageSource messages) {
        this.messages = messages;
        this.check = new AnswerCheck(guidance);
        PostedAnswers.requireAskedBy(guidance, "this version of the form");
        FormStep.requireEveryQuestionPlaced();
    }

    /** {@code wholeTip}: the tip is about to be reviewed or sent, so an empty one is refused; a page alone may be. */
    Map<String, String> validate(TipForm form, Locale locale, boolean wholeTip) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, AnswerCheck.Problem> problems = check.problems(form.toAnswers(), form::text);
        problems.forEach((questionId, problem) -> {
            switch (problem.kind()) {
                case UNKNOWN_OPTION -> errors.put(questionId, message("error.unknownOption", locale));
                case TOO_LONG ->
                    errors.put(
                            questionId,
                            message(
                                    "error.tooLong",
                                    locale,
                                    problem.limit(),
                                    form.text(questionId).length()));
                default -> {
                    // Warning signs and an empty tip are worded after the blocks, as the form shows them.
                }
            }
        });
        check.blockProblems(form.blocks())
                .forEach((block, problem) -> errors.put(
                        block,
                        problem.kind() == AnswerCheck.Kind.TOO_LONG
                                ? message("error.fieldTooLong", locale, problem.limit())
                                : message("error.unknownOption", locale)));
        if (problems.containsKey("indicators")) {
            errors.put("indicators", message("error.unknownIndicator", locale));
        }
        if (form.filledHoneypot()) {
            errors.put("website", message("error.honeypot", locale));
        }
        if (wholeTip
                && errors.isEmpty()
                && problems.values().stream().anyMatch(p -> p.kind() == AnswerCheck.Kind.EMPTY)) {
            errors.put("location", message("error.empty", locale));
        }
        return errors;
    }

    private String message(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, locale);
    }
}
