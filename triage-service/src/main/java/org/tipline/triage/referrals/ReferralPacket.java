package org.tipline.triage.referrals;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.tipline.model.guidance.Destination;
import org.tipline.model.tip.PersonSeen;
import org.tipline.model.tip.VehicleSeen;

/**
 * The minimum a destination needs, as the coordinator chose it: only the chosen fields are filled, the free text is
 * as the coordinator redacted it, and nothing identifies the tipster. {@code packetId} is the referral's id, which
 * both sides can quote.
 */
public record ReferralPacket(
        UUID packetId,
        Instant preparedAt,
        String preparedBy,
        String referringOrganisation,
        String callbackContact,
        Destination destination,
        String urgencyTier,
        Instant receivedAt,
        Set<PacketField> fields,
        Place place,
        String seenWhen,
        boolean happeningNow,
        String peopleSummary,
        List<PersonSeen> persons,
        String vehiclesSummary,
        List<VehicleSeen> vehicles,
        List<String> warningSigns,
        String details,
        String onlineDetails,
        List<String> nibrsOffenses) {

    /** Where it happened, as typed. */
    public record Place(String location, String city, String state, String zip, String businessName, String type) {}

    public boolean shares(PacketField field) {
        return fields.contains(field);
    }
}
