package org.tipline.triage.staff;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a staff password must be: at least 12 characters (NIST SP 800-63B's advice is length, not composition rules),
 * at most 256, not the username, and not a common breached password dressed up with digits, symbols, capitals or
 * letter swaps ("P@ssw0rd2024!" is "password").
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {}

    /**
     * Why the password is refused, as message keys (their words take {@link #MIN_LENGTH} and {@link #MAX_LENGTH} as
     * arguments); empty when it is acceptable.
     */
    public static List<String> problems(String username, String password) {
        List<String> problems = new ArrayList<>();
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add("password.error.short");
            return problems;
        }
        if (length > MAX_LENGTH) {
            problems.add("password.error.long");
            return problems;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isEmpty() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("password.error.username");
        }
        if (isCommon(lower)) {
            problems.add("password.error.common");
        }
        return problems;
    }

    /** Edits (case ignored) within which a new password counts as the old one: an admin knows the one-time one. */
    static final int NEAR_EDITS = 3;

    /** Whether the candidate is the other password, or that one with at most {@value #NEAR_EDITS} edits. */
    static boolean near(String candidate, char[] other) {
        String a = candidate.toLowerCase(Locale.ROOT);
        String b = new String(other).toLowerCase(Locale.ROOT);
        if (Math.abs(a.length() - b.length()) > NEAR_EDITS) {
            return false;
        }
        // Levenshtein distance, one row at a time.
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()] <= NEAR_EDITS;
    }

    private static boolean isCommon(String lower) {
        // Digits and symbols padded on either end are the usual disguise; inside the word they are letter swaps.
        String core = undoSwaps(lower.replaceAll("^[\\d\\W_]+|[\\d\\W_]+$", "")).replaceAll("[^a-z]", "");
        if (core.isEmpty() || core.chars().distinct().count() <= 2) {
            return true;
        }
        if (COMMON.contains(core) || COMMON.contains(lower.replaceAll("[^a-z]", ""))) {
            return true;
        }
        // The same word typed again and again: "dragondragondragon".
        for (int size = 1; size <= core.length() / 2; size++) {
            if (core.length() % size == 0 && core.equals(core.substring(0, size).repeat(core.length() / size))) {
                return COMMON.contains(core.substring(0, size)) || size <= 3;
            }
        }
        return false;
    }

    private static String undoSwaps(String lower) {
        return lower.replace('@', 'a')
                .replace('4', 'a')
                .replace('3', 'e')
                .replace('1', 'i')
                .replace('!', 'i')
                .replace('0', 'o')
                .replace('$', 's')
                .replace('5', 's')
                .replace('7', 't');
    }

    private static Set<String> load() {
        var stream = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt");
        if (stream == null) {
            throw new IllegalStateException("security/common-passwords.txt is missing from the classpath");
        }
        Set<String> words = new HashSet<>();
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""))
                    .filter(word -> !word.isEmpty())
                    .forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
