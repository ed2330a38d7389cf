package org.tipline.intake.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;

class AttachmentCleanerTest {

    private static final String SECRET = "GPS 41.1177 N 73.4079 W serial CAM-0042";

    private final UploadMemory memory = new UploadMemory(0.4, 100);
    private final AttachmentCleaner cleaner = new AttachmentCleaner(memory);

    @Test
    void aJpegLosesItsExifButKeepsItsPixels() throws Exception {
        byte[] withExif = SamplePhotos.jpegWithExif(SECRET);
        assertThat(new String(withExif, StandardCharsets.ISO_8859_1)).contains(SECRET);

        var cleaned = clean(withExif);

        assertThat(cleaned.mediaType()).isEqualTo("image/jpeg");
        String bytes = new String(cleaned.content(), StandardCharsets.ISO_8859_1);
        assertThat(bytes).doesNotContain(SECRET).doesNotContain("Exif");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(cleaned.content()));
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(48);
    }

    @Test
    void aPngLosesItsTextChunks() throws Exception {
        var image = new BufferedImage(20, 10, BufferedImage.TYPE_INT_ARGB);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        byte[] png =
                insertBeforeIend(out.toByteArray(), SamplePhotos.pngChunk("tEXt", ("Comment\0" + SECRET).getBytes()));
        assertThat(new String(png, StandardCharsets.ISO_8859_1)).contains(SECRET);

        var cleaned = clean(png);

        assertThat(cleaned.mediaType()).isEqualTo("image/png");
        assertThat(new String(cleaned.content(), StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
    }

    @Test
    void aDecompressionBombIsRefusedBeforeItIsDecoded() throws Exception {
        // A valid PNG header that promises 40,000 x 40,000 pixels, with a tiny compressed body.
        byte[] header = ByteBuffer.allocate(13)
                .putInt(40_000)
                .putInt(40_000)
                .put(new byte[] {8, 2, 0, 0, 0})
                .array();
        var deflater = new Deflater();
        deflater.setInput(new byte[1000]);
        deflater.finish();
        byte[] body = new byte[100];
        int length = deflater.deflate(body);
        var png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        png.writeBytes(SamplePhotos.pngChunk("IHDR", header));
        png.writeBytes(SamplePhotos.pngChunk("IDAT", java.util.Arrays.copyOf(body, length)));
        png.writeBytes(SamplePhotos.pngChunk("IEND", new byte[0]));

        assertThatThrownBy(() -> clean(png.toByteArray()))
                .isInstanceOfSatisfying(
                        AttachmentCleaner.RefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(AttachmentCleaner.Refusal.TOO_MANY_PIXELS));
    }

    private AttachmentCleaner.Cleaned clean(byte[] upload) throws Exception {
        try (var share = memory.share()) {
            return cleaner.clean(upload, share);
        }
    }

    @Test
    void aPdfPageThatCannotBeDrawnWithinThePixelBudgetIsRefused() throws Exception {
        // The 474-byte attack: one 14,400 x 14,400 pt page, about 1.9 GB to draw at 110 dpi.
        byte[] pageBomb;
        try (var document = new PDDocument()) {
            document.addPage(new PDPage(new org.apache.pdfbox.pdmodel.common.PDRectangle(14_400, 14_400)));
            var out = new ByteArrayOutputStream();
            document.save(out);
            pageBomb = out.toByteArray();
        }

        assertThatThrownBy(() -> clean(pageBomb))
                .isInstanceOfSatisfying(
                        AttachmentCleaner.RefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(AttachmentCleaner.Refusal.TOO_MANY_PIXELS));
    }

    @Test
    void aLargePosterPageIsDrawnSmallerSoItStillFitsTheBudget() throws Exception {
        byte[] poster;
        try (var document = new PDDocument()) {
            document.addPage(new PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A0));
            var out = new ByteArrayOutputStream();
            document.save(out);
            poster = out.toByteArray();
        }

        try (var after = Loader.loadPDF(clean(poster).content())) {
            var image = (org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) after.getPage(0)
                    .getResources()
                    .getXObject(after.getPage(0)
                            .getResources()
                            .getXObjectNames()
                            .iterator()
                            .next());
            assertThat((long) image.getWidth() * image.getHeight()).isLessThanOrEqualTo(PdfAsPictures.MAX_PAGE_PIXELS);
        }
    }

    @Test
    void aPhotoLargerThanTheDecodeCapIsDecodedSubsampled() throws Exception {
        var image = new BufferedImage(6000, 4000, BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);

        BufferedImage cleaned =
                ImageIO.read(new ByteArrayInputStream(clean(out.toByteArray()).content()));

        assertThat((long) cleaned.getWidth() * cleaned.getHeight())
                .isLessThanOrEqualTo(AttachmentCleaner.MAX_DECODED_PIXELS);
        assertThat(cleaned.getWidth()).isEqualTo(3000);
    }

    @Test
    void whenOtherUploadsHoldTheSharedBudgetADecodeWaitsThenIsRefusedAsBusy() throws Exception {
        var tight = new UploadMemory(0.4, 200);
        var tightCleaner = new AttachmentCleaner(tight);
        byte[] photo = SamplePhotos.jpegWithExif(SECRET);
        try (var others = tight.share()) {
            others.grow(tight.totalBytes() - 1024);
            long started = System.nanoTime();
            try (var mine = tight.share()) {
                assertThatThrownBy(() -> tightCleaner.clean(photo, mine))
                        .isInstanceOfSatisfying(
                                AttachmentCleaner.RefusedException.class,
                                e -> assertThat(e.refusal()).isEqualTo(AttachmentCleaner.Refusal.BUSY));
            }
            assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(200_000_000L);
        }
        try (var mine = tight.share()) {
            assertThat(tightCleaner.clean(photo, mine).mediaType()).isEqualTo("image/jpeg");
        }
    }

    @Test
    void aPdfLosesItsAuthorAndXmpMetadata() throws Exception {
        byte[] pdf;
        try (var document = new PDDocument()) {
            document.addPage(new PDPage());
            document.getDocumentInformation().setAuthor(SECRET);
            document.getDocumentInformation().setCreator(SECRET);
            var out = new ByteArrayOutputStream();
            document.save(out);
            pdf = out.toByteArray();
        }
        try (var before = Loader.loadPDF(pdf)) {
            assertThat(before.getDocumentInformation().getAuthor()).isEqualTo(SECRET);
        }

        var cleaned = clean(pdf);

        assertThat(cleaned.mediaType()).isEqualTo("application/pdf");
        try (var after = Loader.loadPDF(cleaned.content())) {
            assertThat(after.getDocumentInformation().getAuthor()).isNull();
            assertThat(after.getDocumentInformation().getCreator()).isNull();
            assertThat(after.getDocumentCatalog().getMetadata()).isNull();
            assertThat(after.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void theTypeComesFromTheBytesAndOthersAreRefused() {
        assertThatThrownBy(() -> clean("GIF89a....".getBytes()))
                .isInstanceOfSatisfying(
                        AttachmentCleaner.RefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(AttachmentCleaner.Refusal.NOT_ALLOWED));
        assertThatThrownBy(() -> clean(new byte[0]))
                .isInstanceOfSatisfying(
                        AttachmentCleaner.RefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(AttachmentCleaner.Refusal.EMPTY));
        byte[] truncatedJpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
        assertThatThrownBy(() -> clean(truncatedJpeg))
                .isInstanceOfSatisfying(
                        AttachmentCleaner.RefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(AttachmentCleaner.Refusal.DAMAGED));
        assertThatThrownBy(() -> clean(new byte[AttachmentCleaner.MAX_BYTES + 1]))
                .isInstanceOfSatisfying(
                        AttachmentCleaner.RefusedException.class,
                        e -> assertThat(e.refusal()).isEqualTo(AttachmentCleaner.Refusal.TOO_BIG));
    }

    private static byte[] insertBeforeIend(byte[] png, byte[] extra) {
        int iend = png.length - 12;
        var out = new ByteArrayOutputStream();
        out.write(png, 0, iend);
        out.writeBytes(extra);
        out.write(png, iend, 12);
        return out.toByteArray();
    }
}
