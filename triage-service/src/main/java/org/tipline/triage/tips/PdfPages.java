package org.tipline.triage.tips;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Shows a PDF a tipster added as page images drawn here, so no outside viewer, plug-in or script in the document ever
 * runs on a coordinator's machine. Everything happens in memory, within a fixed pixel budget per page and a number of
 * drawings at once derived from the heap, so a hostile PDF stored before intake redrew PDFs as pictures (a "page
 * bomb") cannot take the console down: a page too large to draw legibly within the budget is refused, and a drawing
 * that finds no room in time is told to try again.
 */
public final class PdfPages {

    /** The same four megapixels intake draws a page within. */
    static final long MAX_PAGE_PIXELS = 4_000_000L;

    private static final long STREAM_MEMORY = 32L * 1024 * 1024;
    /** The page (RGB ints), the renderer's working copy and the PNG being written, plus the document's streams. */
    private static final long MEMORY_PER_DRAWING = MAX_PAGE_PIXELS * 12 + STREAM_MEMORY;

    private static final float DPI = 110;
    private static final float MIN_DPI = 30;
    private static final double POINTS_PER_INCH = 72;
    private static final Semaphore DRAWINGS =
            new Semaphore(drawingsAtOnce(Runtime.getRuntime().maxMemory()), true);
    private static final long WAIT_SECONDS = 5;

    private PdfPages() {}

    public record Page(int number, int of, byte[] png) {}

    /** No drawing could start in time; the coordinator is asked to try again in a moment. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("other PDF pages are being drawn");
        }
    }

    /** The file is not a PDF that can be drawn here (unreadable, empty, or a page too large); shown as not found. */
    public static final class Unshowable extends RuntimeException {
        Unshowable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** A quarter of the heap for drawings at once, and always at least one. */
    static int drawingsAtOnce(long maxHeapBytes) {
        return (int) Math.max(1, maxHeapBytes / 4 / MEMORY_PER_DRAWING);
    }

    /** Renders page {@code number} (from 1); a number past the end gives the last page. */
    public static Page render(byte[] pdf, int number) {
        return inTurn(pdf, number, true);
    }

    /** Which page {@code number} shows and of how many, checked drawable within the budget but not drawn. */
    public static Page locate(byte[] pdf, int number) {
        return inTurn(pdf, number, false);
    }

    private static Page inTurn(byte[] pdf, int number, boolean drawn) {
        try {
            if (!DRAWINGS.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        try {
            return open(pdf, number, drawn);
        } finally {
            DRAWINGS.release();
        }
    }

    private static Page open(byte[] pdf, int number, boolean drawn) {
        try (var document = Loader.loadPDF(
                pdf, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(STREAM_MEMORY).streamCache)) {
            int pages = document.getNumberOfPages();
            if (pages == 0) {
                throw new Unshowable("the PDF has no pages", null);
            }
            int shown = Math.max(1, Math.min(number, pages));
            float dpi = dpiFor(document.getPage(shown - 1).getCropBox());
            if (!drawn) {
                return new Page(shown, pages, new byte[0]);
            }
            var renderer = new PDFRenderer(document);
            renderer.setSubsamplingAllowed(true);
            var image = renderer.renderImageWithDPI(shown - 1, dpi, ImageType.RGB);
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return new Page(shown, pages, out.toByteArray());
        } catch (IOException e) {
            throw new Unshowable("the PDF cannot be shown", e);
        }
    }

    /** At most {@link #DPI}, less for a large page; a page that needs less than {@link #MIN_DPI} is refused. */
    static float dpiFor(PDRectangle box) {
        double squareInches = (double) box.getWidth() * box.getHeight() / (POINTS_PER_INCH * POINTS_PER_INCH);
        double dpi = squareInches > 0 ? Math.min(DPI, Math.sqrt(MAX_PAGE_PIXELS / squareInches)) : 0;
        if (dpi < MIN_DPI) {
            throw new Unshowable("the page is too large to draw", null);
        }
        return (float) dpi;
    }
}
