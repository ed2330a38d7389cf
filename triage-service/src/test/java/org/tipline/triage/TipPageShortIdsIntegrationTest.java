package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.UUID;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextInput;
import org.junit.jupiter.api.Test;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Browsers;

/**
 * Issue 17 items 6, 7 and 8 over real HTTP and PostgreSQL: another tip is named by the short id the console shows or
 * picked from a list, an ambiguous or unknown id is refused with a clear 422 and never put back in the box, results
 * and refusals sit at the top of the page in the region that takes focus, a legal hold needs a reason, and a canned
 * question is sent when nothing is typed.
 */
@TriageIntegrationTest
class TipPageShortIdsIntegrationTest extends SignedInCoordinatorTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @Test
    void aShortIdJoinsACaseAndAnAmbiguousOrUnknownOneIsRefusedClearly() throws Exception {
        UUID tip = SETUP.fileTip(
                TipAnswers.builder().location("Pier 9").details("first").build());
        UUID other = SETUP.fileTip(
                TipAnswers.builder().location("Pier 9, again").details("second").build());
        bareTip(UUID.fromString("5eed5eed-0000-4000-8000-000000000001"));
        bareTip(UUID.fromString("5eed5eed-0000-4000-8000-000000000002"));

        HtmlPage ambiguous = sameCase(browser.getPage(url("/tips/" + tip)), "5eed5eed");
        assertRefused(ambiguous, "More than one tip has an id starting with “5eed5eed”");

        HtmlPage unknown = sameCase(ambiguous, "Tip 0000dead");
        assertRefused(unknown, "No tip has an id starting with “Tip 0000dead”");

        HtmlPage linked = sameCase(unknown, "Tip " + shortId(other));
        assertThat(linked.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(linked.getUrl().getRef()).isEqualTo("feedback");
        assertThat(linked.getHtmlElementById("result").asNormalizedText()).isEqualTo("The tips are now one case.");
        assertThat(linked.getHtmlElementById("result").getAttribute("role")).isEqualTo("status");
        assertFeedbackTakesFocusAtTheTop(linked);
        assertThat(linked.getHtmlElementById("case-members").asNormalizedText()).contains("Tip " + shortId(other));
        assertThat(SETUP.count(
                        "SELECT count(*) FROM audit_entry WHERE action = 'CASE_LINKED' AND tip_id = '" + tip + "'"))
                .isEqualTo(1);
    }

    @Test
    void aRecentlyOpenedTipIsPickedFromTheListAsTheOriginal() throws Exception {
        UUID original = SETUP.fileTip(TipAnswers.builder()
                .location("Quay Lane")
                .details("the first report")
                .build());
        UUID repeat = SETUP.fileTip(TipAnswers.builder()
                .location("Dock Road")
                .details("the same report")
                .build());
        browser.getPage(url("/tips/" + original));

        HtmlPage page = browser.getPage(url("/tips/" + repeat));
        HtmlSelect picked = page.getHtmlElementById("duplicate-picked");
        assertThat(picked.getOptionByValue(original.toString()).getText())
                .isEqualTo("Tip " + shortId(original) + ": opened recently");
        picked.setSelectedAttribute(original.toString(), true);
        HtmlPage merged = Browsers.submit(page, "duplicate-form");

        assertThat(merged.getHtmlElementById("result").asNormalizedText())
                .isEqualTo("Closed as a duplicate; both tips are kept.");
        assertThat(merged.getHtmlElementById("tip-state").asNormalizedText()).contains("Status: Closed");
        assertThat(SETUP.count("SELECT count(*) FROM tip_case WHERE tip_id IN ('" + original + "', '" + repeat + "')"))
                .isEqualTo(2);
    }

    @Test
    void aCannedQuestionIsSentInTheChosenLanguageWhenNothingIsTyped() throws Exception {
        var filed =
                SETUP.fileSealedTip(TipAnswers.builder().location("Bus depot").build());
        HtmlPage page = browser.getPage(url("/tips/" + filed.id()));
        HtmlSelect canned = page.getHtmlElementById("canned");
        assertThat(canned.getOptionByValue("vehicle:en").getText()).startsWith("Can you describe the vehicle?");
        canned.setSelectedAttribute("vehicle:es", true);
        HtmlPage asked = Browsers.submit(page, "message-form");

        assertThat(asked.getHtmlElementById("result").asNormalizedText()).startsWith("Question sent.");
        assertThat(SETUP.tipsterSees(filed.receipt()))
                .containsExactly("TO_TIPSTER: ¿Puede describir el vehículo? El color, la marca, el modelo y cualquier "
                        + "parte de la placa ayudan.");

        // A tip that says its tipster wrote in Spanish is offered the questions in Spanish only.
        var spanish = SETUP.fileSealedTip(TipAnswers.builder()
                .location("Terminal de autobuses")
                .language("es")
                .build());
        HtmlPage spanishPage = browser.getPage(url("/tips/" + spanish.id()));
        assertThat(spanishPage.getHtmlElementById("answer-language").asNormalizedText())
                .isEqualTo("Spanish");
        assertThat(spanishPage.<HtmlSelect>getHtmlElementById("canned").getOptions())
                .extracting(option -> option.getValueAttribute())
                .filteredOn(value -> !value.isEmpty())
                .isNotEmpty()
                .allSatisfy(value -> assertThat(value).endsWith(":es"));
        assertThat(spanishPage.getHtmlElementById("canned-hint").asNormalizedText())
                .contains("The tipster wrote in Spanish");

        // What is typed wins over the list; nothing chosen and nothing typed is refused at the top.
        HtmlPage empty = Browsers.submit(asked, "message-form");
        assertThat(empty.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(empty.getHtmlElementById("refusal").asNormalizedText()).contains("Write the question first.");
        assertThat(SETUP.tipsterSees(filed.receipt())).hasSize(1);
    }

    @Test
    void aLegalHoldIsPickedFromTheListAndNeedsAReason() throws Exception {
        UUID closed = SETUP.fileTip(
                TipAnswers.builder().location("Held Harbor").details("to hold").build());
        try (var owner = SETUP.database.connectAsOwner()) {
            owner.createStatement()
                    .executeUpdate("UPDATE tip SET status = 'CLOSED', close_reason = 'INSUFFICIENT', closed_at = now()"
                            + " WHERE id = '" + closed + "'");
        }
        try (WebClient supervisorBrowser = Browsers.withoutJavaScript()) {
            SETUP.staff("SUPERVISOR").signIn(supervisorBrowser, url(""));
            HtmlPage retention = supervisorBrowser.getPage(url("/retention"));
            retention.<HtmlSelect>getHtmlElementById("hold-picked").setSelectedAttribute(closed.toString(), true);
            HtmlPage noReason = Browsers.submit(retention, "hold-form");
            assertThat(noReason.getHtmlElementById("retention-error").asNormalizedText())
                    .contains("Give the reason or case number");
            assertThat(SETUP.count("SELECT count(*) FROM tip WHERE legal_hold AND id = '" + closed + "'"))
                    .isZero();

            noReason.<HtmlSelect>getHtmlElementById("hold-picked").setSelectedAttribute(closed.toString(), true);
            noReason.<HtmlTextInput>getHtmlElementById("hold-reason").type("NPD case 26-1187");
            HtmlPage held = Browsers.submit(noReason, "hold-form");
            assertThat(held.getHtmlElementById("held").asNormalizedText())
                    .contains("Tip " + shortId(closed) + " · Closed · reason: NPD case 26-1187");
            assertThat(SETUP.count("SELECT count(*) FROM audit_entry WHERE action = 'LEGAL_HOLD_PLACED' AND tip_id = '"
                            + closed + "' AND detail = 'reason: NPD case 26-1187'"))
                    .isEqualTo(1);
        }
    }

    private static HtmlPage sameCase(HtmlPage page, String typed) throws Exception {
        page.<HtmlTextInput>getHtmlElementById("case-other").setValue(typed);
        return Browsers.submit(page, "case-form");
    }

    private static void assertRefused(HtmlPage page, String why) {
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(page.getHtmlElementById("refusal").asNormalizedText()).contains(why);
        assertThat(page.getHtmlElementById("refusal").getAttribute("role")).isEqualTo("alert");
        assertThat(page.getHtmlElementById("case-error").asNormalizedText()).contains(why);
        assertThat(page.<HtmlTextInput>getHtmlElementById("case-other").getValue())
                .isEmpty();
        assertFeedbackTakesFocusAtTheTop(page);
    }

    /** The feedback region comes right after the heading, before the tip, and is focusable and autofocused. */
    private static void assertFeedbackTakesFocusAtTheTop(HtmlPage page) {
        var feedback = page.getHtmlElementById("feedback");
        assertThat(feedback.getAttribute("tabindex")).isEqualTo("-1");
        assertThat(feedback.hasAttribute("autofocus")).isTrue();
        assertThat(feedback.getPreviousElementSibling().getTagName()).isEqualTo("h1");
    }

    private static String shortId(UUID id) {
        return id.toString().substring(0, 8);
    }

    /** A tip row with a chosen id, so that two ids share a start; its content is never opened here. */
    private static void bareTip(UUID id) throws SQLException {
        byte[] lookup = new byte[32];
        new SecureRandom().nextBytes(lookup);
        try (var owner = SETUP.database.connectAsOwner();
                var insert = owner.prepareStatement("INSERT INTO tip (id, urgency_tier, urgency_rank,"
                        + " child_protection_required, schema_version, receipt_lookup) VALUES (?, 'STANDARD', 3,"
                        + " false, 1, ?)")) {
            insert.setObject(1, id);
            insert.setBytes(2, lookup);
            insert.executeUpdate();
        }
    }
}
