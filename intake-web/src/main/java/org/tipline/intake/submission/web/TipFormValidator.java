package org.tipline.intake.submission.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.guidance.Questionnaire;
import org.tipline.model.tip.AnswerCheck;
import org.tipline.model.tip.PersonSeen;
import org.tipline.model.tip.VehicleSeen;

/**
 * Checks a posted form against the seeds. Errors are keyed by question id, in form order, and worded for the tipster.
 * Also verifies at start-up that the seeds ask exactly the questions this form can store.
 */
@Component
class TipFormValidator {

    private final Guidance guidance;
    private final MessageSource messages;
    private final AnswerCheck check;

    TipFormValidator(Guidance guidance, MessageSource messages) {
        this.guidance = guidance;
        this.messages = messages;
        this.check = new AnswerCheck(guidance);
        Set<String> asked = new TreeSet<>();
        guidance.questionnaire().sections().forEach(s -> s.questions().forEach(q -> asked.add(q.id())));
        if (!asked.equals(new TreeSet<>(TipForm.PARAMETER_BY_QUESTION.keySet()))) {
            throw new IllegalStateException("seeds/questionnaire.yaml asks " + asked + " but this version of the form "
                    + "stores " + new TreeSet<>(TipForm.PARAMETER_BY_QUESTION.keySet()));
        }
    }

    Map<String, String> validate(TipForm form, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, AnswerCheck.Problem> problems =
                check.problems(form.toAnswers(), id -> TipForm.FREE_TEXT_QUESTIONS.contains(id) ? form.text(id) : null);
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
        var ages = guidance.questionnaire()
                .question("youngest-age")
                .map(q -> q.options().stream().map(Questionnaire.Option::id).toList())
                .orElse(java.util.List.of());
        for (int i = 0; i < form.persons().size(); i++) {
            var person = form.persons().get(i);
            boolean knownRole = person.role().isEmpty() || PersonSeen.ROLES.contains(person.role());
            boolean knownAge = person.ageRange().isEmpty() || ages.contains(person.ageRange());
            if (!knownRole || !knownAge) {
                errors.put("person-" + i, message("error.unknownOption", locale));
            } else if (person.typed().stream().anyMatch(t -> t.length() > PersonSeen.MAX_FIELD_LENGTH)) {
                errors.put("person-" + i, message("error.fieldTooLong", locale, PersonSeen.MAX_FIELD_LENGTH));
            }
        }
        for (int i = 0; i < form.vehicleDetails().size(); i++) {
            if (form.vehicleDetails().get(i).typed().stream()
                    .anyMatch(t -> t.length() > VehicleSeen.MAX_FIELD_LENGTH)) {
                errors.put("vehicle-" + i, message("error.fieldTooLong", locale, VehicleSeen.MAX_FIELD_LENGTH));
            }
        }
        if (problems.containsKey("indicators")) {
            errors.put("indicators", message("error.unknownIndicator", locale));
        }
        if (form.filledHoneypot()) {
            errors.put("website", message("error.honeypot", locale));
        }
        if (errors.isEmpty() && problems.values().stream().anyMatch(p -> p.kind() == AnswerCheck.Kind.EMPTY)) {
            errors.put("location", message("error.empty", locale));
        }
        return errors;
    }

    private String message(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, locale);
    }
}
