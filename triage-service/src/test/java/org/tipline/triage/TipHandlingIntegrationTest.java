package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;
import org.htmlunit.html.HtmlTextInput;
import org.junit.jupiter.api.Test;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Browsers;

/** Handling one tip in the console: statuses, conflicts, labels, sealed notes, the conversation, outside links. */
@TriageIntegrationTest
class TipHandlingIntegrationTest extends SignedInCoordinatorTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @Test
    void eachPersonAndVehicleIsShownEscaped() throws Exception {
        var person = new org.tipline.model.tip.PersonSeen(
                "possible-victim", "12-17", "girl", "", "thin", "", "<b>red</b> hoodie", "", "Spanish");
        var vehicle = new org.tipline.model.tip.VehicleSeen("Honda", "Odyssey", "grey", "AB 1234", "CT", "");
        UUID tipId = SETUP.fileTip(TipAnswers.builder()
                .location("Motel 6")
                .persons(List.of(person))
                .vehicleDetails(List.of(vehicle))
                .city("Norwalk")
                .build());

        HtmlPage tip = browser.getPage(url("/tips/" + tipId));

        assertThat(tip.getHtmlElementById("answer-person-0").asNormalizedText())
                .contains("Possibly being exploited")
                .contains("Age 12 to 17")
                .contains("Clothing: <b>red</b> hoodie")
                .contains("Language: Spanish");
        assertThat(tip.getHtmlElementById("answer-person-0").getElementsByTagName("b"))
                .isEmpty();
        assertThat(tip.getHtmlElementById("answer-vehicle-0").asNormalizedText())
                .contains("Make: Honda")
                .contains("Plate: AB 1234")
                .contains("Plate state: CT");
        assertThat(tip.getHtmlElementById("tip-state").asNormalizedText()).contains("Involves a minor");
    }

    @Test
    void closingNeedsAReasonAndTheTypedChoiceIsKept() throws Exception {
        UUID tipId = SETUP.fileTip(
                TipAnswers.builder().location("Dock 4").details("nothing more").build());
        HtmlPage tip = browser.getPage(url("/tips/" + tipId));
        tip.<HtmlSelect>getHtmlElementById("status-select").setSelectedAttribute("CLOSED", true);

        HtmlPage refused = Browsers.submit(tip, "status-form");
        assertThat(refused.asNormalizedText()).contains("Choose why the tip is closed.");
        assertThat(refused.<HtmlSelect>getHtmlElementById("status-select")
                        .getSelectedOptions()
                        .get(0)
                        .getValueAttribute())
                .isEqualTo("CLOSED");
        assertThat(column(tipId, "status")).as("opening changes no status").isEqualTo("NEW");

        refused.<HtmlSelect>getHtmlElementById("reason-select").setSelectedAttribute("INSUFFICIENT", true);
        HtmlPage closed = Browsers.submit(refused, "status-form");
        assertThat(closed.getHtmlElementById("tip-state").asNormalizedText())
                .contains("Status: Closed")
                .contains("Not enough to act on");
        assertThat(column(tipId, "close_reason")).isEqualTo("INSUFFICIENT");
    }

    @Test
    void theSecondOfTwoConcurrentChangesGetsAConflictAndKeepsWhatWasTyped() throws Exception {
        UUID tipId = SETUP.fileTip(TipAnswers.builder()
                .location("Pier 9")
                .details("two people at once")
                .build());
        var other = SETUP.staff("COORDINATOR");
        try (WebClient second = Browsers.withoutJavaScript()) {
            other.signIn(second, url(""));
            HtmlPage mine = browser.getPage(url("/tips/" + tipId));
            HtmlPage theirs = second.getPage(url("/tips/" + tipId));

            theirs.<HtmlTextInput>getHtmlElementById("labels-input").type("massage-ads");
            Browsers.submit(theirs, "labels-form");

            mine.<HtmlTextInput>getHtmlElementById("labels-input").type("repeat-location");
            HtmlPage conflict = Browsers.submit(mine, "labels-form");

            assertThat(conflict.getHtmlElementById("conflict").asNormalizedText())
                    .contains("your change was not saved");
            assertThat(conflict.<HtmlTextInput>getHtmlElementById("labels-input")
                            .getValue())
                    .isEqualTo("repeat-location");
            assertThat(column(tipId, "array_to_string(labels, ',')")).isEqualTo("massage-ads");

            // Saving again from the refreshed page works.
            HtmlPage saved = Browsers.submit(conflict, "labels-form");
            assertThat(saved.asNormalizedText()).contains("Saved.");
            assertThat(column(tipId, "array_to_string(labels, ',')")).isEqualTo("repeat-location");

            // Commas separate labels; the spaces inside one make it one label with dashes, accents kept.
            saved.<HtmlTextInput>getHtmlElementById("labels-input").setValue("Menor, motel,  Niña en peligro , Ruta 1");
            Browsers.submit(saved, "labels-form");
            assertThat(column(tipId, "array_to_string(labels, ',')")).isEqualTo("menor,motel,niña-en-peligro,ruta-1");
        }
    }

    @Test
    void aStatusChangeOnAStaleVersionIsRefusedToo() throws Exception {
        UUID tipId = SETUP.fileTip(TipAnswers.builder().location("Lot 2").build());
        HtmlPage stale = browser.getPage(url("/tips/" + tipId));
        try (var owner = SETUP.database.connectAsOwner()) {
            owner.createStatement()
                    .executeUpdate("UPDATE tip SET status = 'AWAITING_TIPSTER', version = version + 1 WHERE id = '"
                            + tipId + "'");
        }
        stale.<HtmlSelect>getHtmlElementById("status-select").setSelectedAttribute("CLOSED", true);
        stale.<HtmlSelect>getHtmlElementById("reason-select").setSelectedAttribute("SPAM", true);
        HtmlPage conflict = Browsers.submit(stale, "status-form");

        assertThat(conflict.getWebResponse().getStatusCode()).isEqualTo(409);
        assertThat(conflict.getElementById("conflict")).isNotNull();
        assertThat(column(tipId, "status")).isEqualTo("AWAITING_TIPSTER");
        assertThat(conflict.<HtmlSelect>getHtmlElementById("reason-select")
                        .getSelectedOptions()
                        .get(0)
                        .getValueAttribute())
                .isEqualTo("SPAM");
    }

    @Test
    void notesAreSealedAndShownInTheTimeline() throws Exception {
        UUID tipId =
                SETUP.fileTip(TipAnswers.builder().location("Warehouse row").build());
        HtmlPage tip = browser.getPage(url("/tips/" + tipId));
        tip.<HtmlTextArea>getHtmlElementById("note").type("Called NPD desk sergeant <b>Ortiz</b>");
        HtmlPage after = Browsers.submit(tip, "note-form");

        assertThat(after.getHtmlElementById("timeline-entries").asNormalizedText())
                .contains("Note: Called NPD desk sergeant <b>Ortiz</b>");
        assertThat(after.getHtmlElementById("timeline-entries").getElementsByTagName("b"))
                .isEmpty();
        // Every line names the coordinator the same way: the note and the audited opening alike.
        String displayName = "Test " + coordinator.username();
        assertThat(after.getHtmlElementById("timeline-entries").getElementsByTagName("li"))
                .extracting(line -> line.asNormalizedText())
                .filteredOn(line -> line.contains(coordinator.username()))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(line -> assertThat(line).contains("· " + displayName));
        try (var owner = SETUP.database.connectAsOwner();
                var rs = owner.createStatement().executeQuery("SELECT sealed FROM tip_note")) {
            while (rs.next()) {
                assertThat(new String(rs.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .doesNotContain("Ortiz");
            }
        }
        HtmlPage empty = Browsers.submit(after, "note-form");
        assertThat(empty.asNormalizedText()).contains("Write the note first.");
    }

    @Test
    void aQuestionReachesOnlyTheReceiptHolderAndTheAnswerComesBackUnread() throws Exception {
        var filed = SETUP.fileSealedTip(
                TipAnswers.builder().location("Motel 8, room 12").build());
        UUID tipId = filed.id();
        HtmlPage tip = browser.getPage(url("/tips/" + tipId));
        tip.<HtmlTextArea>getHtmlElementById("message").type("Which nights did you see the van?");
        HtmlPage asked = Browsers.submit(tip, "message-form");

        assertThat(asked.asNormalizedText()).contains("Question sent.");
        assertThat(column(tipId, "status")).isEqualTo("AWAITING_TIPSTER");
        assertThat(SETUP.tipsterSees(filed.receipt())).containsExactly("TO_TIPSTER: Which nights did you see the van?");
        assertThat(SETUP.tipsterSees(org.tipline.model.crypto.Receipt.generate()))
                .isEmpty();

        assertThat(SETUP.tipsterReplies(filed.receipt(), "Friday and Saturday, after 11"))
                .isEqualTo("ADDED");
        assertThat(column(tipId, "status")).isEqualTo("IN_REVIEW");

        HtmlPage queue = browser.getPage(url("/queue"));
        assertThat(queue.getHtmlElementById("row-" + tipId).asNormalizedText()).contains("unread");
        HtmlPage reread = browser.getPage(url("/tips/" + tipId));
        assertThat(reread.getHtmlElementById("timeline-entries").asNormalizedText())
                .contains("Question to tipster: Which nights did you see the van?")
                .contains("Sent a question to the tipster (status now Waiting for the tipster)")
                .contains("From tipster: Friday and Saturday, after 11");
        assertThat(browser.<HtmlPage>getPage(url("/queue"))
                        .getHtmlElementById("row-" + tipId)
                        .asNormalizedText())
                .doesNotContain("unread");
    }

    @Test
    void aTipsterCannotFloodATipWithMessages() throws Exception {
        var filed =
                SETUP.fileSealedTip(TipAnswers.builder().location("Rest stop").build());
        for (int i = 0; i < 10; i++) {
            assertThat(SETUP.tipsterReplies(filed.receipt(), "more " + i)).isEqualTo("ADDED");
        }
        assertThat(SETUP.tipsterReplies(filed.receipt(), "one too many")).isEqualTo("TOO_MANY");
        assertThat(SETUP.tipsterReplies(org.tipline.model.crypto.Receipt.generate(), "no such"))
                .isEqualTo("NO_SUCH_TIP");
    }

    @Test
    void outsideLinksAreTextUntilOpenedThroughAWarning() throws Exception {
        UUID tipId = SETUP.fileTip(TipAnswers.builder()
                .onlineDetails("ad at https://ads.example/x?id=9 today")
                .build());
        HtmlPage tip = browser.getPage(url("/tips/" + tipId));
        assertThat(tip.getHtmlElementById("answer-online").getElementsByTagName("a"))
                .isEmpty();
        var warn = tip.getAnchors().stream()
                .filter(a -> a.getTextContent().equals("Open with warning"))
                .findFirst()
                .orElseThrow();
        HtmlPage warning = warn.click();
        assertThat(warning.asNormalizedText()).contains("You are about to open an outside site");
        var leave = warning.getHtmlElementById("leave");
        assertThat(leave.getAttribute("href")).isEqualTo("https://ads.example/x?id=9");
        assertThat(leave.getAttribute("rel")).isEqualTo("noopener noreferrer");
    }

    @Test
    void filesOpenOnlyWhenAskedSandboxedAndEachLookIsAuditedOnceAMinute() throws Exception {
        var filed =
                SETUP.fileSealedTip(TipAnswers.builder().location("Photo Pier").build());
        byte[] photo = jpeg();
        byte[] pdf = twoPagePdf();
        assertThat(SETUP.tipsterAttaches(filed.receipt(), "image/jpeg", photo)).isEqualTo("ADDED");
        assertThat(SETUP.tipsterAttaches(filed.receipt(), "application/pdf", pdf))
                .isEqualTo("ADDED");

        HtmlPage tip = browser.getPage(url("/tips/" + filed.id()));
        browser.getPage(url("/tips/" + filed.id()));
        assertThat(tip.getHtmlElementById("attachments").getElementsByTagName("img"))
                .as("no photo is loaded until asked for")
                .isEmpty();
        assertThat(audited("TIP_OPENED", filed.id()))
                .as("a reload is not a second opening")
                .isEqualTo(1);
        assertThat(audited("ATTACHMENT_VIEWED", filed.id())).isZero();

        String reveal = tip.getAnchors().stream()
                .filter(a -> a.getTextContent().equals("Show the photo"))
                .findFirst()
                .orElseThrow()
                .getHrefAttribute();
        var image = browser.getPage(url(reveal)).getWebResponse();
        browser.getPage(url(reveal));
        assertThat(image.getContentType()).isEqualTo("image/jpeg");
        assertThat(image.getContentAsStream().readAllBytes()).isEqualTo(photo);
        assertThat(image.getResponseHeaderValue("Content-Security-Policy")).contains("sandbox");
        assertThat(image.getResponseHeaderValue("Content-Disposition")).isEqualTo("inline");
        assertThat(audited("ATTACHMENT_VIEWED", filed.id())).isEqualTo(1);

        HtmlPage document = tip.getAnchors().stream()
                .filter(a -> a.getTextContent().equals("View the document"))
                .findFirst()
                .orElseThrow()
                .click();
        assertThat(document.asNormalizedText()).contains("page 1 of 2");
        var page = browser.getPage(url(document.getHtmlElementById("pdf-page").getAttribute("src")))
                .getWebResponse();
        assertThat(page.getContentType()).isEqualTo("image/png");
        assertThat(page.getContentAsStream().readNBytes(4)).containsExactly(0x89, 'P', 'N', 'G');
        assertThat(audited("ATTACHMENT_VIEWED", filed.id()))
                .as("the photo once, the document once")
                .isEqualTo(2);
    }

    private static long audited(String action, java.util.UUID tipId) throws SQLException {
        return SETUP.count("SELECT count(*) FROM audit_entry WHERE action = ? AND tip_id = ?", action, tipId);
    }

    private static byte[] jpeg() throws Exception {
        var image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** A blank two-page PDF, as a tipster might attach. */
    static byte[] twoPagePdf() throws Exception {
        try (var document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            var out = new java.io.ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    private String column(UUID tipId, String expression) throws SQLException {
        return SETUP.text("SELECT " + expression + " FROM tip WHERE id = ?", tipId);
    }
}
