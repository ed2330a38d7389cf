package org.tipline.triage.referrals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.tipline.model.tip.PersonSeen;
import org.tipline.model.tip.VehicleSeen;

/**
 * A referral packet as a printable PDF: a title, the referral's facts, then each shared section. The PDF's own
 * metadata names no one. Text prints in embedded fonts that cover most scripts ({@link PdfFonts}); a character none
 * has prints as "?", which the packet says, and the JSON keeps it exactly.
 */
public final class PacketPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
    private static final float MARGIN = 56;
    private static final float SIZE = 10.5f;
    private static final float HEADING_SIZE = 12;
    private static final float LEADING = 14;

    private PacketPdf() {}

    public static byte[] render(ReferralPacket packet, PacketLabels labels) {
        return render(packet, labels, PdfFonts.system());
    }

    static byte[] render(ReferralPacket packet, PacketLabels labels, PdfFonts fonts) {
        List<Line> lines = lines(packet, labels, fonts.embedsFonts());
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Tipline referral " + packet.packetId());
            document.setDocumentInformation(info);
            PdfFonts.Chain chain = fonts.forDocument(document);
            float width = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
            List<Line> wrapped = new ArrayList<>();
            for (Line line : lines) {
                for (String part : PdfText.wrap(PdfText.printable(line.text(), chain), chain, size(line), width)) {
                    wrapped.add(new Line(PdfText.visualOrder(part), line.heading()));
                }
            }
            int perPage = (int) ((PDRectangle.LETTER.getHeight() - 2 * MARGIN) / LEADING);
            for (int start = 0; start < wrapped.size(); start += perPage) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                document.addPage(page);
                try (var content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.newLineAtOffset(MARGIN, PDRectangle.LETTER.getHeight() - MARGIN);
                    content.setLeading(LEADING);
                    for (Line line : wrapped.subList(start, Math.min(wrapped.size(), start + perPage))) {
                        for (PdfText.Run run : PdfText.runs(line.text(), chain)) {
                            content.setFont(run.font(), size(line));
                            content.showText(run.text());
                        }
                        content.newLine();
                    }
                    content.endText();
                }
            }
            var out = new ByteArrayOutputStream();
            document.save(out);
            chain.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float size(Line line) {
        return line.heading() ? HEADING_SIZE : SIZE;
    }

    private record Line(String text, boolean heading) {}

    private static List<Line> lines(ReferralPacket p, PacketLabels labels, boolean embedded) {
        List<Line> lines = new ArrayList<>();
        heading(lines, "Referral from " + p.referringOrganisation());
        text(lines, "To: " + labels.destination(p.destination().id()));
        text(lines, "Packet: " + p.packetId());
        text(lines, "Prepared: " + TIME.format(p.preparedAt().atOffset(ZoneOffset.UTC)) + " by " + p.preparedBy());
        text(
                lines,
                "Tip received: " + TIME.format(p.receivedAt().atOffset(ZoneOffset.UTC)) + " · urgency: "
                        + labels.tier(p.urgencyTier()));
        if (!p.nibrsOffenses().isEmpty()) {
            text(
                    lines,
                    "NIBRS offense codes: " + String.join(", ", p.nibrsOffenses())
                            + " (64A commercial sex acts, 64B involuntary servitude)");
        }
        text(lines, "The tipster is anonymous and cannot be contacted directly; questions go through the tip line.");
        field(lines, "Questions about this referral", p.callbackContact());
        if (p.shares(PacketField.PLACE)) {
            heading(lines, "Where");
            field(lines, "Address or description", p.place().location());
            field(lines, "City", p.place().city());
            field(lines, "State", p.place().state());
            field(lines, "ZIP", p.place().zip());
            field(lines, "Business", p.place().businessName());
            field(lines, "Type of place", labels.option("place-type", p.place().type()));
        }
        if (p.shares(PacketField.WHEN)) {
            heading(lines, "When");
            field(lines, "Seen", p.seenWhen());
            text(lines, p.happeningNow() ? "It was happening when the tip was sent." : "Not reported as ongoing.");
        }
        if (p.shares(PacketField.PEOPLE)) {
            heading(lines, "People");
            field(lines, "Summary", p.peopleSummary());
            numbered(
                    lines,
                    "Person",
                    p.persons(),
                    (PersonSeen person) -> nonEmpty(
                            labels.role(person.role()),
                            labelled("apparent age", labels.option("youngest-age", person.ageRange())),
                            person.sexOrGender(),
                            person.height(),
                            person.build(),
                            person.hair(),
                            person.clothing(),
                            person.marks(),
                            person.language()));
        }
        if (p.shares(PacketField.VEHICLES)) {
            heading(lines, "Vehicles");
            field(lines, "Summary", p.vehiclesSummary());
            numbered(
                    lines,
                    "Vehicle",
                    p.vehicles(),
                    (VehicleSeen vehicle) -> nonEmpty(
                            vehicle.make(),
                            vehicle.model(),
                            vehicle.color(),
                            labelled("plate", (vehicle.plate() + " " + vehicle.plateState()).strip()),
                            vehicle.features()));
        }
        if (p.shares(PacketField.SIGNS)) {
            heading(lines, "Warning signs reported");
            p.warningSigns().forEach(sign -> text(lines, "- " + sign));
        }
        if (p.shares(PacketField.DETAILS)) {
            heading(lines, "What was seen (as redacted by the tip line)");
            p.details().lines().forEach(line -> text(lines, line));
        }
        if (p.shares(PacketField.ONLINE)) {
            heading(lines, "Online details (as redacted by the tip line)");
            p.onlineDetails().lines().forEach(line -> text(lines, line));
        }
        heading(lines, "");
        text(
                lines,
                embedded
                        ? "Any character no embedded font can show is printed as ?; the JSON packet keeps it exactly."
                        : "Characters the PDF font cannot show are printed as ?; the JSON packet keeps them exactly.");
        return lines;
    }

    /** One line per item, "Person 1: a; b", with the parts the tipster gave. */
    private static <T> void numbered(List<Line> lines, String noun, List<T> items, Function<T, List<String>> parts) {
        int n = 1;
        for (T item : items) {
            text(lines, noun + " " + n++ + ": " + String.join("; ", parts.apply(item)));
        }
    }

    private static List<String> nonEmpty(String... values) {
        List<String> kept = new ArrayList<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                kept.add(value.strip());
            }
        }
        return kept;
    }

    private static String labelled(String label, String value) {
        return value.isBlank() ? "" : label + " " + value;
    }

    private static void heading(List<Line> lines, String text) {
        lines.add(new Line("", false));
        lines.add(new Line(text, true));
    }

    private static void text(List<Line> lines, String text) {
        lines.add(new Line(text, false));
    }

    private static void field(List<Line> lines, String name, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(new Line(name + ": " + value, false));
        }
    }
}
