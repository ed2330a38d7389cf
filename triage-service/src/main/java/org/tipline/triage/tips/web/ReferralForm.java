package org.tipline.triage.tips.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A forward as a coordinator records it after making it by hand: the destination, how (phone or the destination's
 * web form), the reference number it gave, who took it and when (in the deployment's time zone, as every time the
 * console shows; empty means now).
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

    /** When the forward was made: as typed, on the deployment's clock ({@code zone}), or now if left empty. */
    public Instant contactedAtInstant(Clock clock, ZoneId zone) {
        return contactedAt.isEmpty()
                ? clock.instant()
                : LocalDateTime.parse(contactedAt).atZone(zone).toInstant();
    }
}
