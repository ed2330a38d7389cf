package org.tipline.intake.followup;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Keeps a PDF as pictures of its pages: each page is drawn here and the new document holds nothing but one freshly
 * encoded JPEG per page. Nothing of the original survives except what a reader sees: no metadata, no embedded files
 * or photos with their EXIF, no scripts, no document id. A page that cannot be drawn legibly within a fixed pixel
 * budget (a "page bomb") is refused, so the console never has to draw more than that either.
 */
final class PdfAsPictures {

    /** Four megapixels: an A4 or Letter page at 150 dpi is about 2.2. */
    static final long MAX_PAGE_PIXELS = 4_000_000L;

    static final float DPI = 150;
    /** Below this a page of text can no longer be read, so a page needing less to fit the budget is refused. */
    static final float MIN_DPI = 50;

    private static final float POINTS_PER_INCH = 72;
    /** The drawn page (RGB ints) plus the renderer's own working copy. */
    private static final long BYTES_PER_PIXEL = 8;

    private PdfAsPictures() {}

    /** Thrown for a page too large to draw within the budget. */
    static final class PageTooLarge extends Exception {
        PageTooLarge() {
            super("page cannot be drawn within the pixel budget");
        }
    }

    /** The resolution at which {@code page} fits the budget, at most {@link #DPI}. */
    static float dpiFor(PDPage page) throws PageTooLarge {
        PDRectangle box = page.getCropBox();
        double squareInches = (double) box.getWidth() * box.getHeight() / (POINTS_PER_INCH * POINTS_PER_INCH);
        if (!(squareInches > 0)) {
            throw new PageTooLarge();
        }
        double dpi = Math.min(DPI, Math.sqrt(MAX_PAGE_PIXELS / squareInches));
        if (dpi < MIN_DPI) {
            throw new PageTooLarge();
        }
        return (float) dpi;
    }

    static byte[] redraw(PDDocument original, UploadMemory.Share memory)
            throws IOException, PageTooLarge, UploadMemory.Busy, InterruptedException {
        for (PDPage page : original.getPages()) {
            dpiFor(page);
        }
        var renderer = new PDFRenderer(original);
        renderer.setSubsamplingAllowed(true);
        try (var copy = new PDDocument()) {
            for (int i = 0; i < original.getNumberOfPages(); i++) {
                float dpi = dpiFor(original.getPage(i));
                memory.grow(MAX_PAGE_PIXELS * BYTES_PER_PIXEL);
                BufferedImage drawn = renderer.renderImageWithDPI(i, dpi, ImageType.RGB);
                var picture = JPEGFactory.createFromImage(copy, drawn, 0.85f);
                memory.shrink(MAX_PAGE_PIXELS * BYTES_PER_PIXEL);
                memory.grow(picture.getCOSObject().getLength());
                var size = new PDRectangle(
                        drawn.getWidth() * POINTS_PER_INCH / dpi, drawn.getHeight() * POINTS_PER_INCH / dpi);
                var page = new PDPage(size);
                copy.addPage(page);
                try (var content = new PDPageContentStream(copy, page)) {
                    content.drawImage(picture, 0, 0, size.getWidth(), size.getHeight());
                }
            }
            var out = new ByteArrayOutputStream();
            copy.save(out);
            return out.toByteArray();
        }
    }
}
