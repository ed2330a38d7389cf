package org.tipline.triage.referrals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.tipline.model.tip.PersonSeen;
import org.tipline.model.tip.VehicleSeen;

/**
 * A referral packet as a printable PDF: a title, the referral's facts, then each shared section. The PDF's own
 * metadata names no one. The standard PDF fonts cover Western European text only; other characters print as "?",
 * which the packet says, and the JSON keeps them exactly.
 */
public final class PacketPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");
    private static final float MARGIN = 56;
    private static final float SIZE = 10.5f;
    private static final float LEADING = 14;

    private PacketPdf() {}

    public static byte[] render(ReferralPacket packet) {
        List<Line> lines = lines(packet);
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Tipline referral " + packet.packetId());
            document.setDocumentInformation(info);
            var regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            float width = PDRectangle.LETTER.getWidth() - 2 * MARGIN;
            List<Line> wrapped = new ArrayList<>();
            for (Line line : lines) {
                var font = line.heading() ? bold : regular;
                for (String part : wrap(printable(line.text(), font), font, width)) {
                    wrapped.add(new Line(part, line.heading()));
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
                        content.setFont(line.heading() ? bold : regular, SIZE);
                        content.showText(line.text());
                        content.newLine();
                    }
                    content.endText();
                }
            }
            var out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Line(String text, boolean heading) {}

    private static List<Line> lines(ReferralPacket p) {
        List<Line> lines = new ArrayList<>();
        heading(lines, "Referral from " + p.referringOrganisation());
        text(lines, "To: " + p.destination().name().in("en"));
        text(lines, "Packet: " + p.packetId());
        text(lines, "Prepared: " + TIME.format(p.preparedAt().atOffset(ZoneOffset.UTC)) + " by " + p.preparedBy());
        text(
                lines,
                "Tip received: " + TIME.format(p.receivedAt().atOffset(ZoneOffset.UTC)) + " · urgency "
                        + p.urgencyTier());
        if (!p.nibrsOffenses().isEmpty()) {
            text(
                    lines,
                    "NIBRS offense codes: " + String.join(", ", p.nibrsOffenses())
                            + " (64A commercial sex acts, 64B involuntary servitude)");
        }
        text(lines, "The tipster is anonymous and cannot be contacted directly; questions go through the tip line.");
        if (p.shares(PacketField.PLACE)) {
            heading(lines, "Where");
            field(lines, "Address or description", p.place().location());
            field(lines, "City", p.place().city());
            field(lines, "State", p.place().state());
            field(lines, "ZIP", p.place().zip());
            field(lines, "Business", p.place().businessName());
            field(lines, "Type of place", p.place().type());
        }
        if (p.shares(PacketField.WHEN)) {
            heading(lines, "When");
            field(lines, "Seen", p.seenWhen());
            text(lines, p.happeningNow() ? "It was happening when the tip was sent." : "Not reported as ongoing.");
        }
        if (p.shares(PacketField.PEOPLE)) {
            heading(lines, "People");
            field(lines, "Summary", p.peopleSummary());
            int n = 1;
            for (PersonSeen person : p.persons()) {
                text(
                        lines,
                        "Person " + n++ + ": "
                                + String.join(
                                        "; ",
                                        nonEmpty(
                                                labelled("role", person.role()),
                                                labelled("apparent age", person.ageRange()),
                                                person.sexOrGender(),
                                                person.height(),
                                                person.build(),
                                                person.hair(),
                                                person.clothing(),
                                                person.marks(),
                                                person.language())));
            }
        }
        if (p.shares(PacketField.VEHICLES)) {
            heading(lines, "Vehicles");
            field(lines, "Summary", p.vehiclesSummary());
            int n = 1;
            for (VehicleSeen vehicle : p.vehicles()) {
                text(
                        lines,
                        "Vehicle " + n++ + ": "
                                + String.join(
                                        "; ",
                                        nonEmpty(
                                                vehicle.make(),
                                                vehicle.model(),
                                                vehicle.color(),
                                                labelled(
                                                        "plate",
                                                        (vehicle.plate() + " " + vehicle.plateState()).strip()),
                                                vehicle.features())));
            }
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
        text(lines, "Characters the PDF font cannot show are printed as ?; the JSON packet keeps them exactly.");
        return lines;
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

    /** Control characters go, and what the font cannot encode becomes "?". */
    private static String printable(String text, PDType1Font font) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String ch = Character.isISOControl(cp) ? " " : new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IllegalArgumentException | IOException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static List<String> wrap(String text, PDType1Font font, float width) throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * SIZE <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                out.add(line.toString());
                line.setLength(0);
            }
            // A single word wider than the line (a long URL) is cut into pieces that fit.
            String rest = word;
            while (font.getStringWidth(rest) / 1000 * SIZE > width) {
                int cut = rest.length() - 1;
                while (cut > 1 && font.getStringWidth(rest.substring(0, cut)) / 1000 * SIZE > width) {
                    cut--;
                }
                out.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        out.add(line.toString());
        return out;
    }
}
