package org.tipline.triage.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.tipline.model.guidance.GuidanceLoader;

/** The printable packet, read back with PDFBox's text extraction. */
class PacketPdfTest {

    private static final PacketLabels LABELS = PacketLabels.from(GuidanceLoader.fromClasspath());

    @Test
    void theChosenSectionsArePrintedAndTheOthersAreNot() throws Exception {
        byte[] pdf = PacketPdf.render(
                SamplePackets.with(
                        EnumSet.of(PacketField.PLACE, PacketField.VEHICLES), "this description was not chosen"),
                LABELS);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Referral from Tipline")
                    .contains("To: Norwalk Police Department tip line")
                    .contains("Packet: 3f2c8a1e-5b7d-4c2a-9e1f-0a1b2c3d4e5f")
                    .contains("NIBRS offense codes: 64A")
                    .contains("12 Harbor Ave")
                    .contains("Golden Lotus Spa")
                    .contains("Ford; Transit; white; plate AB 1234 CT; dented rear door")
                    .doesNotContain("this description was not chosen")
                    .doesNotContain("two women")
                    .doesNotContain("203-555-0147");
            assertThat(document.getDocumentInformation().getAuthor()).isNull();
        }
    }

    @Test
    void codesPrintAsTheSeedsLabelsInEveryLanguageWithTheCallbackContact() throws Exception {
        byte[] pdf = PacketPdf.render(SamplePackets.everything(), LABELS);

        assertThat(text(pdf))
                .contains("To: Norwalk Police Department tip line / Línea de denuncias del Departamento de Policía")
                .contains("urgency: Involves a minor / Involucra a un menor")
                .contains("Type of place: Massage or spa business / Negocio de masajes o spa")
                .contains("Possibly being exploited / Posiblemente explotada")
                .contains("apparent age 12 to 17 / De 12 a")
                .contains("Questions about this referral: +1-203-555-0100")
                .doesNotContain("massage-parlor")
                .doesNotContain("possible-victim")
                .doesNotContain("12-17");
    }

    @Test
    void everyScriptPrintsInTheEmbeddedFontsAndLongTextFlowsOntoMorePages() throws Exception {
        String details = "Dijo: ¿dónde está? 你好 😊 דנה לוי \u0378 " + "https://classifieds.example/" + "x".repeat(300)
                + "\n" + "line\n".repeat(120);
        byte[] pdf = PacketPdf.render(SamplePackets.with(EnumSet.of(PacketField.DETAILS), details), LABELS);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Dijo: ¿dónde está? 你好 😊 דנה לוי ?").contains("https://classifieds.example/xxx");
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
        }
    }

    @Test
    void withoutFontFilesCharactersHelveticaLacksBecomeQuestionMarks() throws Exception {
        byte[] pdf = PacketPdf.render(
                SamplePackets.with(EnumSet.of(PacketField.DETAILS), "Dijo: ¿dónde está? 你好"),
                LABELS,
                PdfFonts.load(List.of(Path.of("/nonexistent/font.ttf"))));

        assertThat(text(pdf)).contains("Dijo: ¿dónde está? ??");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
