package org.tipline.triage.tips;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Shows a PDF a tipster added as page images drawn here, so no outside viewer, plug-in or script in the document ever
 * runs on a coordinator's machine. Everything happens in memory.
 */
public final class PdfPages {

    private static final long MEMORY = 128L * 1024 * 1024;
    private static final float DPI = 110;

    private PdfPages() {}

    public record Page(int number, int of, byte[] png) {}

    /** Renders page {@code number} (from 1); a number past the end gives the last page. */
    public static Page render(byte[] pdf, int number) {
        try (var document =
                Loader.loadPDF(pdf, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(MEMORY).streamCache)) {
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new IllegalArgumentException("the PDF has no pages");
            }
            int shown = Math.max(1, Math.min(number, pages));
            var image = new PDFRenderer(document).renderImageWithDPI(shown - 1, DPI);
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return new Page(shown, pages, out.toByteArray());
        } catch (IOException e) {
            throw new IllegalArgumentException("the PDF cannot be shown", e);
        }
    }
}
