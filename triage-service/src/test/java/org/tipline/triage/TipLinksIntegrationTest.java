package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextInput;
import org.junit.jupiter.api.Test;
import org.tipline.model.linking.BlindIndex;
import org.tipline.model.linking.Normalizers;
import org.tipline.model.tip.TipAnswers;
import org.tipline.model.tip.VehicleSeen;
import org.tipline.testsupport.Browsers;

/**
 * Tips that mention the same plate or phone number find each other through blind indexes, every match confirmed by
 * decryption; coordinators put tips in one case and close duplicates without losing either.
 */
@TriageIntegrationTest
class TipLinksIntegrationTest extends SignedInCoordinatorTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    @Test
    void tipsSharingAPlateOrAPhoneNumberAreLinkedAndAnIndexCollisionIsNot() throws Exception {
        UUID first = tip("AB-1234", "ct", "He said to call 203 555 0147 for a room.");
        UUID samePlate = tip("ab 1234", "", "Same van again tonight.");
        UUID samePhone = tip("", "", "The ad lists (203) 555-0147.");
        String colliding = plateWithTheSameIndexAs("CT:AB1234");
        UUID collision = tip(colliding, "CT", "Different van entirely.");
        UUID unrelated = tip("ZZ-999", "NY", "Nothing in common.");

        HtmlPage queue = browser.getPage(url("/queue"));
        HtmlPage indexed = Browsers.submit(queue, "index-links-form");
        assertThat(indexed.asNormalizedText()).contains("older tips checked for shared plates");

        HtmlPage page = browser.getPage(url("/tips/" + first));
        String plateLink = page.getHtmlElementById("link-PLATE").asNormalizedText();
        assertThat(plateLink)
                .startsWith("1 other tip mentions this plate: CT:AB1234")
                .contains("Tip " + samePlate.toString().substring(0, 8))
                .doesNotContain(collision.toString().substring(0, 8))
                .doesNotContain(unrelated.toString().substring(0, 8));
        assertThat(page.getHtmlElementById("link-PHONE").asNormalizedText())
                .startsWith("1 other tip mentions this phone number: +12035550147")
                .contains("Tip " + samePhone.toString().substring(0, 8));
        // The colliding tip was a candidate (same stored index value) and was ruled out by decrypting it.
        assertThat(indexValue(collision, "PLATE")).isEqualTo(indexValue(first, "PLATE"));
        assertThat(storedIndexesHoldOnlyNumbers()).isTrue();
    }

    @Test
    void tipsJoinOneCaseAndADuplicateIsClosedWhileBothAreKept() throws Exception {
        UUID original = tip("CD-5678", "CT", "Original report.");
        UUID again = tip("cd5678", "CT", "Reported again by someone else.");
        UUID third = tip("", "", "A third tip about the same house.");
        Browsers.submit(browser.getPage(url("/queue")), "index-links-form");

        HtmlPage page = browser.getPage(url("/tips/" + original));
        HtmlForm sameCase = page.getHtmlElementById("link-PLATE").getFirstByXPath(".//form");
        HtmlPage linked = sameCase.<HtmlButton>getFirstByXPath(".//button").click();
        assertThat(linked.getHtmlElementById("case-members").asNormalizedText())
                .contains("Tip " + again.toString().substring(0, 8));

        HtmlPage thirdPage = browser.getPage(url("/tips/" + third));
        thirdPage.<HtmlTextInput>getHtmlElementById("case-other").setValue("not-an-id");
        HtmlPage refused = Browsers.submit(thirdPage, "case-form");
        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(refused.getHtmlElementById("refusal").asNormalizedText()).contains("“not-an-id” is not a tip id");
        // A refused id is named in the refusal, never put back into a box.
        assertThat(refused.<HtmlTextInput>getHtmlElementById("case-other").getValue())
                .isEmpty();

        // The short id the console shows is enough.
        refused.<HtmlTextInput>getHtmlElementById("duplicate-of")
                .setValue("Tip " + original.toString().substring(0, 8));
        HtmlPage merged = Browsers.submit(refused, "duplicate-form");
        assertThat(merged.getHtmlElementById("tip-state").asNormalizedText())
                .contains("Status: Closed")
                .contains("Duplicate of another tip");

        HtmlPage originalPage = browser.getPage(url("/tips/" + original));
        assertThat(originalPage.getHtmlElementById("case-members").asNormalizedText())
                .contains("Tip " + again.toString().substring(0, 8))
                .contains("Tip " + third.toString().substring(0, 8))
                .contains("duplicate of this tip");
        assertThat(SETUP.count(
                        "SELECT count(*) FROM tip_content WHERE tip_id IN ('" + original + "', '" + third + "')"))
                .isEqualTo(2);
        assertThat(SETUP.count("SELECT count(DISTINCT case_id) FROM tip_case WHERE tip_id IN ('" + original + "', '"
                        + again + "', '" + third + "')"))
                .isEqualTo(1);
        assertThat(SETUP.count("SELECT count(*) FROM audit_entry WHERE action = 'MERGED_AS_DUPLICATE' AND tip_id = '"
                        + third + "'"))
                .isEqualTo(1);
    }

    private UUID tip(String plate, String plateState, String details) throws SQLException {
        List<VehicleSeen> vehicles = plate.isEmpty()
                ? List.of()
                : List.of(new VehicleSeen("Ford", "Transit", "white", plate, plateState, ""));
        return SETUP.fileTip(
                TipAnswers.builder().details(details).vehicleDetails(vehicles).build());
    }

    /** Searches for another Connecticut plate whose truncated index equals the given plate's. */
    private static String plateWithTheSameIndexAs(String normalized) {
        BlindIndex index = BlindIndex.forKind(BlindIndex.Kind.PLATE, SETUP.tipLineKey());
        int target = index.of(normalized);
        for (int n = 0; ; n++) {
            String candidate = "Q" + Integer.toString(n, 36).toUpperCase(java.util.Locale.ROOT);
            String other = Normalizers.plate("CT", candidate).orElseThrow();
            if (!other.equals(normalized) && index.of(other) == target) {
                return candidate;
            }
        }
    }

    private static int indexValue(UUID tipId, String kind) throws SQLException {
        return SETUP.count(
                "SELECT value FROM tip_blind_index WHERE tip_id = '" + tipId + "' AND kind = '" + kind + "'");
    }

    private static boolean storedIndexesHoldOnlyNumbers() throws SQLException {
        return SETUP.count("SELECT count(*) FROM information_schema.columns WHERE table_name = 'tip_blind_index' "
                        + "AND data_type NOT IN ('uuid', 'integer', 'text')")
                == 0;
    }
}
