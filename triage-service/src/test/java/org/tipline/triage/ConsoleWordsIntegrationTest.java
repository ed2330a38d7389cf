package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextInput;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.testsupport.Browsers;

/**
 * Issue 17: the queue and the tip page show statuses, timeline actions, place types and assignees in words, in the
 * coordinator's language, and times in the deployment's zone (the shipped seeds say America/New_York) with the UTC
 * time on hover. The database keeps its codes.
 */
@TriageIntegrationTest
class ConsoleWordsIntegrationTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @LocalServerPort
    int port;

    @Test
    void statusesActionsPlacesAndAssigneesReadAsWordsInEnglishAndSpanish() throws Exception {
        var colleague = SETUP.staff("COORDINATOR");
        UUID tipId = SETUP.fileTip(TriageTestSetup.atAMotel("Harbor Motel", ""));
        var coordinator = SETUP.staff("COORDINATOR");
        try (WebClient browser = Browsers.withoutJavaScript()) {
            coordinator.signIn(browser, url(""));
            HtmlPage tip = Browsers.submit(browser.getPage(url("/tips/" + tipId)), "take-form");
            tip.<HtmlSelect>getHtmlElementById("assignee-select")
                    .setSelectedAttribute(colleague.id().toString(), true);
            tip = Browsers.submit(tip, "assign-form");
            tip.<HtmlSelect>getHtmlElementById("status-select").setSelectedAttribute("AWAITING_TIPSTER", true);
            tip = Browsers.submit(tip, "status-form");

            String timeline = tip.getHtmlElementById("timeline-entries").asNormalizedText();
            assertThat(tip.getHtmlElementById("tip-state").asNormalizedText())
                    .contains("Status: Waiting for the tipster");
            assertThat(timeline)
                    .contains("Took the tip")
                    .contains("Assigned the tip to Test " + colleague.username())
                    .contains("Changed the status to Waiting for the tipster")
                    .doesNotContain("STATUS_CHANGED")
                    .doesNotContain("AWAITING_TIPSTER")
                    .doesNotContain(colleague.id().toString());
            assertInDeploymentZone(tip.getHtmlElementById("timeline-entries"));
            assertThat(tip.getHtmlElementById("answer-place-type").asNormalizedText())
                    .isEqualTo("Hotel or motel");

            HtmlPage queue = browser.getPage(url("/queue?status=AWAITING_TIPSTER"));
            DomElement row = queue.getHtmlElementById("row-" + tipId);
            assertThat(row.asNormalizedText())
                    .contains("Waiting for the tipster")
                    .contains("Hotel or motel")
                    .contains("Test " + colleague.username())
                    .doesNotContain("hotel-motel");
            assertInDeploymentZone(row);
            assertThat(queue.getHtmlElementById("index-links-form").asNormalizedText())
                    .isEqualTo("Find shared details in older tips");

            browser.addRequestHeader("Accept-Language", "es");
            HtmlPage spanish = browser.getPage(url("/tips/" + tipId));
            assertThat(spanish.getHtmlElementById("tip-state").asNormalizedText())
                    .contains("Esperando al informante")
                    .contains("Canal: Formulario web");
            assertThat(spanish.getHtmlElementById("timeline-entries").asNormalizedText())
                    .contains("Tomó el aviso")
                    .contains("Asignó el aviso a Test " + colleague.username())
                    .contains("Cambió el estado a Esperando al informante");
            assertThat(browser.<HtmlPage>getPage(url("/queue?status=AWAITING_TIPSTER"))
                            .getHtmlElementById("row-" + tipId)
                            .asNormalizedText())
                    .contains("Esperando al informante");

            // A forward names where it went, by the seeds' name in the reader's language.
            spanish.<HtmlRadioButtonInput>getHtmlElementById("destination-ct-dcf-careline")
                    .setChecked(true);
            spanish.<HtmlTextInput>getHtmlElementById("referenceNumber").setValue("CL-7");
            HtmlPage forwarded = Browsers.submit(spanish, "referral-form");
            assertThat(forwarded.getHtmlElementById("timeline-entries").asNormalizedText())
                    .contains("Anotó una derivación a Línea de atención del Departamento de Niños y Familias");
        }
        try (WebClient supervisor = Browsers.withoutJavaScript()) {
            SETUP.staff("SUPERVISOR").signIn(supervisor, url(""));
            HtmlPage trail = supervisor.getPage(url("/audit?tip=" + tipId));
            String actions = trail.getHtmlElementById("audit").asNormalizedText();
            assertThat(actions)
                    .contains("Assigned the tip to Test " + colleague.username())
                    .contains("Changed the status to Waiting for the tipster")
                    .contains("Tip " + tipId.toString().substring(0, 8))
                    .contains("Recorded a forward to Connecticut Department of Children and Families (DCF) Careline")
                    .doesNotContain("Changed the status to Tip");
            // The action menu names each action alone, not the start of a sentence.
            assertThat(trail.<org.htmlunit.html.HtmlSelect>getHtmlElementById("action").getOptions().stream()
                            .map(org.htmlunit.html.HtmlOption::getText)
                            .toList())
                    .contains("Changed the status", "Assigned the tip")
                    .doesNotContain("Changed the status to", "Assigned the tip to");

            // The short id the console shows filters the trail as the full id does; what is not an id is said.
            String shortId = tipId.toString().substring(0, 8);
            HtmlPage byShortId = supervisor.getPage(url("/audit?tip=Tip+" + shortId));
            assertThat(byShortId.getByXPath("//table[@id='audit']/tbody/tr/td[5]").stream()
                            .map(cell -> ((org.htmlunit.html.HtmlElement) cell)
                                    .getTextContent()
                                    .strip())
                            .distinct()
                            .toList())
                    .containsExactly("Tip " + shortId);
            assertThat(supervisor.<HtmlPage>getPage(url("/audit?tip=zz")).asNormalizedText())
                    .contains("Type a tip id as the console shows it");
            HtmlPage nobody = supervisor.getPage(url("/audit?actor=nobody-at-all"));
            assertThat(nobody.getElementById("no-entries")).isNotNull();
            HtmlPage capitals = supervisor.getPage(
                    url("/audit?actor=" + coordinator.username().toUpperCase()));
            assertThat(capitals.getElementById("no-entries"))
                    .as("a username in capitals finds its entries")
                    .isNull();
        }
        try (var owner = SETUP.database.connectAsOwner();
                var rs = owner.createStatement()
                        .executeQuery("SELECT detail FROM audit_entry WHERE action = 'STATUS_CHANGED' AND tip_id = '"
                                + tipId + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as("the audit keeps its codes").isEqualTo("status=AWAITING_TIPSTER");
        }
    }

    /** Every time shown reads in New York time; its datetime is the UTC instant and its title says it in UTC. */
    private static void assertInDeploymentZone(DomElement within) {
        var times = within.getElementsByTagName("time");
        assertThat(times).isNotEmpty();
        for (DomElement time : times) {
            Instant at = Instant.parse(time.getAttribute("datetime"));
            assertThat(time.asNormalizedText())
                    .isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH)
                            .withZone(ZoneId.of("America/New_York"))
                            .format(at));
            assertThat(time.getAttribute("title"))
                    .isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                            .withZone(ZoneId.of("UTC"))
                            .format(at));
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
