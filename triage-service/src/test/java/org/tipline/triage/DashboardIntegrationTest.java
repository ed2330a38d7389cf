package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Browsers;
import org.tipline.triage.dashboard.Dashboard;

/** The dashboard's numbers against tips whose history is known exactly. */
@TriageIntegrationTest(properties = "tipline.triage.dashboard.refresh=PT1H")
class DashboardIntegrationTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @LocalServerPort
    int port;

    @Autowired
    Dashboard dashboard;

    @Test
    void countsTimingsBreachesAndBacklogMatchTheKnownHistory() throws Exception {
        var coordinator = SETUP.staff("COORDINATOR");
        UUID referred = tip(
                "hotel-motel",
                false,
                "received_at = now() - interval '2 days', first_looked_at = now() - interval '2 days' + interval '30 minutes', status = 'REFERRED'");
        try (var owner = SETUP.database.connectAsOwner();
                var insert =
                        owner.prepareStatement("INSERT INTO referral (id, tip_id, destination_id, reference_number, "
                                + "recorded_by, recorded_at) VALUES (?, ?, 'norwalk-police-tips', 'R1', ?, "
                                + "now() - interval '2 days' + interval '120 minutes')")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, referred);
            insert.setObject(3, coordinator.id());
            insert.executeUpdate();
        }
        tip(
                "residence",
                false,
                "channel = 'phone', received_at = now() - interval '3 days', first_looked_at = now() - interval '3 days' "
                        + "+ interval '2000 minutes', status = 'CLOSED', close_reason = 'SPAM', closed_at = now()");
        tip(
                "street",
                true,
                "channel = 'walk-in', received_at = now() - interval '30 minutes', child_protection_required = true");
        tip(
                "massage-parlor",
                false,
                "received_at = now() - interval '20 days', first_looked_at = now() - interval "
                        + "'20 days' + interval '10 minutes', status = 'IN_REVIEW'");

        var supervisor = SETUP.staff("SUPERVISOR");
        dashboard.refresh();
        try (WebClient browser = Browsers.withoutJavaScript()) {
            supervisor.signIn(browser, url(""));
            HtmlPage page = browser.getPage(url("/dashboard"));
            assertThat(page.getHtmlElementById("computed").asNormalizedText()).startsWith("Figures as of ");

            assertThat(rows(page, "by-tier")).containsExactly("Happening now 1", "Standard 3");
            assertThat(rows(page, "by-minor"))
                    .as("the child in danger now is in the first tier and still counted as a minor")
                    .containsExactly("May involve a minor 1", "No sign of a minor 3");
            assertThat(rows(page, "by-outcome"))
                    .containsExactlyInAnyOrder("Closed (Spam or abuse) 1", "Forwarded 1", "New 1", "In review 1");
            assertThat(rows(page, "by-place")).contains("Hotel or motel 1", "Street or parking lot 1");
            assertThat(rows(page, "by-channel")).containsExactly("Web form 2", "Phone call 1", "In person (walk-in) 1");
            assertThat(rows(page, "backlog")).containsExactly("Under an hour 1", "1 to 7 days 1", "Over a week 1");
            assertThat(page.getHtmlElementById("timing-STANDARD")
                            .asNormalizedText()
                            .replace("\t", " "))
                    .isEqualTo("Standard 3 30 120 1440 1");
            assertThat(page.getHtmlElementById("timing-IMMEDIATE")
                            .asNormalizedText()
                            .replace("\t", " "))
                    .isEqualTo("Happening now 1 — — 15 1");
            assertThat(page.getByXPath("//*[local-name()='svg']//*[local-name()='rect']"))
                    .hasSizeGreaterThanOrEqualTo(10);

            // Page views read the figures computed last; the next refresh takes in what arrived since.
            tip("street", true, "received_at = now() - interval '5 minutes'");
            assertThat(rows(browser.getPage(url("/dashboard")), "by-tier"))
                    .containsExactly("Happening now 1", "Standard 3");
            dashboard.refresh();
            assertThat(rows(browser.getPage(url("/dashboard")), "by-tier"))
                    .containsExactly("Happening now 2", "Standard 3");
        }
    }

    private static UUID tip(String placeType, boolean happeningNow, String history) throws SQLException {
        UUID id = SETUP.fileTip(TipAnswers.builder()
                .location("somewhere")
                .placeType(placeType)
                .happeningNow(happeningNow)
                .build());
        try (var owner = SETUP.database.connectAsOwner()) {
            owner.createStatement().executeUpdate("UPDATE tip SET " + history + " WHERE id = '" + id + "'");
        }
        return id;
    }

    private static List<String> rows(HtmlPage page, String tableId) {
        return page.getHtmlElementById(tableId).getElementsByTagName("tr").stream()
                .map(row -> row.asNormalizedText().replace("\t", " "))
                .toList();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
