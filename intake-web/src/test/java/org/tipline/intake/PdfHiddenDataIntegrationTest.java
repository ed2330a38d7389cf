package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.intake.followup.HiddenPdfs;

/**
 * A PDF built to carry one kind of identifying data is added over HTTP; the copy stored in PostgreSQL is decrypted
 * and searched everywhere (raw bytes, every decoded stream, every string and name), and none of it is left.
 */
@IntakeIntegrationTest
class PdfHiddenDataIntegrationTest {

    private static final List<String> FORBIDDEN_NAMES = List.of(
            "JavaScript",
            "JS",
            "OpenAction",
            "AA",
            "EmbeddedFiles",
            "EmbeddedFile",
            "PieceInfo",
            "Metadata",
            "Names",
            "Info");

    @LocalServerPort
    int port;

    @ParameterizedTest
    @EnumSource(HiddenPdfs.Hidden.class)
    void nothingHiddenInAPdfSurvivesInTheStoredCopy(HiddenPdfs.Hidden hidden) throws Exception {
        byte[] pdf = HiddenPdfs.carrying(hidden);
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1))
                .as("the fixture carries it")
                .contains(hidden.marker);
        String receipt =
                FollowUpIntegrationTest.receiptIn(UploadRequests.postForm(port, "/tips", "location=Hidden+Data+Heights")
                        .body());

        var response = UploadRequests.upload(port, receipt, List.of(new UploadRequests.File("flyer.pdf", pdf)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Added 1 file");
        byte[] stored = UploadRequests.storedFilesOf(receipt).get(0);
        String everything = everythingIn(stored);
        assertThat(everything).doesNotContain(hidden.marker);
        for (String exif : HiddenPdfs.EXIF_VALUES) {
            assertThat(everything).doesNotContain(exif);
        }
        try (var document = Loader.loadPDF(stored)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(namesIn(document.getDocument().getTrailer())).doesNotContainAnyElementsOf(FORBIDDEN_NAMES);
            COSArray id = document.getDocument().getDocumentID();
            if (id != null) {
                assertThat(id.toString()).doesNotContain(hidden.marker);
            }
            for (var image : imagesIn(document.getDocument().getTrailer())) {
                assertThat(segmentsBeforeScan(image)).doesNotContain(0xE1, 0xFE);
            }
        }
    }

    /** The raw file, every stream decoded, and every string, so compression cannot hide anything from the search. */
    private static String everythingIn(byte[] pdf) throws IOException {
        var all = new StringBuilder(new String(pdf, StandardCharsets.ISO_8859_1));
        try (var document = Loader.loadPDF(pdf)) {
            var cos = document.getDocument();
            for (var key : cos.getXrefTable().keySet()) {
                COSBase object = cos.getObjectFromPool(key).getObject();
                if (object instanceof COSStream stream) {
                    try (var decoded = stream.createInputStream()) {
                        all.append(new String(decoded.readAllBytes(), StandardCharsets.ISO_8859_1));
                    }
                }
            }
            walk(cos.getTrailer(), new IdentityHashMap<>(), base -> {
                if (base instanceof COSString string) {
                    all.append(string.getString());
                }
            });
        }
        return all.toString();
    }

    private static List<String> namesIn(COSBase root) {
        var names = new ArrayList<String>();
        walk(root, new IdentityHashMap<>(), base -> {
            if (base instanceof COSDictionary dictionary) {
                dictionary.keySet().forEach(name -> names.add(name.getName()));
            }
        });
        return names;
    }

    private static List<COSStream> imagesIn(COSBase root) {
        var images = new ArrayList<COSStream>();
        walk(root, new IdentityHashMap<>(), base -> {
            if (base instanceof COSStream stream && COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
                images.add(stream);
            }
        });
        return images;
    }

    /** The marker bytes of each JPEG segment before the image data starts. */
    private static List<Integer> segmentsBeforeScan(COSStream image) throws IOException {
        byte[] jpeg;
        try (var raw = image.createRawInputStream()) {
            jpeg = raw.readAllBytes();
        }
        var markers = new ArrayList<Integer>();
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xff) == 0xFF) {
            int marker = jpeg[at + 1] & 0xff;
            markers.add(marker);
            if (marker == 0xDA) {
                break;
            }
            at += 2 + (((jpeg[at + 2] & 0xff) << 8) | (jpeg[at + 3] & 0xff));
        }
        assertThat(markers).contains(0xDA);
        return markers;
    }

    private static void walk(COSBase base, Map<COSBase, Boolean> seen, java.util.function.Consumer<COSBase> visit) {
        COSBase object = base instanceof COSObject reference ? reference.getObject() : base;
        if (object == null || seen.put(object, true) != null) {
            return;
        }
        visit.accept(object);
        if (object instanceof COSDictionary dictionary) {
            for (COSBase value : dictionary.getValues()) {
                walk(value, seen, visit);
            }
        } else if (object instanceof COSArray array) {
            for (COSBase value : array) {
                walk(value, seen, visit);
            }
        }
    }
}
