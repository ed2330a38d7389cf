package org.tipline.triage.tips.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tipline.model.guidance.Guidance;
import org.tipline.triage.tips.Referral;
import org.tipline.triage.tips.TipHandling;

/**
 * A forward as a coordinator records it after making it by hand: the destination, how (phone or the destination's
 * web form), the reference number it gave, who took it and when (console times are UTC; empty means now).
 */
public record ReferralForm(
        String destinationId, String channel, String referenceNumber, String contactPerson, String contactedAt) {

    static final int MAX_LENGTH = 100;

    static ReferralForm empty() {
        return new ReferralForm("", "PHONE", "", "", "");
    }

    public ReferralForm {
        destinationId = destinationId == null ? "" : destinationId.strip();
        channel = channel == null || channel.isBlank() ? "PHONE" : channel.strip();
        referenceNumber = referenceNumber == null ? "" : referenceNumber.strip();
        contactPerson = contactPerson == null ? "" : contactPerson.strip();
        contactedAt = contactedAt == null ? "" : contactedAt.strip();
    }

    Map<String, String> validate(Guidance guidance, Clock clock) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (guidance.destination(destinationId).isEmpty()) {
            errors.put("destinationId", "Choose where the tip was forwarded.");
        }
        if (!channel.equals("PHONE") && !channel.equals("WEB_FORM")) {
            errors.put("channel", "Choose whether you phoned or used the destination's web form.");
        }
        if (referenceNumber.isEmpty()) {
            errors.put("referenceNumber", "Enter the reference number the destination gave you.");
        } else {
            text("referenceNumber", "reference number", referenceNumber, errors);
        }
        text("contactPerson", "name of the person you spoke to", contactPerson, errors);
        if (!contactedAt.isEmpty()) {
            try {
                Instant at = LocalDateTime.parse(contactedAt).toInstant(ZoneOffset.UTC);
                if (at.isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
                    errors.put("contactedAt", "The time of the forward is in the future; console times are UTC.");
                }
            } catch (DateTimeParseException e) {
                errors.put("contactedAt", "Write the time as YYYY-MM-DDTHH:MM in UTC, for example 2026-11-26T14:30.");
            }
        }
        return errors;
    }

    /** The validated form as the service takes it. */
    TipHandling.ManualReferral toReferral(Clock clock) {
        return new TipHandling.ManualReferral(
                destinationId,
                Referral.Channel.valueOf(channel),
                referenceNumber,
                contactPerson.isEmpty() ? null : contactPerson,
                contactedAt.isEmpty()
                        ? clock.instant()
                        : LocalDateTime.parse(contactedAt).toInstant(ZoneOffset.UTC));
    }

    private static void text(String field, String what, String value, Map<String, String> errors) {
        if (value.length() > MAX_LENGTH) {
            errors.put(
                    field, "The " + what + " is " + value.length() + " characters; the limit is " + MAX_LENGTH + ".");
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            errors.put(field, "The " + what + " contains control characters.");
        }
    }
}
