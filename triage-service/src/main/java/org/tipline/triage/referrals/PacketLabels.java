package org.tipline.triage.referrals;

import java.util.List;
import java.util.Map;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.guidance.LocalizedText;

/**
 * What the printed packet shows instead of codes: the seeds' own labels in every language of the deployment
 * ("Hotel or motel / Hotel o motel"), so a destination reads words, whichever language it works in. The JSON keeps the
 * codes, which machines read.
 */
public final class PacketLabels {

    /** A person's role is a fixed list in the tip model, not in the seeds; its words are the public form's. */
    private static final Map<String, Map<String, String>> ROLES = Map.of(
            "possible-victim", Map.of("en", "Possibly being exploited", "es", "Posiblemente explotada"),
            "possible-controller",
                    Map.of("en", "Possibly in control of others", "es", "Posiblemente controla a otras personas"),
            "buyer", Map.of("en", "Possibly a buyer", "es", "Posiblemente un comprador o cliente"),
            "unknown", Map.of("en", "Role unclear", "es", "No se sabe"));

    private final Guidance guidance;
    private final List<String> languages;

    private PacketLabels(Guidance guidance) {
        this.guidance = guidance;
        this.languages = guidance.deployment().languages();
    }

    public static PacketLabels from(Guidance guidance) {
        return new PacketLabels(guidance);
    }

    /** An option of one of the questionnaire's choice questions, e.g. place-type or youngest-age. */
    public String option(String question, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return guidance.questionnaire()
                .question(question)
                .flatMap(q ->
                        q.options().stream().filter(o -> o.id().equals(code)).findFirst())
                .map(o -> every(o.label()))
                .orElse(code);
    }

    public String role(String code) {
        Map<String, String> words = ROLES.get(code);
        return words == null ? code : every(new LocalizedText(words));
    }

    public String tier(String id) {
        return every(guidance.urgency().tier(id).label());
    }

    public String destination(String id) {
        return guidance.destination(id).map(d -> every(d.name())).orElse(id);
    }

    /** The text in each language of the deployment, each once. */
    private String every(LocalizedText text) {
        return String.join(
                " / ",
                languages.stream()
                        .map(text::in)
                        .filter(s -> !s.isBlank())
                        .distinct()
                        .toList());
    }
}
