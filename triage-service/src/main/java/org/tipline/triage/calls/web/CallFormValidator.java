package org.tipline.triage.calls.web;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.tip.AnswerCheck;
import org.tipline.triage.calls.Channel;

/**
 * Checks a call's form with the same seeds-driven {@link AnswerCheck} as the public form, plus the channel and the
 * submission token. Error codes resolve in the console's messages files. Also verifies at start-up that the seeds ask
 * exactly the questions this form can store.
 */
@Component
class CallFormValidator implements Validator {

    private final AnswerCheck check;

    CallFormValidator(Guidance guidance) {
        this.check = new AnswerCheck(guidance);
        Set<String> asked = new TreeSet<>();
        guidance.questionnaire().sections().forEach(s -> s.questions().forEach(q -> asked.add(q.id())));
        if (!asked.equals(new TreeSet<>(CallForm.PARAMETER_BY_QUESTION.keySet()))) {
            throw new IllegalStateException("seeds/questionnaire.yaml asks " + asked + " but the console's form for "
                    + "calls stores " + new TreeSet<>(CallForm.PARAMETER_BY_QUESTION.keySet()));
        }
    }

    @Override
    public boolean supports(Class<?> type) {
        return CallForm.class.equals(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        CallForm form = (CallForm) target;
        boolean knownChannel = Channel.byId(form.channel())
                .filter(Channel.enteredByStaff()::contains)
                .isPresent();
        if (!knownChannel && !errors.hasFieldErrors("channel")) {
            errors.rejectValue("channel", "call.error.channel");
        }
        if (!Receipt.isSubmissionToken(form.submission())) {
            errors.reject("call.error.stale");
        }
        if (errors.hasErrors()) {
            return;
        }
        check.problems(form.toAnswers(), form::text).forEach((questionId, problem) -> {
            String field = form.parameter(questionId);
            switch (problem.kind()) {
                case UNKNOWN_OPTION -> errors.rejectValue(field, "call.error.unknownOption");
                case TOO_LONG -> errors.rejectValue(field, "call.error.tooLong", new Object[] {problem.limit()}, null);
                case UNKNOWN_INDICATOR -> errors.rejectValue(field, "call.error.unknownIndicator");
                case EMPTY -> errors.rejectValue(field, "call.error.empty");
            }
        });
    }
}
