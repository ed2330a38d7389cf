package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.tipline.model.tip.TipAnswers;

/**
 * The warning page in front of outside links opens only web addresses the tip itself contains, chosen by their place
 * in the tip's list: a phishing address put in the query, or a number past the list, gets our 404 page and no audit
 * entry, so the trail never records a link as followed from a tip that did not contain it.
 */
@TriageIntegrationTest
class LinkWarningIntegrationTest extends SignedInCoordinatorTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @Test
    void onlyAnAddressTheTipContainsIsServedAndAudited() throws Exception {
        UUID tipId = tipWith("ads at https://ads.example/a and www.second.example/b.");
        UUID otherTip = tipWith("no addresses here");
        browser.getPage(url("/tips/" + tipId));
        browser.getPage(url("/tips/" + otherTip));

        List<String> refused = new ArrayList<>();
        for (String query : List.of(
                "url=https%3A%2F%2Fphish.example%2Flogin",
                "n=2", "n=-1", "n=99999", "n=0x1", "n=", "n=1&url=https%3A%2F%2Fphish.example%2Flogin")) {
            Page page =
                    browser.getPage(url("/tips/" + (query.startsWith("n=1&") ? otherTip : tipId) + "/link?" + query));
            var response = page.getWebResponse();
            if (response.getStatusCode() != 404
                    || !response.getContentAsString().contains("That is not a web address from this tip.")
                    || response.getContentAsString().contains("phish.example")) {
                refused.add(query + " -> " + response.getStatusCode());
            }
        }
        assertThat(refused).as("answered other than with our 404 page").isEmpty();
        assertThat(followed(tipId)).isEmpty();
        assertThat(followed(otherTip)).isEmpty();

        HtmlPage warning = browser.getPage(url("/tips/" + tipId + "/link?n=1"));
        assertThat(warning.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(warning.getHtmlElementById("leave").getAttribute("href")).isEqualTo("https://www.second.example/b");
        assertThat(followed(tipId)).containsExactly("link=1");

        HtmlPage tip = browser.getPage(url("/tips/" + tipId));
        HtmlPage first = tip.getAnchors().stream()
                .filter(a -> a.getTextContent().equals("Open with warning"))
                .findFirst()
                .orElseThrow()
                .click();
        assertThat(first.getHtmlElementById("leave").getAttribute("href")).isEqualTo("https://ads.example/a");
        assertThat(followed(tipId)).containsExactly("link=1", "link=0");
    }

    private static UUID tipWith(String onlineDetails) throws SQLException {
        return SETUP.fileTip(TipAnswers.builder().onlineDetails(onlineDetails).build());
    }

    private static List<String> followed(UUID tipId) throws SQLException {
        List<String> details = new ArrayList<>();
        try (var owner = SETUP.database.connectAsOwner();
                var select = owner.prepareStatement(
                        "SELECT detail FROM audit_entry WHERE action = 'LINK_FOLLOWED' AND tip_id = ? ORDER BY sequence")) {
            select.setObject(1, tipId);
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    details.add(rs.getString(1));
                }
            }
        }
        return details;
    }
}
