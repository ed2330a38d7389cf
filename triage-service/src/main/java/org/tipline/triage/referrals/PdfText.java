package org.tipline.triage.referrals;

import java.io.IOException;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Lines of packet text laid out for PDFBox: font runs, wrapping by measured width, right-to-left order. */
final class PdfText {

    private PdfText() {}

    /** A stretch of text printed in one font. */
    record Run(String text, PDFont font) {}

    /** Control characters become spaces, and a character no font has becomes "?". */
    static String printable(String text, PdfFonts.Chain fonts) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(' ');
            } else if (fonts.fontFor(cp) == null) {
                out.append('?');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Splits printable text into runs, each in the first font that has its characters. */
    static List<Run> runs(String text, PdfFonts.Chain fonts) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        PDFont currentFont = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            PDFont font = fonts.fontFor(cp);
            if (font == null) {
                font = fonts.fallback();
                cp = '?';
            }
            if (font != currentFont && !current.isEmpty()) {
                runs.add(new Run(current.toString(), currentFont));
                current.setLength(0);
            }
            currentFont = font;
            current.appendCodePoint(cp);
            i += Character.charCount(text.codePointAt(i));
        }
        if (!current.isEmpty()) {
            runs.add(new Run(current.toString(), currentFont));
        }
        return runs;
    }

    static float width(String text, PdfFonts.Chain fonts, float size) throws IOException {
        float width = 0;
        for (Run run : runs(text, fonts)) {
            width += run.font().getStringWidth(run.text()) / 1000 * size;
        }
        return width;
    }

    /**
     * PDF text is drawn left to right as given, so a line with Hebrew or Arabic is put in the order it is seen in;
     * text extraction puts it back in reading order.
     */
    static String visualOrder(String line) {
        char[] chars = line.toCharArray();
        if (!Bidi.requiresBidi(chars, 0, chars.length)) {
            return line;
        }
        Bidi bidi = new Bidi(line, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        int count = bidi.getRunCount();
        byte[] levels = new byte[count];
        String[] pieces = new String[count];
        for (int i = 0; i < count; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            String piece = line.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
            pieces[i] = (levels[i] & 1) == 1 ? reversed(piece) : piece;
        }
        Bidi.reorderVisually(levels, 0, pieces, 0, count);
        return String.join("", pieces);
    }

    private static String reversed(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> out.insert(0, Character.toChars(cp)));
        return out.toString();
    }

    /** Wraps at spaces to the width; a single word wider than the line (a long URL) is cut into pieces that fit. */
    static List<String> wrap(String text, PdfFonts.Chain fonts, float size, float width) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, fonts, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                out.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(rest, fonts, size) > width) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), fonts, size) > width) {
                    cut--;
                }
                if (Character.isHighSurrogate(rest.charAt(cut - 1))) {
                    cut--;
                }
                out.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        out.add(line.toString());
        return out;
    }
}
