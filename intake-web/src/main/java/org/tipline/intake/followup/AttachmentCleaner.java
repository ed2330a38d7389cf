package org.tipline.intake.followup;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;

/**
 * Makes an uploaded file safe to keep, in memory only. The type comes from the file's first bytes, never from its
 * name or the browser's claim. Photos are decoded and encoded again from pixels alone, so EXIF, GPS position,
 * camera serial numbers and timestamps are gone; a picture whose header promises more pixels than any phone takes is
 * refused before it is decoded (a decompression bomb), and a large one is decoded subsampled. PDFs are kept as
 * pictures of their pages ({@link PdfAsPictures}); encrypted or oversized ones are refused. Every decode first takes
 * its memory from the budget shared by all uploads, so concurrent uploads wait or are refused instead of exhausting
 * the heap.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AttachmentCleaner {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    static final long MAX_PIXELS = 50_000_000L;
    static final int MAX_SIDE = 12_000;
    static final int MAX_PDF_PAGES = 100;
    /** Larger photos are decoded subsampled to about this many pixels: plenty for a coordinator to see what it shows. */
    static final long MAX_DECODED_PIXELS = 16_000_000L;
    /** The decoded picture plus the clean copy drawn from it, four bytes a pixel each. */
    private static final long BYTES_PER_DECODED_PIXEL = 8;

    private static final long PDF_MEMORY = 64L * 1024 * 1024;

    public enum Refusal {
        EMPTY,
        TOO_BIG,
        NOT_ALLOWED,
        TOO_MANY_PIXELS,
        DAMAGED,
        PROTECTED,
        BUSY
    }

    public record Cleaned(String mediaType, byte[] content) {}

    /** Thrown with the reason a file cannot be kept; the tipster is told which file and why. */
    public static class RefusedException extends Exception {
        private final Refusal refusal;

        RefusedException(Refusal refusal) {
            super(refusal.name());
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    static {
        // ImageIO caches streams in temporary files by default, and PDFBox's JPEG writer goes through it: that would
        // put a tipster's pixels on disk unencrypted.
        ImageIO.setUseCache(false);
    }

    private final UploadMemory memory;

    /** Cleans one file, taking its decoding memory from {@code share}; BUSY when the shared budget stays full. */
    public Cleaned clean(byte[] upload, UploadMemory.Share share) throws RefusedException, InterruptedException {
        if (upload.length == 0) {
            throw new RefusedException(Refusal.EMPTY);
        }
        if (upload.length > MAX_BYTES) {
            throw new RefusedException(Refusal.TOO_BIG);
        }
        if (startsWith(upload, 0xFF, 0xD8, 0xFF)) {
            return new Cleaned("image/jpeg", reencode(upload, "jpeg", share));
        }
        if (startsWith(upload, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return new Cleaned("image/png", reencode(upload, "png", share));
        }
        if (startsWith(upload, '%', 'P', 'D', 'F', '-')) {
            return new Cleaned("application/pdf", redraw(upload, share));
        }
        throw new RefusedException(Refusal.NOT_ALLOWED);
    }

    private byte[] reencode(byte[] upload, String format, UploadMemory.Share share)
            throws RefusedException, InterruptedException {
        // Held in memory explicitly: ImageIO's default stream caches what it reads in a temporary file.
        try (var input = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new RefusedException(Refusal.DAMAGED);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
                    throw new RefusedException(Refusal.TOO_MANY_PIXELS);
                }
                int step = subsampling(width * height);
                long cost = (width / step + 1) * (height / step + 1) * BYTES_PER_DECODED_PIXEL;
                share.grow(cost);
                var parameters = reader.getDefaultReadParam();
                parameters.setSourceSubsampling(step, step, 0, 0);
                byte[] encoded = write(pixelsOnly(reader.read(0, parameters), format), format);
                share.shrink(cost);
                return encoded;
            } finally {
                reader.dispose();
            }
        } catch (UploadMemory.Busy busy) {
            throw new RefusedException(Refusal.BUSY);
        } catch (IOException | RuntimeException e) {
            if (e.getCause() instanceof Error error) {
                // ImageIO wraps even OutOfMemoryError; that is no damaged file and must not be reported as one.
                throw error;
            }
            throw new RefusedException(Refusal.DAMAGED);
        }
    }

    /** Every how many pixels to keep one, in each direction, so the decoded picture fits the cap and the budget. */
    private int subsampling(long pixels) {
        long cap = Math.min(MAX_DECODED_PIXELS, memory.totalBytes() / BYTES_PER_DECODED_PIXEL / 2);
        int step = 1;
        while (pixels / ((long) step * step) > cap) {
            step++;
        }
        return step;
    }

    /** A fresh image holding only the pixels; JPEG cannot carry transparency, so it gets plain RGB. */
    private static BufferedImage pixelsOnly(BufferedImage decoded, String format) {
        int type = format.equals("jpeg") ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB;
        var clean = new BufferedImage(decoded.getWidth(), decoded.getHeight(), type);
        var graphics = clean.createGraphics();
        try {
            graphics.drawImage(decoded, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return clean;
    }

    private static byte[] write(BufferedImage image, String format) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        var out = new ByteArrayOutputStream();
        try (var output = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                parameters.setCompressionQuality(0.9f);
            }
            // No metadata argument: the writer emits only what the pixels need.
            writer.write(null, new IIOImage(image, null, null), parameters);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] redraw(byte[] upload, UploadMemory.Share share)
            throws RefusedException, InterruptedException {
        PDDocument document;
        try {
            document = Loader.loadPDF(
                    upload, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(PDF_MEMORY).streamCache);
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw new RefusedException(Refusal.PROTECTED);
        } catch (IOException | RuntimeException e) {
            throw new RefusedException(Refusal.DAMAGED);
        }
        try (document) {
            if (document.isEncrypted()) {
                throw new RefusedException(Refusal.PROTECTED);
            }
            if (document.getNumberOfPages() > MAX_PDF_PAGES) {
                throw new RefusedException(Refusal.TOO_BIG);
            }
            if (document.getNumberOfPages() == 0) {
                throw new RefusedException(Refusal.DAMAGED);
            }
            return PdfAsPictures.redraw(document, share);
        } catch (PdfAsPictures.PageTooLarge e) {
            throw new RefusedException(Refusal.TOO_MANY_PIXELS);
        } catch (UploadMemory.Busy e) {
            throw new RefusedException(Refusal.BUSY);
        } catch (IOException | RuntimeException e) {
            throw new RefusedException(Refusal.DAMAGED);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        int[] actual = new int[prefix.length];
        for (int i = 0; i < prefix.length; i++) {
            actual[i] = bytes[i] & 0xff;
        }
        return Arrays.equals(actual, prefix);
    }
}
