package org.tipline.triage.calls.web;

import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.tip.AnswerCheck;
import org.tipline.model.tip.PostedAnswers;
import org.tipline.triage.calls.Channel;

/**
 * Checks a call's form with the same seeds-driven {@link AnswerCheck} as the public form (questions, person and vehicle
 * blocks), plus the channel, the submission token and the callback number. Error codes resolve in the console's
 * messages files. Also verifies at start-up that the seeds ask exactly the questions this form can store.
 */
@Component
class CallFormValidator implements Validator {

    /**
     * A phone number as people say it: at least three digits with spaces, +, dots, dashes or brackets, perhaps an
     * extension; nothing else, so no words end up in the field.
     */
    private static final Pattern CALLBACK = Pattern.compile(
            "(?=(\\D*\\d){3})\\+?[0-9 ().-]{3,30}(\\s*(x|ext\\.?)\\s*[0-9]{1,6})?", Pattern.CASE_INSENSITIVE);

    private final AnswerCheck check;

    CallFormValidator(Guidance guidance) {
        this.check = new AnswerCheck(guidance);
        PostedAnswers.requireAskedBy(guidance, "the console's form for calls");
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
        check.blockProblems(form.blocks()).forEach((block, problem) -> {
            // "person-2" is persons[2] on the form; the controller shows the error on that block.
            String[] kindAndIndex = block.split("-");
            String field = (kindAndIndex[0].equals("person") ? "persons[" : "vehicleDetails[") + kindAndIndex[1] + "]";
            switch (problem.kind()) {
                case TOO_LONG ->
                    errors.rejectValue(field, "call.error.fieldTooLong", new Object[] {problem.limit()}, null);
                default -> errors.rejectValue(field, "call.error.unknownOption");
            }
        });
        checkCallback(form, errors);
    }

    /**
     * A number is kept only when the caller asked: one typed without the box ticked is an error rather than silently
     * dropped or silently kept, and so is the box ticked without a number.
     */
    private static void checkCallback(CallForm form, Errors errors) {
        String number = form.callback().strip();
        if (!form.wantsCallback() && !number.isEmpty()) {
            errors.rejectValue("callback", "call.error.callbackNotAsked");
        } else if (form.wantsCallback() && number.isEmpty()) {
            errors.rejectValue("callback", "call.error.callbackMissing");
        } else if (form.wantsCallback() && !CALLBACK.matcher(number).matches()) {
            errors.rejectValue("callback", "call.error.callbackFormat");
        }
    }
}
