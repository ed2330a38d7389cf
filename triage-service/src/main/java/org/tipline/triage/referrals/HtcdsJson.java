package org.tipline.triage.referrals;

import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.tipline.model.guidance.Destination;
import org.tipline.model.tip.PersonSeen;
import org.tipline.model.tip.VehicleSeen;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A referral packet as JSON, named after the IOM Human Trafficking Case Data Standard (HTCDS 2.0) where a field fits:
 * {@code cas_} for the case and its referral, {@code org_} for organisations, {@code hte_} for the trafficking event,
 * {@code prs_}, {@code vic_} and {@code per_} for people. What HTCDS has no field for (vehicles, warning signs, NIBRS
 * codes) sits under {@code tipline}. Fields the coordinator did not share are absent, not empty.
 * The schema is {@code referral-packet.schema.json} next to this class.
 */
public final class HtcdsJson {

    public static final String SCHEMA = "/org/tipline/triage/referrals/referral-packet.schema.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<Destination.Kind, String> ORGANISATION_TYPES = Map.of(
            Destination.Kind.EMERGENCY, "LawEnforcement",
            Destination.Kind.LOCAL_POLICE, "LawEnforcement",
            Destination.Kind.STATE_POLICE, "LawEnforcement",
            Destination.Kind.CHILD_PROTECTION, "LocalGovernmentOrganisation",
            Destination.Kind.NATIONAL_HOTLINE, "NGO");

    private HtcdsJson() {}

    public static String write(ReferralPacket packet) {
        ObjectNode root = JSON.createObjectNode();
        root.put("standard", "HTCDS");
        root.put("standardVersion", "2.0");
        ObjectNode kase = root.putObject("case");
        kase.put("cas_Status", "Active");
        kase.putObject("cas_ReferringOrganisation").put("org_Name", packet.referringOrganisation());
        ObjectNode referred = kase.putObject("cas_ReferredOrganisation");
        referred.put("org_Name", packet.destination().name().in("en"));
        referred.put("org_Type", ORGANISATION_TYPES.get(packet.destination().kind()));
        if (packet.destination().phone() != null && packet.destination().phone().matches("\\+?[0-9-]+")) {
            String e164 = packet.destination().phone().replace("-", "");
            if (e164.matches("^\\+?[1-9]\\d{1,14}$")) {
                referred.put("org_Phone", e164);
            }
        }
        kase.put(
                "cas_OutgoingReferralDate",
                packet.preparedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        kase.put("cas_ReasonForOutgoingReferral", "Anonymous tip about possible human trafficking");
        kase.put(
                "cas_OutgoingReferralDetails",
                "Tipline packet " + packet.packetId() + ", urgency " + packet.urgencyTier() + ", received "
                        + packet.receivedAt() + ". The tipster is anonymous and cannot be contacted directly."
                        + (packet.callbackContact().isBlank()
                                ? ""
                                : " Questions about this referral: " + packet.callbackContact() + "."));

        ObjectNode event = JSON.createObjectNode();
        event.put("hte_Type", "Exploitation");
        if (packet.shares(PacketField.PLACE)) {
            put(event, "hte_Street", packet.place().location());
            put(event, "hte_City", packet.place().city());
            put(event, "hte_State", packet.place().state());
            put(event, "hte_PostalCode", packet.place().zip());
            event.put("hte_Country", "US");
        }
        if (packet.shares(PacketField.DETAILS)) {
            put(event, "hte_Description", packet.details());
        }
        root.putArray("historicTraffickingEvents").add(event);

        ArrayNode persons = root.putArray("persons");
        if (packet.shares(PacketField.PEOPLE)) {
            packet.persons().forEach(person -> persons.add(person(person)));
        }

        ObjectNode tipline = root.putObject("tipline");
        tipline.put("packetId", packet.packetId().toString());
        tipline.put("urgencyTier", packet.urgencyTier());
        tipline.put("receivedAt", packet.receivedAt().toString());
        ArrayNode nibrs = tipline.putArray("nibrsOffenseCodes");
        packet.nibrsOffenses().forEach(nibrs::add);
        if (packet.shares(PacketField.PLACE)) {
            put(tipline, "businessName", packet.place().businessName());
            put(tipline, "placeType", packet.place().type());
        }
        if (packet.shares(PacketField.WHEN)) {
            put(tipline, "seenWhen", packet.seenWhen());
            tipline.put("happeningNow", packet.happeningNow());
        }
        if (packet.shares(PacketField.PEOPLE)) {
            put(tipline, "peopleSummary", packet.peopleSummary());
        }
        if (packet.shares(PacketField.VEHICLES)) {
            put(tipline, "vehiclesSummary", packet.vehiclesSummary());
            ArrayNode vehicles = tipline.putArray("vehicles");
            packet.vehicles().forEach(vehicle -> vehicles.add(vehicle(vehicle)));
        }
        if (packet.shares(PacketField.SIGNS)) {
            ArrayNode signs = tipline.putArray("warningSigns");
            packet.warningSigns().forEach(signs::add);
        }
        if (packet.shares(PacketField.ONLINE)) {
            put(tipline, "onlineDetails", packet.onlineDetails());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static ObjectNode person(PersonSeen person) {
        ObjectNode node = JSON.createObjectNode();
        node.put("prs_Gender", gender(person.sexOrGender()));
        switch (person.role()) {
            case "possible-victim" -> node.put("context", "victim");
            case "possible-controller" -> {
                node.put("context", "perpetrator");
                node.putArray("per_RoleInProcess").add("Exploiter");
            }
            case "buyer" -> {
                node.put("context", "perpetrator");
                node.putArray("per_RoleInProcess").add("Other");
                node.put("per_RoleDetails", "Possible buyer");
            }
            default -> node.put("context", "unknown");
        }
        ObjectNode seen = node.putObject("tipline_seen");
        put(seen, "apparentAge", person.ageRange());
        put(seen, "sexOrGenderAsSeen", person.sexOrGender());
        put(seen, "height", person.height());
        put(seen, "build", person.build());
        put(seen, "hair", person.hair());
        put(seen, "clothing", person.clothing());
        put(seen, "marks", person.marks());
        put(seen, "language", person.language());
        return node;
    }

    private static ObjectNode vehicle(VehicleSeen vehicle) {
        ObjectNode node = JSON.createObjectNode();
        put(node, "make", vehicle.make());
        put(node, "model", vehicle.model());
        put(node, "color", vehicle.color());
        put(node, "plate", vehicle.plate());
        put(node, "plateState", vehicle.plateState());
        put(node, "features", vehicle.features());
        return node;
    }

    /** HTCDS's picklist; what the tipster typed stays in {@code tipline_seen}. */
    private static String gender(String typed) {
        String seen = typed.strip().toLowerCase(Locale.ROOT);
        return switch (seen) {
            case "female", "woman", "girl", "f", "mujer", "niña", "femenino" -> "Female";
            case "male", "man", "boy", "m", "hombre", "niño", "masculino" -> "Male";
            default -> seen.startsWith("trans") || seen.contains("binary") ? "Transgender/NonConforming" : "Unknown";
        };
    }

    private static void put(ObjectNode node, String name, String value) {
        if (value != null && !value.isBlank()) {
            node.put(name, value);
        }
    }
}
