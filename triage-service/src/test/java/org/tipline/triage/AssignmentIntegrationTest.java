package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.Test;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Browsers;

/** A tip goes only to someone who can read it; whoever cannot is told who can grant the key; disabled shows as such. */
@TriageIntegrationTest
class AssignmentIntegrationTest extends SignedInCoordinatorTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @Test
    void aCoordinatorWithoutTheKeyIsRefusedWithWhoCanGrantIt() throws Exception {
        UUID tipId = SETUP.fileTip(TipAnswers.builder().location("Key Street").build());
        var keyless = SETUP.staff("COORDINATOR");
        SETUP.execute("DELETE FROM key_grant WHERE staff_id = '" + keyless.id() + "'");

        HtmlPage page = browser.getPage(url("/tips/" + tipId));
        page.<HtmlSelect>getHtmlElementById("assignee-select")
                .setSelectedAttribute(keyless.id().toString(), true);
        HtmlPage refused = Browsers.submit(page, "assign-form");

        assertThat(refused.asNormalizedText())
                .contains("Test " + keyless.username() + " holds no key for this tip and could not open it.")
                .contains("can grant it on the Keys page: ")
                .contains("Test " + coordinator.username());
        assertThat(SETUP.text("SELECT assignee FROM tip WHERE id = '" + tipId + "'"))
                .isNull();

        try (WebClient theirs = Browsers.withoutJavaScript()) {
            keyless.signIn(theirs, url(""));
            HtmlPage cannot = theirs.getPage(url("/tips/" + tipId));
            assertThat(cannot.getWebResponse().getStatusCode()).isEqualTo(403);
            assertThat(cannot.asNormalizedText())
                    .contains("Test " + coordinator.username())
                    .doesNotContain("supervisor");
        }
    }

    @Test
    void aDisabledAssigneeShowsAsDisabledNotAsNobody() throws Exception {
        UUID tipId = SETUP.fileTip(TipAnswers.builder().location("Gone Avenue").build());
        var leaver = SETUP.staff("COORDINATOR");
        HtmlPage page = browser.getPage(url("/tips/" + tipId));
        page.<HtmlSelect>getHtmlElementById("assignee-select")
                .setSelectedAttribute(leaver.id().toString(), true);
        Browsers.submit(page, "assign-form");
        SETUP.execute("UPDATE staff SET enabled = false WHERE id = '" + leaver.id() + "'");

        HtmlPage after = browser.getPage(url("/tips/" + tipId));

        assertThat(after.<HtmlSelect>getHtmlElementById("assignee-select")
                        .getSelectedOptions()
                        .get(0)
                        .getText())
                .isEqualTo("Test " + leaver.username() + " (account disabled)");
    }
}
