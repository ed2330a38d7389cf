package org.tipline.triage.tips.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.tip.Messages;
import org.tipline.triage.tips.TipConversation;
import org.tipline.triage.tips.TipWorkflow;

/**
 * Checks the tip page's forms before anything is written. Error codes resolve in the console's messages files; the
 * field an error is rejected on is the one the page shows it beside.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TipFormValidator implements Validator {

    private static final Set<Class<?>> FORMS = Set.of(
            StatusForm.class, ReferralForm.class, TipForms.Labels.class, TipForms.Note.class, TipForms.Question.class);

    private final Guidance guidance;
    private final Clock clock;

    @Override
    public boolean supports(Class<?> type) {
        return FORMS.contains(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        if (target instanceof StatusForm form) {
            status(form, errors);
        } else if (target instanceof ReferralForm form) {
            referral(form, errors);
        } else if (target instanceof TipForms.Labels form) {
            var parsed = form.parsed();
            if (parsed.size() > TipWorkflow.MAX_LABELS
                    || !parsed.stream()
                            .allMatch(l -> TipWorkflow.LABEL.matcher(l).matches())) {
                errors.rejectValue("labels", "tip.error.labels", new Object[] {TipWorkflow.MAX_LABELS}, null);
            }
        } else if (target instanceof TipForms.Note form) {
            text("note", form.note(), TipConversation.MAX_NOTE_LENGTH, errors);
        } else if (target instanceof TipForms.Question form) {
            text("message", form.message(), Messages.MAX_LENGTH, errors);
        } else {
            throw new IllegalArgumentException("not a tip form: " + target.getClass());
        }
    }

    private static void status(StatusForm form, Errors errors) {
        if (!form.settable()) {
            errors.rejectValue("status", "tip.error.status.choose");
        } else if (form.status().equals("CLOSED") && form.reasonOrNull() == null) {
            errors.rejectValue("reason", "tip.error.status.reason");
        }
        if (form.version().isEmpty()) {
            errors.rejectValue("status", "tip.error.form.incomplete");
        }
    }

    private void referral(ReferralForm form, Errors errors) {
        if (guidance.destination(form.destinationId()).isEmpty()) {
            errors.rejectValue("destinationId", "referral.error.destination");
        }
        if (!form.channel().equals("PHONE") && !form.channel().equals("WEB_FORM")) {
            errors.rejectValue("channel", "referral.error.channel");
        }
        if (form.referenceNumber().isEmpty()) {
            errors.rejectValue("referenceNumber", "referral.error.referenceNumber");
        } else {
            shortText("referenceNumber", form.referenceNumber(), errors);
        }
        shortText("contactPerson", form.contactPerson(), errors);
        if (!form.contactedAt().isEmpty()) {
            try {
                Instant at =
                        form.contactedAtInstant(clock, guidance.deployment().zone());
                if (at.isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
                    errors.rejectValue("contactedAt", "referral.error.contactedAt.future");
                }
            } catch (DateTimeParseException e) {
                errors.rejectValue("contactedAt", "referral.error.contactedAt.format");
            }
        }
    }

    private static void text(String field, String text, int max, Errors errors) {
        if (text.isBlank()) {
            errors.rejectValue(field, "tip.error.text.blank." + field);
        } else if (text.length() > max) {
            errors.rejectValue(field, "tip.error.text.tooLong." + field, new Object[] {text.length(), max}, null);
        }
    }

    private static void shortText(String field, String value, Errors errors) {
        if (value.length() > ReferralForm.MAX_LENGTH) {
            errors.rejectValue(
                    field,
                    "referral.error.tooLong." + field,
                    new Object[] {value.length(), ReferralForm.MAX_LENGTH},
                    null);
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            errors.rejectValue(field, "referral.error.control." + field);
        }
    }
}
