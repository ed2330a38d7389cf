package org.tipline.model.tip;

import java.util.List;

/**
 * One person as the tipster saw them. Every field is optional; {@code role} and {@code ageRange} are option ids
 * (roles below, ages from the questionnaire's youngest-age question), the rest is what was typed.
 */
public record PersonSeen(
        String role,
        String ageRange,
        String sexOrGender,
        String height,
        String build,
        String hair,
        String clothing,
        String marks,
        String language) {

    public static final List<String> ROLES = List.of("possible-victim", "possible-controller", "buyer", "unknown");
    public static final int MAX_FIELD_LENGTH = 300;

    public PersonSeen {
        role = trim(role);
        ageRange = trim(ageRange);
        sexOrGender = trim(sexOrGender);
        height = trim(height);
        build = trim(build);
        hair = trim(hair);
        clothing = trim(clothing);
        marks = trim(marks);
        language = trim(language);
    }

    public boolean isEmpty() {
        return (role + ageRange + sexOrGender + height + build + hair + clothing + marks + language).isEmpty();
    }

    /** The typed fields by name, for validation and display. */
    public List<String> typed() {
        return List.of(sexOrGender, height, build, hair, clothing, marks, language);
    }

    /** A typed field by its name, for pages that list the fields in a loop. */
    public String field(String name) {
        return switch (name) {
            case "sexOrGender" -> sexOrGender;
            case "height" -> height;
            case "build" -> build;
            case "hair" -> hair;
            case "clothing" -> clothing;
            case "marks" -> marks;
            case "language" -> language;
            default -> throw new IllegalArgumentException("no field " + name);
        };
    }

    private static String trim(String value) {
        return TipText.clean(value);
    }
}
