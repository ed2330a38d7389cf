package org.tipline.triage.referrals.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tipline.model.guidance.Guidance;
import org.tipline.triage.referrals.NibrsPolicy;
import org.tipline.triage.referrals.PacketField;
import org.tipline.triage.referrals.Referrals;

/** The packet form as typed: what to share, with whom, the redacted texts, the NIBRS codes, and what to do. */
public record PacketForm(
        String packetId,
        String destinationId,
        List<String> fields,
        String details,
        String onlineDetails,
        List<String> nibrs,
        String action) {

    static final int MAX_TEXT = 20_000;
    private static final Set<String> ACTIONS = Set.of("pdf", "json", "email");
    private static final Set<String> CODES = Set.of(NibrsPolicy.COMMERCIAL_SEX_ACTS, NibrsPolicy.INVOLUNTARY_SERVITUDE);

    public PacketForm {
        packetId = packetId == null ? "" : packetId.strip();
        destinationId = destinationId == null ? "" : destinationId.strip();
        fields = fields == null ? List.of() : List.copyOf(fields);
        details = details == null ? "" : details.replace("\r\n", "\n");
        onlineDetails = onlineDetails == null ? "" : onlineDetails.replace("\r\n", "\n");
        nibrs = nibrs == null ? List.of() : List.copyOf(nibrs);
        action = action == null ? "" : action;
    }

    static PacketForm of(Referrals.PacketRequest request) {
        return new PacketForm(
                request.packetId().toString(),
                request.destinationId(),
                request.fields().stream().map(Enum::name).toList(),
                request.details(),
                request.onlineDetails(),
                request.nibrs(),
                "");
    }

    Map<String, String> validate(Guidance guidance) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (guidance.destination(destinationId).isEmpty()) {
            errors.put("destinationId", "Choose who the packet is for.");
        }
        if (fields.isEmpty()) {
            errors.put("fields", "Choose at least one thing to share.");
        } else if (!fields.stream()
                .allMatch(f -> EnumSet.allOf(PacketField.class).stream()
                        .anyMatch(known -> known.name().equals(f)))) {
            errors.put("fields", "One of the choices is not offered here; choose from the list.");
        }
        text("details", "description", details, errors);
        text("onlineDetails", "online details", onlineDetails, errors);
        if (!CODES.containsAll(nibrs)) {
            errors.put("nibrs", "Only the NIBRS codes 64A and 64B can be given.");
        }
        if (!ACTIONS.contains(action)) {
            errors.put("action", "Choose to download the PDF or the JSON, or to send the packet by email.");
        }
        return errors;
    }

    Referrals.PacketRequest toRequest() {
        Set<PacketField> chosen = EnumSet.noneOf(PacketField.class);
        fields.forEach(f -> chosen.add(PacketField.valueOf(f)));
        return new Referrals.PacketRequest(
                packetUuid(), destinationId, chosen, details.strip(), onlineDetails.strip(), List.copyOf(nibrs));
    }

    /** The id the page was given, so the forward can be recorded with it; a new one if it was tampered with. */
    UUID packetUuid() {
        try {
            return UUID.fromString(packetId);
        } catch (IllegalArgumentException e) {
            return UUID.randomUUID();
        }
    }

    public boolean shares(PacketField field) {
        return fields.contains(field.name());
    }

    private static void text(String field, String what, String value, Map<String, String> errors) {
        if (value.length() > MAX_TEXT) {
            errors.put(field, "The " + what + " is " + value.length() + " characters; the limit is " + MAX_TEXT + ".");
        } else if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            errors.put(field, "The " + what + " contains control characters.");
        }
    }
}
