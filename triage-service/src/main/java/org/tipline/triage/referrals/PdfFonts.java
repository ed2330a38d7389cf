package org.tipline.triage.referrals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fonts a packet is printed in. PDFBox's standard fonts cover Western European text only, so packets embed
 * TrueType fonts read from files: each character prints in the first font that has it (DejaVu Sans covers Latin,
 * Greek, Cyrillic, Hebrew, Arabic and the common emoji; Droid Sans Fallback covers Chinese, Japanese and Korean). Only
 * the glyphs used are embedded. Without any of the files the packet falls back to Helvetica and prints "?" for what
 * it lacks, as the packet itself then says; a warning at start-up names the missing files.
 */
public final class PdfFonts {

    /** Debian's fonts-dejavu-core and fonts-droid-fallback, which CI installs; operators may list others. */
    public static final List<Path> DEFAULT_FILES = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"));

    private static final Logger LOG = LoggerFactory.getLogger(PdfFonts.class);
    private static final PdfFonts SYSTEM = load(DEFAULT_FILES);

    private final List<byte[]> files;

    private PdfFonts(List<byte[]> files) {
        this.files = List.copyOf(files);
    }

    /** The default files, read once. */
    public static PdfFonts system() {
        return SYSTEM;
    }

    /** Reads the font files that exist; a missing or unreadable one is skipped with a warning naming it. */
    public static PdfFonts load(List<Path> paths) {
        List<byte[]> read = new ArrayList<>();
        for (Path path : paths) {
            try {
                read.add(Files.readAllBytes(path));
            } catch (IOException e) {
                LOG.warn("Packet PDF font {} cannot be read; characters only it has will print as ?", path);
            }
        }
        if (read.isEmpty()) {
            LOG.warn("No packet PDF font found in {}; packets print Western European text only", paths);
        }
        return new PdfFonts(read);
    }

    /** Whether any embeddable font was found. */
    public boolean embedsFonts() {
        return !files.isEmpty();
    }

    /** The fonts for one document; each is parsed and embedded only when a character needs it. */
    Chain forDocument(PDDocument document) {
        return new Chain(document);
    }

    /** Picks, per character, the first font that can print it. */
    final class Chain {
        private final PDDocument document;
        private final TrueTypeFont[] parsed = new TrueTypeFont[files.size()];
        private final PDFont[] embedded = new PDFont[files.size()];
        private final PDFont standard = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

        private Chain(PDDocument document) {
            this.document = document;
        }

        /** The font for this character, or null when none has it. */
        PDFont fontFor(int codePoint) {
            try {
                for (int i = 0; i < files.size(); i++) {
                    if (parsed(i).getUnicodeCmapLookup().getGlyphId(codePoint) > 0) {
                        if (embedded[i] == null) {
                            embedded[i] = PDType0Font.load(document, parsed(i), true);
                        }
                        return embedded[i];
                    }
                }
                String character = Character.toString(codePoint);
                standard.encode(character);
                return standard;
            } catch (IllegalArgumentException unencodable) {
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The font "?" prints in. */
        PDFont fallback() {
            PDFont font = fontFor('?');
            return font == null ? standard : font;
        }

        private TrueTypeFont parsed(int i) throws IOException {
            if (parsed[i] == null) {
                parsed[i] = new TTFParser().parse(new RandomAccessReadBuffer(files.get(i)));
            }
            return parsed[i];
        }

        /** Closes the parsed fonts once the document is saved. */
        void close() throws IOException {
            for (TrueTypeFont font : parsed) {
                if (font != null) {
                    font.close();
                }
            }
        }
    }
}
