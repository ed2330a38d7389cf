package org.tipline.triage.tips.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The small forms of the tip page, each bound from its request parameters; missing ones bind as empty. */
final class TipForms {

    private TipForms() {}

    private static String typed(String value) {
        return value == null ? "" : value;
    }

    /** A tip id as typed into the case forms, or null. */
    static UUID tipId(String typed) {
        try {
            return UUID.fromString(typed.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    record Labels(String labels, String version) implements VersionedForm {
        Labels {
            labels = typed(labels);
            version = typed(version);
        }

        /** Comma- or space-separated, lowercased, without repeats. */
        List<String> parsed() {
            return Arrays.stream(labels.split("[,\\s]+"))
                    .map(String::strip)
                    .map(s -> s.toLowerCase(Locale.ROOT))
                    .filter(s -> !s.isEmpty())
                    .distinct()
                    .toList();
        }
    }

    record Assignee(String assignee, String version) implements VersionedForm {
        Assignee {
            assignee = typed(assignee);
            version = typed(version);
        }
    }

    record Note(String note) {
        Note {
            note = typed(note);
        }
    }

    record Question(String message) {
        Question {
            message = typed(message);
        }
    }

    /** Another tip of the same case. */
    record SameCase(String other) {
        SameCase {
            other = typed(other);
        }
    }

    /** The tip this one repeats. */
    record Duplicate(String of, String version) implements VersionedForm {
        Duplicate {
            of = typed(of);
            version = typed(version);
        }
    }
}
