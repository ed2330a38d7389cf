package org.tipline.model.guidance;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every seed check shares: the problems found so far, the deployment's languages, and the small rules (ids,
 * required values, texts in every language) that each file's checks apply.
 */
abstract class SeedCheck {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*|[A-Z][A-Z0-9_]*");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9-]{1,19}");

    final Guidance guidance;
    private final GuidanceLoader.Source source;
    private final List<String> problems;

    SeedCheck(GuidanceLoader.Source source, Guidance guidance, List<String> problems) {
        this.source = source;
        this.guidance = guidance;
        this.problems = problems;
    }

    /** The deployment's languages, or none while deployment.yaml lacks them (its own check reports that). */
    List<String> languages() {
        Deployment d = guidance.deployment();
        return d == null || d.languages() == null ? List.of() : d.languages();
    }

    void id(String file, String at, String id, Set<String> seen) {
        if (!require(file, at, id)) {
            return;
        }
        if (!ID.matcher(id).matches()) {
            problem(file, at, "'" + id + "' must be lower-case-with-dashes or UPPER_CASE");
        } else if (!seen.add(id)) {
            problem(file, at, "'" + id + "' is used twice");
        }
    }

    void tierReference(String file, String at, String tier, Set<String> tierIds) {
        if (require(file, at, tier) && !tierIds.contains(tier)) {
            problem(file, at, "'" + tier + "' is not a tier in " + GuidanceLoader.URGENCY);
        }
    }

    void phone(String at, String number) {
        if (number != null && !PHONE.matcher(number).matches()) {
            problem(
                    GuidanceLoader.REFERRALS,
                    at,
                    "'" + number + "' is not a phone number (digits, dashes, optional +)");
        }
    }

    void text(String file, String at, LocalizedText text) {
        if (!require(file, at, text)) {
            return;
        }
        for (String language : languages()) {
            String value = text.values().get(language);
            if (value == null || value.isBlank()) {
                problem(file, at + "." + language, "missing text in language '" + language + "'");
            }
        }
    }

    boolean list(String file, String at, List<?> values) {
        if (values == null || values.isEmpty()) {
            problem(file, at, "must list at least one entry");
            return false;
        }
        return true;
    }

    boolean require(String file, String at, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            problem(file, at, "is required");
            return false;
        }
        return true;
    }

    void problem(String file, String at, String message) {
        problems.add(source.describe(file) + ": " + at + ": " + message);
    }
}
