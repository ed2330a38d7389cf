package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Browsers;

/**
 * What a tipster adds to a closed tip brings it back: the tip returns to review and to the default queue, its
 * retention clock stops, and in a tier that pages the on-call channel the alert is queued again.
 */
@TriageIntegrationTest
class NewInformationIntegrationTest extends SignedInCoordinatorTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @Test
    void aTipstersMessageOnAClosedUrgentTipReopensItAndAlertsAgain() throws Exception {
        var filed = SETUP.fileSealedTip(TipAnswers.builder()
                .location("Harbor Motel")
                .happeningNow(true)
                .details("room 112")
                .build());
        String tip = "'" + filed.id() + "'";
        SETUP.execute(
                "UPDATE alert_outbox SET status = 'SENT', delivered_at = now(), attempts = 1 WHERE tip_id = " + tip);
        close(filed.id());
        assertThat(SETUP.text("SELECT status FROM tip WHERE id = " + tip)).isEqualTo("CLOSED");
        assertThat(browser.<HtmlPage>getPage(url("/queue")).asNormalizedText())
                .doesNotContain(filed.id().toString().substring(0, 8));

        assertThat(SETUP.tipsterReplies(filed.receipt(), "She is back at room 112 again tonight"))
                .isEqualTo("ADDED");

        assertThat(SETUP.text("SELECT status || ' ' || coalesce(closed_at::text, 'open') FROM tip WHERE id = " + tip))
                .isEqualTo("IN_REVIEW open");
        assertThat(SETUP.text("SELECT string_agg(status || ':' || attempts, ',' ORDER BY channel) FROM alert_outbox "
                        + "WHERE tip_id = " + tip))
                .isEqualTo("PENDING:0,PENDING:0");
        assertThat(browser.<HtmlPage>getPage(url("/queue")).asNormalizedText())
                .contains(filed.id().toString().substring(0, 8));
        assertThat(browser.<HtmlPage>getPage(url("/tips/" + filed.id()))
                        .getHtmlElementById("timeline-entries")
                        .asNormalizedText())
                .contains("She is back at room 112 again tonight");
    }

    @Test
    void aFileAddedToAClosedStandardTipReopensItWithoutPaging() throws Exception {
        var filed = SETUP.fileSealedTip(
                TipAnswers.builder().location("Dock 4").details("standard").build());
        close(filed.id());

        assertThat(SETUP.tipsterAttaches(filed.receipt(), "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8}))
                .isEqualTo("ADDED");

        assertThat(SETUP.text("SELECT status FROM tip WHERE id = '" + filed.id() + "'"))
                .isEqualTo("IN_REVIEW");
        assertThat(SETUP.text("SELECT count(*) FROM alert_outbox WHERE tip_id = '" + filed.id() + "'"))
                .isEqualTo("0");
    }

    private void close(java.util.UUID tipId) throws Exception {
        HtmlPage page = browser.getPage(url("/tips/" + tipId));
        page.<HtmlSelect>getHtmlElementById("status-select").setSelectedAttribute("CLOSED", true);
        page.<HtmlSelect>getHtmlElementById("reason-select").setSelectedAttribute("INSUFFICIENT", true);
        Browsers.submit(page, "status-form");
    }
}
