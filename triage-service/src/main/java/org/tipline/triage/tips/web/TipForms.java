package org.tipline.triage.tips.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The small forms of the tip page, each bound from its request parameters; missing ones bind as empty. */
final class TipForms {

    private TipForms() {}

    private static String typed(String value) {
        return value == null ? "" : value;
    }

    /** What names the other tip: the typed short id if any, else the tip picked from the list. */
    private static String chosen(String typed, String picked) {
        return typed.isBlank() ? picked : typed;
    }

    record Labels(String labels, String version) implements VersionedForm {
        Labels {
            labels = typed(labels);
            version = typed(version);
        }

        /** Comma-separated, each as {@link #asLabel}, without repeats. */
        List<String> parsed() {
            return Arrays.stream(labels.split(","))
                    .map(TipForms::asLabel)
                    .filter(s -> !s.isEmpty())
                    .distinct()
                    .toList();
        }
    }

    /**
     * A typed label as it is kept: lowercase, the spaces inside it made dashes, so "Niña en peligro" stays one label
     * ("niña-en-peligro") instead of becoming three.
     */
    static String asLabel(String typed) {
        return typed.strip().replaceAll("\\s+", "-").toLowerCase(Locale.ROOT);
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

    /** A question typed, or one of the seeds' canned questions ("id:language") sent when nothing was typed. */
    record Question(String message, String canned) {
        Question {
            message = typed(message);
            canned = typed(canned);
        }
    }

    /** Another tip of the same case, typed or picked. */
    record SameCase(String other, String picked) {
        SameCase {
            other = typed(other);
            picked = typed(picked);
        }

        String chosen() {
            return TipForms.chosen(other, picked);
        }
    }

    /** The tip this one repeats, typed or picked. */
    record Duplicate(String of, String picked, String version) implements VersionedForm {
        Duplicate {
            of = typed(of);
            picked = typed(picked);
            version = typed(version);
        }

        String chosen() {
            return TipForms.chosen(of, picked);
        }
    }
}
