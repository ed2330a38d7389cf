package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.UUID;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Browsers;

/**
 * A child in danger right now is handled first and still goes to child protection; opening a tip is not claiming it,
 * and "Take the next tip" hands out the most urgent tip nobody holds, whatever its status.
 */
@TriageIntegrationTest
class UrgentWorkFirstIntegrationTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @LocalServerPort
    int port;

    private WebClient looker;
    private WebClient taker;

    @BeforeEach
    void signIn() throws Exception {
        try (var owner = SETUP.database.connectAsOwner()) {
            owner.createStatement()
                    .executeUpdate("UPDATE tip SET status = 'CLOSED', close_reason = 'SPAM', "
                            + "closed_at = now() WHERE status <> 'CLOSED'");
        }
        looker = Browsers.withoutJavaScript();
        taker = Browsers.withoutJavaScript();
        SETUP.staff("COORDINATOR").signIn(looker, url(""));
        SETUP.staff("COORDINATOR").signIn(taker, url(""));
    }

    @AfterEach
    void closeBrowsers() {
        looker.close();
        taker.close();
    }

    @Test
    void aChildInDangerNowIsUrgentAndStillNeedsChildProtection() throws Exception {
        UUID adultNow = SETUP.fileTip(TipAnswers.builder()
                .location("Route 1 lot")
                .vehicles("street")
                .happeningNow(true)
                .details("adult, now")
                .build());
        UUID childNow = SETUP.fileTip(minor(true));

        assertThat(column(childNow, "urgency_tier")).isEqualTo("IMMEDIATE");
        assertThat(column(childNow, "child_protection_required")).isEqualTo("t");
        HtmlPage page = looker.getPage(url("/tips/" + childNow));
        assertThat(page.getHtmlElementById("call-now").asNormalizedText()).contains("Emergency services (911): 911");
        assertThat(page.getHtmlElementById("call-now").getElementsByTagName("a"))
                .as("numbers a coordinator on a phone taps to call")
                .isNotEmpty()
                .allSatisfy(link -> assertThat(link.getAttribute("href")).startsWith("tel:"));
        assertThat(page.asNormalizedText())
                .contains("Urgency: Happening now")
                .contains("A minor may be involved: a child-protection referral is required.");

        HtmlPage queue = looker.getPage(url("/queue"));
        String listed = queue.getHtmlElementById("queue").asNormalizedText();
        assertThat(listed.indexOf(adultNow.toString().substring(0, 8)))
                .as("both are urgent, the older first")
                .isLessThan(listed.indexOf(childNow.toString().substring(0, 8)));
        assertThat(queue.getHtmlElementById("row-" + childNow).asNormalizedText())
                .as("the tier says danger now; the row says a child too")
                .contains("Happening now · may involve a minor");
        assertThat(queue.getHtmlElementById("row-" + adultNow).asNormalizedText())
                .doesNotContain("minor");

        // Once child protection has the tip (a referral handed over by phone), the page says so instead.
        SETUP.execute("INSERT INTO referral (id, tip_id, destination_id, reference_number, recorded_by) VALUES ('"
                + UUID.randomUUID() + "', '" + childNow + "', 'ct-dcf-careline', 'DCF-1', '"
                + SETUP.staff("COORDINATOR").id() + "')");
        HtmlPage referred = looker.getPage(url("/tips/" + childNow));
        assertThat(referred.getElementById("minor-pending")).isNull();
        assertThat(referred.getHtmlElementById("minor-referred").asNormalizedText())
                .contains("Child protection has this tip");
    }

    @Test
    void openingIsNotClaimingAndTakeNextDoesNotSkipTheUrgentMinor() throws Exception {
        UUID standard = SETUP.fileTip(TipAnswers.builder()
                .location("Dock 4")
                .details("older, standard")
                .build());
        UUID childNow = SETUP.fileTip(minor(true));

        looker.getPage(url("/tips/" + childNow));
        assertThat(column(childNow, "status")).as("opening changes no status").isEqualTo("NEW");
        assertThat(column(childNow, "assignee")).isNull();

        HtmlPage taken = Browsers.submit(taker.getPage(url("/queue")), "take-next-form");
        assertThat(taken.getUrl().getPath()).isEqualTo("/tips/" + childNow);
        assertThat(column(childNow, "status")).isEqualTo("IN_REVIEW");

        HtmlPage next = Browsers.submit(taker.getPage(url("/queue")), "take-next-form");
        assertThat(next.getUrl().getPath()).isEqualTo("/tips/" + standard);
    }

    @Test
    void anUnassignedTipInAnyOpenStatusIsClaimableInTierOrder() throws Exception {
        UUID standard = SETUP.fileTip(
                TipAnswers.builder().location("Dock 5").details("standard").build());
        UUID minor = SETUP.fileTip(minor(false));
        try (var owner = SETUP.database.connectAsOwner()) {
            owner.createStatement()
                    .executeUpdate("UPDATE tip SET status = 'AWAITING_TIPSTER' WHERE id = '" + minor + "'");
        }

        HtmlPage taken = Browsers.submit(taker.getPage(url("/queue")), "take-next-form");

        assertThat(taken.getUrl().getPath()).isEqualTo("/tips/" + minor);
        assertThat(column(minor, "status"))
                .as("a claim keeps a status other than NEW")
                .isEqualTo("AWAITING_TIPSTER");
        assertThat(column(standard, "assignee")).isNull();
    }

    private static TipAnswers minor(boolean happeningNow) {
        return TipAnswers.builder()
                .location("Harbor Motel")
                .happeningNow(happeningNow)
                .youngestAge("12-17")
                .details("room 112")
                .build();
    }

    private static String column(UUID tipId, String column) throws SQLException {
        return SETUP.text("SELECT " + column + " FROM tip WHERE id = ?", tipId);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
