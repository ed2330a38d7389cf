package org.tipline.model.linking;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns what different tipsters type about the same thing into the same string, so blind indexes can link their
 * tips. Normalization may merge a few distinct values (O and 0 on a plate); every match is confirmed by decrypting
 * both tips before a coordinator sees it.
 */
public final class Normalizers {

    private static final Set<String> US_STATES = Set.of(
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
            "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH",
            "OK", "OR", "PA", "PR", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY");

    /** USPS standard abbreviations for the words that vary most in street addresses. */
    private static final Map<String, String> ADDRESS_WORDS = Map.ofEntries(
            Map.entry("street", "st"),
            Map.entry("avenue", "ave"),
            Map.entry("av", "ave"),
            Map.entry("road", "rd"),
            Map.entry("boulevard", "blvd"),
            Map.entry("drive", "dr"),
            Map.entry("lane", "ln"),
            Map.entry("court", "ct"),
            Map.entry("place", "pl"),
            Map.entry("terrace", "ter"),
            Map.entry("highway", "hwy"),
            Map.entry("route", "rte"),
            Map.entry("rt", "rte"),
            Map.entry("parkway", "pkwy"),
            Map.entry("square", "sq"),
            Map.entry("north", "n"),
            Map.entry("south", "s"),
            Map.entry("east", "e"),
            Map.entry("west", "w"),
            Map.entry("suite", "ste"),
            Map.entry("apartment", "apt"),
            Map.entry("unit", "apt"),
            Map.entry("and", "&"));

    private static final Set<String> BUSINESS_SUFFIXES =
            Set.of("llc", "inc", "incorporated", "corp", "corporation", "co", "company", "ltd");

    private Normalizers() {}

    /** {@code CT:AB1234}: state code and plate characters; O reads as 0 and I as 1, since witnesses confuse them. */
    public static Optional<String> plate(String state, String number) {
        if (state == null || number == null) {
            return Optional.empty();
        }
        String stateCode = state.strip().toUpperCase(Locale.ROOT);
        String plate = number.toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9]", "")
                .replace('O', '0')
                .replace('I', '1');
        if (!US_STATES.contains(stateCode) || plate.isEmpty() || plate.length() > 8) {
            return Optional.empty();
        }
        return Optional.of(stateCode + ":" + plate);
    }

    /** E.164. Ten-digit numbers and eleven digits starting with 1 are North American; others need a leading +. */
    public static Optional<String> phone(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String trimmed = typed.strip();
        String digits = trimmed.replaceAll("[^0-9]", "");
        if (trimmed.startsWith("+")) {
            return digits.length() >= 8 && digits.length() <= 15 ? Optional.of("+" + digits) : Optional.empty();
        }
        if (digits.length() == 10) {
            return Optional.of("+1" + digits);
        }
        if (digits.length() == 11 && digits.startsWith("1")) {
            return Optional.of("+" + digits);
        }
        return Optional.empty();
    }

    /** Lower case, punctuation dropped, USPS abbreviations, one space between words. */
    public static Optional<String> address(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String normalized = Arrays.stream(typed.toLowerCase(Locale.ROOT)
                        .replace("&", " and ")
                        .replaceAll("[.,#']", " ")
                        .strip()
                        .split("\\s+"))
                .filter(word -> !word.isEmpty())
                .map(word -> ADDRESS_WORDS.getOrDefault(word, word))
                .collect(Collectors.joining(" "));
        return normalized.isEmpty() ? Optional.empty() : Optional.of(normalized);
    }

    /**
     * Host without "www.", scheme and default port dropped, path kept (paths are case-sensitive), query parameters
     * kept except tracking ones, fragment and trailing slash dropped.
     */
    public static Optional<String> url(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String candidate = typed.strip();
        if (!candidate.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            candidate = "http://" + candidate;
        }
        try {
            URI uri = new URI(candidate);
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            String host = uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            String query = uri.getRawQuery() == null
                    ? ""
                    : Arrays.stream(uri.getRawQuery().split("&"))
                            .filter(parameter ->
                                    !parameter.toLowerCase(Locale.ROOT).matches("(utm_[a-z]+|fbclid|gclid)(=.*)?"))
                            .sorted()
                            .collect(Collectors.joining("&"));
            return Optional.of(host + path + (query.isEmpty() ? "" : "?" + query));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Lower case, punctuation and legal suffixes dropped: "Golden Lotus Spa, LLC" and "golden lotus spa" match. */
    public static Optional<String> businessName(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String normalized = Arrays.stream(typed.toLowerCase(Locale.ROOT)
                        .replace("&", " and ")
                        .replaceAll("[^\\p{L}\\p{N} ]", " ")
                        .strip()
                        .split("\\s+"))
                .filter(word -> !word.isEmpty() && !BUSINESS_SUFFIXES.contains(word))
                .collect(Collectors.joining(" "));
        return normalized.isEmpty() ? Optional.empty() : Optional.of(normalized);
    }
}
