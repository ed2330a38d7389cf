package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.tip.TipAnswers;

/**
 * The call form's person and vehicle blocks and its callback number, in a browser without JavaScript over real HTTP
 * on real PostgreSQL: blocks are added by plain buttons with everything typed kept, sealed into the answers like the
 * public form's; bad blocks and a number the caller did not ask to be kept are refused with 422 and nothing filed; a
 * number the caller asked to be kept is sealed in the answers, and is nowhere in the database in clear nor in the log.
 */
@TriageIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class CallTipPeopleAndCallbackIntegrationTest extends SignedInCoordinatorTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();
    static final String PLACE = "Lakeside Nail Bar, 9 Ferry Road";
    static final String CALLBACK = "+1 (860) 555-0142";

    @Test
    void peopleAndVehiclesAreAddedWithoutJavaScriptKeptAndSealedLikeThePublicFormsBlocks() throws Exception {
        long before = tipCount();
        HtmlPage form = browser.getPage(url("/calls/new"));
        assertThat(form.querySelectorAll("fieldset.person")).hasSize(1);
        text(form, "location", PLACE);
        form.<HtmlRadioButtonInput>getHtmlElementById("person-0-role-possible-victim")
                .setChecked(true);
        form.<HtmlSelect>getHtmlElementById("person-0-age").setSelectedAttribute("12-17", true);
        text(form, "person-0-clothing", "green school uniform");

        HtmlPage two = click(form, "add-person");
        assertThat(two.getWebResponse().getStatusCode()).isEqualTo(200);
        assertThat(two.querySelectorAll("fieldset.person")).hasSize(2);
        assertThat(value(two, "location")).isEqualTo(PLACE);
        assertThat(value(two, "person-0-clothing")).isEqualTo("green school uniform");
        assertThat(two.<HtmlRadioButtonInput>getHtmlElementById("person-0-role-possible-victim")
                        .isChecked())
                .isTrue();
        assertThat(two.<HtmlSelect>getHtmlElementById("person-0-age")
                        .getSelectedOptions()
                        .get(0)
                        .getValueAttribute())
                .isEqualTo("12-17");
        two.<HtmlRadioButtonInput>getHtmlElementById("person-1-role-possible-controller")
                .setChecked(true);
        text(two, "person-1-marks", "snake tattoo on the left hand");

        HtmlPage three = click(two, "add-vehicle");
        assertThat(three.querySelectorAll("fieldset.vehicle")).hasSize(2);
        assertThat(value(three, "person-1-marks")).isEqualTo("snake tattoo on the left hand");
        text(three, "vehicle-0-color", "silver");
        text(three, "vehicle-0-plate", "KLM-4471");
        assertThat(tipCount()).as("adding blocks files nothing").isEqualTo(before);

        HtmlPage filed = click(three, "file-call");
        UUID tipId = tipFiledUnder(filed.getHtmlElementById("receipt").asNormalizedText());
        TipAnswers sealed = SETUP.answersOf(tipId);
        assertThat(sealed.persons()).hasSize(2);
        assertThat(sealed.persons().get(0).role()).isEqualTo("possible-victim");
        assertThat(sealed.persons().get(0).ageRange()).isEqualTo("12-17");
        assertThat(sealed.persons().get(1).marks()).isEqualTo("snake tattoo on the left hand");
        assertThat(sealed.vehicleDetails()).singleElement().satisfies(v -> {
            assertThat(v.plate()).isEqualTo("KLM-4471");
            assertThat(v.color()).isEqualTo("silver");
        });
        assertThat(sealed.callback()).isEmpty();
        // A person's apparent age counts for the urgency rules as on the public form: a minor needs child protection.
        assertThat(childProtectionRequired(tipId)).isTrue();

        HtmlPage tip = browser.getPage(url("/tips/" + tipId));
        assertThat(tip.getHtmlElementById("answer-person-0").asNormalizedText()).contains("green school uniform");
        assertThat(tip.getHtmlElementById("answer-vehicle-0").asNormalizedText())
                .contains("KLM-4471");
        assertThat(tip.getElementById("answer-callback")).isNull();
    }

    @Test
    void badBlocksAndANumberTheCallerDidNotAskToKeepAreRefusedKeptAndFileNothing() throws Exception {
        long before = tipCount();
        HtmlPage form = browser.getPage(url("/calls/new"));
        text(form, "location", PLACE);
        String tooLong = "x".repeat(301);
        text(form, "person-0-clothing", tooLong);
        text(form, "callback-number", "860 555 0199");

        HtmlPage refused = click(form, "file-call");
        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(refused.getHtmlElementById("call-errors").asNormalizedText())
                .contains("up to 300 characters")
                .contains("to keep this number, or clear it");
        assertThat(refused.getElementById("person-0-error")).isNotNull();
        assertThat(refused.getElementById("callback-error")).isNotNull();
        assertThat(value(refused, "person-0-clothing")).isEqualTo(tooLong);
        assertThat(value(refused, "callback-number")).isEqualTo("860 555 0199");
        assertThat(value(refused, "location")).isEqualTo(PLACE);

        // A role the form does not offer, and a box ticked over something that is not a phone number.
        text(refused, "person-0-clothing", "grey coat");
        refused.<HtmlRadioButtonInput>getHtmlElementById("person-0-role-buyer").setValueAttribute("boss");
        refused.<HtmlRadioButtonInput>getHtmlElementById("person-0-role-buyer").setChecked(true);
        refused.<HtmlCheckBoxInput>getHtmlElementById("callbackWanted").setChecked(true);
        text(refused, "callback-number", "call after noon");
        HtmlPage again = click(refused, "file-call");
        assertThat(again.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(again.getHtmlElementById("person-0-error").asNormalizedText())
                .contains("Choose one of the options");
        assertThat(again.getHtmlElementById("callback-error").asNormalizedText())
                .contains("Type a phone number");
        assertThat(again.<HtmlCheckBoxInput>getHtmlElementById("callbackWanted").isChecked())
                .isTrue();

        text(again, "callback-number", "");
        HtmlPage missing = click(again, "file-call");
        assertThat(missing.getHtmlElementById("callback-error").asNormalizedText())
                .contains("Type the number");
        assertThat(tipCount()).isEqualTo(before);
    }

    @Test
    void aNumberTheCallerAskedToKeepIsSealedInTheAnswersAndNowhereInClear(CapturedOutput output) throws Exception {
        HtmlPage form = browser.getPage(url("/calls/new"));
        text(form, "location", PLACE);
        form.<HtmlTextArea>getHtmlElementById("details").setText("Caller works next door; asked us to call back.");
        form.<HtmlCheckBoxInput>getHtmlElementById("callbackWanted").setChecked(true);
        text(form, "callback-number", CALLBACK);
        HtmlPage filed = click(form, "file-call");
        UUID tipId = tipFiledUnder(filed.getHtmlElementById("receipt").asNormalizedText());

        assertThat(SETUP.answersOf(tipId).callback()).isEqualTo(CALLBACK);
        HtmlPage tip = browser.getPage(url("/tips/" + tipId));
        assertThat(tip.getHtmlElementById("answer-callback").asNormalizedText()).isEqualTo(CALLBACK);

        // The scan finds what is in clear (the audit entry's action), so finding nothing of the number means something.
        assertThat(storedInClear("TIP_ENTERED")).isNotEmpty();
        assertThat(storedInClear("555-0142", "5550142", "8605550142")).isEmpty();
        assertThat(output.getAll()).doesNotContain("555-0142").doesNotContain("5550142");
    }

    /** Every table of the schema where any column of any row holds a needle as text, or as bytes in a bytea. */
    private static List<String> storedInClear(String... needles) throws SQLException {
        List<String> found = new ArrayList<>();
        try (var owner = SETUP.database.connectAsOwner();
                var tables = owner.createStatement()
                        .executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            for (String table : names) {
                for (String needle : needles) {
                    String hex = HexFormat.of().formatHex(needle.getBytes(StandardCharsets.UTF_8));
                    try (var query = owner.prepareStatement(
                            "SELECT count(*) FROM " + table + " r WHERE r::text LIKE ? OR r::text LIKE ?")) {
                        query.setString(1, "%" + needle + "%");
                        query.setString(2, "%" + hex + "%");
                        try (var rs = query.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                found.add(table + ": " + needle);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    private static void text(HtmlPage page, String id, String value) {
        page.<HtmlInput>getHtmlElementById(id).setValue(value);
    }

    private static String value(HtmlPage page, String id) {
        return page.<HtmlInput>getHtmlElementById(id).getValue();
    }

    private static HtmlPage click(HtmlPage page, String buttonId) throws java.io.IOException {
        return page.<HtmlElement>getHtmlElementById(buttonId).click();
    }

    private static UUID tipFiledUnder(String receipt) throws SQLException {
        try (var owner = SETUP.database.connectAsOwner();
                var query = owner.prepareStatement("SELECT id FROM tip WHERE receipt_lookup = ?")) {
            query.setBytes(1, Receipt.lookupId(receipt));
            try (var rs = query.executeQuery()) {
                assertThat(rs.next()).as("a tip filed under " + receipt).isTrue();
                return rs.getObject(1, UUID.class);
            }
        }
    }

    private static boolean childProtectionRequired(UUID tipId) throws SQLException {
        return Boolean.parseBoolean(SETUP.text("SELECT child_protection_required::text FROM tip WHERE id = ?", tipId));
    }

    private static long tipCount() throws SQLException {
        return SETUP.count("SELECT count(*) FROM tip");
    }
}
