package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlRadioButtonInput;
import org.htmlunit.html.HtmlTextInput;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.testsupport.Browsers;

/** A child in danger right now: the receipt says to call 911 now and that child protection will be involved. */
@IntakeIntegrationTest
class MinorInDangerReceiptIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theReceiptSaysCallNowAndTheTipIsUrgentWithChildProtectionRequired() throws Exception {
        try (WebClient browser = Browsers.withoutJavaScript()) {
            HtmlPage form = browser.getPage("http://localhost:" + port + "/");
            form.<HtmlTextInput>getHtmlElementById("location").type("Harbor Motel, room 112");
            form.<HtmlRadioButtonInput>getHtmlElementById("youngestAge-12-17").setChecked(true);
            form.<HtmlCheckBoxInput>getHtmlElementById("happeningNow").setChecked(true);

            HtmlPage receipt = Browsers.sendTip(form);

            assertThat(receipt.asNormalizedText()).contains("call 911 now").contains("a minor may be involved");
        }
        try (var owner = IntakeTestDatabase.DATABASE.connectAsOwner();
                var rs = owner.createStatement()
                        .executeQuery("SELECT urgency_tier, urgency_rank, child_protection_required FROM tip "
                                + "ORDER BY received_at DESC LIMIT 1")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("IMMEDIATE");
            assertThat(rs.getInt(2)).isZero();
            assertThat(rs.getBoolean(3)).isTrue();
        }
    }
}
