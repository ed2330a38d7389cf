package org.tipline.intake.followup;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

/**
 * PDFs built to carry one kind of identifying data each, as the tools tipsters use leave it behind. Each carries a
 * marker string; the fixtures are saved uncompressed so a test can show the marker is really in the file.
 */
public final class HiddenPdfs {

    private HiddenPdfs() {}

    /** What a PDF hides, and the marker it hides it with. */
    public enum Hidden {
        PHOTO_EXIF("CAMERA-MAKER-SECRET"),
        JPEG_COMMENT("JPEG-COMMENT-SECRET"),
        PAGE_XMP("PAGE-XMP-SECRET"),
        PIECE_INFO("PIECE-INFO-SECRET"),
        EMBEDDED_FILE("EMBEDDED-FILE-SECRET"),
        JAVASCRIPT("OPEN-ACTION-SECRET"),
        TRAILER_ID("TRAILER-ID-SECRET");

        public final String marker;

        Hidden(String marker) {
            this.marker = marker;
        }
    }

    /** The Exif values the photo in {@link Hidden#PHOTO_EXIF} carries: Make, Model, Artist, GPS map datum. */
    public static final List<String> EXIF_VALUES =
            List.of("CAMERA-MAKER-SECRET", "PHONE-MODEL-SECRET", "ARTIST-NAME-SECRET", "GPS-DATUM-SECRET");

    public static byte[] carrying(Hidden hidden) throws IOException {
        try (var document = new PDDocument()) {
            var page = new PDPage();
            document.addPage(page);
            byte[] photo = switch (hidden) {
                case PHOTO_EXIF -> jpegWithSegment(0xE1, exif());
                case JPEG_COMMENT -> jpegWithSegment(0xFE, hidden.marker.getBytes(StandardCharsets.US_ASCII));
                default -> jpegWithSegment(0xFE, new byte[] {'x'});
            };
            var image = JPEGFactory.createFromByteArray(document, photo);
            try (var content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 100, 400, 128, 96);
            }
            switch (hidden) {
                case PAGE_XMP ->
                    page.setMetadata(new PDMetadata(
                            document,
                            new ByteArrayInputStream(xmp(hidden.marker).getBytes(StandardCharsets.UTF_8))));
                case PIECE_INFO -> {
                    var privateData = new COSDictionary();
                    privateData.setItem(COSName.getPDFName("Private"), new COSString(hidden.marker));
                    var pieceInfo = new COSDictionary();
                    pieceInfo.setItem(COSName.getPDFName("Illustrator"), privateData);
                    page.getCOSObject().setItem(COSName.getPDFName("PieceInfo"), pieceInfo);
                }
                case EMBEDDED_FILE -> {
                    var file = new PDEmbeddedFile(
                            document, new ByteArrayInputStream(hidden.marker.getBytes(StandardCharsets.US_ASCII)));
                    var spec = new PDComplexFileSpecification();
                    spec.setFile("notes.txt");
                    spec.setEmbeddedFile(file);
                    var tree = new PDEmbeddedFilesNameTreeNode();
                    tree.setNames(java.util.Map.of("notes.txt", spec));
                    var names = new PDDocumentNameDictionary(document.getDocumentCatalog());
                    names.setEmbeddedFiles(tree);
                    document.getDocumentCatalog().setNames(names);
                }
                case JAVASCRIPT ->
                    document.getDocumentCatalog()
                            .setOpenAction(new PDActionJavaScript("app.alert('" + hidden.marker + "');"));
                case TRAILER_ID -> {
                    var id = new COSArray();
                    id.add(new COSString(hidden.marker));
                    id.add(new COSString(hidden.marker));
                    document.getDocument().setDocumentID(id);
                }
                default -> {}
            }
            var out = new ByteArrayOutputStream();
            document.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        }
    }

    /** A small JPEG with one extra segment (APP1 Exif, or COM) right after the start-of-image marker. */
    static byte[] jpegWithSegment(int marker, byte[] payload) throws IOException {
        var image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0xff0000);
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        byte[] plain = out.toByteArray();
        var with = new ByteArrayOutputStream();
        with.write(plain, 0, 2);
        with.write(0xFF);
        with.write(marker);
        with.write((payload.length + 2) >> 8);
        with.write((payload.length + 2) & 0xff);
        with.writeBytes(payload);
        with.write(plain, 2, plain.length - 2);
        return with.toByteArray();
    }

    /** A real Exif block: IFD0 with Make, Model, Artist and a GPS IFD holding GPSLatitudeRef and GPSMapDatum. */
    static byte[] exif() {
        byte[] make = ascii(EXIF_VALUES.get(0));
        byte[] model = ascii(EXIF_VALUES.get(1));
        byte[] artist = ascii(EXIF_VALUES.get(2));
        byte[] datum = ascii(EXIF_VALUES.get(3));
        int ifd0 = 8;
        int ifd0Size = 2 + 4 * 12 + 4;
        int gpsIfd = ifd0 + ifd0Size;
        int gpsSize = 2 + 2 * 12 + 4;
        int values = gpsIfd + gpsSize;
        var tiff = ByteBuffer.allocate(values + make.length + model.length + artist.length + datum.length);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(ifd0);
        tiff.putShort((short) 4);
        int at = values;
        entry(tiff, 0x010F, 2, make.length, at);
        at += make.length;
        entry(tiff, 0x0110, 2, model.length, at);
        at += model.length;
        entry(tiff, 0x013B, 2, artist.length, at);
        at += artist.length;
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
        tiff.putInt(0);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        entry(tiff, 0x0012, 2, datum.length, at);
        tiff.putInt(0);
        tiff.put(make).put(model).put(artist).put(datum);
        var block = new ByteArrayOutputStream();
        block.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        block.writeBytes(tiff.array());
        return block.toByteArray();
    }

    private static void entry(ByteBuffer tiff, int tag, int type, int count, int offset) {
        tiff.putShort((short) tag).putShort((short) type).putInt(count).putInt(offset);
    }

    private static byte[] ascii(String value) {
        return (value + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    private static String xmp(String marker) {
        return "<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?><x:xmpmeta xmlns:x='adobe:ns:meta/'>"
                + "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'><rdf:Description "
                + "xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:creator>" + marker
                + "</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end='w'?>";
    }
}
