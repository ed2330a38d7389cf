package org.tipline.model.tip;

/**
 * A tipster's or caller's text as staff will read it: trimmed, without control characters (a NUL, a bell or a terminal
 * escape has no place in a tip) and without bidirectional embeddings and overrides, which could make a coordinator read
 * a place or a plate backwards. Line breaks and tabs stay; so does right-to-left script, which needs none of these.
 */
public final class TipText {

    private TipText() {}

    public static String clean(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder(value.length());
        value.codePoints().filter(TipText::readable).forEach(kept::appendCodePoint);
        return kept.toString().strip();
    }

    private static boolean readable(int codePoint) {
        if (codePoint == '\n' || codePoint == '\t') {
            return true;
        }
        boolean embeddingOrOverride = codePoint >= 0x202A && codePoint <= 0x202E;
        return !Character.isISOControl(codePoint) && !embeddingOrOverride;
    }
}
