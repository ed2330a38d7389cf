package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.html.HtmlTextArea;
import org.htmlunit.html.HtmlTextInput;
import org.junit.jupiter.api.Test;
import org.tipline.model.tip.TipAnswers;
import org.tipline.testsupport.Browsers;

/**
 * What staff type arrives exactly as typed, whatever the script: Spanish punctuation and accents, a right-to-left
 * name, Chinese and an emoji, through every console form that takes text, into the tipster's page, the packet PDF
 * (its extracted text) and the HTCDS JSON.
 */
@TriageIntegrationTest
class StaffTextIntegrationTest extends SignedInCoordinatorTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();

    static final String SPANISH =
            "¿Vio hacia dónde se fue la camioneta? Él le quitó el pasaporte; pingüino, niño, café";
    static final String HEBREW_NAME = "דנה לוי";
    static final String CHINESE = "北京市朝阳区";
    static final String EMOJI = "😊";
    static final String EVERY_SCRIPT = SPANISH + " " + HEBREW_NAME + " " + CHINESE + " " + EMOJI;

    @Test
    void notesQuestionsAndLabelsKeepEveryScript() throws Exception {
        var filed = SETUP.fileSealedTip(
                TipAnswers.builder().location("Motel del Río").details(SPANISH).build());
        HtmlPage tip = browser.getPage(url("/tips/" + filed.id()));

        tip.<HtmlTextArea>getHtmlElementById("note").setText(EVERY_SCRIPT);
        tip = Browsers.submit(tip, "note-form");
        assertThat(tip.getHtmlElementById("timeline-entries").asNormalizedText())
                .contains(EVERY_SCRIPT);

        tip.<HtmlTextArea>getHtmlElementById("message").setText(EVERY_SCRIPT);
        tip = Browsers.submit(tip, "message-form");
        assertThat(SETUP.tipsterSees(filed.receipt())).containsExactly("TO_TIPSTER: " + EVERY_SCRIPT);

        tip.<HtmlTextInput>getHtmlElementById("labels-input").setValue("niño-pingüino, דחוף, 紧急");
        tip = Browsers.submit(tip, "labels-form");
        assertThat(tip.<HtmlTextInput>getHtmlElementById("labels-input").getValue())
                .isEqualTo("niño-pingüino, דחוף, 紧急");
        assertThat(SETUP.text("SELECT array_to_string(labels, ',') FROM tip WHERE id = '" + filed.id() + "'"))
                .isEqualTo("niño-pingüino,דחוף,紧急");
    }

    @Test
    void aRecordedForwardKeepsTheContactsName() throws Exception {
        UUID tipId = SETUP.fileTip(
                TipAnswers.builder().location("Calle Ñandú 5").details(SPANISH).build());
        HtmlPage tip = browser.getPage(url("/tips/" + tipId));
        tip.<HtmlRadioButtonInput>getHtmlElementById("destination-norwalk-police-tips")
                .setChecked(true);
        tip.<HtmlTextInput>getHtmlElementById("referenceNumber").setValue("Nº-ü-42");
        tip.<HtmlTextInput>getHtmlElementById("contactPerson").setValue("Agente Núñez " + HEBREW_NAME + " " + EMOJI);
        tip.<HtmlInput>getHtmlElementById("contactedAt").setValue("2026-01-15T09:30");

        HtmlPage recorded = Browsers.submit(tip, "referral-form");

        assertThat(recorded.getHtmlElementById("referrals").asNormalizedText())
                .contains("reference Nº-ü-42")
                .contains("spoke to Agente Núñez " + HEBREW_NAME + " " + EMOJI);
    }

    @Test
    void packetTextPrintsInThePdfAndStaysExactInTheJson() throws Exception {
        UUID tipId = SETUP.fileTip(TipAnswers.builder()
                .location("Motel del Río")
                .details("original")
                .build());
        HtmlPage form = browser.getPage(url("/tips/" + tipId + "/packet"));
        form.<HtmlRadioButtonInput>getHtmlElementById("packet-destination-norwalk-police-tips")
                .setChecked(true);
        form.<HtmlCheckBoxInput>getHtmlElementById("field-DETAILS").setChecked(true);
        form.<HtmlTextArea>getHtmlElementById("details").setText(EVERY_SCRIPT);

        Page pdf = press(form, "pdf");
        assertThat(pdf.getWebResponse().getContentType()).isEqualTo("application/pdf");
        try (var document =
                Loader.loadPDF(pdf.getWebResponse().getContentAsStream().readAllBytes())) {
            String printed = new PDFTextStripper().getText(document);
            assertThat(printed)
                    .contains(SPANISH)
                    .contains(HEBREW_NAME)
                    .contains(CHINESE)
                    .contains(EMOJI);
        }

        Page json = press(form, "json");
        assertThat(json.getWebResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains(EVERY_SCRIPT);
    }

    @Test
    void anAdministratorsDisplayNameKeepsEveryScript() throws Exception {
        var admin = SETUP.staff("ADMIN");
        String displayName = "José Ñúñez " + HEBREW_NAME + " " + CHINESE + " " + EMOJI;
        try (WebClient adminBrowser = Browsers.withoutJavaScript()) {
            HtmlPage staff = admin.signIn(adminBrowser, url(""));
            staff.<HtmlTextInput>getHtmlElementById("new-username").type("jose-" + System.nanoTime() % 100000);
            staff.<HtmlTextInput>getHtmlElementById("new-display-name").setValue(displayName);
            staff.<HtmlCheckBoxInput>getHtmlElementById("new-role-COORDINATOR").setChecked(true);
            HtmlPage created = Browsers.submit(staff, "create-staff-form");
            assertThat(created.asNormalizedText()).contains(displayName);
        }
        assertThat(SETUP.text(
                        "SELECT count(*) FROM staff WHERE display_name = '" + displayName.replace("'", "''") + "'"))
                .isEqualTo("1");
    }

    private static Page press(HtmlPage form, String action) throws java.io.IOException {
        return form.getHtmlElementById("packet-form")
                .<HtmlButton>getOneHtmlElementByAttribute("button", "value", action)
                .click();
    }
}
