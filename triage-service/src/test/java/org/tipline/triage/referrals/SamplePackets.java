package org.tipline.triage.referrals;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.tipline.model.guidance.GuidanceLoader;
import org.tipline.model.tip.PersonSeen;
import org.tipline.model.tip.VehicleSeen;

/** Packets with known content, for the format tests. */
final class SamplePackets {

    private SamplePackets() {}

    static ReferralPacket with(Set<PacketField> fields, String details) {
        return new ReferralPacket(
                UUID.fromString("3f2c8a1e-5b7d-4c2a-9e1f-0a1b2c3d4e5f"),
                Instant.parse("2026-11-26T15:00:00Z"),
                "Coordinator One",
                "Tipline",
                "+1-203-555-0100",
                GuidanceLoader.fromClasspath()
                        .destination("norwalk-police-tips")
                        .orElseThrow(),
                "MINOR",
                Instant.parse("2026-11-26T14:10:00Z"),
                fields.isEmpty() ? EnumSet.noneOf(PacketField.class) : EnumSet.copyOf(fields),
                new ReferralPacket.Place(
                        "12 Harbor Ave", "Norwalk", "CT", "06850", "Golden Lotus Spa", "massage-parlor"),
                "last night around 11",
                true,
                "two women, one man at the door",
                List.of(
                        new PersonSeen("possible-victim", "12-17", "female", "short", "", "black", "", "", "Spanish"),
                        new PersonSeen("possible-controller", "over-25", "man", "", "heavy", "", "red jacket", "", "")),
                "a white van",
                List.of(new VehicleSeen("Ford", "Transit", "white", "AB 1234", "CT", "dented rear door")),
                List.of("Appears controlled by someone else"),
                details,
                "ad on a classifieds site, number 203-555-0147",
                List.of("64A"));
    }

    static ReferralPacket everything() {
        return with(EnumSet.allOf(PacketField.class), "She looked scared and did not speak.");
    }
}
