package org.tipline.triage.tips.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tipline.model.guidance.Guidance;

/** A forward as a coordinator records it: which destination, and the reference number it gave. */
public record ReferralForm(String destinationId, String referenceNumber) {

    static final int MAX_REFERENCE_LENGTH = 100;

    static ReferralForm empty() {
        return new ReferralForm("", "");
    }

    public ReferralForm {
        destinationId = destinationId == null ? "" : destinationId.strip();
        referenceNumber = referenceNumber == null ? "" : referenceNumber.strip();
    }

    Map<String, String> validate(Guidance guidance) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (guidance.destination(destinationId).isEmpty()) {
            errors.put("destinationId", "Choose where the tip was forwarded.");
        }
        if (referenceNumber.isEmpty()) {
            errors.put("referenceNumber", "Enter the reference number the destination gave you.");
        } else if (referenceNumber.length() > MAX_REFERENCE_LENGTH) {
            errors.put(
                    "referenceNumber",
                    "The reference number is " + referenceNumber.length() + " characters; the limit is "
                            + MAX_REFERENCE_LENGTH + ".");
        } else if (referenceNumber.chars().anyMatch(Character::isISOControl)) {
            errors.put("referenceNumber", "The reference number contains control characters.");
        }
        return errors;
    }
}
