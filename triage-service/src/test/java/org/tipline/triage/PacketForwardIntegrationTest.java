package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextInput;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipline.model.tip.PersonSeen;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Browsers;

/**
 * A minor's packet goes to child protection first, names the organisation and how to call back, prints words not
 * codes, and once handed over is recorded as a forward that lets the tip close.
 */
@TriageIntegrationTest
class PacketForwardIntegrationTest extends SignedInCoordinatorTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();
    static final String CALLBACK = "+1-203-555-0199 (tip line desk)";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("tipline.triage.referrals.callback-contact", () -> CALLBACK);
    }

    @Test
    void aMinorsPacketGoesToChildProtectionAndItsRecordedForwardLetsTheTipClose() throws Exception {
        UUID tipId = SETUP.fileTip(TipAnswers.builder()
                .location("Harbor Motel, room 112")
                .placeType("hotel-motel")
                .youngestAge("12-17")
                .details("Él le quitó el pasaporte.")
                .persons(List.of(new PersonSeen("possible-victim", "12-17", "", "", "", "", "", "", "")))
                .city("Norwalk")
                .build());

        HtmlPage form = browser.getPage(url("/tips/" + tipId + "/packet"));
        assertThat(form.<HtmlRadioButtonInput>getHtmlElementById("packet-destination-ct-dcf-careline")
                        .isChecked())
                .as("child protection is offered first for a minor")
                .isTrue();

        Page pdf = form.getHtmlElementById("packet-form")
                .<HtmlButton>getOneHtmlElementByAttribute("button", "value", "pdf")
                .click();
        String printed;
        try (var document =
                Loader.loadPDF(pdf.getWebResponse().getContentAsStream().readAllBytes())) {
            printed = new PDFTextStripper().getText(document);
        }
        assertThat(printed)
                .contains("Referral from Norwalk Anonymous Trafficking Tip Line")
                .contains("Questions about this referral: " + CALLBACK)
                .contains("Hotel or motel / Hotel o motel")
                .contains("Possibly being exploited / Posiblemente explotada")
                .contains("Él le quitó el pasaporte.")
                .doesNotContain("hotel-motel")
                .doesNotContain("possible-victim");

        String reference =
                form.<HtmlTextInput>getHtmlElementById("forward-reference").getValue();
        assertThat(reference).startsWith("Packet ");
        assertThat(printed).contains("Packet: " + reference.substring("Packet ".length()));
        assertThat(form.<HtmlSelect>getHtmlElementById("forward-destination")
                        .getSelectedOptions()
                        .get(0)
                        .getValueAttribute())
                .isEqualTo("ct-dcf-careline");
        form.<HtmlInput>getHtmlElementById("forward-contact").setValue("Intake worker Núñez");
        HtmlPage recorded = Browsers.submit(form, "record-forward-form");

        assertThat(recorded.getHtmlElementById("referrals").asNormalizedText())
                .contains("Connecticut Department of Children and Families (DCF) Careline")
                .contains("reference " + reference)
                .contains("spoke to Intake worker Núñez");
        recorded.<HtmlSelect>getHtmlElementById("status-select").setSelectedAttribute("CLOSED", true);
        recorded.<HtmlSelect>getHtmlElementById("reason-select").setSelectedAttribute("REFERRED", true);
        Browsers.submit(recorded, "status-form");
        assertThat(status(tipId)).isEqualTo("CLOSED");
    }

    private static String status(UUID tipId) throws SQLException {
        return SETUP.text("SELECT status FROM tip WHERE id = ?", tipId);
    }
}
