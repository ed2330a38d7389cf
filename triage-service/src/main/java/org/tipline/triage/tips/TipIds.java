package org.tipline.triage.tips;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tipline.triage.persistence.JdbcAccess;

/**
 * Finds the tip a coordinator means from what they typed: the short id the console shows ("Tip 1a2b3c4d"), any longer
 * start of the id, or the whole id. A start that two tips share, or that no tip has, is refused with a message code
 * (the console's messages, with what was typed as the argument) rather than guessed.
 */
@JdbcAccess(JdbcAccess.Use.READ_MODEL)
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TipIds {

    /** How many characters of a tip's id the console shows. */
    public static final int SHORT = 8;

    /** Shorter starts would match too many tips to be worth a query. */
    private static final int SHORTEST = 4;

    /** What may stand before the id: the console's word for a tip, in English or Spanish, and a "#". */
    private static final Pattern SHOWN = Pattern.compile("^(tip|aviso)?\\s*#?\\s*");

    private static final Pattern ID_START = Pattern.compile("[0-9a-f]{" + SHORTEST + ",8}(-[0-9a-f]{0,12}){0,4}");

    private final JdbcClient jdbc;

    /** The tip found, or why none is: {@code problem} is a message code taking what was typed. */
    public record Resolution(UUID id, String problem) {
        public boolean found() {
            return id != null;
        }
    }

    public Resolution resolve(String typed) {
        String start = SHOWN.matcher(typed.strip().toLowerCase(Locale.ROOT)).replaceFirst("");
        if (start.isEmpty()) {
            return new Resolution(null, "tipId.error.blank");
        }
        if (start.length() > 36 || !ID_START.matcher(start).matches()) {
            return new Resolution(null, "tipId.error.malformed");
        }
        List<UUID> matches = jdbc.sql("SELECT id FROM tip WHERE id::text LIKE :start ORDER BY id LIMIT 2")
                .param("start", start + "%")
                .query(UUID.class)
                .list();
        return switch (matches.size()) {
            case 0 -> new Resolution(null, "tipId.error.unknown");
            case 1 -> new Resolution(matches.get(0), null);
            default -> new Resolution(null, "tipId.error.ambiguous");
        };
    }
}
